/** Inputs -> a validated configuration. Every problem is collected, so a user fixes them all in one go. */
import { InputProblems, type Inputs } from "@mesh-secure/action-runtime";
import type { MtlsMode } from "./effective.ts";

export const SCOPES = ["namespace", "mesh", "workload"] as const;
export type Scope = (typeof SCOPES)[number];
export const APPLY_MODES = ["STRICT", "PERMISSIVE", "DISABLE"] as const;
export type ApplyMode = (typeof APPLY_MODES)[number];
export const PORT_MODES = ["UNSET", "DISABLE", "PERMISSIVE", "STRICT"] as const;
export const APIS = [
  "auto",
  "security.istio.io/v1",
  "security.istio.io/v1beta1",
  "authentication.istio.io/v1alpha1",
] as const;
export type ApiChoice = (typeof APIS)[number];

export interface MtlsConfig {
  scope: Scope;
  /** Namespaces the policy goes to (namespace/workload scope); for mesh scope, the namespaces checked. */
  namespaces: string[];
  selector: Record<string, string> | undefined;
  rootNamespace: string;
  mode: ApplyMode;
  portModes: Record<string, MtlsMode>;
  requireSidecars: boolean;
  destinationRules: string[];
  api: ApiChoice;
  name: string;
  state: "present" | "absent";
  dryRun: boolean;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;
const HOST =
  /^(\*|\*\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$/;

export function isNamespaceName(value: string): boolean {
  return value.length <= 63 && DNS_LABEL.test(value);
}

/** `app=product-composite,version=v1` (or one per line, or a YAML map) -> matchLabels. */
export function parseSelector(raw: string | undefined, parsed: unknown): Record<string, string> {
  if (raw === undefined) return {};
  const labels: Record<string, string> = {};
  if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
        throw new Error(`label '${key}' must have a plain value`);
      }
      labels[key] = String(value);
    }
  } else {
    for (const item of raw.split(/[\n,]/).map((part) => part.trim())) {
      if (item === "") continue;
      const match = /^([^=\s]+)\s*=\s*(\S*)$/.exec(item);
      if (!match) throw new Error(`'${item}' is not key=value`);
      labels[match[1]!] = match[2]!;
    }
  }
  for (const [key, value] of Object.entries(labels)) {
    if (!LABEL_KEY.test(key) || key.length > 316) throw new Error(`'${key}' is not a valid label key`);
    if (!LABEL_VALUE.test(value) || value.length > 63) {
      throw new Error(`'${value}' (label ${key}) is not a valid label value`);
    }
    if (value === "")
      throw new Error(`label '${key}' has an empty value; PeerAuthentication matches exact values`);
  }
  return labels;
}

/** `8080=PERMISSIVE` lines (or comma-separated), or a YAML map `{8080: PERMISSIVE}` -> port -> mode. */
export function parsePortModes(raw: string | undefined, parsed: unknown): Record<string, MtlsMode> {
  if (raw === undefined) return {};
  let entries: [string, unknown][];
  if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
    entries = Object.entries(parsed as Record<string, unknown>);
  } else {
    entries = [];
    for (const item of raw.split(/[\n,]/).map((part) => part.trim())) {
      if (item === "" || item.startsWith("#")) continue;
      const match = /^([^=:\s]+)\s*[=:]\s*(\S+)$/.exec(item);
      if (!match) throw new Error(`'${item}' is not port=MODE`);
      entries.push([match[1]!, match[2]!]);
    }
  }
  const result: Record<string, MtlsMode> = {};
  for (const [port, mode] of entries) {
    if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
      throw new Error(
        `'${port}' is not a port number between 1 and 65535 (use the pod's port, not the Service's)`,
      );
    }
    const canonical = PORT_MODES.find((m) => m === String(mode).toUpperCase());
    if (canonical === undefined) {
      throw new Error(`port ${port}: '${String(mode)}' is not one of ${PORT_MODES.join(", ")}`);
    }
    result[String(Number(port))] = canonical;
  }
  return result;
}

