import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  ApiException,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
  RbacAuthorizationV1Api,
} from "@kubernetes/client-node";
import {
  type ControlPlane,
  createUserKubeconfig,
  FIELD_MANAGER,
  freshNamespace,
  KUBERNETES_VERSION,
  kubeRequest,
  startControlPlane,
  type TestCluster,
  testCluster,
} from "../src/index.ts";

/** Asserts that `promise` fails with an API error of `code` whose text contains `text`. */
async function rejectsWith(promise: Promise<unknown>, code: number, text: string | RegExp): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof ApiException, `expected an ApiException, got ${String(e)}`);
    assert.equal(e.code, code, `HTTP ${e.code}: ${String(e.body)}`);
    // The body is the API server's Status object (as JSON text); its message is what users see.
    const raw = typeof e.body === "string" ? e.body : JSON.stringify(e.body);
    let body = raw;
    try {
      body = (JSON.parse(raw) as { message?: string }).message ?? raw;
    } catch {
      // not JSON
    }
    if (typeof text === "string") assert.ok(body.includes(text), `"${text}" not in ${body}`);
    else assert.match(body, text);
    return true;
  });
}

/** The policy of the reference setup (MISSION.md), in the legacy API. */
function legacyPolicy(namespace: string) {
  return {
    apiVersion: "authentication.istio.io/v1alpha1",
    kind: "Policy",
    metadata: { name: "jwt-authentication-policy", namespace },
    spec: {
      targets: [{ name: "product-composite" }],
      peers: [{ mtls: { mode: "PERMISSIVE" } }],
      origins: [
        {
          jwt: {
            issuer: "http://auth-server.local",
            jwksUri: "http://auth-server.hands-on.svc.cluster.local/.well-known/jwks.json",
          },
        },
      ],
      principalBinding: "USE_ORIGIN",
    },
  };
}

