import { generateKeyPairSync } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { run } from "./proc.ts";

/** The PKI of one control plane, all PEM files under `<stateDir>/pki`. */
export interface Pki {
  dir: string;
  caCert: string;
  caKey: string;
  servingCert: string;
  servingKey: string;
  adminCert: string;
  adminKey: string;
  serviceAccountKey: string;
}

export function pkiPaths(stateDir: string): Pki {
  const dir = join(stateDir, "pki");
  return {
    dir,
    caCert: join(dir, "ca.crt"),
    caKey: join(dir, "ca.key"),
    servingCert: join(dir, "apiserver.crt"),
    servingKey: join(dir, "apiserver.key"),
    adminCert: join(dir, "admin.crt"),
    adminKey: join(dir, "admin.key"),
    serviceAccountKey: join(dir, "sa.key"),
  };
}

async function openssl(args: string[]): Promise<void> {
  let r: Awaited<ReturnType<typeof run>>;
  try {
    r = await run("openssl", args);
  } catch (e) {
    throw new Error(`openssl is needed to create the control plane's certificates: ${(e as Error).message}`);
  }
  if (r.code !== 0) throw new Error(`openssl ${args[0]} failed (exit ${r.code}): ${r.stderr.trim()}`);
}

function subject(commonName: string, organizations: readonly string[]): string {
  const esc = (s: string): string => s.replace(/[/\\=+,]/g, (c) => `\\${c}`);
  return `/CN=${esc(commonName)}${organizations.map((o) => `/O=${esc(o)}`).join("")}`;
}

/** Signs a new EC P-256 key's certificate with the CA. `kind` selects the extended key usage. */
export async function issueCertificate(
  pki: Pick<Pki, "caCert" | "caKey">,
  out: { cert: string; key: string },
  commonName: string,
  organizations: readonly string[],
  kind: "client" | "server",
): Promise<void> {
  const ext =
    kind === "server"
      ? ["-addext", "extendedKeyUsage=serverAuth", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]
      : ["-addext", "extendedKeyUsage=clientAuth"];
  await openssl([
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-keyout",
    out.key,
    "-out",
    out.cert,
    "-days",
    "365",
    "-subj",
    subject(commonName, organizations),
    "-CA",
    pki.caCert,
    "-CAkey",
    pki.caKey,
    "-addext",
    "basicConstraints=critical,CA:FALSE",
    "-addext",
    "keyUsage=critical,digitalSignature,keyEncipherment",
    ...ext,
  ]);
}

/** Creates (once) the CA, the apiserver's serving cert, an admin client cert (system:masters), and the SA key. */
export async function ensurePki(stateDir: string): Promise<Pki> {
  const pki = pkiPaths(stateDir);
  if (existsSync(pki.serviceAccountKey)) return pki;
  await mkdir(pki.dir, { recursive: true, mode: 0o700 });
  await openssl([
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-keyout",
    pki.caKey,
    "-out",
    pki.caCert,
    "-days",
    "3650",
    "-subj",
    "/CN=mesh-secure-control-plane-ca",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign,digitalSignature",
  ]);
  await issueCertificate(pki, { cert: pki.servingCert, key: pki.servingKey }, "kube-apiserver", [], "server");
  await issueCertificate(
    pki,
    { cert: pki.adminCert, key: pki.adminKey },
    "mesh-secure-admin",
    ["system:masters"],
    "client",
  );
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  await writeFile(pki.serviceAccountKey, privateKey.export({ type: "pkcs8", format: "pem" }), {
    mode: 0o600,
  });
  return pki;
}

export async function readPem(file: string): Promise<string> {
  return readFile(file, "utf8");
}
