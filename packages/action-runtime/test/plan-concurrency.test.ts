/**
 * executePlan with several writes in flight (the `concurrency` option), against the real API server.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { clusterApi, freshNamespace } from "../../../test/cluster.ts";
import { executePlan, type KubeApi, type KubeObject, PartialApplyError, planChanges } from "../src/index.ts";

const fieldManager = "mesh-secure/runtime-tests";

function configMap(namespace: string, name: string): KubeObject {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace }, data: { name } };
}

describe("plans with concurrent writes", () => {
  let api: KubeApi;
  before(() => {
    api = clusterApi();
  });

  test("a plan executed with several writes in flight writes every object", async () => {
    const namespace = await freshNamespace(api, "plan-concurrent");
    const objects = Array.from({ length: 12 }, (_, index) => configMap(namespace, `cm-${index}`));
    const plan = await planChanges(api, { apply: objects }, fieldManager);
    const written: string[] = [];
    await executePlan(api, plan, { fieldManager, concurrency: 4, onWrite: (c) => written.push(c.ref.name) });
    assert.deepEqual(written.sort(), objects.map((object) => object.metadata.name).sort());
    const live = await api.list("v1", "ConfigMap", { namespace });
    assert.equal(live.filter((object) => object.metadata.name.startsWith("cm-")).length, 12);
  });

  test("a failed write with several in flight undoes every write that succeeded", async () => {
    const namespace = await freshNamespace(api, "plan-concurrent-undo");
    const doomed = await freshNamespace(api, "plan-concurrent-doomed");
    const objects = [
      ...Array.from({ length: 6 }, (_, index) => configMap(namespace, `cm-${index}`)),
      configMap(doomed, "never"),
      ...Array.from({ length: 6 }, (_, index) => configMap(namespace, `cm-${index + 6}`)),
    ];
    const plan = await planChanges(api, { apply: objects }, fieldManager);
    // A terminating namespace accepts no new objects: a real failure after the dry run passed.
    await api.delete({ apiVersion: "v1", kind: "Namespace", name: doomed });
    await assert.rejects(executePlan(api, plan, { fieldManager, concurrency: 4 }), (error: unknown) => {
      assert.ok(error instanceof PartialApplyError);
      assert.match(error.message, /ConfigMap plan-concurrent-doomed-[0-9a-f]+\/never/);
      assert.deepEqual(error.rollbackFailures, []);
      return true;
    });
    const live = await api.list("v1", "ConfigMap", { namespace });
    assert.deepEqual(
      live.filter((object) => object.metadata.name.startsWith("cm-")).map((object) => object.metadata.name),
      [],
    );
  });
});
