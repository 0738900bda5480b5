/**
 * Plans against the real API server: dry-run validation before any write, change detection, and undoing
 * earlier writes when a later one fails.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { clusterApi, freshNamespace } from "../../../test/cluster.ts";
import {
  executePlan,
  type KubeApi,
  KubeApiError,
  type KubeObject,
  PartialApplyError,
  planChanges,
  restoreSnapshot,
} from "../src/index.ts";

const fieldManager = "mesh-secure/runtime-tests";

function configMap(namespace: string, name: string, data: Record<string, string>): KubeObject {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace }, data };
}

describe("plans", () => {
  let api: KubeApi;
  before(() => {
    api = clusterApi();
  });

  test("a plan classifies objects as create, update or unchanged and writes nothing", async () => {
    const namespace = await freshNamespace(api, "plan");
    await api.apply(configMap(namespace, "same", { a: "1" }), { fieldManager });
    await api.apply(configMap(namespace, "changes", { a: "1" }), { fieldManager });
    const plan = await planChanges(
      api,
      {
        apply: [
          configMap(namespace, "same", { a: "1" }),
          configMap(namespace, "changes", { a: "2" }),
          configMap(namespace, "new", { b: "1" }),
        ],
      },
      fieldManager,
    );
    assert.deepEqual(
      plan.changes.map((change) => [change.ref.name, change.action]),
      [
        ["same", "unchanged"],
        ["changes", "update"],
        ["new", "create"],
      ],
    );
    assert.match(plan.changes[1]!.diff, /-\s+a: '1'|-\s+a: "1"/);
    assert.equal(plan.changed, true);
    assert.equal(await api.get({ apiVersion: "v1", kind: "ConfigMap", namespace, name: "new" }), undefined);
  });

  test("an object the API server refuses fails the plan before any write", async () => {
    const namespace = await freshNamespace(api, "plan-invalid");
    const invalid = { ...configMap(namespace, "bad", { a: "1" }), unknownField: true } as KubeObject;
    await assert.rejects(
      planChanges(api, { apply: [configMap(namespace, "good", { a: "1" }), invalid] }, fieldManager),
      (error: unknown) => error instanceof KubeApiError && /schema does not know/.test(error.message),
    );
    assert.equal(await api.get({ apiVersion: "v1", kind: "ConfigMap", namespace, name: "good" }), undefined);
  });

  test("a write that fails midway undoes the earlier writes of the run", async () => {
    const namespace = await freshNamespace(api, "plan-undo");
    const doomed = await freshNamespace(api, "plan-doomed");
    const existing = await api.apply(configMap(namespace, "existing", { version: "old" }), {
      fieldManager: "someone-else",
    });
    const plan = await planChanges(
      api,
      {
        apply: [
          configMap(namespace, "created", { a: "1" }),
          configMap(namespace, "existing", { version: "new" }),
          configMap(doomed, "never", { a: "1" }),
        ],
      },
      fieldManager,
    );
    // A terminating namespace accepts no new objects: a real failure after the dry run passed.
    await api.delete({ apiVersion: "v1", kind: "Namespace", name: doomed });
    await assert.rejects(executePlan(api, plan, { fieldManager }), (error: unknown) => {
      assert.ok(error instanceof PartialApplyError);
      assert.match(error.message, /undone/);
      assert.deepEqual(error.rollbackFailures, []);
      return true;
    });
    assert.equal(
      await api.get({ apiVersion: "v1", kind: "ConfigMap", namespace, name: "created" }),
      undefined,
    );
    const restored = await api.get<KubeObject & { data: Record<string, string> }>({
      apiVersion: "v1",
      kind: "ConfigMap",
      namespace,
      name: "existing",
    });
    assert.deepEqual(restored?.data, { version: "old" });
    assert.equal(restored?.metadata.uid, existing.metadata.uid);
  });

  test("undoing an update restores a custom resource exactly too (a PUT that names the live version)", async () => {
    const namespace = await freshNamespace(api, "plan-undo-crd");
    const doomed = await freshNamespace(api, "plan-doomed-crd");
    const peerAuthentication = (mode: string): KubeObject => ({
      apiVersion: "security.istio.io/v1",
      kind: "PeerAuthentication",
      metadata: { name: "default", namespace },
      spec: { mtls: { mode } },
    });
    const before = await api.apply(peerAuthentication("PERMISSIVE"), { fieldManager: "someone-else" });
    const plan = await planChanges(
      api,
      { apply: [peerAuthentication("STRICT"), configMap(doomed, "never", { a: "1" })] },
      fieldManager,
    );
    await api.delete({ apiVersion: "v1", kind: "Namespace", name: doomed });
    await assert.rejects(executePlan(api, plan, { fieldManager }), (error: unknown) => {
      assert.ok(error instanceof PartialApplyError);
      assert.deepEqual(error.rollbackFailures, []);
      return true;
    });
    const restored = await api.get<KubeObject & { spec: { mtls: { mode: string } } }>({
      apiVersion: "security.istio.io/v1",
      kind: "PeerAuthentication",
      namespace,
      name: "default",
    });
    assert.equal(restored?.spec.mtls.mode, "PERMISSIVE");
    assert.equal(restored?.metadata.uid, before.metadata.uid);
  });

  test("deletions run only after every new object is written, even with concurrent writes", async () => {
    const namespace = await freshNamespace(api, "plan-order");
    await api.apply(configMap(namespace, "old-a", { v: "1" }), { fieldManager });
    await api.apply(configMap(namespace, "old-b", { v: "1" }), { fieldManager });
    const plan = await planChanges(
      api,
      {
        apply: [configMap(namespace, "new-a", { v: "2" }), configMap(namespace, "new-b", { v: "2" })],
        remove: [
          { apiVersion: "v1", kind: "ConfigMap", namespace, name: "old-a" },
          { apiVersion: "v1", kind: "ConfigMap", namespace, name: "old-b" },
        ],
      },
      fieldManager,
    );
    const order: string[] = [];
    await executePlan(api, plan, {
      fieldManager,
      concurrency: 4,
      onWrite: (change) => order.push(change.action),
    });
    assert.deepEqual(order, ["create", "create", "delete", "delete"]);
  });

  test("restoring a snapshot puts objects back exactly and removes ones the snapshot lacked", async () => {
    const namespace = await freshNamespace(api, "plan-restore");
    const before = await api.apply(configMap(namespace, "kept", { v: "1" }), { fieldManager });
    await api.apply(configMap(namespace, "kept", { v: "2", extra: "x" }), { fieldManager });
    await api.apply(configMap(namespace, "added", { v: "1" }), { fieldManager });
    await restoreSnapshot(
      api,
      [before],
      [
        { apiVersion: "v1", kind: "ConfigMap", namespace, name: "kept" },
        { apiVersion: "v1", kind: "ConfigMap", namespace, name: "added" },
      ],
      { fieldManager },
    );
    const kept = await api.get<KubeObject & { data: Record<string, string> }>({
      apiVersion: "v1",
      kind: "ConfigMap",
      namespace,
      name: "kept",
    });
    assert.deepEqual(kept?.data, { v: "1" });
    assert.equal(await api.get({ apiVersion: "v1", kind: "ConfigMap", namespace, name: "added" }), undefined);
  });

  test("a forbidden write is explained with the verb and resource", async () => {
    await assert.rejects(
      api.apply(configMap("does-not-exist-ns", "x", {}), { fieldManager }),
      (error: unknown) =>
        error instanceof KubeApiError && /Namespace 'does-not-exist-ns' does not exist/.test(error.message),
    );
  });
});
