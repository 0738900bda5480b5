/**
 * Everything checked about a certificate chain and its key before the secret is written: PEM parses, the key
 * is unencrypted, strong enough and belongs to the leaf, the chain is in order, every certificate is valid
 * long enough, and the leaf covers every host. Pure: Node's X509Certificate and KeyObject, no cluster.
 */
import { createPrivateKey, type KeyObject, X509Certificate } from "node:crypto";
import { InputProblems } from "@mesh-secure/action-runtime";
import { type PemBlock, pemBlocks } from "./pem.ts";

const DAY_MS = 86_400_000;

/** What the summary and the outputs show about a certificate: the facts `keytool -printcert` prints. */
export interface CertificateFacts {
  subject: string;
  issuer: string;
  /** Subject alternative names as plain values (`minikube.me`, `10.0.0.1`). */
  sans: string[];
  notBefore: Date;
  notAfter: Date;
  fingerprint256: string;
  serialNumber: string;
  selfSigned: boolean;
}

/** `O=minikube.me\nCN=minikube.me` (Node's form, in encoded order) -> `O=minikube.me, CN=minikube.me`. */
export function formatDn(dn: string): string {
  return dn
    .split("\n")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .join(", ");
}

/**
 * Parses Node's subjectAltName string (`DNS:a, DNS:"b,c", IP Address:10.0.0.1`); values with special
 * characters come JSON-quoted. Returns DNS names and IP addresses, the kinds TLS clients match hosts against.
 */
export function subjectAltNames(cert: X509Certificate): string[] {
  const text = cert.subjectAltName;
  if (!text) return [];
  const names: string[] = [];
  for (const match of text.matchAll(/(DNS|IP Address|[A-Za-z ]+):("(?:[^"\\]|\\.)*"|[^,]*)(?:, |$)/g)) {
    const kind = match[1]!;
    const raw = match[2]!;
    const value = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
    if (kind === "DNS" || kind === "IP Address") names.push(value);
  }
  return names;
}

export function describeCertificate(cert: X509Certificate): CertificateFacts {
  return {
    subject: formatDn(cert.subject),
    issuer: formatDn(cert.issuer),
    sans: subjectAltNames(cert),
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
    fingerprint256: cert.fingerprint256,
    serialNumber: cert.serialNumber,
    selfSigned: cert.subject === cert.issuer && cert.verify(cert.publicKey),
  };
}

export function daysRemaining(notAfter: Date, now: Date): number {
  return Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
}

function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, "");
}

/**
 * Whether a certificate name (a SAN) covers `host`, by RFC 6125 section 6.4.3 as browsers and Envoy apply it:
 * case-insensitive; a wildcard only as the whole left-most label, standing for exactly one non-empty label
 * (`*.minikube.me` covers `api.minikube.me`, not `minikube.me` nor `a.b.minikube.me`); no partial wildcards
 * (`f*.example.com`) and none over a single label (`*.com`). A wildcard host (a Gateway may serve
 * `*.minikube.me`) is covered only by the same wildcard name.
 */
export function nameCovers(certName: string, host: string): boolean {
  const name = normaliseHost(certName);
  const wanted = normaliseHost(host);
  if (name === "" || wanted === "") return false;
  if (name === wanted) return true;
  if (!name.startsWith("*.") || wanted.startsWith("*")) return false;
  const suffix = name.slice(2);
  if (suffix.includes("*") || suffix.split(".").length < 2) return false;
  const dot = wanted.indexOf(".");
  if (dot <= 0) return false;
  return wanted.slice(dot + 1) === suffix;
}

export function hostCovered(host: string, sans: readonly string[]): boolean {
  return sans.some((name) => nameCovers(name, host));
}

/** `EC P-256`, `RSA 2048`: the key as a person would name it. */
export function describeKey(key: KeyObject): string {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case "rsa":
    case "rsa-pss":
      return `RSA ${details.modulusLength ?? "?"}`;
    case "ec":
      return `EC ${curveNames[details.namedCurve ?? ""] ?? details.namedCurve}`;
    default:
      return String(key.asymmetricKeyType).toUpperCase();
  }
}

const curveNames: Record<string, string> = {
  prime256v1: "P-256",
  secp384r1: "P-384",
  secp521r1: "P-521",
};

const strongKeyFix =
  "use an RSA key of 2048 bits or more, or an EC P-256 key (openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out tls.key) and issue the certificate for it";

