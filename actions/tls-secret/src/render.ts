/** The objects this action applies, rendered from validated material: the TLS Secret and the Gateway's servers. */
import { InputError, type KubeObject, MANAGED_BY_LABEL, MANAGED_BY_VALUE } from "@mesh-secure/action-runtime";
import { nameCovers } from "./certificate.ts";
import type { GatewayRef } from "./config.ts";

export const FIELD_MANAGER = "mesh-secure/tls-secret";
export const ACTION_LABEL = "mesh-secure.io/action";
export const TLS_SECRET_TYPE = "kubernetes.io/tls";

export interface SecretMaterial {
  chainPem: string;
  keyPem: string;
  caPem?: string | undefined;
}

const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

/**
 * The whole Secret, applied in one server-side apply request: type kubernetes.io/tls with tls.crt, tls.key and
 * (for MUTUAL gateways) ca.crt. A ca.crt this action stored earlier and no longer gets is removed by the apply.
 */
export function renderSecret(namespace: string, name: string, material: SecretMaterial): KubeObject {
  const data: Record<string, string> = {
    "tls.crt": base64(material.chainPem),
    "tls.key": base64(material.keyPem),
  };
  if (material.caPem) data["ca.crt"] = base64(material.caPem);
  return {
    apiVersion: "v1",
    kind: "Secret",
    metadata: {
      name,
      namespace,
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE, [ACTION_LABEL]: "tls-secret" },
    },
    type: TLS_SECRET_TYPE,
    data,
  };
}

/** Decodes a live secret's data entry (undefined when absent). */
export function secretEntry(secret: KubeObject | undefined, key: string): string | undefined {
  const data = secret?.data as Record<string, string> | undefined;
  const value = data?.[key];
  return value === undefined ? undefined : Buffer.from(value, "base64").toString("utf8");
}

export interface GatewayServer {
  port?: { number?: number; name?: string; protocol?: string };
  hosts?: string[];
  tls?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface ServerChange {
  index: number;
  port: string;
  hosts: string[];
  modeBefore: string;
  modeAfter: string;
  credentialBefore: string;
}

// Ways of naming the certificate that CEL forbids beside credentialName, and the file-mount paths it replaces.
const replacedTlsFields = [
  "serverCertificate",
  "privateKey",
  "caCertificates",
  "credentialNames",
  "tlsCertificates",
];

/** A Gateway server host is `[namespace/]dnsName`; the namespace part only filters VirtualServices. */
function serverHostName(host: string): string {
  const slash = host.indexOf("/");
  return slash >= 0 ? host.slice(slash + 1) : host;
}

function serverServes(server: GatewayServer, hosts: readonly string[]): boolean {
  return (server.hosts ?? []).some((entry) => {
    const name = serverHostName(entry);
    return hosts.some((host) => name === "*" || nameCovers(name, host));
  });
}

function terminatesTls(server: GatewayServer): boolean {
  const protocol = (server.port?.protocol ?? "").toUpperCase();
  const mode = String(server.tls?.mode ?? "");
  return (
    protocol === "HTTPS" || (protocol === "TLS" && !mode.includes("PASSTHROUGH") && mode !== "ISTIO_MUTUAL")
  );
}

/**
 * Points the Gateway's TLS-terminating servers for `hosts` at the secret (SDS): `tls.mode: SIMPLE` (MUTUAL and
 * OPTIONAL_MUTUAL are kept; they read ca.crt from the same secret) and `credentialName`, dropping the file-mount
 * paths and the alternatives CEL forbids together. Istio's `servers` list is atomic, so the whole list is
 * returned for the apply; only the matching servers differ from the live ones.
 */
export function pointGatewayAtSecret(
  gateway: KubeObject,
  hosts: readonly string[],
  secretName: string,
): { desired: KubeObject; changes: ServerChange[] } {
  const spec = (gateway.spec ?? {}) as { servers?: GatewayServer[] };
  const servers = spec.servers ?? [];
  const changes: ServerChange[] = [];
  const updated = servers.map((server, index): GatewayServer => {
    if (!terminatesTls(server) || !serverServes(server, hosts)) return server;
    const tls = { ...(server.tls ?? {}) };
    const modeBefore = String(tls.mode ?? "(none)");
    const credentialBefore = String(
      tls.credentialName ?? (tls.serverCertificate ? `file ${tls.serverCertificate}` : "(none)"),
    );
    for (const field of replacedTlsFields) delete tls[field];
    const mode = modeBefore === "MUTUAL" || modeBefore === "OPTIONAL_MUTUAL" ? modeBefore : "SIMPLE";
    tls.mode = mode;
    tls.credentialName = secretName;
    changes.push({
      index,
      port: `${server.port?.number ?? "?"}/${server.port?.protocol ?? "?"}`,
      hosts: server.hosts ?? [],
      modeBefore,
      modeAfter: mode,
      credentialBefore,
    });
    return { ...server, tls };
  });
  if (changes.length === 0) {
    const served = servers
      .filter(terminatesTls)
      .map(
        (server) =>
          `${server.port?.number ?? "?"}/${server.port?.protocol}: ${(server.hosts ?? []).join(", ")}`,
      );
    throw new InputError(
      "gateway",
      `Gateway ${gateway.metadata.namespace}/${gateway.metadata.name} has no HTTPS server for ${hosts.join(", ")} (${
        served.length > 0 ? `its TLS servers: ${served.join("; ")}` : "it has no HTTPS server at all"
      })`,
      "add an HTTPS server (port 443, protocol HTTPS) for these hosts to the Gateway, or correct hosts",
    );
  }
  return {
    desired: {
      apiVersion: gateway.apiVersion,
      kind: "Gateway",
      metadata: { name: gateway.metadata.name, namespace: gateway.metadata.namespace ?? "" },
      spec: { servers: updated },
    },
    changes,
  };
}

export const GATEWAY_VERSIONS = [
  "networking.istio.io/v1",
  "networking.istio.io/v1beta1",
  "networking.istio.io/v1alpha3",
];

export function describeGateway(ref: GatewayRef): string {
  return `${ref.namespace}/${ref.name}`;
}
