import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { issueCertificate, pkiPaths } from "./certs.ts";

/** A kubeconfig (YAML is a superset of JSON, so JSON is written) with the certs embedded as data. */
export function kubeconfigText(opts: {
  server: string;
  caCertPem: string;
  clientCertPem: string;
  clientKeyPem: string;
  user: string;
  clusterName?: string;
}): string {
  const b64 = (s: string): string => Buffer.from(s).toString("base64");
  const cluster = opts.clusterName ?? "mesh-secure";
  const context = `${opts.user}@${cluster}`;
  return `${JSON.stringify(
    {
      apiVersion: "v1",
      kind: "Config",
      clusters: [
        {
          name: cluster,
          cluster: { server: opts.server, "certificate-authority-data": b64(opts.caCertPem) },
        },
      ],
      users: [
        {
          name: opts.user,
          user: {
            "client-certificate-data": b64(opts.clientCertPem),
            "client-key-data": b64(opts.clientKeyPem),
          },
        },
      ],
      contexts: [{ name: context, context: { cluster, user: opts.user, namespace: "default" } }],
      "current-context": context,
      preferences: {},
    },
    null,
    2,
  )}\n`;
}

/** The state dir of the control plane whose admin kubeconfig is `kubeconfigPath` (it sits at `<stateDir>/kubeconfig`). */
export function stateDirOf(kubeconfigPath: string): string {
  return dirname(resolve(kubeconfigPath));
}

function serverOf(kubeconfigYaml: string): string {
  // Our own kubeconfigs are JSON; tolerate YAML `server: https://...` for safety.
  try {
    const parsed = JSON.parse(kubeconfigYaml) as { clusters: { cluster: { server: string } }[] };
    return parsed.clusters[0]!.cluster.server;
  } catch {
    const m = /server:\s*(\S+)/.exec(kubeconfigYaml);
    if (!m) throw new Error("no server in kubeconfig");
    return m[1]!;
  }
}

/**
 * Writes a kubeconfig for a non-admin identity of a control plane started by this package: a client
 * certificate with CN=`name` and O=`groups` (none by default), signed by that control plane's CA. The identity
 * has no RBAC rights until a (Cluster)RoleBinding grants some, so it proves 403s.
 *
 * `adminKubeconfigPath` defaults to `$MESH_SECURE_KUBECONFIG`. Returns the new kubeconfig's path.
 */
export async function createUserKubeconfig(
  name: string,
  groups: readonly string[] = [],
  opts: { adminKubeconfigPath?: string } = {},
): Promise<string> {
  const admin = opts.adminKubeconfigPath ?? process.env["MESH_SECURE_KUBECONFIG"];
  if (!admin)
    throw new Error("createUserKubeconfig: no adminKubeconfigPath given and MESH_SECURE_KUBECONFIG is unset");
  const stateDir = stateDirOf(admin);
  const pki = pkiPaths(stateDir);
  if (!existsSync(pki.caKey)) {
    throw new Error(
      `createUserKubeconfig: ${admin} is not a control plane started by @mesh-secure/control-plane (no CA key at ${pki.caKey}); ` +
        "client certificates can only be minted for our own control planes.",
    );
  }
  const safe = name.replace(/[^A-Za-z0-9_.-]/g, "_");
  const dir = join(stateDir, "users", `${safe}-${process.pid}-${Date.now()}`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const cert = join(dir, "client.crt");
  const key = join(dir, "client.key");
  await issueCertificate(pki, { cert, key }, name, groups, "client");
  const path = join(dir, "kubeconfig");
  await writeFile(
    path,
    kubeconfigText({
      server: serverOf(await readFile(admin, "utf8")),
      caCertPem: await readFile(pki.caCert, "utf8"),
      clientCertPem: await readFile(cert, "utf8"),
      clientKeyPem: await readFile(key, "utf8"),
      user: name,
    }),
    { mode: 0o600 },
  );
  await rm(key);
  return path;
}
