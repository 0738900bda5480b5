import { randomBytes } from "node:crypto";
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { type ControlPlane, type StartOptions, startControlPlane } from "./control-plane.ts";

export interface TestCluster {
  kubeconfigPath: string;
  kc: KubeConfig;
  /**
   * "external": a user's real cluster from MESH_SECURE_TEST_KUBECONFIG (no CA key: createUserKubeconfig
   * is unavailable); "run": the control plane the test runner started (MESH_SECURE_KUBECONFIG);
   * "process": started by this process because neither was set.
   */
  origin: "external" | "run" | "process";
  /** Stops the control plane if this process started it; otherwise a no-op. */
  release(): Promise<void>;
}

function load(path: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(path);
  return kc;
}

let own: Promise<ControlPlane> | undefined;

/**
 * The cluster for a test file:
 * 1. `MESH_SECURE_TEST_KUBECONFIG` set: a user's real cluster, reused as is (nothing is started);
 * 2. `MESH_SECURE_KUBECONFIG` set: the control plane the test runner started for this run;
 * 3. else one control plane is started for this process (all CRDs installed) and `MESH_SECURE_KUBECONFIG`
 *    is set to it; call `release()` in an `after()` hook (it is also killed when the process exits).
 */
export async function testCluster(): Promise<TestCluster> {
  const external = process.env["MESH_SECURE_TEST_KUBECONFIG"];
  if (external) {
    return { kubeconfigPath: external, kc: load(external), origin: "external", release: async () => {} };
  }
  const fromRun = process.env["MESH_SECURE_KUBECONFIG"];
  if (fromRun && !own) {
    return { kubeconfigPath: fromRun, kc: load(fromRun), origin: "run", release: async () => {} };
  }
  own ??= startControlPlane({ crds: { istio: true, legacy: true } }).then((cp) => {
    process.env["MESH_SECURE_KUBECONFIG"] = cp.kubeconfigPath;
    return cp;
  });
  const cp = await own;
  return {
    kubeconfigPath: cp.kubeconfigPath,
    kc: cp.kubeConfig(),
    origin: "process",
    release: async () => {
      own = undefined;
      delete process.env["MESH_SECURE_KUBECONFIG"];
      await cp.stop();
    },
  };
}

/**
 * Creates a namespace named `<prefix>-<random>` and returns its name. A bare apiserver has no namespace
 * controller, so a deleted namespace stays Terminating: use a fresh one per test instead of cleaning up.
 */
export async function freshNamespace(kc: KubeConfig, prefix = "test"): Promise<string> {
  const base =
    prefix
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 50) || "test";
  const name = `${base}-${randomBytes(4).toString("hex")}`;
  await kc.makeApiClient(CoreV1Api).createNamespace({
    body: { metadata: { name, labels: { "mesh-secure.io/test": "true" } } },
  });
  return name;
}

/**
 * For a test runner: runs `fn` with a cluster for the whole run. With MESH_SECURE_TEST_KUBECONFIG set that
 * cluster is used; otherwise a control plane (all CRDs) is started, MESH_SECURE_KUBECONFIG is set to its admin
 * kubeconfig for `fn` (and for child processes that inherit the environment), and it is stopped afterwards.
 */
export async function runWithControlPlane<T>(
  fn: (kubeconfigPath: string) => Promise<T>,
  opts: Omit<StartOptions, "crds"> = {},
): Promise<T> {
  const external = process.env["MESH_SECURE_TEST_KUBECONFIG"];
  if (external) return fn(external);
  const cp = await startControlPlane({ ...opts, crds: { istio: true, legacy: true } });
  const previous = process.env["MESH_SECURE_KUBECONFIG"];
  process.env["MESH_SECURE_KUBECONFIG"] = cp.kubeconfigPath;
  try {
    return await fn(cp.kubeconfigPath);
  } finally {
    if (previous === undefined) delete process.env["MESH_SECURE_KUBECONFIG"];
    else process.env["MESH_SECURE_KUBECONFIG"] = previous;
    await cp.stop();
  }
}
