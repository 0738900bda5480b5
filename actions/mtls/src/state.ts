/**
 * The `previous-state` output and the `rollback` input: the live objects this run manages, exactly as they
 * were before it (spec, labels, annotations), and the ones that did not exist (rollback deletes those).
 * The format and its validation are shared with the other actions (action-runtime's previous-state.ts);
 * this file names what mtls manages.
 */
import {
  buildPreviousState as buildState,
  type KubeObject,
  type ObjectRef,
  PREVIOUS_STATE_VERSION,
  parsePreviousState as parseState,
  type PreviousState as SharedPreviousState,
  snapshotOf,
} from "@mesh-secure/action-runtime";

export { snapshotOf };

export const STATE_VERSION = PREVIOUS_STATE_VERSION;
export const MANAGED_KINDS: Record<string, readonly string[]> = {
  PeerAuthentication: ["security.istio.io/v1", "security.istio.io/v1beta1"],
  Policy: ["authentication.istio.io/v1alpha1"],
  MeshPolicy: ["authentication.istio.io/v1alpha1"],
  DestinationRule: ["networking.istio.io/v1", "networking.istio.io/v1beta1", "networking.istio.io/v1alpha3"],
};

export type PreviousState = SharedPreviousState<"mtls">;

export function buildPreviousState(
  entries: readonly { ref: ObjectRef; before?: KubeObject | undefined }[],
): PreviousState {
  return buildState("mtls", entries);
}

/** Validates a `rollback` input before anything is touched. */
export function parsePreviousState(raw: string): PreviousState {
  return parseState(raw, {
    action: "mtls",
    kinds: MANAGED_KINDS,
    clusterScoped: ["MeshPolicy"],
    fix: "pass the previous-state output of an earlier mtls step unchanged, e.g. rollback: ${{ steps.mtls.outputs.previous-state }}",
  });
}
