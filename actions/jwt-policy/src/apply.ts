/**
 * The one module that talks to the cluster: which Istio API it serves, which objects this action owns there,
 * and the plan (server-side dry run of every object, then the writes with rollback).
 */
import {
  executePlan,
  InputError,
  type KubeApi,
  type KubeObject,
  type ObjectRef,
  type Plan,
  planChanges,
  refOf,
} from "@mesh-secure/action-runtime";
import type { ApiChoice, ApiVersion } from "./config.ts";
import { LEGACY_API, ownershipSelector } from "./render.ts";

export const FIELD_MANAGER = "mesh-secure/jwt-policy";

/** The kinds each API flavour needs, in the order `auto` prefers the flavours. */
export const FLAVOURS: readonly { apiVersion: ApiVersion; kinds: readonly string[] }[] = [
  { apiVersion: "security.istio.io/v1", kinds: ["RequestAuthentication", "AuthorizationPolicy"] },
  { apiVersion: "security.istio.io/v1beta1", kinds: ["RequestAuthentication", "AuthorizationPolicy"] },
  { apiVersion: LEGACY_API, kinds: ["Policy"] },
];

export class IstioNotInstalledError extends Error {
  constructor(server: string) {
    super(
      `Istio's CRDs are not installed: the API server at ${server} serves none of RequestAuthentication and ` +
        "AuthorizationPolicy (security.istio.io/v1 or v1beta1) nor the legacy Policy (authentication.istio.io/v1alpha1), " +
        "so there is nothing that could enforce a JWT policy. Fix: install Istio (istioctl install, or the istio/base " +
        "Helm chart for the CRDs), or point the kubeconfig/context inputs at the cluster where Istio runs.",
    );
    this.name = "IstioNotInstalledError";
  }
}

async function servesAll(kube: KubeApi, apiVersion: string, kinds: readonly string[]): Promise<boolean> {
  const served = await Promise.all(kinds.map((kind) => kube.serves(apiVersion, kind)));
  return served.every(Boolean);
}

/** The flavours the cluster serves, in preference order (asks discovery, never a version string). */
export async function servedFlavours(kube: KubeApi): Promise<ApiVersion[]> {
  // Discovery of the three group/versions goes out at once; the answer keeps the preference order.
  const serves = await Promise.all(
    FLAVOURS.map((flavour) => servesAll(kube, flavour.apiVersion, flavour.kinds)),
  );
  return FLAVOURS.filter((_, index) => serves[index]).map((flavour) => flavour.apiVersion);
}

/** `auto` -> v1, then v1beta1, then the legacy Policy; an explicit choice must be served. */
export async function resolveApi(kube: KubeApi, choice: ApiChoice): Promise<ApiVersion> {
  const served = await servedFlavours(kube);
  if (choice === "auto") {
    const preferred = served[0];
    if (preferred === undefined) throw new IstioNotInstalledError(kube.server);
    return preferred;
  }
  if (!served.includes(choice)) {
    const kinds = FLAVOURS.find((flavour) => flavour.apiVersion === choice)!.kinds.join(" and ");
    throw new InputError(
      "api",
      `the cluster does not serve ${kinds} in ${choice}`,
      served.length === 0
        ? "install Istio's CRDs first (istioctl install, or the istio/base Helm chart)"
        : `use api: auto, or one the cluster serves: ${served.join(", ")}`,
    );
  }
  return choice;
}

/** Group + kind + name: v1 and v1beta1 are two views of one stored object, so the version is left out. */
export function ownershipKey(ref: ObjectRef): string {
  const group = ref.apiVersion.includes("/") ? ref.apiVersion.slice(0, ref.apiVersion.indexOf("/")) : "";
  return `${group}/${ref.kind}/${ref.namespace ?? ""}/${ref.name}`;
}

/**
 * Every object this action applied under `name` in the namespace, in every candidate kind the cluster
 * serves (each kind listed once, through its preferred served version).
 */
export async function listOwned(kube: KubeApi, namespace: string, name: string): Promise<KubeObject[]> {
  const candidates = FLAVOURS.flatMap((flavour) =>
    flavour.kinds.map((kind) => ({ apiVersion: flavour.apiVersion, kind })),
  );
  const served = await Promise.all(candidates.map(({ apiVersion, kind }) => kube.serves(apiVersion, kind)));
  const lists: { apiVersion: string; kind: string }[] = [];
  const groupsDone = new Set<string>();
  for (const [index, candidate] of candidates.entries()) {
    const group = `${candidate.apiVersion.split("/")[0]}/${candidate.kind}`;
    if (groupsDone.has(group) || !served[index]) continue;
    groupsDone.add(group);
    lists.push(candidate);
  }
  const results = await Promise.all(
    lists.map(({ apiVersion, kind }) =>
      kube.list(apiVersion, kind, { namespace, labelSelector: ownershipSelector(name) }),
    ),
  );
  const listed = new Map<string, KubeObject>();
  for (const item of results.flat()) listed.set(ownershipKey(refOf(item)), item);
  return [...listed.values()];
}

/** The plan: apply every desired object, remove every owned object no longer desired. Writes nothing. */
export async function planPolicy(
  kube: KubeApi,
  desired: readonly KubeObject[],
  namespace: string,
  name: string,
): Promise<Plan> {
  const wanted = new Set(desired.map((object) => ownershipKey(refOf(object))));
  const owned = await listOwned(kube, namespace, name);
  const remove = owned.filter((object) => !wanted.has(ownershipKey(refOf(object)))).map(refOf);
  return planChanges(kube, { apply: [...desired], remove }, FIELD_MANAGER);
}

export function applyPlan(kube: KubeApi, plan: Plan, onWrite?: (line: string) => void): Promise<void> {
  return executePlan(kube, plan, {
    fieldManager: FIELD_MANAGER,
    // The objects are independent; a failure still undoes every write that succeeded.
    concurrency: 4,
    onWrite: (change) =>
      onWrite?.(`${change.action}d ${change.ref.kind} ${change.ref.namespace}/${change.ref.name}`),
  });
}
