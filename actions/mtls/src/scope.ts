/** Pure helpers that turn listed pods, namespaces and policies into the effective-mode report. */
import type { KubeObject } from "@mesh-secure/action-runtime";
import {
  type EffectiveMode,
  type EffectiveResult,
  effectiveMtlsMode,
  type IgnoredPolicy,
  type PeerPolicy,
} from "./effective.ts";
import type { PodLike } from "./preflight.ts";

export interface Workload {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  pods: string[];
}

export interface EffectiveEntry {
  namespace: string;
  /** Absent for a namespace-wide (or mesh-wide) entry. */
  workload?: string;
  /** "mesh" for the root namespace's mesh-wide entry. */
  level: "mesh" | "namespace" | "workload";
  mode: EffectiveMode;
  previousMode: EffectiveMode;
  /** `namespace/name` of the deciding policy, or "(Istio default: PERMISSIVE)". */
  policy: string;
  ports: Record<string, EffectiveMode>;
  ignored: IgnoredPolicy[];
}

export const ISTIO_DEFAULT = "(Istio default: PERMISSIVE)";

/** The workload a pod belongs to: its controller's name (Deployment for ReplicaSet pods), else the pod's. */
export function workloadName(pod: PodLike): string {
  const owner = pod.metadata.ownerReferences as
    | { kind?: string; name?: string; controller?: boolean }[]
    | undefined;
  const controller = owner?.find((ref) => ref.controller) ?? owner?.[0];
  if (!controller?.name) return pod.metadata.name;
  const hash = pod.metadata.labels?.["pod-template-hash"];
  if (controller.kind === "ReplicaSet" && hash && controller.name.endsWith(`-${hash}`)) {
    return controller.name.slice(0, -hash.length - 1);
  }
  return controller.name;
}

export function groupWorkloads(pods: readonly PodLike[]): Workload[] {
  const byKey = new Map<string, Workload>();
  for (const pod of pods) {
    const namespace = pod.metadata.namespace ?? "";
    const name = workloadName(pod);
    const key = `${namespace}/${name}`;
    const existing = byKey.get(key);
    if (existing) existing.pods.push(pod.metadata.name);
    else {
      const { "pod-template-hash": _hash, ...labels } = pod.metadata.labels ?? {};
      byKey.set(key, { namespace, name, labels, pods: [pod.metadata.name] });
    }
  }
  return [...byKey.values()].sort((a, b) =>
    `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`),
  );
}

function entry(
  base: Pick<EffectiveEntry, "namespace" | "level"> & { workload?: string },
  before: EffectiveResult,
  after: EffectiveResult,
): EffectiveEntry {
  return {
    ...base,
    mode: after.mode,
    previousMode: before.mode,
    policy: after.decidedBy ?? ISTIO_DEFAULT,
    ports: after.ports,
    ignored: after.ignored,
  };
}

export interface ReportScope {
  rootNamespace: string;
  /** Whether the mesh-wide entry is reported (mesh scope). */
  mesh: boolean;
  /** Namespaces whose namespace-wide entry is reported. */
  namespaces: string[];
  workloads: Workload[];
}

/** Every namespace/workload in scope with its effective mode before and after this run. */
export function effectiveReport(
  scope: ReportScope,
  before: readonly PeerPolicy[],
  after: readonly PeerPolicy[],
): EffectiveEntry[] {
  const entries: EffectiveEntry[] = [];
  const view = (policies: readonly PeerPolicy[], namespace: string, labels?: Record<string, string>) =>
    effectiveMtlsMode(policies, { namespace, labels }, scope.rootNamespace);
  if (scope.mesh) {
    entries.push(
      entry(
        { namespace: scope.rootNamespace, level: "mesh" },
        view(before, scope.rootNamespace),
        view(after, scope.rootNamespace),
      ),
    );
  }
  for (const namespace of scope.namespaces) {
    entries.push(entry({ namespace, level: "namespace" }, view(before, namespace), view(after, namespace)));
  }
  for (const workload of scope.workloads) {
    entries.push(
      entry(
        { namespace: workload.namespace, workload: workload.name, level: "workload" },
        view(before, workload.namespace, workload.labels),
        view(after, workload.namespace, workload.labels),
      ),
    );
  }
  return entries;
}

/** The policies Istio would see after the plan: created/updated objects replace live ones, removed ones go. */
export function policiesAfter(
  live: readonly KubeObject[],
  written: readonly KubeObject[],
  removed: readonly { kind: string; name: string; namespace?: string | undefined }[],
  now: string,
): KubeObject[] {
  const key = (object: { kind: string; name: string; namespace?: string | undefined }) =>
    `${object.kind}/${object.namespace ?? ""}/${object.name}`;
  const gone = new Set(removed.map(key));
  const replaced = new Map(
    written.map((object) => [
      key({ kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace }),
      object,
    ]),
  );
  const result: KubeObject[] = [];
  for (const object of live) {
    const id = key({ kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace });
    if (gone.has(id)) continue;
    const next = replaced.get(id);
    replaced.delete(id);
    result.push(
      next
        ? { ...next, metadata: { ...next.metadata, creationTimestamp: object.metadata.creationTimestamp } }
        : object,
    );
  }
  for (const object of replaced.values()) {
    result.push({
      ...object,
      metadata: { ...object.metadata, creationTimestamp: object.metadata.creationTimestamp ?? now },
    });
  }
  return result;
}
