/**
 * The `previous-state` output and the `rollback` input: the objects a run manages (every object it applies
 * or prunes), exactly as they were before it (spec, labels, annotations), and the ones that did not exist
 * (a rollback deletes those). Format, validation and restore are shared with mtls (action-runtime's
 * previous-state.ts); this file names the kinds jwt-policy manages.
 */
import {
  buildPreviousState as buildState,
  type KubeObject,
  type ObjectRef,
  parsePreviousState as parseState,
  type PreviousState as SharedPreviousState,
} from "@mesh-secure/action-runtime";
import { FLAVOURS } from "./apply.ts";
import { inspectJwks } from "./jwks.ts";

export type PreviousState = SharedPreviousState<"jwt-policy">;

/** Kind -> the apiVersions jwt-policy applies it in (RequestAuthentication, AuthorizationPolicy, legacy Policy). */
export const MANAGED_KINDS: Readonly<Record<string, readonly string[]>> = (() => {
  const kinds: Record<string, string[]> = {};
  for (const flavour of FLAVOURS) {
    for (const kind of flavour.kinds) kinds[kind] = [...(kinds[kind] ?? []), flavour.apiVersion];
  }
  return kinds;
})();

export const ROLLBACK_FIX =
  "pass the previous-state output of an earlier jwt-policy step unchanged, e.g. rollback: ${{ steps.jwt.outputs.previous-state }}";

export function buildPreviousState(
  entries: readonly { ref: ObjectRef; before?: KubeObject | undefined }[],
): PreviousState {
  return buildState("jwt-policy", entries);
}

/** Validates a `rollback` input before anything is touched: its shape, and only kinds this action manages. */
export function parsePreviousState(raw: string): PreviousState {
  return parseState(raw, { action: "jwt-policy", kinds: MANAGED_KINDS, fix: ROLLBACK_FIX });
}

/**
 * Private key material in the inline JWKS of objects (`spec.jwtRules[].jwks`, legacy `spec.origins[].jwt.jwks`).
 * This action never applies such a set, but a hand-made object it took over could hold one: mask it before a
 * snapshot, summary or diff could print it.
 */
export function inlineJwksSecrets(objects: readonly (KubeObject | undefined)[]): string[] {
  const secrets: string[] = [];
  for (const object of objects) {
    const spec = object?.spec as
      | { jwtRules?: { jwks?: unknown }[]; origins?: { jwt?: { jwks?: unknown } }[] }
      | undefined;
    const sets = [
      ...(Array.isArray(spec?.jwtRules) ? spec.jwtRules.map((rule) => rule?.jwks) : []),
      ...(Array.isArray(spec?.origins) ? spec.origins.map((origin) => origin?.jwt?.jwks) : []),
    ];
    for (const set of sets) if (typeof set === "string") secrets.push(...inspectJwks(set).secrets);
  }
  return secrets;
}
