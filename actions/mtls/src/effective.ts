/**
 * Istio's PeerAuthentication precedence, as pure code. It mirrors istiod's ComposePeerAuthentication
 * (istio/istio pilot/pkg/security/authn/policy_applier.go) and the rules in istio/api
 * security/v1beta1/peer_authentication.proto:
 *
 * - a policy without a selector (or with empty matchLabels) in the root namespace is mesh-wide; in any other
 *   namespace it is namespace-wide; with a selector outside the root namespace it is workload-level;
 * - a policy with a selector in the root namespace is ignored (istio/api PR #3604);
 * - several mesh-wide or namespace-wide policies: the oldest (creationTimestamp) is used, newer ones are
 *   ignored; several workload policies match one workload: the oldest wins. istiod compares timestamps with
 *   a strict "before" over a list sorted by creation time, then name, so on equal timestamps (1 s resolution)
 *   the name that sorts first wins; we do the same;
 * - workload > namespace > mesh; UNSET (or no mtls block) inherits from the level above; with nothing set
 *   (or a mesh-wide UNSET) the mode is PERMISSIVE;
 * - portLevelMtls of the winning workload policy overrides per pod port; an UNSET port inherits the
 *   workload's effective mode.
 */

export const MTLS_MODES = ["UNSET", "DISABLE", "PERMISSIVE", "STRICT"] as const;
export type MtlsMode = (typeof MTLS_MODES)[number];
/** A mode that takes effect: what UNSET resolves to. */
export type EffectiveMode = Exclude<MtlsMode, "UNSET">;

export interface PeerPolicy {
  namespace: string;
  name: string;
  /** RFC 3339, as the API server stores it (1 s resolution). */
  creationTimestamp: string;
  /** matchLabels; undefined or empty means no selector. */
  selector?: Record<string, string> | undefined;
  /** undefined means no mtls block (same as UNSET). */
  mode?: MtlsMode | undefined;
  /** pod port -> mode */
  portLevelMtls?: Record<string, MtlsMode | undefined> | undefined;
}

export type PolicyLevel = "mesh" | "namespace" | "workload";

export interface IgnoredPolicy {
  policy: string;
  reason: string;
}

export interface EffectiveResult {
  mode: EffectiveMode;
  /** `namespace/name` of the policy whose mode applies, or undefined for Istio's default (PERMISSIVE). */
  decidedBy: string | undefined;
  level: PolicyLevel | "default";
  /** pod port -> effective mode, from the winning workload policy's portLevelMtls. */
  ports: Record<string, EffectiveMode>;
  /** Policies that would otherwise apply here but Istio ignores, with the reason. */
  ignored: IgnoredPolicy[];
  /** Every policy that takes part (mesh, namespace and workload winners). */
  winners: { mesh?: string; namespace?: string; workload?: string };
}

export interface EffectiveTarget {
  namespace: string;
  /** The workload's labels; undefined computes the namespace-wide mode (what a workload without a policy gets). */
  labels?: Record<string, string> | undefined;
}

export function policyId(policy: { namespace: string; name: string }): string {
  return `${policy.namespace}/${policy.name}`;
}

function hasSelector(policy: PeerPolicy): boolean {
  return policy.selector !== undefined && Object.keys(policy.selector).length > 0;
}

/** istiod's order: creation time, then name, then namespace. */
export function olderFirst(a: PeerPolicy, b: PeerPolicy): number {
  const ta = Date.parse(a.creationTimestamp);
  const tb = Date.parse(b.creationTimestamp);
  if (ta !== tb) return ta - tb;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0;
}

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

function isUnset(mode: MtlsMode | undefined): boolean {
  return mode === undefined || mode === "UNSET";
}

/** Picks the oldest policy of one level; the others are reported as ignored with `why`. */
function oldest(
  candidates: PeerPolicy[],
  why: (winner: PeerPolicy) => string,
  ignored: IgnoredPolicy[],
): PeerPolicy | undefined {
  const sorted = [...candidates].sort(olderFirst);
  const winner = sorted[0];
  if (winner) {
    for (const loser of sorted.slice(1)) ignored.push({ policy: policyId(loser), reason: why(winner) });
  }
  return winner;
}