describe("the local control plane", () => {
  let cluster: TestCluster;
  let kc: KubeConfig;
  let ns: string;

  before(async () => {
    cluster = await testCluster();
    kc = cluster.kc;
    ns = await freshNamespace(kc, "control-plane-test");
  });
  after(async () => {
    await cluster?.release();
  });

  test("reports the Kubernetes version it was built from", { skip: false }, async (t) => {
    if (cluster.origin === "external") return t.skip("a user's own cluster runs its own version");
    const r = await kubeRequest(kc, { method: "GET", path: "/version" });
    assert.equal(r.status, 200);
    assert.equal((r.body as { gitVersion: string }).gitVersion, KUBERNETES_VERSION);
  });

  test("rejects a RequestAuthentication that sets both jwks and jwksUri with Istio's CEL message", async () => {
    const objects = KubernetesObjectApi.makeApiClient(kc);
    await rejectsWith(
      objects.create({
        apiVersion: "security.istio.io/v1",
        kind: "RequestAuthentication",
        metadata: { name: "both-jwks", namespace: ns },
        spec: {
          jwtRules: [
            {
              issuer: "http://auth-server.local",
              jwksUri: "http://auth-server.hands-on.svc.cluster.local/.well-known/jwks.json",
              jwks: '{"keys":[]}',
            },
          ],
        },
      } as never),
      422,
      "only one of jwks or jwksUri can be set",
    );
  });

  test("accepts a RequestAuthentication with only jwksUri and reads it back", async () => {
    const objects = KubernetesObjectApi.makeApiClient(kc);
    const body = {
      apiVersion: "security.istio.io/v1",
      kind: "RequestAuthentication",
      metadata: { name: "jwks-uri-only", namespace: ns },
      spec: {
        jwtRules: [
          {
            issuer: "http://auth-server.local",
            jwksUri: "http://auth-server.hands-on.svc.cluster.local/.well-known/jwks.json",
          },
        ],
      },
    };
    await objects.patch(
      body as never,
      undefined,
      undefined,
      FIELD_MANAGER,
      true,
      PatchStrategy.ServerSideApply,
    );
    const read = (await objects.read(body as never)) as unknown as typeof body;
    assert.deepEqual(read.spec, body.spec);
  });

  test("rejects a PeerAuthentication with portLevelMtls but no selector with Istio's CEL message", async () => {
    const objects = KubernetesObjectApi.makeApiClient(kc);
    await rejectsWith(
      objects.create({
        apiVersion: "security.istio.io/v1",
        kind: "PeerAuthentication",
        metadata: { name: "ports-without-selector", namespace: ns },
        spec: { mtls: { mode: "STRICT" }, portLevelMtls: { "8080": { mode: "PERMISSIVE" } } },
      } as never),
      422,
      "portLevelMtls requires selector",
    );
  });

  test("rejects an unknown field under strict field validation, and only then", async () => {
    const path = `/apis/security.istio.io/v1/namespaces/${ns}/peerauthentications`;
    const body = (name: string) => ({
      apiVersion: "security.istio.io/v1",
      kind: "PeerAuthentication",
      metadata: { name, namespace: ns },
      spec: { mtls: { mode: "STRICT" }, mtlsMode: "STRICT" },
    });
    const strict = await kubeRequest(kc, {
      method: "POST",
      path: `${path}?fieldValidation=Strict`,
      body: body("strict"),
    });
    assert.equal(strict.status, 400, strict.text);
    assert.equal((strict.body as { reason: string }).reason, "BadRequest");
    assert.match(strict.text, /unknown field \\?"spec\.mtlsMode\\?"/);

    // The same on a core object: a create, and a merge patch of an existing object.
    const secrets = `/api/v1/namespaces/${ns}/secrets`;
    const created = await kubeRequest(kc, {
      method: "POST",
      path: `${secrets}?fieldValidation=Strict`,
      body: {
        apiVersion: "v1",
        kind: "Secret",
        metadata: { name: "strict-secret" },
        stringData: { a: "b" },
        tpye: "x",
      },
    });
    assert.equal(created.status, 400, created.text);
    assert.match(created.text, /unknown field \\?"tpye\\?"/);
    const valid = await kubeRequest(kc, {
      method: "POST",
      path: `${secrets}?fieldValidation=Strict`,
      body: { apiVersion: "v1", kind: "Secret", metadata: { name: "strict-secret" }, stringData: { a: "b" } },
    });
    assert.equal(valid.status, 201, valid.text);
    const patched = await kubeRequest(kc, {
      method: "PATCH",
      path: `${secrets}/strict-secret?fieldValidation=Strict`,
      contentType: "application/merge-patch+json",
      body: { metadata: { labels: { ok: "yes" } }, tpye: "x" },
    });
    assert.equal(patched.status, 422, patched.text);
    assert.match(patched.text, /unknown field \\?"tpye\\?"/);

    // Without Strict, the server drops the field (with a warning) instead of failing.
    const lax = await kubeRequest(kc, {
      method: "POST",
      path: `${path}?fieldValidation=Ignore`,
      body: body("lax"),
    });
    assert.equal(lax.status, 201, lax.text);
    assert.equal((lax.body as { spec: Record<string, unknown> }).spec["mtlsMode"], undefined);
  });

  test("round-trips a TLS Secret through @kubernetes/client-node", async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const data = {
      "tls.crt": Buffer.from("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n").toString(
        "base64",
      ),
      "tls.key": Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255]).toString("base64"),
    };
    await core.createNamespacedSecret({
      namespace: ns,
      body: { metadata: { name: "istio-ingressgateway-certs" }, type: "kubernetes.io/tls", data },
    });
    const read = await core.readNamespacedSecret({ name: "istio-ingressgateway-certs", namespace: ns });
    assert.equal(read.type, "kubernetes.io/tls");
    assert.deepEqual(read.data, data);
    assert.ok(read.metadata?.uid, "the server assigned a uid");
    assert.ok(read.metadata?.resourceVersion, "the server assigned a resourceVersion");
  });

  test("answers 403 to an identity without RBAC rights, and 200 once a RoleBinding grants them", async (t) => {
    if (cluster.origin === "external")
      return t.skip("client certificates can only be minted for our own control plane");
    const user = "mesh-secure-nobody";
    const nobody = new KubeConfig();
    nobody.loadFromFile(
      await createUserKubeconfig(user, [], { adminKubeconfigPath: cluster.kubeconfigPath }),
    );
    const asNobody = nobody.makeApiClient(CoreV1Api);
    await rejectsWith(
      asNobody.listNamespacedSecret({ namespace: ns }),
      403,
      `User "${user}" cannot list resource "secrets" in API group "" in the namespace "${ns}"`,
    );

    const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
    await rbac.createNamespacedRole({
      namespace: ns,
      body: {
        metadata: { name: "secret-reader" },
        rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["list"] }],
      },
    });
    await rbac.createNamespacedRoleBinding({
      namespace: ns,
      body: {
        metadata: { name: "nobody-reads-secrets" },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "secret-reader" },
        subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: user }],
      },
    });
    const list = await asNobody.listNamespacedSecret({ namespace: ns });
    assert.ok(Array.isArray(list.items));
    await rejectsWith(asNobody.listNamespacedSecret({ namespace: "default" }), 403, "cannot list resource");
  });

  test("serves both the current and the legacy Istio security APIs", async (t) => {
    if (cluster.origin === "external") return t.skip("a user's cluster serves what its Istio installed");
    for (const gv of ["security.istio.io/v1", "networking.istio.io/v1", "authentication.istio.io/v1alpha1"]) {
      const r = await kubeRequest(kc, { method: "GET", path: `/apis/${gv}` });
      assert.equal(r.status, 200, `${gv}: ${r.text}`);
    }
  });
});

