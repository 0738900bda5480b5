/**
 * previous-state -> rollback through the committed bundle against the control plane: the exact objects come
 * back, what a first-ever apply created goes away, a bad snapshot is refused before anything is written, and a
 * second rollback changes nothing.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, describe, test } from "node:test";
import { comparable, type KubeObject, snapshotOf } from "@mesh-secure/action-runtime";
import { clusterApi, clusterKubeconfig, createObjects, freshNamespace } from "../../../test/cluster.ts";
import type { BundleResult } from "../../../test/run-bundle.ts";
import { parsePreviousState } from "../src/state.ts";
import {
  failureText,
  jwtPolicy,
  LOCAL_ONLY,
  objectsOutput,
  policyObjects,
  TWO_ISSUERS,
  versions,
} from "./helpers.ts";

const api = clusterApi();
const kubeconfig = clusterKubeconfig();
after(() => api.close());

const NAME = "jwt-authentication-policy";
const reference = (namespace: string, issuers: string) => ({
  namespace,
  targets: "product-composite",
  issuers,
});

function ok(result: BundleResult): BundleResult {
  assert.equal(result.code, 0, failureText(result));
  return result;
}

function previousState(result: BundleResult): {
  version: number;
  action: string;
  objects: KubeObject[];
  absent: { apiVersion: string; kind: string; name: string; namespace?: string }[];
} {
  const raw = result.outputs.get("previous-state");
  assert.ok(raw, `no previous-state output:\n${failureText(result)}`);
  return JSON.parse(raw);
}

/** kind/name -> the object as its owner decides it (no resourceVersion, managedFields, ...), sorted by key. */
async function stateOf(namespace: string): Promise<Record<string, unknown>> {
  const objects = await policyObjects(api, namespace);
  return Object.fromEntries(
    objects
      .map((object) => [`${object.kind}/${object.metadata.name}`, comparable(object)] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

async function uids(namespace: string): Promise<Record<string, string>> {
  const objects = await policyObjects(api, namespace);
  return Object.fromEntries(objects.map((o) => [`${o.kind}/${o.metadata.name}`, o.metadata.uid ?? ""]));
}

describe("jwt-policy previous-state and rollback", () => {
  test("every run outputs previous-state: the objects it manages as they were before it, and the absent ones", async () => {
    const ns = await freshNamespace(api, "jwt-ps");
    const first = ok(await jwtPolicy(kubeconfig, reference(ns, LOCAL_ONLY)));
    assert.deepEqual(previousState(first), {
      version: 1,
      action: "jwt-policy",
      objects: [],
      absent: [
        { apiVersion: "security.istio.io/v1", kind: "RequestAuthentication", name: NAME, namespace: ns },
        { apiVersion: "security.istio.io/v1", kind: "AuthorizationPolicy", name: NAME, namespace: ns },
      ],
    });
    const live = await policyObjects(api, ns);
    const second = ok(await jwtPolicy(kubeconfig, reference(ns, TWO_ISSUERS)));
    const state = previousState(second);
    assert.deepEqual(state.absent, []);
    assert.deepEqual(
      state.objects,
      ["RequestAuthentication", "AuthorizationPolicy"].map((kind) =>
        snapshotOf(live.find((object) => object.kind === kind)!),
      ),
    );
    assert.deepEqual(parsePreviousState(second.outputs.get("previous-state")!), state);
  });

  test("a rollback after the issuers changed restores exactly the objects of the first apply", async () => {
    const ns = await freshNamespace(api, "jwt-rb");
    ok(await jwtPolicy(kubeconfig, reference(ns, LOCAL_ONLY)));
    // Another tool's annotation is part of the objects as they were: the rollback keeps it too.
    await createObjects(api, [
      {
        apiVersion: "security.istio.io/v1",
        kind: "RequestAuthentication",
        metadata: {
          name: NAME,
          namespace: ns,
          annotations: { "owner.example.com/contact": "shop@example.com" },
        },
      },
    ]);
    const firstState = await stateOf(ns);
    const firstUids = await uids(ns);

    const changed = ok(await jwtPolicy(kubeconfig, reference(ns, TWO_ISSUERS)));
    assert.equal(changed.outputs.get("changed"), "true");
    assert.notDeepEqual(await stateOf(ns), firstState, "changing the issuers changed the objects");

    const rolledBack = ok(await jwtPolicy(kubeconfig, { rollback: changed.outputs.get("previous-state")! }));
    assert.equal(rolledBack.outputs.get("changed"), "true");
    assert.deepEqual(objectsOutput(rolledBack), [
      { kind: "RequestAuthentication", namespace: ns, name: NAME, action: "update" },
      { kind: "AuthorizationPolicy", namespace: ns, name: NAME, action: "update" },
    ]);
    assert.equal(rolledBack.outputs.get("api-version"), "security.istio.io/v1");
    assert.deepEqual(await stateOf(ns), firstState);
    assert.deepEqual(await uids(ns), firstUids, "restored in place, not re-created");
    assert.match(rolledBack.summary, /jwt-policy: rollback/);
    assert.match(rolledBack.summary, /Restored 2 object\(s\) to the previous state/);
  });

  test("the rollback's own previous-state rolls forward to the state it undid", async () => {
    const ns = await freshNamespace(api, "jwt-rbfwd");
    ok(await jwtPolicy(kubeconfig, reference(ns, LOCAL_ONLY)));
    const changed = ok(await jwtPolicy(kubeconfig, reference(ns, TWO_ISSUERS)));
    const changedState = await stateOf(ns);
    const rolledBack = ok(await jwtPolicy(kubeconfig, { rollback: changed.outputs.get("previous-state")! }));
    ok(await jwtPolicy(kubeconfig, { rollback: rolledBack.outputs.get("previous-state")! }));
    assert.deepEqual(await stateOf(ns), changedState);
  });

  test("the rollback of a first-ever apply removes what that apply created", async () => {
    const ns = await freshNamespace(api, "jwt-rbnew");
    const applied = ok(await jwtPolicy(kubeconfig, reference(ns, TWO_ISSUERS)));
    assert.equal((await policyObjects(api, ns)).length, 2);
    const rolledBack = ok(await jwtPolicy(kubeconfig, { rollback: applied.outputs.get("previous-state")! }));
    assert.equal(rolledBack.outputs.get("changed"), "true");
    assert.deepEqual(objectsOutput(rolledBack), [
      { kind: "RequestAuthentication", namespace: ns, name: NAME, action: "delete" },
      { kind: "AuthorizationPolicy", namespace: ns, name: NAME, action: "delete" },
    ]);
    assert.equal(rolledBack.outputs.get("api-version"), "");
    assert.deepEqual(await policyObjects(api, ns), []);
  });

  test("a second rollback with the same snapshot changes nothing and says so", async () => {
    const ns = await freshNamespace(api, "jwt-rbidem");
    ok(await jwtPolicy(kubeconfig, reference(ns, LOCAL_ONLY)));
    const changed = ok(await jwtPolicy(kubeconfig, reference(ns, TWO_ISSUERS)));
    const rollback = changed.outputs.get("previous-state")!;
    ok(await jwtPolicy(kubeconfig, { rollback }));
    const before = await versions(api, ns);
    const again = ok(await jwtPolicy(kubeconfig, { rollback }));
    assert.equal(again.outputs.get("changed"), "false");
    assert.deepEqual(
      objectsOutput(again).map((object) => object.action),
      ["unchanged", "unchanged"],
    );
    assert.match(again.stdout, /nothing was written/);
    assert.deepEqual(await versions(api, ns), before, "no object was written");

    // The same holds for a snapshot of a first-ever apply: what it deleted stays gone.
    const fresh = await freshNamespace(api, "jwt-rbidem2");
    const created = ok(await jwtPolicy(kubeconfig, reference(fresh, LOCAL_ONLY)));
    ok(await jwtPolicy(kubeconfig, { rollback: created.outputs.get("previous-state")! }));
    const second = ok(await jwtPolicy(kubeconfig, { rollback: created.outputs.get("previous-state")! }));
    assert.equal(second.outputs.get("changed"), "false");
    assert.deepEqual(objectsOutput(second), []);
  });

  test("a rollback with dry-run validates every write and reports it, but writes nothing", async () => {
    const ns = await freshNamespace(api, "jwt-rbdry");
    ok(await jwtPolicy(kubeconfig, reference(ns, LOCAL_ONLY)));
    const changed = ok(await jwtPolicy(kubeconfig, reference(ns, TWO_ISSUERS)));
    const before = await versions(api, ns);
    const dry = ok(
      await jwtPolicy(kubeconfig, { rollback: changed.outputs.get("previous-state")!, "dry-run": "true" }),
    );
    assert.equal(
      dry.outputs.get("changed"),
      "true",
      "changed says what would change, as in an apply dry run",
    );
    assert.deepEqual(
      objectsOutput(dry).map((object) => object.action),
      ["update", "update"],
    );
    assert.match(dry.summary, /Dry run: .*nothing was written/);
    assert.deepEqual(await versions(api, ns), before);
  });

  test("a rollback after switching API re-creates the pruned legacy Policy and removes the modern objects", async () => {
    const ns = await freshNamespace(api, "jwt-rbapi");
    ok(
      await jwtPolicy(kubeconfig, {
        ...reference(ns, LOCAL_ONLY),
        api: "authentication.istio.io/v1alpha1",
      }),
    );
    const legacyState = await stateOf(ns);
    const switched = ok(
      await jwtPolicy(kubeconfig, { ...reference(ns, LOCAL_ONLY), api: "security.istio.io/v1" }),
    );
    assert.deepEqual(
      objectsOutput(switched)
        .map((object) => `${object.kind}:${object.action}`)
        .sort(),
      ["AuthorizationPolicy:create", "Policy:delete", "RequestAuthentication:create"],
    );
    const rolledBack = ok(await jwtPolicy(kubeconfig, { rollback: switched.outputs.get("previous-state")! }));
    assert.equal(rolledBack.outputs.get("api-version"), "authentication.istio.io/v1alpha1");
    assert.deepEqual(await stateOf(ns), legacyState);
  });

  test("private key material in a snapshot's inline JWKS is masked before anything prints it", async () => {
    const ns = await freshNamespace(api, "jwt-rbmask");
    const secret = randomBytes(32).toString("base64url");
    // A hand-made object of the same name that holds a symmetric key: the action takes it over.
    await createObjects(api, [
      {
        apiVersion: "security.istio.io/v1",
        kind: "RequestAuthentication",
        metadata: { name: NAME, namespace: ns },
        spec: {
          selector: { matchLabels: { app: "product-composite" } },
          jwtRules: [
            { issuer: "http://legacy.local", jwks: JSON.stringify({ keys: [{ kty: "oct", k: secret }] }) },
          ],
        },
      },
    ]);
    const applied = ok(await jwtPolicy(kubeconfig, reference(ns, LOCAL_ONLY)));
    assert.ok(applied.stdout.includes(`::add-mask::${secret}`), "the apply masks the snapshot's key");
    assert.ok(applied.outputs.get("previous-state")!.includes(secret), "the snapshot is exact");
    const rolledBack = ok(await jwtPolicy(kubeconfig, { rollback: applied.outputs.get("previous-state")! }));
    const firstMask = rolledBack.stdout.indexOf(`::add-mask::${secret}`);
    assert.ok(firstMask >= 0, "the rollback masks the key");
    assert.ok(
      !rolledBack.stdout.slice(0, firstMask).includes(secret),
      "nothing printed the key before it was masked",
    );
  });
});

describe("jwt-policy refuses a bad rollback before writing anything", () => {
  const ra = (ns: string) => ({
    apiVersion: "security.istio.io/v1",
    kind: "RequestAuthentication",
    name: NAME,
    namespace: ns,
  });
  const snapshot = (objects: unknown[], absent: unknown[], extra: object = {}) =>
    JSON.stringify({ version: 1, action: "jwt-policy", objects, absent, ...extra });

  // Each bad snapshot also names a live object to delete (absent[0]): a half-validated rollback would remove it.
  const cases: {
    name: string;
    inputs: (ns: string) => Record<string, string>;
    input: string;
    problem: RegExp;
  }[] = [
    {
      name: "not JSON",
      inputs: () => ({ rollback: "{objects: [" }),
      input: "rollback",
      problem: /is not valid JSON/,
    },
    {
      name: "a snapshot of another action",
      inputs: (ns) => ({ rollback: snapshot([], [ra(ns)], { action: "mtls" }) }),
      input: "rollback",
      problem: /comes from action 'mtls', not jwt-policy/,
    },
    {
      name: "a snapshot of an unknown version",
      inputs: (ns) => ({ rollback: snapshot([], [ra(ns)], { version: 2 }) }),
      input: "rollback",
      problem: /has version 2/,
    },
    {
      name: "a kind jwt-policy does not manage",
      inputs: (ns) => ({
        rollback: snapshot(
          [],
          [
            ra(ns),
            {
              apiVersion: "security.istio.io/v1",
              kind: "PeerAuthentication",
              name: "default",
              namespace: ns,
            },
          ],
        ),
      }),
      input: "rollback",
      problem:
        /absent\[1\]: kind 'PeerAuthentication' is not one this action manages \(RequestAuthentication, AuthorizationPolicy, Policy\)/,
    },
    {
      name: "a Secret among the objects to restore",
      inputs: (ns) => ({
        rollback: snapshot(
          [{ apiVersion: "v1", kind: "Secret", metadata: { name: "s", namespace: ns }, spec: {} }],
          [ra(ns)],
        ),
      }),
      input: "rollback",
      problem: /objects\[0\]: kind 'Secret'/,
    },
    {
      name: "a managed kind in an apiVersion jwt-policy never applies",
      inputs: (ns) => ({
        rollback: snapshot([], [ra(ns), { ...ra(ns), apiVersion: "security.istio.io/v1alpha9" }]),
      }),
      input: "rollback",
      problem:
        /apiVersion 'security\.istio\.io\/v1alpha9' is not one of security\.istio\.io\/v1, security\.istio\.io\/v1beta1/,
    },
    {
      name: "an object without a namespace",
      inputs: (ns) => ({ rollback: snapshot([], [ra(ns), { ...ra(ns), namespace: undefined }]) }),
      input: "rollback",
      problem: /namespace 'undefined' is missing/,
    },
    {
      name: "an object with server-set metadata",
      inputs: (ns) => ({
        rollback: snapshot(
          [
            {
              apiVersion: "security.istio.io/v1",
              kind: "AuthorizationPolicy",
              metadata: { name: NAME, namespace: ns, uid: "1234" },
              spec: {},
            },
          ],
          [ra(ns)],
        ),
      }),
      input: "rollback",
      problem: /objects\[0\]\.metadata has fields a snapshot never holds: uid/,
    },
    {
      name: "an object both restored and deleted",
      inputs: (ns) => ({
        rollback: snapshot(
          [
            {
              apiVersion: "security.istio.io/v1",
              kind: "AuthorizationPolicy",
              metadata: { name: NAME, namespace: ns },
              spec: {},
            },
          ],
          [ra(ns), { ...ra(ns), kind: "AuthorizationPolicy" }],
        ),
      }),
      input: "rollback",
      problem: /absent\[1\] also appears as an object to restore/,
    },
    {
      name: "a valid snapshot with targets to apply as well",
      inputs: (ns) => ({ rollback: snapshot([], [ra(ns)]), targets: "product-composite" }),
      input: "targets",
      problem: /cannot be combined with rollback/,
    },
    {
      name: "a valid snapshot with state absent",
      inputs: (ns) => ({ rollback: snapshot([], [ra(ns)]), state: "absent" }),
      input: "state",
      problem: /cannot be combined with rollback/,
    },
  ];

  for (const { name, inputs, input, problem } of cases) {
    test(`a rollback that is ${name} is refused naming input '${input}', and nothing is written`, async () => {
      const ns = await freshNamespace(api, "jwt-rbbad");
      ok(await jwtPolicy(kubeconfig, reference(ns, LOCAL_ONLY)));
      const before = await versions(api, ns);
      const result = await jwtPolicy(kubeconfig, inputs(ns));
      assert.notEqual(result.code, 0, failureText(result));
      const errors = result.stdout.split("\n").filter((line) => line.startsWith("::error"));
      assert.ok(
        errors.some((line) => line.includes(`input '${input}'`) && problem.test(line) && /Fix: /.test(line)),
        failureText(result),
      );
      assert.equal(result.outputs.size, 0);
      assert.deepEqual(await versions(api, ns), before);
    });
  }
});
