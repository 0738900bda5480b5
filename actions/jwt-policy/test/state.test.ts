/** The previous-state format and the rollback's input rules: pure code, no cluster needed. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { InputError, InputProblems, Inputs, mapInputs } from "@mesh-secure/action-runtime";
import yaml from "js-yaml";
import { APPLY_INPUTS, applyInputsGivenWithRollback } from "../src/rollback.ts";
import { buildPreviousState, inlineJwksSecrets, MANAGED_KINDS, parsePreviousState } from "../src/state.ts";

const actionInputs = (
  yaml.load(readFileSync(join(import.meta.dirname, "..", "action.yml"), "utf8")) as {
    inputs: Record<string, { default?: string }>;
  }
).inputs;

function rollbackProblems(values: Record<string, string>): string[] {
  const problems = new InputProblems();
  applyInputsGivenWithRollback(new Inputs(mapInputs(values)), problems);
  return problems.errors.map((error) => error.input);
}

describe("the rollback input", () => {
  test("accepts a step where the runner filled in every action.yml default", () => {
    const defaults = Object.fromEntries(
      Object.entries(actionInputs)
        .filter(([, spec]) => spec.default !== undefined)
        .map(([name, spec]) => [name, String(spec.default)]),
    );
    assert.ok(Object.keys(defaults).length >= 8, "action.yml has defaults to fill in");
    assert.deepEqual(rollbackProblems(defaults), []);
  });

  test("knows every input but kubeconfig, context, dry-run and rollback as one that says what to apply", () => {
    const known = new Set([
      ...APPLY_INPUTS.map(([name]) => name),
      "kubeconfig",
      "context",
      "dry-run",
      "rollback",
    ]);
    assert.deepEqual(
      Object.keys(actionInputs).filter((name) => !known.has(name)),
      [],
    );
    for (const [name, fallback] of APPLY_INPUTS) assert.equal(actionInputs[name]?.default, fallback, name);
  });

  test("refuses every apply input given with a value other than its default, naming each", () => {
    assert.deepEqual(
      rollbackProblems({
        namespace: "hands-on",
        api: "security.istio.io/v1",
        "require-token": "FALSE",
        name: "x",
      }),
      ["namespace", "require-token", "api", "name"],
    );
    assert.deepEqual(rollbackProblems({ "require-token": "True", state: "Present" }), []);
  });
});

describe("previous-state", () => {
  test("covers RequestAuthentication and AuthorizationPolicy in v1 and v1beta1, and the legacy Policy", () => {
    assert.deepEqual(MANAGED_KINDS, {
      RequestAuthentication: ["security.istio.io/v1", "security.istio.io/v1beta1"],
      AuthorizationPolicy: ["security.istio.io/v1", "security.istio.io/v1beta1"],
      Policy: ["authentication.istio.io/v1alpha1"],
    });
  });

  test("keeps spec, labels and annotations of the objects that existed, lists the absent ones, and parses back", () => {
    const ref = { apiVersion: "security.istio.io/v1", kind: "AuthorizationPolicy", namespace: "ns" };
    const state = buildPreviousState([
      {
        ref: { ...ref, name: "a" },
        before: {
          apiVersion: ref.apiVersion,
          kind: ref.kind,
          metadata: {
            name: "a",
            namespace: "ns",
            uid: "u",
            resourceVersion: "9",
            managedFields: [],
            labels: { x: "y" },
          },
          spec: { action: "ALLOW" },
          status: { validationMessages: [] },
        },
      },
      { ref: { ...ref, name: "b" } },
    ]);
    assert.deepEqual(state, {
      version: 1,
      action: "jwt-policy",
      objects: [
        {
          apiVersion: ref.apiVersion,
          kind: ref.kind,
          metadata: { name: "a", namespace: "ns", labels: { x: "y" } },
          spec: { action: "ALLOW" },
        },
      ],
      absent: [{ ...ref, name: "b" }],
    });
    assert.deepEqual(parsePreviousState(JSON.stringify(state)), state);
  });

  test("an mtls snapshot is refused with the fix to pass jwt-policy's own output", () => {
    assert.throws(
      () => parsePreviousState(JSON.stringify({ version: 1, action: "mtls", objects: [], absent: [] })),
      (error: unknown) =>
        error instanceof InputError &&
        error.input === "rollback" &&
        /not jwt-policy/.test(error.problem) &&
        /steps\.jwt\.outputs\.previous-state/.test(error.fix),
    );
  });

  test("finds private key material in modern and legacy inline JWKS, to be masked", () => {
    const jwks = (k: string) => JSON.stringify({ keys: [{ kty: "oct", k }] });
    const object = (spec: Record<string, unknown>) => ({
      apiVersion: "v",
      kind: "K",
      metadata: { name: "n" },
      spec,
    });
    assert.deepEqual(
      inlineJwksSecrets([
        object({ jwtRules: [{ issuer: "i", jwks: jwks("modern-secret") }] }),
        object({ origins: [{ jwt: { issuer: "i", jwks: jwks("legacy-secret") } }] }),
        object({ jwtRules: [{ issuer: "i", jwksUri: "https://x/jwks" }] }),
        undefined,
      ]),
      ["modern-secret", "legacy-secret"],
    );
  });
});
