/**
 * Effective mode under the legacy authentication.istio.io/v1alpha1 API (Istio <= 1.5), at mesh and namespace
 * level: a namespace's Policy named `default` without targets overrides the MeshPolicy named `default`; a
 * Policy's mode comes from its `peers[].mtls` (mode omitted = STRICT); no mtls peer means plaintext (DISABLE);
 * without any policy the mesh runs plaintext. Service-targeted Policies are not evaluated here.
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