/** Why a key is too weak for a gateway, or undefined when it is fine (RSA >= 2048, EC P-256/384/521). */
export function keyStrengthProblem(key: KeyObject): string | undefined {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case "rsa":
    case "rsa-pss":
      return (details.modulusLength ?? 0) >= 2048
        ? undefined
        : `is a weak ${details.modulusLength}-bit RSA key (at least 2048 bits are required)`;
    case "ec":
      return curveNames[details.namedCurve ?? ""]
        ? undefined
        : `is an EC key on curve ${details.namedCurve}, weaker than P-256 or not supported by Envoy`;
    default:
      return `is an ${String(key.asymmetricKeyType).toUpperCase()} key, which the Istio gateway (Envoy) cannot serve`;
  }
}

export interface PemInput {
  /** The input the value came from (`cert` or `cert-file`), named in every error. */
  input: string;
  text: string;
}

export interface ValidationRules {
  hosts: readonly string[];
  /** The input that gave the hosts, for errors. */
  hostsInput: string;
  minDaysValid: number;
  now: Date;
}

export interface ValidatedMaterial {
  chain: X509Certificate[];
  leaf: CertificateFacts;
  key: KeyObject;
  keyDescription: string;
  /** Normalised PEM as stored in the secret: leaf first, one block after another. */
  chainPem: string;
  keyPem: string;
  caPem?: string | undefined;
}

function parseCertificates(source: PemInput, problems: InputProblems): X509Certificate[] | undefined {
  const blocks = pemBlocks(source.text);
  if (blocks.length === 0) {
    problems.add(
      source.input,
      "contains no PEM block (expected -----BEGIN CERTIFICATE-----)",
      "pass the PEM text of the certificate chain, leaf first (for a file: the path of a .pem/.crt file)",
    );
    return undefined;
  }
  const certificates: X509Certificate[] = [];
  for (const [index, block] of blocks.entries()) {
    if (block.label !== "CERTIFICATE") {
      problems.add(
        source.input,
        `block #${index + 1} is a '${block.label}', not a CERTIFICATE${block.label.includes("PRIVATE KEY") ? " (a private key must never be passed as a certificate)" : ""}`,
        block.label.includes("PRIVATE KEY")
          ? "check that cert and key are not swapped; pass only certificates here"
          : "pass only CERTIFICATE blocks, leaf first",
      );
      return undefined;
    }
    try {
      certificates.push(new X509Certificate(block.text));
    } catch (error) {
      problems.add(
        source.input,
        `certificate #${index + 1} is not a valid X.509 certificate (${(error as Error).message})`,
        "pass the PEM exactly as issued; check that it was not truncated or re-wrapped",
      );
      return undefined;
    }
  }
  return certificates;
}

function encryptedKeyError(source: PemInput, problems: InputProblems): void {
  problems.add(
    source.input,
    "is an encrypted private key, and the gateway cannot use a key that needs a passphrase",
    "decrypt it (openssl pkey -in key.pem -out plain.pem) and pass the plain key from a secret",
  );
}

function parseKey(source: PemInput, problems: InputProblems): KeyObject | undefined {
  const blocks: PemBlock[] = pemBlocks(source.text);
  if (blocks.length === 0) {
    problems.add(
      source.input,
      'contains no PEM block (expected a PKCS#8 "PRIVATE KEY" block)',
      "pass the PEM text of the unencrypted private key",
    );
    return undefined;
  }
  const keys = blocks.filter((block) => block.label.includes("PRIVATE KEY"));
  if (keys.length !== 1) {
    problems.add(
      source.input,
      keys.length === 0
        ? `holds ${blocks.map((block) => `a '${block.label}'`).join(", ")} but no private key`
        : `holds ${keys.length} private keys`,
      keys.length === 0
        ? "check that cert and key are not swapped; pass the private key here"
        : "pass exactly one private key: the one the leaf certificate was issued for",
    );
    return undefined;
  }
  const block = keys[0]!;
  if (
    block.label === "ENCRYPTED PRIVATE KEY" ||
    block.headers.some((header) => /^Proc-Type:\s*4,\s*ENCRYPTED/i.test(header))
  ) {
    encryptedKeyError(source, problems);
    return undefined;
  }
  try {
    return createPrivateKey(block.text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_MISSING_PASSPHRASE") {
      encryptedKeyError(source, problems);
      return undefined;
    }
    problems.add(
      source.input,
      `is not a valid private key (${(error as Error).message})`,
      "pass the PEM exactly as generated (PKCS#8 'PRIVATE KEY', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY')",
    );
    return undefined;
  }
}

function describeAt(certificate: X509Certificate, index: number): string {
  return `certificate #${index + 1} (${formatDn(certificate.subject)})`;
}

