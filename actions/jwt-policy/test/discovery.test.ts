/**
 * `api: auto` decides from discovery. The shared control plane serves every Istio API, so these tests start
 * their own: first with no Istio CRD at all, then with only the legacy authentication.istio.io/v1alpha1
 * Policy CRD installed (an Istio <= 1.5 cluster).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { KubeApi, loadKubeconfig } from "@mesh-secure/action-runtime";
import { type ControlPlane, installCrds, startControlPlane } from "@mesh-secure/control-plane";
import { freshNamespace } from "../../../test/cluster.ts";
import { failureText, jwtPolicy, LOCAL_ONLY, objectsOutput, policyObjects } from "./helpers.ts";

let controlPlane: ControlPlane;
let api: KubeApi;
let kubeconfig: string;

before(async () => {
  controlPlane = await startControlPlane({});
  kubeconfig = readFileSync(controlPlane.kubeconfigPath, "utf8");
  api = new KubeApi(loadKubeconfig({ path: controlPlane.kubeconfigPath, mask: () => {} }).kc);
});

after(async () => {
  await api?.close();
  await controlPlane?.stop();
});

const reference = (namespace: string, extra: Record<string, string> = {}) => ({
  namespace,
  targets: "product-composite",
  issuers: LOCAL_ONLY,
  ...extra,
});

describe("a cluster without Istio's CRDs", () => {
  test("api auto fails with 'Istio's CRDs are not installed' and the fix", async () => {
    const ns = await freshNamespace(api, "jwt-no-istio");
    const result = await jwtPolicy(kubeconfig, reference(ns));
    assert.notEqual(result.code, 0);
    assert.match(result.stdout, /::error::Istio's CRDs are not installed: .*Fix: install Istio/);
    assert.equal(result.outputs.size, 0);
  });

  test("state absent has nothing to remove and succeeds", async () => {
    const ns = await freshNamespace(api, "jwt-no-istio-absent");
    const result = await jwtPolicy(kubeconfig, { namespace: ns, state: "absent" });
    assert.equal(result.code, 0, failureText(result));
    assert.equal(result.outputs.get("changed"), "false");
    assert.equal(result.outputs.get("api-version"), "");
  });
});

describe("a cluster that serves only the legacy Policy CRD", () => {
  before(async () => {
    await installCrds(controlPlane.kubeConfig(), { istio: false, legacy: true });
    api.forgetDiscovery();
    // A new CRD is in discovery before its storage is ready (the server answers 429 "storage is
    // (re)initializing" for a moment); wait for a list to succeed, as a cluster that has settled would.
    for (;;) {
      try {
        await api.list("authentication.istio.io/v1alpha1", "Policy", { namespace: "default" });
        break;
      } catch (error) {
        if ((error as { status?: number }).status !== 429) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  });

  test("api auto applies the legacy Policy", async () => {
    const ns = await freshNamespace(api, "jwt-legacy-only");
    const result = await jwtPolicy(kubeconfig, reference(ns));
    assert.equal(result.code, 0, failureText(result));
    assert.equal(result.outputs.get("api-version"), "authentication.istio.io/v1alpha1");
    assert.deepEqual(objectsOutput(result), [
      { kind: "Policy", namespace: ns, name: "jwt-authentication-policy", action: "create" },
    ]);
    assert.deepEqual(
      (await policyObjects(api, ns)).map((object) => `${object.apiVersion}/${object.kind}`),
      ["authentication.istio.io/v1alpha1/Policy"],
    );
  });

  test("asking for security.istio.io/v1 is refused naming the api input and what the cluster serves", async () => {
    const ns = await freshNamespace(api, "jwt-legacy-only-v1");
    const result = await jwtPolicy(kubeconfig, reference(ns, { api: "security.istio.io/v1" }));
    assert.notEqual(result.code, 0);
    assert.match(
      result.stdout,
      /::error .*Input 'api': the cluster does not serve RequestAuthentication and AuthorizationPolicy in security\.istio\.io\/v1\. Fix: use api: auto, or one the cluster serves: authentication\.istio\.io\/v1alpha1/,
    );
    assert.deepEqual(await policyObjects(api, ns), []);
  });
});
