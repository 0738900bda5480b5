/**
 * Certificates and keys built in code for the tests (never committed): chains, expired and weak ones,
 * encrypted keys. Uses the same library as the generator, through Node's WebCrypto.
 */
import "reflect-metadata";
import { createPrivateKey, KeyObject, randomBytes, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(webcrypto as never);

const DAY_MS = 86_400_000;
const ec = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };

export type KeyKind = "ec" | "rsa1024" | "rsa2048";

export interface Issued {
  certPem: string;
  keyPem: string;
  keys: CryptoKeyPairLike;
  name: string;
}

type CryptoKeyPairLike = Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]["keys"];

function algorithmOf(kind: KeyKind) {
  return kind === "ec"
    ? ec
    : {
        name: "RSASSA-PKCS1-v1_5",
        modulusLength: kind === "rsa1024" ? 1024 : 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: "SHA-256",
      };
}

async function keyPem(keys: CryptoKeyPairLike): Promise<string> {
  return KeyObject.from(keys.privateKey as never).export({ type: "pkcs8", format: "pem" }) as string;
}

/**
 * A PEM block around a body that is not a real key (for malformed-input tests); the label is passed in, so no
 * file carries a literal private-key header.
 */
export function pemBlock(label: string, body: string): string {
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

export interface IssueOptions {
  name: string;
  sans?: string[];
  key?: KeyKind;
  /** Days from now; negative for the past. */
  notBeforeDays?: number;
  notAfterDays?: number;
  ca?: boolean;
  issuer?: Issued;
}

/** Issues a certificate (self-signed unless `issuer` is given). */
export async function issue(options: IssueOptions): Promise<Issued> {
  const kind = options.key ?? "ec";
  const algorithm = algorithmOf(kind);
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ["sign", "verify"])) as CryptoKeyPairLike;
  const now = Date.now();
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(options.ca ?? false, undefined, true),
  ];
  if (options.sans) {
    extensions.push(
      new x509.SubjectAlternativeNameExtension(
        options.sans.map((value) => ({ type: "dns" as const, value })),
      ),
    );
  }
  const common = {
    serialNumber: `01${randomBytes(8).toString("hex")}`,
    notBefore: new Date(now + (options.notBeforeDays ?? -1) * DAY_MS),
    notAfter: new Date(now + (options.notAfterDays ?? 365) * DAY_MS),
    extensions,
  };
  const certificate = options.issuer
    ? await x509.X509CertificateGenerator.create({
        ...common,
        subject: options.name,
        issuer: options.issuer.name,
        publicKey: keys.publicKey,
        signingKey: options.issuer.keys.privateKey,
        signingAlgorithm: algorithmOf("ec"),
      })
    : await x509.X509CertificateGenerator.createSelfSigned({
        ...common,
        name: options.name,
        keys,
        signingAlgorithm: algorithm,
      });
  return {
    certPem: `${certificate.toString("pem").trim()}\n`,
    keyPem: await keyPem(keys),
    keys,
    name: options.name,
  };
}

/** A root CA, an intermediate it signed, and a leaf for `hosts` signed by the intermediate. */
export async function caChain(
  hosts: string[],
): Promise<{ root: Issued; intermediate: Issued; leaf: Issued }> {
  const root = await issue({ name: "O=Test Root, CN=Test Root CA", ca: true, notAfterDays: 3650 });
  const intermediate = await issue({
    name: "O=Test Root, CN=Test Intermediate",
    ca: true,
    issuer: root,
    notAfterDays: 1825,
  });
  const leaf = await issue({ name: `CN=${hosts[0]}`, sans: hosts, issuer: intermediate });
  return { root, intermediate, leaf };
}

/** The same key encrypted with a passphrase, in the PKCS#8 form and in OpenSSL's legacy Proc-Type form. */
export function encryptedKeys(plainPem: string): { pkcs8: string; legacy: string } {
  const key = createPrivateKey(plainPem);
  return {
    pkcs8: key.export({
      type: "pkcs8",
      format: "pem",
      cipher: "aes-256-cbc",
      passphrase: "secret",
    }) as string,
    legacy: key.export({
      type: "sec1",
      format: "pem",
      cipher: "aes-256-cbc",
      passphrase: "secret",
    }) as string,
  };
}