/**
 * Checks a chain and its key against every rule and returns them parsed, or throws InputErrors listing
 * every problem found (each naming its input and the fix). Nothing here touches the cluster.
 */
export function validateMaterial(
  cert: PemInput,
  key: PemInput,
  ca: PemInput | undefined,
  rules: ValidationRules,
): ValidatedMaterial {
  const problems = new InputProblems();
  const chain = parseCertificates(cert, problems);
  const privateKey = parseKey(key, problems);
  const caCertificates = ca ? parseCertificates(ca, problems) : undefined;

  if (privateKey) {
    const weak = keyStrengthProblem(privateKey);
    if (weak) problems.add(key.input, weak, strongKeyFix);
  }

  // The certificate the key belongs to: the leaf, wherever it stands, for the host check below.
  let leafIndex = 0;
  if (chain && privateKey && !chain[0]!.checkPrivateKey(privateKey)) {
    const owner = chain.findIndex((certificate) => certificate.checkPrivateKey(privateKey));
    if (owner > 0) {
      leafIndex = owner;
      problems.add(
        cert.input,
        `the chain is out of order: the key belongs to ${describeAt(chain[owner]!, owner)}, but the leaf must come first`,
        "order the chain leaf first, then each issuer (cat leaf.crt intermediate.crt > chain.pem)",
      );
    } else {
      problems.add(
        key.input,
        `does not belong to the certificate (${formatDn(chain[0]!.subject)}, SHA-256 ${chain[0]!.fingerprint256}): the key and the certificate do not match`,
        "pass the key the certificate was issued for (compare `openssl x509 -noout -pubkey -in tls.crt` with `openssl pkey -pubout -in tls.key`)",
      );
    }
  } else if (chain) {
    for (let index = 0; index + 1 < chain.length; index++) {
      const child = chain[index]!;
      const parent = chain[index + 1]!;
      if (!child.checkIssued(parent) || !child.verify(parent.publicKey)) {
        problems.add(
          cert.input,
          `the chain is out of order: ${describeAt(child, index)} is not issued by ${describeAt(parent, index + 1)}`,
          "order the chain leaf first, then each issuer (cat leaf.crt intermediate.crt > chain.pem), and leave out unrelated certificates",
        );
        break;
      }
    }
  }

  if (chain) {
    for (const [index, certificate] of chain.entries()) {
      const notBefore = new Date(certificate.validFrom);
      const notAfter = new Date(certificate.validTo);
      const what = index === 0 ? "the certificate" : describeAt(certificate, index);
      if (notAfter.getTime() <= rules.now.getTime()) {
        problems.add(
          cert.input,
          `${what} expired on ${notAfter.toISOString()}`,
          "renew the certificate and pass the new one",
        );
      } else if (notBefore.getTime() > rules.now.getTime()) {
        problems.add(
          cert.input,
          `${what} is not valid before ${notBefore.toISOString()}`,
          "check the issuing machine's clock, or wait until it is valid",
        );
      } else if (daysRemaining(notAfter, rules.now) < rules.minDaysValid) {
        problems.add(
          cert.input,
          `${what} expires on ${notAfter.toISOString()}, in ${daysRemaining(notAfter, rules.now)} day(s), sooner than min-days-valid (${rules.minDaysValid})`,
          "renew the certificate now, or lower min-days-valid deliberately",
        );
      }
    }
    const sans = subjectAltNames(chain[leafIndex]!);
    const uncovered = rules.hosts.filter((host) => !hostCovered(host, sans));
    if (uncovered.length > 0) {
      problems.add(
        rules.hostsInput,
        sans.length === 0
          ? `the certificate has no subject alternative names, so it covers none of ${uncovered.join(", ")} (TLS clients ignore the CN)`
          : `${uncovered.map((host) => `'${host}'`).join(", ")} ${uncovered.length === 1 ? "is" : "are"} not covered by the certificate (its SANs: ${sans.join(", ")})`,
        "issue a certificate whose subjectAltName lists every host (a wildcard covers one label), or correct hosts",
      );
    }
  }

  problems.throwIfAny();
  return {
    chain: chain!,
    leaf: describeCertificate(chain![0]!),
    key: privateKey!,
    keyDescription: describeKey(privateKey!),
    chainPem: chain!.map((certificate) => certificate.toString()).join(""),
    keyPem: pemBlocks(key.text).find((block) => block.label.includes("PRIVATE KEY"))!.text,
    caPem: caCertificates?.map((certificate) => certificate.toString()).join(""),
  };
}
