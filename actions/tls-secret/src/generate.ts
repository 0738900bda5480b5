/**
 * The self-signed development certificate: Owner = Issuer = `O=<organization>, CN=<first host>`, every host
 * in the subjectAltName, an EC P-256 key. Node has no certificate builder, so @peculiar/x509 encodes the
 * certificate over Node's own WebCrypto (the key never leaves this process).
 */
// tsyringe (used inside @peculiar/x509) needs the Reflect metadata polyfill loaded first.
import "reflect-metadata";
import { KeyObject, randomBytes, webcrypto } from "node:crypto";
import { isIP } from "node:net";
import * as x509 from "@peculiar/x509";

// The DOM Crypto type the library names is not in this project's lib; Node's webcrypto implements it.
x509.cryptoProvider.set(webcrypto as never);

export interface SelfSignedRequest {
  hosts: readonly string[];
  organization: string;
  validityDays: number;
  now: Date;
}

export interface GeneratedCertificate {
  certPem: string;
  keyPem: string;
}

/** RFC 4514 escaping of an attribute value (`,`, `+`, `"`, `\`, `<`, `>`, `;`, leading `#`/space, trailing space). */
export function escapeDnValue(value: string): string {
  return value
    .replace(/[\\,+"<>;=]/g, (char) => `\\${char}`)
    .replace(/^[#\s]/, (char) => `\\${char}`)
    .replace(/\s$/, (char) => `\\${char}`);
}

const DAY_MS = 86_400_000;

export async function generateSelfSigned(request: SelfSignedRequest): Promise<GeneratedCertificate> {
  const algorithm = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ["sign", "verify"]);
  const name = `O=${escapeDnValue(request.organization)}, CN=${escapeDnValue(request.hosts[0]!)}`;
  // Backdated a minute so a client whose clock lags slightly does not see a not-yet-valid certificate.
  const notBefore = new Date(Math.floor(request.now.getTime() / 1000) * 1000 - 60_000);
  // Rounded up to the second, so a fresh certificate shows the full validity-days left.
  const notAfter = new Date(Math.ceil(request.now.getTime() / 1000) * 1000 + request.validityDays * DAY_MS);
  // A positive 128-bit serial number (the top bit cleared keeps the DER INTEGER positive).
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString("hex"),
    name,
    notBefore,
    notAfter,
    signingAlgorithm: algorithm,
    keys: keys as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]["keys"],
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        request.hosts.map((host) =>
          isIP(host) ? { type: "ip", value: host } : { type: "dns", value: host },
        ),
      ),
      await x509.SubjectKeyIdentifierExtension.create(
        keys.publicKey as Parameters<typeof x509.SubjectKeyIdentifierExtension.create>[0],
      ),
    ],
  });
  // Node writes the PKCS#8 PEM itself; no hand-made armour.
  const keyPem = KeyObject.from(keys.privateKey).export({ type: "pkcs8", format: "pem" }) as string;
  return { certPem: `${certificate.toString("pem").trim()}\n`, keyPem };
}