describe("a control plane serving only the legacy authentication.istio.io CRDs", () => {
  let legacy: ControlPlane;
  let kc: KubeConfig;

  before(async () => {
    legacy = await startControlPlane({ crds: { istio: false, legacy: true } });
    kc = legacy.kubeConfig();
  });
  after(async () => {
    await legacy?.stop();
  });

  test("serves authentication.istio.io/v1alpha1 Policy and MeshPolicy but not security.istio.io", async () => {
    const groups = await kubeRequest(kc, { method: "GET", path: "/apis" });
    const names = (groups.body as { groups: { name: string }[] }).groups.map((g) => g.name);
    assert.ok(names.includes("authentication.istio.io"), names.join(", "));
    assert.ok(!names.includes("security.istio.io"), names.join(", "));
    assert.equal((await kubeRequest(kc, { method: "GET", path: "/apis/security.istio.io/v1" })).status, 404);
    const v1alpha1 = await kubeRequest(kc, { method: "GET", path: "/apis/authentication.istio.io/v1alpha1" });
    const resources = (v1alpha1.body as { resources: { name: string; namespaced: boolean }[] }).resources;
    assert.deepEqual(resources.map((r) => [r.name, r.namespaced]).sort(), [
      ["meshpolicies", false],
      ["policies", true],
    ]);
  });

  test("stores the reference setup's JWT Policy and returns it unchanged", async () => {
    const ns = await freshNamespace(kc, "hands-on");
    const objects = KubernetesObjectApi.makeApiClient(kc);
    const policy = legacyPolicy(ns);
    await objects.patch(
      policy as never,
      undefined,
      undefined,
      FIELD_MANAGER,
      true,
      PatchStrategy.ServerSideApply,
    );
    const read = (await objects.read(policy as never)) as unknown as ReturnType<typeof legacyPolicy>;
    assert.deepEqual(read.spec, policy.spec);
  });

  test("validates legacy Policies against their schema", async () => {
    const ns = await freshNamespace(kc, "legacy-schema");
    const objects = KubernetesObjectApi.makeApiClient(kc);
    const bad = legacyPolicy(ns);
    bad.metadata.name = "bad-binding";
    bad.spec.principalBinding = "USE_BOTH";
    await rejectsWith(objects.create(bad as never), 422, 'Unsupported value: "USE_BOTH"');
    const badPort = legacyPolicy(ns);
    badPort.metadata.name = "bad-port";
    (badPort.spec.targets[0] as Record<string, unknown>)["ports"] = [{ number: 8080, name: "http" }];
    await rejectsWith(
      objects.create(badPort as never),
      422,
      "a port selector sets exactly one of number or name",
    );
  });

  test("accepts a mesh-wide MeshPolicy", async () => {
    const objects = KubernetesObjectApi.makeApiClient(kc);
    const mesh = {
      apiVersion: "authentication.istio.io/v1alpha1",
      kind: "MeshPolicy",
      metadata: { name: "default" },
      spec: { peers: [{ mtls: { mode: "STRICT" } }] },
    };
    await objects.patch(
      mesh as never,
      undefined,
      undefined,
      FIELD_MANAGER,
      true,
      PatchStrategy.ServerSideApply,
    );
    const read = (await objects.read(mesh as never)) as unknown as typeof mesh;
    assert.deepEqual(read.spec, mesh.spec);
  });
});