export function readConfig(
  inputs: Inputs,
  problems: InputProblems = new InputProblems(),
): MtlsConfig | undefined {
  const scope = problems.collect(() => inputs.choice("scope", SCOPES, "namespace"));
  const mode = problems.collect(() => inputs.choice("mode", APPLY_MODES, "STRICT"));
  const api = problems.collect(() => inputs.choice("api", APIS, "auto"));
  const state = problems.collect(() => inputs.choice("state", ["present", "absent"] as const, "present"));
  const dryRun = problems.collect(() => inputs.boolean("dry-run", false));
  const namespaces = problems.collect(() => inputs.list("namespace")) ?? [];
  const rootNamespace = inputs.string("root-namespace", "istio-system");
  const name = inputs.string("name", "default");
  const destinationRules = problems.collect(() => inputs.list("destination-rules")) ?? [];

  for (const namespace of namespaces) {
    if (!isNamespaceName(namespace)) {
      problems.add(
        "namespace",
        `'${namespace}' is not a valid namespace name`,
        "use lower-case letters, digits and '-', at most 63 characters, e.g. hands-on",
      );
    }
  }
  if (new Set(namespaces).size !== namespaces.length) {
    problems.add("namespace", "names a namespace more than once", "list each namespace once");
  }
  if (!isNamespaceName(rootNamespace)) {
    problems.add(
      "root-namespace",
      `'${rootNamespace}' is not a valid namespace name`,
      "give Istio's root namespace (meshConfig.rootNamespace), usually istio-system",
    );
  }
  if (name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
    problems.add(
      "name",
      `'${name}' is not a valid object name`,
      "use lower-case letters, digits, '-' and '.', e.g. default",
    );
  }

  const selector = problems.collect(() => {
    try {
      return parseSelector(
        inputs.raw("selector"),
        inputs.raw("selector") === undefined ? undefined : safeYaml(inputs, "selector"),
      );
    } catch (error) {
      problems.add(
        "selector",
        (error as Error).message,
        "give workload labels as key=value pairs, e.g. app=product-composite",
      );
      return undefined;
    }
  });
  const portModes = problems.collect(() => {
    try {
      return parsePortModes(
        inputs.raw("port-modes"),
        inputs.raw("port-modes") === undefined ? undefined : safeYaml(inputs, "port-modes"),
      );
    } catch (error) {
      problems.add(
        "port-modes",
        (error as Error).message,
        "give one port=MODE per line (e.g. 8080=PERMISSIVE) or a YAML map of pod port to mode",
      );
      return undefined;
    }
  });
  for (const host of destinationRules) {
    if (!HOST.test(host) || host.length > 253) {
      problems.add(
        "destination-rules",
        `'${host}' is not a host name`,
        "give service hosts such as product-composite, product-composite.hands-on.svc.cluster.local or *.local",
      );
    }
  }

  const hasSelector = selector !== undefined && Object.keys(selector).length > 0;
  const hasPorts = portModes !== undefined && Object.keys(portModes).length > 0;
  if (scope === "workload" && selector !== undefined && !hasSelector) {
    problems.add(
      "selector",
      "is required for scope workload",
      "give the workload's labels, e.g. app=product-composite",
    );
  }
  if (scope !== undefined && scope !== "workload" && hasSelector) {
    problems.add(
      "selector",
      `applies only to scope workload, but scope is ${scope}`,
      scope === "mesh"
        ? "remove the selector: Istio ignores root-namespace policies that have one"
        : "set scope: workload, or remove the selector",
    );
  }
  if (hasPorts && scope !== "workload") {
    problems.add(
      "port-modes",
      "needs a workload selector (Istio's portLevelMtls requires one)",
      "set scope: workload and selector, e.g. app=product-composite",
    );
  }
  if ((scope === "namespace" || scope === "workload") && namespaces.length === 0) {
    problems.add(
      "namespace",
      `is required for scope ${scope}`,
      "name the namespace(s), e.g. namespace: hands-on",
    );
  }
  if (scope !== undefined && scope !== "mesh" && namespaces.includes(rootNamespace)) {
    problems.add(
      "namespace",
      `'${rootNamespace}' is the root namespace, where a policy is mesh-wide${scope === "workload" ? " and one with a selector is ignored by Istio" : ""}`,
      "use scope: mesh for a mesh-wide policy, or name another namespace",
    );
  }
  if (api === "authentication.istio.io/v1alpha1") {
    if (scope === "workload") {
      problems.add(
        "scope",
        "workload scope is not supported with the legacy authentication.istio.io/v1alpha1 API (its Policy targets Services by name)",
        "use scope namespace or mesh with the legacy API, or api: security.istio.io/v1beta1",
      );
    }
    if (name !== "default") {
      problems.add(
        "name",
        `'${name}': Istio <= 1.5 honours a namespace-wide Policy and the MeshPolicy only when named 'default'`,
        "leave name at its default, 'default'",
      );
    }
  }
  if (state === "absent" && hasPorts) {
    problems.add("port-modes", "has no meaning with state absent", "remove port-modes, or use state present");
  }

  const requireSidecars = problems.collect(() =>
    inputs.boolean(
      "require-sidecars",
      state === "present" && (mode === "STRICT" || Object.values(portModes ?? {}).includes("STRICT")),
    ),
  );
  if (problems.errors.length > 0) return undefined;
  return {
    scope: scope!,
    namespaces,
    selector: hasSelector ? selector : undefined,
    rootNamespace,
    mode: mode!,
    portModes: portModes ?? {},
    requireSidecars: requireSidecars!,
    destinationRules,
    api: api!,
    name,
    state: state!,
    dryRun: dryRun!,
  };
}

/** YAML when it parses to a map, otherwise undefined (the line format is parsed instead). */
function safeYaml(inputs: Inputs, name: string): unknown {
  try {
    return inputs.yaml(name);
  } catch {
    return undefined;
  }
}
