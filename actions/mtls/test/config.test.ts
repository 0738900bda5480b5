/** Inputs, rendering, the pre-flight and the previous-state format: pure code, no cluster needed. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { InputError, InputProblems, Inputs, mapInputs } from "@mesh-secure/action-runtime";
import { parsePortModes, readConfig } from "../src/config.ts";
import { namespacesWithoutInjection, podsWithoutSidecar, preflightMessage } from "../src/preflight.ts";
import { destinationRuleName, renderObjects, type ServedApis } from "../src/render.ts";
import { groupWorkloads } from "../src/scope.ts";
import { buildPreviousState, parsePreviousState } from "../src/state.ts";

const modern: ServedApis = { policy: "security.istio.io/v1", meshPolicy: false, destinationRule: undefined };

function configOf(values: Record<string, string>) {
  const problems = new InputProblems();
  const config = readConfig(new Inputs(mapInputs(values)), problems);
  return { config, problems: problems.errors };
}

function problemInputs(values: Record<string, string>): string[] {
  return configOf(values).problems.map((problem) => problem.input);
}

describe("mtls inputs", () => {
  test("a namespace list in lines or commas gives one namespace each", () => {
    const { config } = configOf({ namespace: "hands-on\nshop, billing" });
    assert.deepEqual(config?.namespaces, ["hands-on", "shop", "billing"]);
  });

  test("require-sidecars defaults to true for STRICT and false for PERMISSIVE", () => {
    assert.equal(configOf({ namespace: "a" }).config?.requireSidecars, true);
    assert.equal(configOf({ namespace: "a", mode: "PERMISSIVE" }).config?.requireSidecars, false);
  });

  test("a STRICT port makes require-sidecars default to true even when the workload mode is PERMISSIVE", () => {
    const { config } = configOf({
      namespace: "a",
      scope: "workload",
      selector: "app=x",
      mode: "PERMISSIVE",
      "port-modes": "8080=STRICT",
    });
    assert.equal(config?.requireSidecars, true);
  });

  test("port-modes are read from port=MODE lines and from a YAML map alike", () => {
    assert.deepEqual(parsePortModes("8080=PERMISSIVE\n4004=disable", undefined), {
      "8080": "PERMISSIVE",
      "4004": "DISABLE",
    });
    assert.deepEqual(parsePortModes("8080: STRICT", { 8080: "STRICT" }), { "8080": "STRICT" });
  });

  test("port-modes without scope workload are refused because portLevelMtls needs a selector", () => {
    assert.deepEqual(problemInputs({ namespace: "a", "port-modes": "8080=PERMISSIVE" }), ["port-modes"]);
  });

  test("a port outside 1-65535 is refused naming the input", () => {
    assert.deepEqual(
      problemInputs({ namespace: "a", scope: "workload", selector: "app=x", "port-modes": "70000=STRICT" }),
      ["port-modes"],
    );
  });

  test("scope workload without a selector is refused", () => {
    assert.deepEqual(problemInputs({ namespace: "a", scope: "workload" }), ["selector"]);
  });

  test("a selector with mesh scope is refused because Istio ignores it there", () => {
    assert.deepEqual(problemInputs({ scope: "mesh", selector: "app=x" }), ["selector"]);
  });

  test("the root namespace as a namespace target is refused", () => {
    assert.deepEqual(problemInputs({ namespace: "istio-system" }), ["namespace"]);
  });

  test("an unknown mode, scope and api are all reported together", () => {
    assert.deepEqual(problemInputs({ namespace: "a", mode: "MUTUAL", scope: "cluster", api: "v2" }).sort(), [
      "api",
      "mode",
      "scope",
    ]);
  });

  test("the legacy API refuses workload scope and a name other than default", () => {
    assert.deepEqual(
      problemInputs({
        namespace: "a",
        scope: "workload",
        selector: "app=x",
        name: "mine",
        api: "authentication.istio.io/v1alpha1",
      }).sort(),
      ["name", "scope"],
    );
  });

  test("an invalid host in destination-rules is refused", () => {
    assert.deepEqual(problemInputs({ namespace: "a", "destination-rules": "Bad_Host" }), [
      "destination-rules",
    ]);
  });
});

describe("mtls rendering", () => {
  test("a workload policy carries the selector and the port-level modes", () => {
    const { config } = configOf({
      namespace: "hands-on",
      scope: "workload",
      selector: "app=product-composite",
      "port-modes": "4004=PERMISSIVE",
      name: "pc",
    });
    const [object] = renderObjects(config!, modern);
    assert.deepEqual(object?.spec, {
      selector: { matchLabels: { app: "product-composite" } },
      mtls: { mode: "STRICT" },
      portLevelMtls: { "4004": { mode: "PERMISSIVE" } },
    });
    assert.equal(object?.metadata.namespace, "hands-on");
  });

  test("mesh scope puts one policy without a selector in the root namespace", () => {
    const { config } = configOf({ scope: "mesh", "root-namespace": "mesh-root" });
    const objects = renderObjects(config!, modern);
    assert.equal(objects.length, 1);
    assert.equal(objects[0]?.metadata.namespace, "mesh-root");
    assert.deepEqual(objects[0]?.spec, { mtls: { mode: "STRICT" } });
  });

  test("the legacy API renders a Policy with peers and an ISTIO_MUTUAL DestinationRule per host", () => {
    const { config } = configOf({ namespace: "hands-on", "destination-rules": "product,*.local" });
    const objects = renderObjects(config!, {
      policy: "authentication.istio.io/v1alpha1",
      meshPolicy: true,
      destinationRule: "networking.istio.io/v1alpha3",
    });
    assert.deepEqual(
      objects.map((o) => [o.kind, o.metadata.name]),
      [
        ["Policy", "default"],
        ["DestinationRule", "product"],
        ["DestinationRule", "wildcard.local"],
      ],
    );
    assert.deepEqual(objects[0]?.spec, { peers: [{ mtls: { mode: "STRICT" } }] });
    assert.deepEqual(objects[2]?.spec, { host: "*.local", trafficPolicy: { tls: { mode: "ISTIO_MUTUAL" } } });
    assert.equal(destinationRuleName("*"), "wildcard");
  });
});

describe("sidecar pre-flight", () => {
  const pod = (
    name: string,
    extra: Record<string, unknown> = {},
    metadata: Record<string, unknown> = {},
  ) => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "ns", ...metadata },
    spec: { containers: [{ name: "app", image: "app" }], ...extra },
  });

  test("a pod with an istio-proxy container, or a native sidecar init container, passes", () => {
    const found = podsWithoutSidecar([
      pod("classic", { containers: [{ name: "app" }, { name: "istio-proxy" }] }),
      pod("native", { initContainers: [{ name: "istio-proxy", restartPolicy: "Always" }] }),
    ]);
    assert.deepEqual(found, []);
  });

  test("a plain init container named istio-proxy is not a sidecar", () => {
    const found = podsWithoutSidecar([pod("init", { initContainers: [{ name: "istio-proxy" }] })]);
    assert.deepEqual(found, [{ namespace: "ns", pod: "init", reason: "no istio-proxy container" }]);
  });

  test("a pod annotated sidecar.istio.io/inject: false is reported even with a proxy container", () => {
    const found = podsWithoutSidecar([
      pod(
        "opted-out",
        { containers: [{ name: "istio-proxy" }] },
        { annotations: { "sidecar.istio.io/inject": "false" } },
      ),
    ]);
    assert.equal(found[0]?.reason, 'annotated sidecar.istio.io/inject: "false"');
  });

  test("a namespace needs istio-injection=enabled or istio.io/rev", () => {
    const ns = (name: string, labels: Record<string, string>) => ({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name, labels },
    });
    const found = namespacesWithoutInjection([
      ns("a", { "istio-injection": "enabled" }),
      ns("b", { "istio.io/rev": "1-24" }),
      ns("c", { "istio-injection": "disabled" }),
      ns("d", {}),
    ]);
    assert.deepEqual(
      found.map((item) => item.namespace),
      ["c", "d"],
    );
  });

  test("the refusal names every pod and namespace", () => {
    const message = preflightMessage(
      [{ namespace: "ns", pod: "p1", reason: "no istio-proxy container" }],
      [{ namespace: "ns2", reason: "no label" }],
      "STRICT",
    );
    assert.match(message, /pod ns\/p1: no istio-proxy container/);
    assert.match(message, /namespace ns2: no label/);
    assert.match(message, /nothing was applied/);
  });
});

describe("previous-state", () => {
  const live = {
    apiVersion: "security.istio.io/v1",
    kind: "PeerAuthentication",
    metadata: {
      name: "default",
      namespace: "ns",
      uid: "u",
      resourceVersion: "7",
      creationTimestamp: "2026-01-01T00:00:00Z",
      managedFields: [],
      labels: { a: "b" },
    },
    spec: { mtls: { mode: "PERMISSIVE" } },
    status: {},
  };

  test("keeps spec, labels and annotations and lists absent objects", () => {
    const state = buildPreviousState([
      {
        ref: { apiVersion: live.apiVersion, kind: live.kind, name: "default", namespace: "ns" },
        before: live,
      },
      { ref: { apiVersion: live.apiVersion, kind: live.kind, name: "default", namespace: "other" } },
    ]);
    assert.deepEqual(state.objects, [
      {
        apiVersion: "security.istio.io/v1",
        kind: "PeerAuthentication",
        metadata: { name: "default", namespace: "ns", labels: { a: "b" } },
        spec: { mtls: { mode: "PERMISSIVE" } },
      },
    ]);
    assert.deepEqual(state.absent, [
      { apiVersion: "security.istio.io/v1", kind: "PeerAuthentication", name: "default", namespace: "other" },
    ]);
    assert.deepEqual(parsePreviousState(JSON.stringify(state)), state);
  });

  for (const [name, raw] of [
    ["not JSON", "{"],
    ["from another action", JSON.stringify({ version: 1, action: "jwt-policy", objects: [], absent: [] })],
    [
      "a kind this action does not manage",
      JSON.stringify({
        version: 1,
        action: "mtls",
        objects: [{ apiVersion: "v1", kind: "Secret", metadata: { name: "s", namespace: "n" }, spec: {} }],
        absent: [],
      }),
    ],
    [
      "an object without a namespace",
      JSON.stringify({
        version: 1,
        action: "mtls",
        objects: [],
        absent: [{ apiVersion: "security.istio.io/v1", kind: "PeerAuthentication", name: "default" }],
      }),
    ],
  ] as const) {
    test(`a rollback input that is ${name} is refused naming the rollback input`, () => {
      assert.throws(
        () => parsePreviousState(raw),
        (error: unknown) => error instanceof InputError && error.input === "rollback",
      );
    });
  }
});

describe("workloads in the report", () => {
  test("pods of one Deployment are one workload named after the Deployment", () => {
    const replica = (name: string) => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name,
        namespace: "hands-on",
        labels: { app: "product-composite", "pod-template-hash": "7d9f" },
        ownerReferences: [{ kind: "ReplicaSet", name: "product-composite-7d9f", controller: true }],
      },
    });
    const workloads = groupWorkloads([
      replica("product-composite-7d9f-a"),
      replica("product-composite-7d9f-b"),
    ]);
    assert.deepEqual(workloads, [
      {
        namespace: "hands-on",
        name: "product-composite",
        labels: { app: "product-composite" },
        pods: ["product-composite-7d9f-a", "product-composite-7d9f-b"],
      },
    ]);
  });
});