/** The effective mTLS mode of a namespace (no labels) or a workload (its labels), with the reasons. */
export function effectiveMtlsMode(
  policies: readonly PeerPolicy[],
  target: EffectiveTarget,
  rootNamespace: string,
): EffectiveResult {
  const ignored: IgnoredPolicy[] = [];
  const mesh: PeerPolicy[] = [];
  const namespaceWide: PeerPolicy[] = [];
  const workload: PeerPolicy[] = [];
  for (const policy of policies) {
    if (policy.namespace === rootNamespace) {
      if (!hasSelector(policy)) mesh.push(policy);
      else if (
        target.labels === undefined
          ? target.namespace === rootNamespace
          : selects(policy.selector!, target.labels)
      ) {
        // Reported where a reader would expect it to act: the root namespace's own view, and each
        // workload its selector matches.
        ignored.push({
          policy: policyId(policy),
          reason: `it has a selector but lives in the root namespace '${rootNamespace}', and Istio ignores such policies (move it to the workload's namespace)`,
        });
      }
    } else if (policy.namespace === target.namespace) {
      if (!hasSelector(policy)) namespaceWide.push(policy);
      else if (target.labels !== undefined && selects(policy.selector!, target.labels)) workload.push(policy);
    }
  }
  const meshWinner = oldest(
    mesh,
    (winner) =>
      `a newer mesh-wide policy; Istio uses only the oldest one, ${policyId(winner)} (delete or merge the newer one)`,
    ignored,
  );
  const namespaceWinner = oldest(
    namespaceWide,
    (winner) =>
      `a newer namespace-wide policy; Istio uses only the oldest one, ${policyId(winner)} (delete or merge the newer one)`,
    ignored,
  );
  const workloadWinner = oldest(
    workload,
    (winner) =>
      `another workload policy selecting the same workload is older and wins: ${policyId(winner)} (make the selectors disjoint)`,
    ignored,
  );

  let mode: EffectiveMode = "PERMISSIVE";
  let decidedBy: string | undefined;
  let level: EffectiveResult["level"] = "default";
  for (const [winner, winnerLevel] of [
    [meshWinner, "mesh"],
    [namespaceWinner, "namespace"],
    [workloadWinner, "workload"],
  ] as const) {
    if (winner && !isUnset(winner.mode)) {
      mode = winner.mode as EffectiveMode;
      decidedBy = policyId(winner);
      level = winnerLevel;
    }
  }
  const ports: Record<string, EffectiveMode> = {};
  for (const [port, portMode] of Object.entries(workloadWinner?.portLevelMtls ?? {})) {
    ports[port] = isUnset(portMode) ? mode : (portMode as EffectiveMode);
  }
  const winners: EffectiveResult["winners"] = {};
  if (meshWinner) winners.mesh = policyId(meshWinner);
  if (namespaceWinner) winners.namespace = policyId(namespaceWinner);
  if (workloadWinner) winners.workload = policyId(workloadWinner);
  return { mode, decidedBy, level, ports, ignored, winners };
}

/** Whether a policy is one the given result uses (the winner of its level) rather than ignores. */
export function isUsed(result: EffectiveResult, policy: { namespace: string; name: string }): boolean {
  const id = policyId(policy);
  return Object.values(result.winners).includes(id);
}

/** Reads a PeerAuthentication object (v1 or v1beta1) into the fields precedence needs. */
export function peerPolicyOf(object: {
  metadata: { name: string; namespace?: string; creationTimestamp?: string };
  spec?: unknown;
}): PeerPolicy {
  const spec = (object.spec ?? {}) as {
    selector?: { matchLabels?: Record<string, string> };
    mtls?: { mode?: string };
    portLevelMtls?: Record<string, { mode?: string } | undefined>;
  };
  const asMode = (value: string | undefined): MtlsMode | undefined =>
    (MTLS_MODES as readonly string[]).includes(value ?? "") ? (value as MtlsMode) : undefined;
  const portLevelMtls = spec.portLevelMtls
    ? Object.fromEntries(Object.entries(spec.portLevelMtls).map(([port, m]) => [port, asMode(m?.mode)]))
    : undefined;
  return {
    namespace: object.metadata.namespace ?? "",
    name: object.metadata.name,
    creationTimestamp: object.metadata.creationTimestamp ?? new Date(0).toISOString(),
    selector: spec.selector?.matchLabels,
    mode: asMode(spec.mtls?.mode),
    portLevelMtls,
  };
}
