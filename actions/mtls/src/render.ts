/** Pure builders: validated config + the API the cluster serves -> the objects to apply or remove. */
import {
  type KubeObject,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  type ObjectRef,
} from "@mesh-secure/action-runtime";
import type { ApplyMode, MtlsConfig } from "./config.ts";

export const ACTION_LABEL = "mesh-secure.io/action";
export const NAME_LABEL = "mesh-secure.io/name";
export const FIELD_MANAGER = "mesh-secure/mtls";

/** The APIs the action writes, decided from discovery. */
export interface ServedApis {
  /** `security.istio.io/v1` or `/v1beta1` for PeerAuthentication, or `authentication.istio.io/v1alpha1` (legacy). */
  policy: "security.istio.io/v1" | "security.istio.io/v1beta1" | "authentication.istio.io/v1alpha1";
  /** Whether the legacy cluster-scoped MeshPolicy is served (legacy mesh scope needs it). */
  meshPolicy: boolean;
  /** `networking.istio.io/v1`, `/v1beta1` or `/v1alpha3`, undefined when DestinationRule is not served. */
  destinationRule: string | undefined;
}

export function ownedLabels(name: string): Record<string, string> {
  return { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE, [ACTION_LABEL]: "mtls", [NAME_LABEL]: name };
}

/** Where the policy objects go: one per namespace in scope, or the root namespace for mesh scope. */
export function policyNamespaces(config: MtlsConfig): string[] {
  return config.scope === "mesh" ? [config.rootNamespace] : config.namespaces;
}

export function isLegacy(apis: ServedApis): boolean {
  return apis.policy === "authentication.istio.io/v1alpha1";
}

export function renderPeerAuthentication(
  config: MtlsConfig,
  apiVersion: string,
  namespace: string,
): KubeObject {
  const spec: Record<string, unknown> = {};
  if (config.scope === "workload" && config.selector) spec.selector = { matchLabels: { ...config.selector } };
  spec.mtls = { mode: config.mode };
  const ports = Object.entries(config.portModes);
  if (ports.length > 0) {
    spec.portLevelMtls = Object.fromEntries(
      ports.sort(([a], [b]) => Number(a) - Number(b)).map(([port, mode]) => [port, { mode }]),
    );
  }
  return {
    apiVersion,
    kind: "PeerAuthentication",
    metadata: { name: config.name, namespace, labels: ownedLabels(config.name) },
    spec,
  };
}

/** Legacy (Istio <= 1.5) server side: `peers: [{mtls: {mode}}]`; DISABLE is a policy without peers. */
export function renderLegacyPolicy(config: MtlsConfig, namespace: string | undefined): KubeObject {
  const spec: Record<string, unknown> =
    config.mode === "DISABLE" ? {} : { peers: [{ mtls: { mode: config.mode } }] };
  return {
    apiVersion: "authentication.istio.io/v1alpha1",
    kind: namespace === undefined ? "MeshPolicy" : "Policy",
    metadata: {
      name: "default",
      ...(namespace === undefined ? {} : { namespace }),
      labels: ownedLabels(config.name),
    },
    spec,
  };
}

/** A DNS-1123 object name for a DestinationRule host: `*.local` -> `wildcard-local`. */
export function destinationRuleName(host: string): string {
  return host
    .replace(/^\*$/, "wildcard")
    .replace(/^\*\./, "wildcard.")
    .replace(/[^a-z0-9.-]/g, "-")
    .slice(0, 253);
}

/** Client side: ISTIO_MUTUAL (also for PERMISSIVE: clients send mTLS while servers still accept plaintext). */
export function destinationRuleTlsMode(mode: ApplyMode): "ISTIO_MUTUAL" | "DISABLE" {
  return mode === "DISABLE" ? "DISABLE" : "ISTIO_MUTUAL";
}

export function renderDestinationRule(
  config: MtlsConfig,
  apiVersion: string,
  namespace: string,
  host: string,
): KubeObject {
  return {
    apiVersion,
    kind: "DestinationRule",
    metadata: { name: destinationRuleName(host), namespace, labels: ownedLabels(config.name) },
    spec: { host, trafficPolicy: { tls: { mode: destinationRuleTlsMode(config.mode) } } },
  };
}

/** Every object this configuration manages, whether it is to be applied or removed. */
export function renderObjects(config: MtlsConfig, apis: ServedApis): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const namespace of policyNamespaces(config)) {
    if (isLegacy(apis)) {
      objects.push(renderLegacyPolicy(config, config.scope === "mesh" ? undefined : namespace));
    } else {
      objects.push(renderPeerAuthentication(config, apis.policy, namespace));
    }
    if (apis.destinationRule) {
      for (const host of config.destinationRules) {
        objects.push(renderDestinationRule(config, apis.destinationRule, namespace, host));
      }
    }
  }
  return objects;
}

export function refKey(ref: ObjectRef): string {
  return `${ref.apiVersion}/${ref.kind}/${ref.namespace ?? ""}/${ref.name}`;
}
