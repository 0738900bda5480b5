/**
 * The cluster the integration tests talk to: the local kube-apiserver + etcd that `pnpm test` starts
 * (or a real cluster via MESH_SECURE_TEST_KUBECONFIG). One control plane per run, a fresh namespace per
 * test: a bare apiserver has no namespace controller, so namespaces are never reused, not deleted.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { KubeApi, type KubeObject, loadKubeconfig } from "@mesh-secure/action-runtime";

export function clusterKubeconfigPath(): string {
  const path = process.env.MESH_SECURE_TEST_KUBECONFIG ?? process.env.MESH_SECURE_KUBECONFIG;
  if (!path) {
    throw new Error(
      "No cluster for the integration tests: run them through `pnpm test` (it starts the local control plane), " +
        "or set MESH_SECURE_KUBECONFIG to a running one (`pnpm cluster:up` prints it).",
    );
  }
  return path;
}

/** The kubeconfig's content, as a workflow would pass it in the `kubeconfig` input. */
export function clusterKubeconfig(): string {
  return readFileSync(clusterKubeconfigPath(), "utf8");
}

/** A client for assertions and fixtures, using the same REST client as the actions. */
export function clusterApi(): KubeApi {
  const loaded = loadKubeconfig({ path: clusterKubeconfigPath(), mask: () => {} });
  return new KubeApi(loaded.kc);
}

/** Creates a namespace with a unique name (prefix + random suffix) and returns its name. */
export async function freshNamespace(
  api: KubeApi,
  prefix: string,
  labels: Record<string, string> = {},
): Promise<string> {
  const name = `${prefix}-${randomBytes(3).toString("hex")}`.slice(0, 63);
  await api.create(
    { apiVersion: "v1", kind: "Namespace", metadata: { name, labels } },
    { fieldManager: "mesh-secure-tests" },
  );
  return name;
}

/** Creates (or replaces) fixture objects the way a user's cluster would hold them. */
export async function createObjects(api: KubeApi, objects: KubeObject[]): Promise<void> {
  for (const object of objects) await api.apply(object, { fieldManager: "mesh-secure-tests" });
}
