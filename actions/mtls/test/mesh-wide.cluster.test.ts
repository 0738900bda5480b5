/**
 * Mesh scope without a `namespace` list, and the legacy MeshPolicy, touch the whole cluster: every namespace
 * is in scope and MeshPolicy is cluster-scoped. So these tests start a control plane of their own (Istio's
 * CRDs and the legacy authentication.istio.io/v1alpha1 ones) and run in order, each building on the cluster
 * the previous one left. The root namespace is the default, istio-system.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { KubeApi, type KubeObject, loadKubeconfig } from "@mesh-secure/action-runtime";
import { type ControlPlane, startControlPlane } from "@mesh-secure/control-plane";
import { createObjects, freshNamespace } from "../../../test/cluster.ts";
import { type BundleResult, runBundle } from "../../../test/run-bundle.ts";

const ROOT = "istio-system";
const LEGACY = "authentication.istio.io/v1alpha1";
const PA = { apiVersion: "security.istio.io/v1", kind: "PeerAuthentication" };
const MESH_POLICY = { apiVersion: LEGACY, kind: "MeshPolicy", name: "default" };
const INJECTED = { "istio-injection": "enabled" };

let controlPlane: ControlPlane;
let api: KubeApi;
let kubeconfig: string;

before(async () => {
  controlPlane = await startControlPlane({ crds: { istio: true, legacy: true } });
  kubeconfig = readFileSync(controlPlane.kubeconfigPath, "utf8");
  api = new KubeApi(loadKubeconfig({ path: controlPlane.kubeconfigPath, mask: () => {} }).kc);
  await createObjects(api, [{ apiVersion: "v1", kind: "Namespace", metadata: { name: ROOT } }]);
});

after(async () => {
  await api?.close();
  await controlPlane?.stop();
});

function mtls(inputs: Record<string, string>): Promise<BundleResult> {
  return runBundle("mtls", { kubeconfig, ...inputs });
}

function ok(result: BundleResult): void {
  assert.equal(result.code, 0, `the step failed:\n${result.stdout}\n${result.stderr}`);
}

function json<T>(result: BundleResult, output: string): T {
  const value = result.outputs.get(output);
  assert.ok(value !== undefined, `output ${output} is missing; stdout:\n${result.stdout}`);
  return JSON.parse(value) as T;
}

interface Entry {
  namespace: string;
  workload?: string;
  level: string;
  mode: string;
  previousMode: string;
  policy: string;
}

/** The mesh and namespace entries of `effective` as `level namespace mode policy` rows. */
function rows(result: BundleResult): string[] {
  return json<Entry[]>(result, "effective")
    .filter((entry) => entry.level !== "workload")
    .map((entry) => `${entry.level} ${entry.namespace} ${entry.mode} ${entry.policy}`);
}

async function pod(namespace: string, name: string, sidecar: boolean): Promise<void> {
  const containers = [{ name: "app", image: "example/app:1" }];
  if (sidecar) containers.push({ name: "istio-proxy", image: "istio/proxyv2:1.24.0" });
  await createObjects(api, [
    {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name, namespace, labels: { app: name } },
      spec: { containers },
    },
  ]);
}

async function label(namespace: string, labels: Record<string, string>): Promise<void> {
  await api.apply(
    { apiVersion: "v1", kind: "Namespace", metadata: { name: namespace, labels } },
    { fieldManager: "mesh-secure-tests" },
  );
}

