/**
 * The committed bundle against the real control plane (kube-apiserver with Istio's CRDs and the legacy
 * Policy CRD): every object it renders goes through the API server's schema and CEL validation.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { after, describe, test } from "node:test";
import type { KubeObject } from "@mesh-secure/action-runtime";
import yaml from "js-yaml";
import { clusterApi, clusterKubeconfig, createObjects, freshNamespace } from "../../../test/cluster.ts";
import {
  AUTH0_ISSUER,
  failureText,
  jwtPolicy,
  LOCAL_ISSUER,
  LOCAL_JWKS,
  LOCAL_ONLY,
  objectsOutput,
  policyObjects,
  startJwksServer,
  TWO_ISSUERS,
  versions,
} from "./helpers.ts";

const api = clusterApi();
const kubeconfig = clusterKubeconfig();
after(() => api.close());

const reference = (namespace: string, extra: Record<string, string> = {}) => ({
  namespace,
  targets: "product-composite",
  issuers: TWO_ISSUERS,
  ...extra,
});

describe("jwt-policy against the control plane", () => {
  test("the modern API gets a RequestAuthentication with a rule per issuer and an AuthorizationPolicy requiring a principal", async () => {
    const ns = await freshNamespace(api, "jwt-modern");
    const result = await jwtPolicy(kubeconfig, reference(ns));
    assert.equal(result.code, 0, failureText(result));
    assert.equal(result.outputs.get("changed"), "true");
    assert.equal(result.outputs.get("api-version"), "security.istio.io/v1");
    assert.deepEqual(objectsOutput(result), [
      { kind: "RequestAuthentication", namespace: ns, name: "jwt-authentication-policy", action: "create" },
      { kind: "AuthorizationPolicy", namespace: ns, name: "jwt-authentication-policy", action: "create" },
    ]);
    const ra = await api.get({
      apiVersion: "security.istio.io/v1",
      kind: "RequestAuthentication",
      namespace: ns,
      name: "jwt-authentication-policy",
    });
    assert.ok(ra, "no RequestAuthentication was applied");
    const rules = (ra.spec as { jwtRules: { issuer: string }[] }).jwtRules;
    assert.deepEqual(
      rules.map((rule) => rule.issuer),
      [LOCAL_ISSUER, AUTH0_ISSUER],
    );
    const ap = await api.get({
      apiVersion: "security.istio.io/v1",
      kind: "AuthorizationPolicy",
      namespace: ns,
      name: "jwt-authentication-policy",
    });
    assert.deepEqual(ap?.spec, {
      selector: { matchLabels: { app: "product-composite" } },
      action: "ALLOW",
      rules: [{ from: [{ source: { requestPrincipals: [`${LOCAL_ISSUER}/*`, `${AUTH0_ISSUER}/*`] } }] }],
    });
  });

  test("the summary shows the objects, the diff and what each issuer admits", async () => {
    const ns = await freshNamespace(api, "jwt-summary");
    const result = await jwtPolicy(kubeconfig, reference(ns));
    assert.equal(result.code, 0, failureText(result));
    assert.match(
      result.summary,
      /\| RequestAuthentication \| .*\/jwt-authentication-policy \| security\.istio\.io\/v1 \| create \|/,
    );
    assert.match(result.summary, /\+\s+- issuer: http:\/\/auth-server\.local/);
    assert.match(
      result.summary,
      /tokens from `http:\/\/auth-server\.local` signed by a key in http:\/\/auth-server\.hands-on/,
    );
    assert.match(result.summary, /tokens from `https:\/\/dev-xxx\.auth0\.com\/` .* with audience/);
    assert.match(result.summary, /requests without a token: refused 403/);
    assert.match(result.summary, /JWKS not fetched \(check-jwks: false\): in-cluster URIs/);
  });

  test("the legacy API gets exactly the reference Policy", async () => {
    const ns = await freshNamespace(api, "jwt-legacy");
    const result = await jwtPolicy(kubeconfig, {
      namespace: ns,
      targets: "product-composite",
      issuer: LOCAL_ISSUER,
      "jwks-uri": LOCAL_JWKS,
      api: "authentication.istio.io/v1alpha1",
    });
    assert.equal(result.code, 0, failureText(result));
    assert.equal(result.outputs.get("api-version"), "authentication.istio.io/v1alpha1");
    const policy = await api.get({
      apiVersion: "authentication.istio.io/v1alpha1",
      kind: "Policy",
      namespace: ns,
      name: "jwt-authentication-policy",
    });
    assert.deepEqual(policy?.spec, {
      targets: [{ name: "product-composite" }],
      peers: [{ mtls: { mode: "PERMISSIVE" } }],
      origins: [{ jwt: { issuer: LOCAL_ISSUER, jwksUri: LOCAL_JWKS } }],
      principalBinding: "USE_ORIGIN",
    });
    assert.match(result.summary, /requests without a token: refused 401 `Origin authentication failed\.`/);
  });

  test("a re-run changes nothing, writes nothing and says so", async () => {
    const ns = await freshNamespace(api, "jwt-rerun");
    assert.equal((await jwtPolicy(kubeconfig, reference(ns))).code, 0);
    const before = await versions(api, ns);
    const again = await jwtPolicy(kubeconfig, reference(ns));
    assert.equal(again.code, 0, failureText(again));
    assert.equal(again.outputs.get("changed"), "false");
    assert.ok(objectsOutput(again).every((object) => object.action === "unchanged"));
    assert.match(again.summary, /Nothing changed: the cluster already matches/);
    assert.deepEqual(await versions(api, ns), before);
  });

  test("dry-run writes nothing and reports what would be created", async () => {
    const ns = await freshNamespace(api, "jwt-dry");
    const result = await jwtPolicy(kubeconfig, reference(ns, { "dry-run": "true" }));
    assert.equal(result.code, 0, failureText(result));
    assert.equal(result.outputs.get("changed"), "true");
    assert.deepEqual(
      objectsOutput(result).map((object) => object.action),
      ["create", "create"],
    );
    assert.match(result.summary, /Dry run: .*nothing was written/);
    assert.deepEqual(await policyObjects(api, ns), []);
  });

  test("dropping a target removes the objects applied for it", async () => {
    const ns = await freshNamespace(api, "jwt-prune");
    assert.equal(
      (await jwtPolicy(kubeconfig, reference(ns, { targets: "product-composite\nreview" }))).code,
      0,
    );
    assert.deepEqual(Object.keys(await versions(api, ns)).sort(), [
      "AuthorizationPolicy/jwt-authentication-policy-product-composite",
      "AuthorizationPolicy/jwt-authentication-policy-review",
      "RequestAuthentication/jwt-authentication-policy-product-composite",
      "RequestAuthentication/jwt-authentication-policy-review",
    ]);
    const result = await jwtPolicy(kubeconfig, reference(ns, { targets: "product-composite" }));
    assert.equal(result.code, 0, failureText(result));
    assert.deepEqual(Object.keys(await versions(api, ns)).sort(), [
      "AuthorizationPolicy/jwt-authentication-policy",
      "RequestAuthentication/jwt-authentication-policy",
    ]);
    assert.equal(objectsOutput(result).filter((object) => object.action === "delete").length, 4);
  });

  test("dropping an issuer updates the rules and the required principals", async () => {
    const ns = await freshNamespace(api, "jwt-drop-issuer");
    assert.equal((await jwtPolicy(kubeconfig, reference(ns))).code, 0);
    const result = await jwtPolicy(kubeconfig, reference(ns, { issuers: LOCAL_ONLY }));
    assert.equal(result.code, 0, failureText(result));
    assert.deepEqual(
      objectsOutput(result).map((object) => object.action),
      ["update", "update"],
    );
    assert.match(result.summary, /^-\s+issuer: https:\/\/dev-xxx\.auth0\.com\/$/m);
    const ap = await api.get({
      apiVersion: "security.istio.io/v1",
      kind: "AuthorizationPolicy",
      namespace: ns,
      name: "jwt-authentication-policy",
    });
    assert.ok(ap, "no AuthorizationPolicy was applied");
    assert.deepEqual((ap.spec as { rules: unknown[] }).rules, [
      { from: [{ source: { requestPrincipals: [`${LOCAL_ISSUER}/*`] } }] },
    ]);
  });

  test("switching to the legacy API removes the modern objects", async () => {
    const ns = await freshNamespace(api, "jwt-switch");
    assert.equal((await jwtPolicy(kubeconfig, reference(ns))).code, 0);
    const result = await jwtPolicy(kubeconfig, reference(ns, { api: "authentication.istio.io/v1alpha1" }));
    assert.equal(result.code, 0, failureText(result));
    assert.deepEqual(Object.keys(await versions(api, ns)), ["Policy/jwt-authentication-policy"]);
  });

  test("require-token false removes the AuthorizationPolicy applied earlier and says requests without a token pass", async () => {
    const ns = await freshNamespace(api, "jwt-optional");
    assert.equal((await jwtPolicy(kubeconfig, reference(ns))).code, 0);
    const result = await jwtPolicy(kubeconfig, reference(ns, { "require-token": "false" }));
    assert.equal(result.code, 0, failureText(result));
    assert.deepEqual(Object.keys(await versions(api, ns)), [
      "RequestAuthentication/jwt-authentication-policy",
    ]);
    assert.match(result.summary, /requests without a token: passed through/);
  });

  test("state absent removes every object applied under the name and leaves others alone", async () => {
    const ns = await freshNamespace(api, "jwt-absent");
    const theirs = {
      apiVersion: "security.istio.io/v1",
      kind: "RequestAuthentication",
      metadata: { name: "someone-elses", namespace: ns },
      spec: { jwtRules: [{ issuer: "https://other.example/", jwksUri: "https://other.example/jwks.json" }] },
    };
    await createObjects(api, [theirs]);
    assert.equal((await jwtPolicy(kubeconfig, reference(ns))).code, 0);
    const result = await jwtPolicy(kubeconfig, { namespace: ns, state: "absent" });
    assert.equal(result.code, 0, failureText(result));
    assert.deepEqual(
      objectsOutput(result)
        .map((object) => `${object.kind}:${object.action}`)
        .sort(),
      ["AuthorizationPolicy:delete", "RequestAuthentication:delete"],
    );
    assert.deepEqual(Object.keys(await versions(api, ns)), ["RequestAuthentication/someone-elses"]);
  });

  test("the delete-observe-re-apply exercise: absent twice changes nothing the second time, present restores", async () => {
    const ns = await freshNamespace(api, "jwt-exercise");
    assert.equal((await jwtPolicy(kubeconfig, reference(ns))).code, 0);
    assert.equal((await jwtPolicy(kubeconfig, { namespace: ns, state: "absent" })).code, 0);
    const second = await jwtPolicy(kubeconfig, { namespace: ns, state: "absent" });
    assert.equal(second.outputs.get("changed"), "false");
    const restored = await jwtPolicy(kubeconfig, reference(ns));
    assert.equal(restored.outputs.get("changed"), "true");
    assert.equal((await policyObjects(api, ns)).length, 2);
  });

  test("the manifests output is the rendered YAML of the objects applied", async () => {
    const ns = await freshNamespace(api, "jwt-manifests");
    const result = await jwtPolicy(kubeconfig, reference(ns), { keepTemp: true });
    try {
      assert.equal(result.code, 0, failureText(result));
      const path = result.outputs.get("manifests") ?? "";
      assert.ok(path.startsWith(result.runnerTemp), `${path} is not under RUNNER_TEMP`);
      const documents = yaml.loadAll(readFileSync(path, "utf8")) as {
        kind: string;
        metadata: { namespace: string };
      }[];
      assert.deepEqual(
        documents.map((doc) => doc.kind),
        ["RequestAuthentication", "AuthorizationPolicy"],
      );
      assert.ok(documents.every((doc) => doc.metadata.namespace === ns));
    } finally {
      if (existsSync(result.runnerTemp)) rmSync(`${result.runnerTemp}/..`, { recursive: true, force: true });
    }
  });

  test("the kubeconfig's credentials never reach the logs, outputs or summary", async () => {
    const ns = await freshNamespace(api, "jwt-mask");
    const result = await jwtPolicy(kubeconfig, reference(ns));
    assert.equal(result.code, 0, failureText(result));
    const key = (yaml.load(kubeconfig) as { users: { user: Record<string, string> }[] }).users[0]!.user[
      "client-key-data"
    ];
    assert.ok(key, "the test kubeconfig has no inline client key to look for");
    const pem = Buffer.from(key, "base64").toString("utf8").split("\n")[1]!;
    // ::add-mask:: lines are the runner's masking commands, consumed by the runner and never shown.
    const shown = result.stdout.split("\n").filter((line) => !line.startsWith("::add-mask::"));
    const everything = [...shown, result.stderr, result.summary, ...result.outputs.values()].join("\n");
    assert.ok(!everything.includes(key) && !everything.includes(pem), "the client key was printed");
    assert.ok(result.stdout.includes(`::add-mask::${key}`), "the client key was not registered as a secret");
  });

  test("the API server accepts the committed reference manifests of both API flavours", async () => {
    const ns = await freshNamespace(api, "jwt-reference");
    for (const file of ["legacy-policy-v1alpha1.yaml", "request-authentication-v1.yaml"]) {
      const text = readFileSync(new URL(`../../../manifests/jwt-policy/${file}`, import.meta.url), "utf8");
      for (const object of yaml.loadAll(text) as KubeObject[]) {
        object.metadata.namespace = ns;
        const stored = await api.apply(object, { fieldManager: "mesh-secure-tests", dryRun: true });
        assert.deepEqual(stored.spec, object.spec, `${file}: the server changed ${object.kind}'s spec`);
      }
    }
  });

  describe("check-jwks against a real HTTP server", () => {
    let jwks: Awaited<ReturnType<typeof startJwksServer>>;
    test("a reachable JWKS with a signing key is accepted and named in the summary", async () => {
      jwks = await startJwksServer();
      const ns = await freshNamespace(api, "jwt-jwks");
      const result = await jwtPolicy(kubeconfig, {
        namespace: ns,
        targets: "product-composite",
        issuers: `- issuer: ${LOCAL_ISSUER}\n  jwksUri: ${jwks.url}\n`,
        "check-jwks": "true",
      });
      assert.equal(result.code, 0, failureText(result));
      assert.match(
        result.summary,
        /JWKS checked: http:\/\/127\.0\.0\.1:\d+\/\.well-known\/jwks\.json has 1 usable signing key\(s\) of 1/,
      );
      assert.match(result.summary, /checked: RSA RS256 kid=test-rsa/);
    });

    test("a JWKS without a signing key is refused before anything is written", async () => {
      const ns = await freshNamespace(api, "jwt-jwks-bad");
      const result = await jwtPolicy(kubeconfig, {
        namespace: ns,
        targets: "product-composite",
        issuers: `- issuer: ${LOCAL_ISSUER}\n  jwksUri: ${jwks.encOnlyUrl}\n`,
        "check-jwks": "true",
      });
      assert.notEqual(result.code, 0);
      assert.match(
        result.stdout,
        /::error .*Input 'issuers': issuers\[1\] .*has no usable signing key.*Fix: /,
      );
      assert.deepEqual(await policyObjects(api, ns), []);
      await jwks.close();
    });
  });
});
