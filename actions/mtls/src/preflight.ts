/**
 * The sidecar pre-flight, as pure code over listed pods and namespaces. STRICT makes a workload's sidecar
 * refuse plaintext, so a client without a sidecar is cut off; a workload without a sidecar is not in the
 * mesh at all. Either must be found before the policy is written, not after.
 */
import type { KubeObject } from "@mesh-secure/action-runtime";

export const SYSTEM_NAMESPACES = ["kube-system", "kube-public", "kube-node-lease"] as const;
export const INJECT_ANNOTATION = "sidecar.istio.io/inject";

export interface PodLike extends KubeObject {
  spec?: {
    containers?: { name: string; image?: string }[];
    initContainers?: { name: string; image?: string; restartPolicy?: string }[];
  };
  status?: { phase?: string };
}

export interface PodWithoutSidecar {
  namespace: string;
  pod: string;
  reason: string;
}

export interface NamespaceWithoutInjection {
  namespace: string;
  reason: string;
}

/** A pod has a sidecar when it runs an `istio-proxy` container, or a native sidecar (init container with restartPolicy Always, Istio >= 1.19). */
export function hasSidecarContainer(pod: PodLike): boolean {
  if ((pod.spec?.containers ?? []).some((container) => container.name === "istio-proxy")) return true;
  return (pod.spec?.initContainers ?? []).some(
    (container) => container.name === "istio-proxy" && container.restartPolicy === "Always",
  );
}

/** Why a pod is not (or will not stay) in the mesh, or undefined when it is. */
export function sidecarProblem(pod: PodLike): string | undefined {
  const reasons: string[] = [];
  if (!hasSidecarContainer(pod)) reasons.push("no istio-proxy container");
  if (pod.metadata.annotations?.[INJECT_ANNOTATION] === "false") {
    reasons.push(`annotated ${INJECT_ANNOTATION}: "false"`);
  } else if (pod.metadata.labels?.[INJECT_ANNOTATION] === "false") {
    reasons.push(`labelled ${INJECT_ANNOTATION}=false`);
  }
  return reasons.length === 0 ? undefined : reasons.join(", ");
}

/** Finished pods (Jobs) take no traffic; they do not block STRICT. */
function isFinished(pod: PodLike): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

export function podsWithoutSidecar(pods: readonly PodLike[]): PodWithoutSidecar[] {
  return pods
    .filter((pod) => !isFinished(pod))
    .flatMap((pod) => {
      const reason = sidecarProblem(pod);
      return reason === undefined
        ? []
        : [{ namespace: pod.metadata.namespace ?? "", pod: pod.metadata.name, reason }];
    })
    .sort((a, b) => `${a.namespace}/${a.pod}`.localeCompare(`${b.namespace}/${b.pod}`));
}

/** A namespace injects sidecars when labelled `istio-injection=enabled` or with a revision (`istio.io/rev`). */
export function injectionProblem(namespace: KubeObject): string | undefined {
  const labels = namespace.metadata.labels ?? {};
  if (labels["istio-injection"] === "enabled" || (labels["istio.io/rev"] ?? "") !== "") return undefined;
  if (labels["istio-injection"] !== undefined) return `labelled istio-injection=${labels["istio-injection"]}`;
  return "no istio-injection=enabled or istio.io/rev label";
}

export function namespacesWithoutInjection(namespaces: readonly KubeObject[]): NamespaceWithoutInjection[] {
  return namespaces.flatMap((namespace) => {
    const reason = injectionProblem(namespace);
    return reason === undefined ? [] : [{ namespace: namespace.metadata.name, reason }];
  });
}

/** The refusal message: names every pod and namespace, says why and how to proceed. */
export function preflightMessage(
  pods: readonly PodWithoutSidecar[],
  namespaces: readonly NamespaceWithoutInjection[],
  mode: string,
): string {
  const lines = [
    `Sidecar pre-flight failed: ${mode} mutual TLS would cut off workloads that are not in the mesh, so nothing was applied.`,
  ];
  for (const pod of pods) lines.push(`- pod ${pod.namespace}/${pod.pod}: ${pod.reason}`);
  for (const namespace of namespaces) lines.push(`- namespace ${namespace.namespace}: ${namespace.reason}`);
  lines.push(
    "Fix: label the namespaces (kubectl label namespace <ns> istio-injection=enabled) and restart their pods so they get a sidecar, " +
      "or migrate with mode: PERMISSIVE first; set require-sidecars: false only if you accept cutting these workloads off.",
  );
  return lines.join("\n");
}
