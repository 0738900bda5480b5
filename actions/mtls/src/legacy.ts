/**
 * Effective mode under the legacy authentication.istio.io/v1alpha1 API (Istio <= 1.5), at mesh and namespace
 * level: a namespace's Policy named `default` without targets overrides the MeshPolicy named `default`; a
 * Policy's mode comes from its `peers[].mtls` (mode omitted = STRICT); no mtls peer means plaintext (DISABLE);
 * without any policy the mesh runs plaintext. Service-targeted Policies override the namespace's as a whole for
 * their services; they are not part of the namespace's mode but reported by serviceTargetedOverrides().
 */
import type { KubeObject } from "@mesh-secure/action-runtime";
import type { EffectiveMode } from "./effective.ts";

export interface LegacyResult {
  mode: EffectiveMode;
  decidedBy: string | undefined;
}

function modeOf(object: KubeObject): EffectiveMode {
  const peers = (
    (object.spec as { peers?: { mtls?: { mode?: string } | null }[] } | undefined)?.peers ?? []
  ).filter((peer) => peer.mtls !== undefined);
  if (peers.length === 0) return "DISABLE";
  return peers[0]!.mtls?.mode === "PERMISSIVE" ? "PERMISSIVE" : "STRICT";
}

function isNamespaceWide(object: KubeObject): boolean {
  const targets = (object.spec as { targets?: unknown[] } | undefined)?.targets;
  return object.metadata.name === "default" && (targets === undefined || targets.length === 0);
}

export function legacyEffectiveMode(
  policies: readonly KubeObject[],
  namespace: string | undefined,
): LegacyResult {
  if (namespace !== undefined) {
    const own = policies.find(
      (object) =>
        object.kind === "Policy" && object.metadata.namespace === namespace && isNamespaceWide(object),
    );
    if (own) return { mode: modeOf(own), decidedBy: `${namespace}/${own.metadata.name}` };
  }
  const mesh = policies.find((object) => object.kind === "MeshPolicy" && object.metadata.name === "default");
  if (mesh) return { mode: modeOf(mesh), decidedBy: `MeshPolicy/${mesh.metadata.name}` };
  return { mode: "DISABLE", decidedBy: undefined };
}

/**
 * Service-targeted Policies whose peers differ from the namespace's effective mode: in Istio <= 1.5 such a
 * Policy (e.g. the reference JWT policy with `peers: [{mtls: {mode: PERMISSIVE}}]`) decides mTLS for its
 * services instead of the namespace's `default`, so those services do not get the namespace's mode.
 */
export function serviceTargetedOverrides(
  policies: readonly KubeObject[],
  namespace: string,
  namespaceMode: EffectiveMode,
): string[] {
  return policies
    .filter((object) => object.kind === "Policy" && object.metadata.namespace === namespace)
    .filter((object) => ((object.spec as { targets?: unknown[] } | undefined)?.targets ?? []).length > 0)
    .filter((object) => modeOf(object) !== namespaceMode)
    .map((object) => {
      const targets = ((object.spec as { targets: { name?: string }[] }).targets ?? [])
        .map((target) => target.name)
        .join(", ");
      return `Policy ${namespace}/${object.metadata.name} targets ${targets} with peers ${modeOf(object)}: in Istio <= 1.5 it overrides the namespace's ${namespaceMode} for those services. Add the same peers mode to that Policy (for jwt-policy's legacy Policy, it is PERMISSIVE by design) if they must be ${namespaceMode} too.`;
    });
}
