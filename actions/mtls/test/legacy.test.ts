import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { KubeObject } from "@mesh-secure/action-runtime";
import { legacyEffectiveMode, serviceTargetedOverrides } from "../src/legacy.ts";

const policy = (name: string, spec: Record<string, unknown>): KubeObject => ({
  apiVersion: "authentication.istio.io/v1alpha1",
  kind: "Policy",
  metadata: { name, namespace: "hands-on" },
  spec,
});

// The reference JWT policy of the book: it targets one service and keeps its peers PERMISSIVE.
const jwtPolicy = policy("jwt-authentication-policy", {
  targets: [{ name: "product-composite" }],
  peers: [{ mtls: { mode: "PERMISSIVE" } }],
  origins: [{ jwt: { issuer: "http://auth-server.local" } }],
  principalBinding: "USE_ORIGIN",
});

describe("legacy Policy precedence", () => {
  test("the namespace's mode comes from its default Policy, not from a service-targeted one", () => {
    const result = legacyEffectiveMode([jwtPolicy, policy("default", { peers: [{ mtls: {} }] })], "hands-on");
    assert.deepEqual(result, { mode: "STRICT", decidedBy: "hands-on/default" });
  });

  test("a service-targeted Policy with other peers is reported as overriding the namespace for its services", () => {
    const warnings = serviceTargetedOverrides(
      [jwtPolicy, policy("default", { peers: [{ mtls: {} }] })],
      "hands-on",
      "STRICT",
    );
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /jwt-authentication-policy targets product-composite with peers PERMISSIVE/);
  });

  test("a service-targeted Policy with the same peers mode is not reported", () => {
    assert.deepEqual(serviceTargetedOverrides([jwtPolicy], "hands-on", "PERMISSIVE"), []);
  });
});
