import assert from "node:assert/strict";
import { describe, test } from "node:test";
import yaml from "js-yaml";
import type { JwtPolicyConfig } from "../src/config.ts";
import { referenceConfig } from "../src/reference.ts";
import {
  renderAuthorizationPolicy,
  renderDesired,
  renderLegacyPolicy,
  renderRequestAuthentication,
} from "../src/render.ts";

const AUTH0 = {
  issuer: "https://dev-xxx.auth0.com/",
  jwksUri: "https://dev-xxx.auth0.com/.well-known/jwks.json",
  audiences: ["https://localhost:8443/product-composite"],
  input: "issuers" as const,
  label: "issuers[2]",
};

function withAuth0(): JwtPolicyConfig {
  const config = referenceConfig();
  return { ...config, issuers: [...config.issuers, AUTH0] };
}

describe("rendering", () => {
  test("the legacy render is exactly the reference Policy of MISSION.md", () => {
    const reference = yaml.load(`
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: { name: jwt-authentication-policy }
spec:
  targets: [ { name: product-composite } ]
  peers: [ { mtls: { mode: PERMISSIVE } } ]
  origins:
  - jwt:
      issuer: http://auth-server.local
      jwksUri: http://auth-server.hands-on.svc.cluster.local/.well-known/jwks.json
  principalBinding: USE_ORIGIN
`) as Record<string, unknown>;
    const policy = renderLegacyPolicy(referenceConfig());
    assert.deepEqual(policy.spec, reference.spec);
    assert.equal(policy.metadata.name, "jwt-authentication-policy");
    assert.equal(policy.metadata.namespace, "hands-on");
  });

  test("a RequestAuthentication selects the target by label and has one rule per issuer", () => {
    const ra = renderRequestAuthentication(withAuth0(), "security.istio.io/v1", "product-composite");
    assert.deepEqual(ra.spec.selector, { matchLabels: { app: "product-composite" } });
    assert.deepEqual(
      ra.spec.jwtRules.map((rule) => rule.issuer),
      ["http://auth-server.local", "https://dev-xxx.auth0.com/"],
    );
    assert.deepEqual(ra.spec.jwtRules[1]?.audiences, AUTH0.audiences);
  });

  test("the AuthorizationPolicy allows only a request principal of a trusted issuer", () => {
    const ap = renderAuthorizationPolicy(withAuth0(), "security.istio.io/v1", "product-composite");
    assert.equal(ap.spec.action, "ALLOW");
    assert.deepEqual(ap.spec.rules, [
      {
        from: [
          { source: { requestPrincipals: ["http://auth-server.local/*", "https://dev-xxx.auth0.com//*"] } },
        ],
      },
    ]);
  });

  test("require-token false renders no AuthorizationPolicy", () => {
    const objects = renderDesired({ ...referenceConfig(), requireToken: false }, "security.istio.io/v1beta1");
    assert.deepEqual(
      objects.map((object) => object.kind),
      ["RequestAuthentication"],
    );
  });

  test("require-token false makes the legacy origin optional", () => {
    const policy = renderLegacyPolicy({ ...referenceConfig(), requireToken: false });
    assert.equal(policy.spec.originIsOptional, true);
  });

  test("several targets give one RequestAuthentication and AuthorizationPolicy per target, named after it", () => {
    const objects = renderDesired(
      { ...referenceConfig(), targets: ["product-composite", "review"] },
      "security.istio.io/v1",
    );
    assert.deepEqual(
      objects.map((object) => `${object.kind}/${object.metadata.name}`),
      [
        "RequestAuthentication/jwt-authentication-policy-product-composite",
        "AuthorizationPolicy/jwt-authentication-policy-product-composite",
        "RequestAuthentication/jwt-authentication-policy-review",
        "AuthorizationPolicy/jwt-authentication-policy-review",
      ],
    );
  });

  test("every object carries the ownership labels", () => {
    for (const object of [
      ...renderDesired(referenceConfig(), "security.istio.io/v1"),
      renderLegacyPolicy(referenceConfig()),
    ]) {
      assert.deepEqual(object.metadata.labels, {
        "app.kubernetes.io/managed-by": "mesh-secure",
        "mesh-secure.io/jwt-policy": "jwt-authentication-policy",
      });
    }
  });

  test("state absent renders nothing", () => {
    assert.deepEqual(renderDesired({ ...referenceConfig(), state: "absent" }, "security.istio.io/v1"), []);
  });
});
