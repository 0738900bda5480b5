/**
 * The mtls action's bundle against the real control plane. Pods exist without a kubelet, so a Pod object with
 * an `istio-proxy` container stands for a workload with a sidecar. Every test uses fresh namespaces, and the
 * mesh-scope tests a root namespace of their own, so tests running at the same time do not interfere.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { KubeApi, KubeObject } from "@mesh-secure/action-runtime";
import { clusterApi, clusterKubeconfig, createObjects, freshNamespace } from "../../../test/cluster.ts";
import { type BundleResult, runBundle } from "../../../test/run-bundle.ts";

const PA = { apiVersion: "security.istio.io/v1", kind: "PeerAuthentication" };
let api: KubeApi;
let kubeconfig: string;

before(() => {
  api = clusterApi();
  kubeconfig = clusterKubeconfig();
});
after(async () => {
  await api.close();
});

function mtls(inputs: Record<string, string>): Promise<BundleResult> {
  return runBundle("mtls", { kubeconfig, ...inputs });
}

async function meshNamespace(prefix: string, injected = true): Promise<string> {
  return freshNamespace(api, prefix, injected ? { "istio-injection": "enabled" } : {});
}

async function pod(
  namespace: string,
  name: string,
  options: { sidecar?: boolean; labels?: Record<string, string>; annotations?: Record<string, string> } = {},
): Promise<void> {
  const containers = [{ name: "app", image: "example/app:1" }];
  if (options.sidecar ?? true) containers.push({ name: "istio-proxy", image: "istio/proxyv2:1.24.0" });
  await createObjects(api, [
    {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name,
        namespace,
        labels: options.labels ?? { app: name },
        ...(options.annotations ? { annotations: options.annotations } : {}),
      },
      spec: { containers },
    },
  ]);
}

async function peerAuthentication(
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
  metadata: { labels?: Record<string, string>; annotations?: Record<string, string> } = {},
): Promise<void> {
  await createObjects(api, [{ ...PA, metadata: { name, namespace, ...metadata }, spec }]);
}

function getPa(namespace: string, name = "default"): Promise<KubeObject | undefined> {
  return api.get({ ...PA, namespace, name });
}

function json<T>(result: BundleResult, output: string): T {
  const value = result.outputs.get(output);
  assert.ok(value !== undefined, `output ${output} is missing; stdout:\n${result.stdout}`);
  return JSON.parse(value) as T;
}

function ok(result: BundleResult): void {
  assert.equal(result.code, 0, `the step failed:\n${result.stdout}\n${result.stderr}`);
}

interface Entry {
  namespace: string;
  workload?: string;
  level: string;
  mode: string;
  previousMode: string;
  policy: string;
  ports: Record<string, string>;
  ignored: { policy: string; reason: string }[];
}

describe("mtls action against the control plane", () => {
  test("namespace STRICT creates the default PeerAuthentication and reports PERMISSIVE -> STRICT", async () => {
    const ns = await meshNamespace("mtls-ns");
    await pod(ns, "product-composite");
    const result = await mtls({ namespace: ns });
    ok(result);
    assert.deepEqual((await getPa(ns))?.spec, { mtls: { mode: "STRICT" } });
    assert.equal(result.outputs.get("changed"), "true");
    assert.equal(result.outputs.get("effective-mode"), "STRICT");
    const effective = json<Entry[]>(result, "effective");
    const workload = effective.find((entry) => entry.workload === "product-composite");
    assert.deepEqual(
      [workload?.previousMode, workload?.mode, workload?.policy],
      ["PERMISSIVE", "STRICT", `${ns}/default`],
    );
    assert.match(result.summary, /PERMISSIVE -> STRICT/);
  });

  test("a second identical run changes nothing and writes nothing", async () => {
    const ns = await meshNamespace("mtls-idem");
    await pod(ns, "product-composite");
    ok(await mtls({ namespace: ns }));
    const first = await getPa(ns);
    const second = await mtls({ namespace: ns });
    ok(second);
    assert.equal(second.outputs.get("changed"), "false");
    assert.equal((await getPa(ns))?.metadata.resourceVersion, first?.metadata.resourceVersion);
    assert.match(second.summary, /nothing was written/);
  });

  test("the pre-flight refuses STRICT, names each pod and namespace, and applies nothing", async () => {
    const injected = await meshNamespace("mtls-pre-a");
    const plain = await meshNamespace("mtls-pre-b", false);
    await pod(injected, "with-sidecar");
    await pod(injected, "no-sidecar", { sidecar: false });
    await pod(injected, "opted-out", { annotations: { "sidecar.istio.io/inject": "false" } });
    await pod(plain, "legacy-app", { sidecar: false });
    const result = await mtls({ namespace: `${injected},${plain}` });
    assert.notEqual(result.code, 0);
    for (const name of [
      `${injected}/no-sidecar`,
      `${injected}/opted-out`,
      `${plain}/legacy-app`,
      `namespace ${plain}`,
    ]) {
      assert.ok(result.stdout.includes(name), `the error does not name ${name}:\n${result.stdout}`);
    }
    for (const name of ["no-sidecar", "opted-out", "legacy-app", plain]) {
      assert.ok(result.summary.includes(name), `the summary does not name ${name}`);
    }
    assert.ok(!result.stdout.includes(`${injected}/with-sidecar`));
    assert.deepEqual(
      json<{ namespace: string; pod: string }[]>(result, "workloads-without-sidecar")
        .map((item) => `${item.namespace}/${item.pod}`)
        .sort(),
      [`${injected}/no-sidecar`, `${injected}/opted-out`, `${plain}/legacy-app`].sort(),
    );
    assert.equal(result.outputs.get("changed"), "false");
    assert.equal(await getPa(injected), undefined);
    assert.equal(await getPa(plain), undefined);
  });

  test("require-sidecars false applies STRICT anyway and warns about each pod", async () => {
    const ns = await meshNamespace("mtls-nopre");
    await pod(ns, "no-sidecar", { sidecar: false });
    const result = await mtls({ namespace: ns, "require-sidecars": "false" });
    ok(result);
    assert.match(result.stdout, /::warning.*no-sidecar/);
    assert.deepEqual((await getPa(ns))?.spec, { mtls: { mode: "STRICT" } });
  });

  test("PERMISSIVE does not require sidecars by default", async () => {
    const ns = await meshNamespace("mtls-perm", false);
    await pod(ns, "no-sidecar", { sidecar: false });
    const result = await mtls({ namespace: ns, mode: "PERMISSIVE" });
    ok(result);
    assert.equal(result.outputs.get("effective-mode"), "PERMISSIVE");
    assert.equal(json<unknown[]>(result, "workloads-without-sidecar").length, 1);
  });

  test("workload scope with port-modes writes a selector and portLevelMtls and reports the port modes", async () => {
    const ns = await meshNamespace("mtls-port");
    await pod(ns, "product-composite");
    await pod(ns, "review", { sidecar: false });
    const result = await mtls({
      namespace: ns,
      scope: "workload",
      selector: "app=product-composite",
      name: "product-composite",
      "port-modes": "4004=PERMISSIVE",
    });
    ok(result);
    assert.deepEqual((await getPa(ns, "product-composite"))?.spec, {
      selector: { matchLabels: { app: "product-composite" } },
      mtls: { mode: "STRICT" },
      portLevelMtls: { "4004": { mode: "PERMISSIVE" } },
    });
    const [entry] = json<Entry[]>(result, "effective");
    assert.deepEqual(
      [entry?.workload, entry?.mode, entry?.ports],
      ["product-composite", "STRICT", { "4004": "PERMISSIVE" }],
    );
    assert.equal(result.outputs.get("effective-mode"), "STRICT");
    // The pod outside the selector is not in scope, so its missing sidecar does not block.
    assert.deepEqual(json<unknown[]>(result, "workloads-without-sidecar"), []);
  });

  test("mesh scope writes the policy in the root namespace and the namespaces inherit it", async () => {
    const root = await freshNamespace(api, "mtls-root");
    const ns = await meshNamespace("mtls-mesh");
    await pod(ns, "product-composite");
    const result = await mtls({ scope: "mesh", "root-namespace": root, namespace: ns });
    ok(result);
    assert.deepEqual((await getPa(root))?.spec, { mtls: { mode: "STRICT" } });
    assert.equal(result.outputs.get("effective-mode"), "STRICT");
    const effective = json<Entry[]>(result, "effective");
    assert.deepEqual(
      effective.map((entry) => [entry.level, entry.mode, entry.policy]),
      [
        ["mesh", "STRICT", `${root}/default`],
        ["namespace", "STRICT", `${root}/default`],
        ["workload", "STRICT", `${root}/default`],
      ],
    );
  });

  test("a namespace PERMISSIVE policy keeps its namespace PERMISSIVE under a mesh-wide STRICT", async () => {
    const root = await freshNamespace(api, "mtls-root");
    const ns = await meshNamespace("mtls-exc");
    await peerAuthentication(ns, "default", { mtls: { mode: "PERMISSIVE" } });
    const result = await mtls({ scope: "mesh", "root-namespace": root, namespace: ns });
    ok(result);
    const entry = json<Entry[]>(result, "effective").find((item) => item.level === "namespace");
    assert.deepEqual([entry?.mode, entry?.policy], ["PERMISSIVE", `${ns}/default`]);
  });

  test("a root-namespace policy with a selector is reported as ignored", async () => {
    const root = await freshNamespace(api, "mtls-root");
    const ns = await meshNamespace("mtls-rootsel");
    await pod(ns, "product-composite");
    await peerAuthentication(root, "pc", {
      selector: { matchLabels: { app: "product-composite" } },
      mtls: { mode: "DISABLE" },
    });
    const result = await mtls({ scope: "mesh", "root-namespace": root, namespace: ns, mode: "PERMISSIVE" });
    ok(result);
    const workload = json<Entry[]>(result, "effective").find((item) => item.workload === "product-composite");
    assert.equal(workload?.mode, "PERMISSIVE");
    assert.deepEqual(
      workload?.ignored.map((item) => item.policy),
      [`${root}/pc`],
    );
    assert.match(result.stdout, new RegExp(`::warning.*${root}/pc is ignored`));
    assert.ok(result.summary.includes(`${root}/pc is ignored`));
  });

  test("of two workload policies the older one decides, and the newer is reported as ignored", async () => {
    const ns = await meshNamespace("mtls-dup");
    await pod(ns, "product-composite", { labels: { app: "product-composite", version: "v1" } });
    await peerAuthentication(ns, "older", {
      selector: { matchLabels: { app: "product-composite" } },
      mtls: { mode: "DISABLE" },
    });
    await sleep(1100); // creationTimestamp has 1 s resolution: this orders the two, it asserts nothing about time
    await peerAuthentication(ns, "newer", {
      selector: { matchLabels: { version: "v1" } },
      mtls: { mode: "PERMISSIVE" },
    });
    const result = await mtls({ namespace: ns, "dry-run": "true" });
    ok(result);
    const workload = json<Entry[]>(result, "effective").find((item) => item.workload === "product-composite");
    assert.deepEqual([workload?.mode, workload?.policy], ["DISABLE", `${ns}/older`]);
    assert.deepEqual(
      workload?.ignored.map((item) => item.policy),
      [`${ns}/newer`],
    );
  });

  test("a new namespace-wide policy that an older one would shadow is refused and nothing is written", async () => {
    const ns = await meshNamespace("mtls-shadow");
    await peerAuthentication(ns, "hand-made", { mtls: { mode: "PERMISSIVE" } });
    await sleep(1100); // orders creation times (1 s resolution)
    const result = await mtls({ namespace: ns });
    assert.notEqual(result.code, 0);
    assert.match(result.stdout, /would be ignored by Istio.*newer namespace-wide policy.*hand-made/);
    assert.match(result.stdout, /name: hand-made/);
    assert.equal(await getPa(ns), undefined);
  });

  test("many namespaces are planned and rolled back as one", async () => {
    const had = await meshNamespace("mtls-many-a");
    const fresh = await meshNamespace("mtls-many-b");
    await peerAuthentication(
      had,
      "default",
      { mtls: { mode: "PERMISSIVE" } },
      { labels: { team: "shop" }, annotations: { "owner.example.com/contact": "shop@example.com" } },
    );
    const original = await getPa(had);
    const result = await mtls({ namespace: `${had}\n${fresh}` });
    ok(result);
    assert.deepEqual((await getPa(had))?.spec, { mtls: { mode: "STRICT" } });
    assert.deepEqual((await getPa(fresh))?.spec, { mtls: { mode: "STRICT" } });
    const previous = json<{ objects: KubeObject[]; absent: { namespace: string }[] }>(
      result,
      "previous-state",
    );
    assert.deepEqual(
      previous.objects.map((object) => object.metadata.namespace),
      [had],
    );
    assert.deepEqual(
      previous.absent.map((ref) => ref.namespace),
      [fresh],
    );

    const rolledBack = await mtls({ rollback: result.outputs.get("previous-state")! });
    ok(rolledBack);
    assert.equal(rolledBack.outputs.get("changed"), "true");
    const restored = await getPa(had);
    assert.deepEqual(restored?.spec, original?.spec);
    assert.deepEqual(restored?.metadata.labels, original?.metadata.labels);
    assert.deepEqual(restored?.metadata.annotations, original?.metadata.annotations);
    assert.equal(restored?.metadata.uid, original?.metadata.uid);
    assert.equal(await getPa(fresh), undefined);

    const again = await mtls({ rollback: result.outputs.get("previous-state")! });
    ok(again);
    assert.equal(again.outputs.get("changed"), "false");
  });

  test("a rollback with dry-run validates the snapshot but restores nothing", async () => {
    const ns = await meshNamespace("mtls-rbdry");
    const result = await mtls({ namespace: ns });
    ok(result);
    const dry = await mtls({ rollback: result.outputs.get("previous-state")!, "dry-run": "true" });
    ok(dry);
    assert.equal(dry.outputs.get("changed"), "true");
    assert.match(dry.summary, /Would restore 1 object/);
    assert.deepEqual((await getPa(ns))?.spec, { mtls: { mode: "STRICT" } });
  });

  test("dry-run validates and reports the would-be modes but writes nothing", async () => {
    const ns = await meshNamespace("mtls-dry");
    await pod(ns, "product-composite");
    const result = await mtls({ namespace: ns, "dry-run": "true" });
    ok(result);
    assert.equal(result.outputs.get("changed"), "true", "a dry run reports what would change");
    assert.equal(result.outputs.get("effective-mode"), "STRICT");
    assert.equal(await getPa(ns), undefined);
    assert.match(result.summary, /dry run/);
  });

  test("state absent removes the policy this action created and leaves a hand-made one alone", async () => {
    const ours = await meshNamespace("mtls-abs-a");
    const theirs = await meshNamespace("mtls-abs-b");
    ok(await mtls({ namespace: ours }));
    await peerAuthentication(theirs, "default", { mtls: { mode: "STRICT" } });
    const result = await mtls({ namespace: `${ours},${theirs}`, state: "absent" });
    ok(result);
    assert.equal(await getPa(ours), undefined);
    assert.ok(await getPa(theirs));
    assert.match(result.stdout, /::warning.*was not created by mesh-secure/);
  });

  test("the legacy API writes a Policy with peers and ISTIO_MUTUAL DestinationRules", async () => {
    const ns = await meshNamespace("mtls-legacy");
    await pod(ns, "product");
    const result = await mtls({
      namespace: ns,
      api: "authentication.istio.io/v1alpha1",
      "destination-rules": "product\nreview",
    });
    ok(result);
    const policy = await api.get({
      apiVersion: "authentication.istio.io/v1alpha1",
      kind: "Policy",
      namespace: ns,
      name: "default",
    });
    assert.deepEqual(policy?.spec, { peers: [{ mtls: { mode: "STRICT" } }] });
    for (const host of ["product", "review"]) {
      const rule = await api.get({
        apiVersion: "networking.istio.io/v1",
        kind: "DestinationRule",
        namespace: ns,
        name: host,
      });
      assert.deepEqual(rule?.spec, { host, trafficPolicy: { tls: { mode: "ISTIO_MUTUAL" } } });
    }
    assert.equal(result.outputs.get("effective-mode"), "STRICT");
  });

  test("a hand-made policy with fields this action does not set is refused instead of half-applied", async () => {
    const ns = await meshNamespace("mtls-foreign");
    await peerAuthentication(ns, "default", {
      mtls: { mode: "PERMISSIVE" },
      selector: { matchLabels: { app: "x" } },
    });
    const before = await getPa(ns);
    const result = await mtls({ namespace: ns });
    assert.notEqual(result.code, 0);
    assert.match(result.stdout, /spec\.selector/);
    assert.equal((await getPa(ns))?.metadata.resourceVersion, before?.metadata.resourceVersion);
  });

  for (const [name, inputs, input] of [
    ["port-modes without a selector", { "port-modes": "8080=PERMISSIVE" }, "port-modes"],
    ["a namespace that does not exist", { namespace: "mtls-does-not-exist-9z" }, "namespace"],
    ["an unknown mode", { mode: "MUTUAL" }, "mode"],
    ["a rollback that is not a previous-state", { rollback: '{"objects": []}' }, "rollback"],
    ["an api that is not one of the choices", { api: "security.istio.io/v1beta2" }, "api"],
  ] as const) {
    test(`${name} is refused naming the input '${input}', and nothing is written`, async () => {
      const ns = await meshNamespace("mtls-bad");
      const result = await mtls({ namespace: ns, ...inputs });
      assert.notEqual(result.code, 0);
      assert.match(result.stdout, new RegExp(`Input '${input}'`));
      assert.deepEqual(await api.list(PA.apiVersion, PA.kind, { namespace: ns }), []);
    });
  }

  test("the kubeconfig's credentials never appear in outputs, summary or log lines", async () => {
    const ns = await meshNamespace("mtls-mask");
    const result = await mtls({ namespace: ns, "dry-run": "true" });
    ok(result);
    const secrets = [...kubeconfig.matchAll(/"?(client-key-data|token|password)"?:\s*"?([^"\s,]+)/g)].map(
      (m) => m[2]!,
    );
    for (const data of [...secrets]) {
      // The decoded private key's base64 body lines must not leak either.
      const decoded = Buffer.from(data, "base64").toString("utf8");
      secrets.push(...decoded.split("\n").filter((line) => line.length > 20 && !line.startsWith("-----")));
    }
    assert.ok(secrets.length > 0, "the test kubeconfig holds credentials");
    const printed = [
      result.summary,
      ...result.outputs.values(),
      ...result.stdout.split("\n").filter((line) => !line.startsWith("::add-mask::")),
    ].join("\n");
    for (const secret of secrets) assert.ok(!printed.includes(secret));
    assert.ok(result.stdout.includes("::add-mask::"));
  });
});