describe("mesh scope over every namespace, on a control plane of its own", () => {
  // Namespaces of the scenario, created by the first test: `injected` has a pod without a sidecar,
  // `plain` has no injection label, `revisioned` injects through istio.io/rev; plus Kubernetes' `default`.
  let injected: string;
  let plain: string;
  let revisioned: string;
  let legacyNamespace: string;
  let legacyMeshRun: BundleResult | undefined;

  const userNamespaces = () =>
    ["default", injected, plain, revisioned, ...(legacyNamespace ? [legacyNamespace] : [])].sort();

  test("mesh STRICT without a namespace list is refused, naming every uninjected namespace and pod without a sidecar outside the system and root namespaces", async () => {
    injected = await freshNamespace(api, "mesh-a", INJECTED);
    plain = await freshNamespace(api, "mesh-b");
    revisioned = await freshNamespace(api, "mesh-c", { "istio.io/rev": "canary" });
    await pod(injected, "with-sidecar", true);
    await pod(injected, "no-sidecar", false);
    await pod(revisioned, "reviews", true);
    // Out of scope: Kubernetes' own namespaces and the root namespace (istiod has no sidecar by design).
    await pod("kube-system", "coredns", false);
    await pod(ROOT, "istiod", false);

    const result = await mtls({ scope: "mesh" });
    assert.notEqual(result.code, 0);
    assert.match(result.stdout, /::error::Sidecar pre-flight failed: STRICT/);
    for (const named of [
      `pod ${injected}/no-sidecar: no istio-proxy container`,
      `namespace default: no istio-injection=enabled or istio.io/rev label`,
      `namespace ${plain}: no istio-injection=enabled or istio.io/rev label`,
    ]) {
      assert.ok(result.stdout.includes(named), `the error does not name '${named}':\n${result.stdout}`);
    }
    for (const notNamed of [
      "coredns",
      "istiod",
      `${injected}/with-sidecar`,
      `namespace ${injected}`,
      `namespace ${revisioned}`,
      "namespace kube-system",
      "namespace kube-public",
      "namespace kube-node-lease",
      `namespace ${ROOT}`,
    ]) {
      assert.ok(!result.stdout.includes(notNamed), `the error names '${notNamed}':\n${result.stdout}`);
    }
    assert.deepEqual(
      json<{ namespace: string; pod: string }[]>(result, "workloads-without-sidecar").map(
        (item) => `${item.namespace}/${item.pod}`,
      ),
      [`${injected}/no-sidecar`],
    );
    // The report covers the mesh and every namespace but the system and root ones, as they are now.
    assert.deepEqual(rows(result), [
      `mesh ${ROOT} PERMISSIVE (Istio default: PERMISSIVE)`,
      ...userNamespaces().map((ns) => `namespace ${ns} PERMISSIVE (Istio default: PERMISSIVE)`),
    ]);
    assert.equal(result.outputs.get("changed"), "false");
    assert.deepEqual(await api.list(PA.apiVersion, PA.kind), []);
  });

  test("mesh STRICT without a namespace list is applied once every namespace injects and every pod has a sidecar", async () => {
    await label("default", INJECTED);
    await label(plain, INJECTED);
    assert.ok(await api.delete({ apiVersion: "v1", kind: "Pod", namespace: injected, name: "no-sidecar" }));

    const result = await mtls({ scope: "mesh" });
    ok(result);
    assert.equal(result.outputs.get("changed"), "true");
    assert.equal(result.outputs.get("effective-mode"), "STRICT");
    const policy = await api.get({ ...PA, namespace: ROOT, name: "default" });
    assert.deepEqual(policy?.spec, { mtls: { mode: "STRICT" } });
    assert.deepEqual(
      (await api.list(PA.apiVersion, PA.kind)).map(
        (object) => `${object.metadata.namespace}/${object.metadata.name}`,
      ),
      [`${ROOT}/default`],
    );
    assert.deepEqual(rows(result), [
      `mesh ${ROOT} STRICT ${ROOT}/default`,
      ...userNamespaces().map((ns) => `namespace ${ns} STRICT ${ROOT}/default`),
    ]);
    const entries = json<Entry[]>(result, "effective");
    assert.ok(entries.every((entry) => entry.previousMode === "PERMISSIVE"));
    assert.deepEqual(
      entries
        .filter((entry) => entry.level === "workload")
        .map((entry) => `${entry.namespace}/${entry.workload}`),
      [`${injected}/with-sidecar`, `${revisioned}/reviews`].sort(),
    );
    assert.deepEqual(json<unknown[]>(result, "workloads-without-sidecar"), []);
  });

  test("a namespace-level PERMISSIVE policy overrides the mesh STRICT in the effective report", async () => {
    await createObjects(api, [
      { ...PA, metadata: { name: "default", namespace: plain }, spec: { mtls: { mode: "PERMISSIVE" } } },
    ]);
    const result = await mtls({ scope: "mesh" });
    ok(result);
    assert.equal(result.outputs.get("changed"), "false");
    assert.equal(result.outputs.get("effective-mode"), "STRICT");
    assert.deepEqual(rows(result), [
      `mesh ${ROOT} STRICT ${ROOT}/default`,
      ...userNamespaces().map((ns) =>
        ns === plain
          ? `namespace ${ns} PERMISSIVE ${plain}/default`
          : `namespace ${ns} STRICT ${ROOT}/default`,
      ),
    ]);
  });

  test("legacy namespace scope writes the Policy and one ISTIO_MUTUAL DestinationRule per host", async () => {
    legacyNamespace = await freshNamespace(api, "mesh-legacy", INJECTED);
    const hosts = [`product.${legacyNamespace}.svc.cluster.local`, "reviews"];
    const result = await mtls({
      api: LEGACY,
      namespace: legacyNamespace,
      mode: "PERMISSIVE",
      "destination-rules": hosts.join("\n"),
    });
    ok(result);
    const policy = await api.get({
      apiVersion: LEGACY,
      kind: "Policy",
      namespace: legacyNamespace,
      name: "default",
    });
    assert.deepEqual(policy?.spec, { peers: [{ mtls: { mode: "PERMISSIVE" } }] });
    const rules = await api.list("networking.istio.io/v1", "DestinationRule", { namespace: legacyNamespace });
    assert.deepEqual(
      rules.map((rule) => [rule.metadata.name, rule.spec]),
      hosts.map((host) => [host, { host, trafficPolicy: { tls: { mode: "ISTIO_MUTUAL" } } }]),
    );
    assert.deepEqual(await api.list(PA.apiVersion, PA.kind, { namespace: legacyNamespace }), []);
    assert.equal(result.outputs.get("effective-mode"), "PERMISSIVE");
    assert.deepEqual(rows(result), [`namespace ${legacyNamespace} PERMISSIVE ${legacyNamespace}/default`]);
  });

  test("legacy mesh scope writes MeshPolicy default with peers mtls STRICT, and a namespace Policy overrides it", async () => {
    assert.equal(await api.get(MESH_POLICY), undefined);
    const result = await mtls({ scope: "mesh", api: LEGACY });
    ok(result);
    legacyMeshRun = result;
    assert.equal(result.outputs.get("changed"), "true");
    assert.equal(result.outputs.get("effective-mode"), "STRICT");
    const meshPolicy = await api.get(MESH_POLICY);
    assert.deepEqual(meshPolicy?.spec, { peers: [{ mtls: { mode: "STRICT" } }] });
    assert.equal(meshPolicy?.metadata.labels?.["app.kubernetes.io/managed-by"], "mesh-secure");
    // Legacy mesh scope writes no namespaced Policy of its own.
    assert.deepEqual(await api.list(LEGACY, "Policy", { namespace: ROOT }), []);
    assert.deepEqual(rows(result), [
      `mesh ${ROOT} STRICT MeshPolicy/default`,
      ...userNamespaces().map((ns) =>
        ns === legacyNamespace
          ? `namespace ${ns} PERMISSIVE ${legacyNamespace}/default`
          : `namespace ${ns} STRICT MeshPolicy/default`,
      ),
    ]);
    const previous = json<{
      objects: KubeObject[];
      absent: { kind: string; name: string; namespace?: string }[];
    }>(result, "previous-state");
    assert.deepEqual(previous.objects, []);
    assert.deepEqual(
      previous.absent.map((ref) => `${ref.kind}/${ref.namespace ?? ""}/${ref.name}`),
      ["MeshPolicy//default"],
    );
  });

  test("re-running legacy mesh scope changes nothing and writes nothing", async () => {
    const before = await api.get(MESH_POLICY);
    const result = await mtls({ scope: "mesh", api: LEGACY });
    ok(result);
    assert.equal(result.outputs.get("changed"), "false");
    assert.match(result.stdout, /nothing was written/);
    assert.equal((await api.get(MESH_POLICY))?.metadata.resourceVersion, before?.metadata.resourceVersion);
  });

  test("rolling back the legacy mesh run that created MeshPolicy default deletes it again", async () => {
    assert.ok(legacyMeshRun, "the legacy mesh run did not complete");
    const result = await mtls({ rollback: legacyMeshRun.outputs.get("previous-state")! });
    ok(result);
    assert.equal(result.outputs.get("changed"), "true");
    assert.equal(await api.get(MESH_POLICY), undefined);
  });

  test("rolling back a legacy mesh run restores a hand-made MeshPolicy exactly", async () => {
    await createObjects(api, [
      {
        apiVersion: LEGACY,
        kind: "MeshPolicy",
        metadata: {
          name: "default",
          labels: { team: "platform" },
          annotations: { "owner.example.com/contact": "platform@example.com" },
        },
        spec: { peers: [{ mtls: { mode: "PERMISSIVE" } }] },
      },
    ]);
    const original = await api.get(MESH_POLICY);
    const result = await mtls({ scope: "mesh", api: LEGACY });
    ok(result);
    assert.equal(result.outputs.get("changed"), "true");
    assert.deepEqual((await api.get(MESH_POLICY))?.spec, { peers: [{ mtls: { mode: "STRICT" } }] });
    const previous = json<{ objects: KubeObject[] }>(result, "previous-state");
    assert.deepEqual(
      previous.objects.map((object) => [object.kind, object.metadata.name, object.spec]),
      [["MeshPolicy", "default", { peers: [{ mtls: { mode: "PERMISSIVE" } }] }]],
    );

    const rolledBack = await mtls({ rollback: result.outputs.get("previous-state")! });
    ok(rolledBack);
    assert.equal(rolledBack.outputs.get("changed"), "true");
    const restored = await api.get(MESH_POLICY);
    assert.deepEqual(restored?.spec, original?.spec);
    assert.deepEqual(restored?.metadata.labels, original?.metadata.labels);
    assert.deepEqual(restored?.metadata.annotations, original?.metadata.annotations);
    assert.equal(restored?.metadata.uid, original?.metadata.uid);

    const again = await mtls({ rollback: result.outputs.get("previous-state")! });
    ok(again);
    assert.equal(again.outputs.get("changed"), "false");
  });
});
