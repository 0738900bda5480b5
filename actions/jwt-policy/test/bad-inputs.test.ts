/**
 * Inputs the action must refuse: each run fails with an error annotation naming the input, the problem and
 * the fix, sets no outputs, and leaves the namespace without any policy object.
 */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { clusterApi, clusterKubeconfig, freshNamespace } from "../../../test/cluster.ts";
import { failureText, jwtPolicy, LOCAL_ISSUER, LOCAL_JWKS, LOCAL_ONLY, policyObjects } from "./helpers.ts";

const api = clusterApi();
const kubeconfig = clusterKubeconfig();
after(() => api.close());

interface Case {
  name: string;
  inputs: Record<string, string>;
  input: string;
  problem: RegExp;
}

const TARGET = { targets: "product-composite" };

const cases: Case[] = [
  {
    name: "an empty issuer",
    inputs: { ...TARGET, issuers: `- issuer: ""\n  jwksUri: ${LOCAL_JWKS}\n` },
    input: "issuers",
    problem: /issuers\[1\]: issuer is string "", not a non-empty string/,
  },
  {
    name: "a JWKS URL with an ftp scheme",
    inputs: {
      ...TARGET,
      issuers: `- issuer: ${LOCAL_ISSUER}\n  jwksUri: ftp://auth-server.local/jwks.json\n`,
    },
    input: "issuers",
    problem: /jwksUri 'ftp:\/\/auth-server\.local\/jwks\.json' has scheme ftp/,
  },
  {
    name: "a JWKS URL that is not a URL",
    inputs: { ...TARGET, issuer: LOCAL_ISSUER, "jwks-uri": "auth-server/jwks.json" },
    input: "jwks-uri",
    problem: /'auth-server\/jwks\.json' is not a URL/,
  },
  {
    name: "the same issuer twice",
    inputs: { ...TARGET, issuers: LOCAL_ONLY + LOCAL_ONLY },
    input: "issuers",
    problem: /issuer http:\/\/auth-server\.local is listed twice/,
  },
  {
    name: "no targets",
    inputs: { issuers: LOCAL_ONLY },
    input: "targets",
    problem: /is required/,
  },
  {
    name: "a target that is not a workload name",
    inputs: { targets: "Product_Composite", issuers: LOCAL_ONLY },
    input: "targets",
    problem: /'Product_Composite' is not a workload name/,
  },
  {
    name: "an http issuer and JWKS with require-https",
    inputs: { ...TARGET, issuers: LOCAL_ONLY, "require-https": "true" },
    input: "issuers",
    problem: /plain http, refused because require-https is true/,
  },
  {
    name: "an inline JWKS that is not JSON",
    inputs: { ...TARGET, issuers: `- issuer: ${LOCAL_ISSUER}\n  jwks: "{keys: nope"\n` },
    input: "issuers",
    problem: /jwks is not valid JSON/,
  },
  {
    name: "both jwksUri and jwks",
    inputs: { ...TARGET, issuers: `${LOCAL_ONLY}  jwks: '{"keys": []}'\n` },
    input: "issuers",
    problem: /sets both jwksUri and jwks/,
  },
  {
    name: "neither jwksUri nor jwks",
    inputs: { ...TARGET, issuers: `- issuer: ${LOCAL_ISSUER}\n` },
    input: "issuers",
    problem: /has neither jwksUri nor jwks/,
  },
  {
    name: "audiences that are not a list of strings",
    inputs: { ...TARGET, issuers: `${LOCAL_ONLY}  audiences: product-composite\n` },
    input: "issuers",
    problem: /audiences is string "product-composite"; it must be a list of non-empty strings/,
  },
  {
    name: "a fromHeaders entry without a name",
    inputs: { ...TARGET, issuers: `${LOCAL_ONLY}  fromHeaders: [{prefix: "Bearer "}]\n` },
    input: "issuers",
    problem: /fromHeaders\[1\] needs a name/,
  },
  {
    name: "issuers that are not YAML",
    inputs: { ...TARGET, issuers: "- issuer: [unclosed\n" },
    input: "issuers",
    problem: /is not valid YAML/,
  },
  {
    name: "issuers and the shorthand together",
    inputs: { ...TARGET, issuers: LOCAL_ONLY, issuer: LOCAL_ISSUER },
    input: "issuers",
    problem: /together with the issuer\/jwks-uri shorthand/,
  },
  {
    name: "an unknown api",
    inputs: { ...TARGET, issuers: LOCAL_ONLY, api: "security.istio.io/v2" },
    input: "api",
    problem: /'security\.istio\.io\/v2' is not one of auto/,
  },
  {
    name: "a header prefix with the legacy API",
    inputs: {
      ...TARGET,
      issuers: `${LOCAL_ONLY}  fromHeaders: [{name: X-Token, prefix: "Bearer "}]\n`,
      api: "authentication.istio.io/v1alpha1",
    },
    input: "issuers",
    problem: /legacy authentication\.istio\.io\/v1alpha1 Policy cannot strip/,
  },
  {
    name: "a name that cannot be an object name",
    inputs: { ...TARGET, issuers: LOCAL_ONLY, name: "JWT policy" },
    input: "name",
    problem: /'JWT policy' cannot name the policy objects/,
  },
];

describe("bad inputs are refused and nothing is written", () => {
  for (const badCase of cases) {
    test(`${badCase.name} is refused naming input '${badCase.input}'`, async () => {
      const ns = await freshNamespace(api, "jwt-bad");
      const result = await jwtPolicy(kubeconfig, { namespace: ns, ...badCase.inputs });
      assert.notEqual(result.code, 0, failureText(result));
      const errors = result.stdout.split("\n").filter((line) => line.startsWith("::error"));
      const error = errors.find((line) => line.includes(`Input '${badCase.input}'`));
      assert.ok(error, `no error naming input '${badCase.input}' in:\n${errors.join("\n")}`);
      assert.match(error, badCase.problem);
      assert.match(error, /Fix: /);
      assert.equal(result.outputs.size, 0);
      assert.deepEqual(await policyObjects(api, ns), []);
    });
  }

  test("a namespace that does not exist is refused with the fix, before any write", async () => {
    const result = await jwtPolicy(kubeconfig, {
      namespace: "jwt-no-such-namespace",
      ...TARGET,
      issuers: LOCAL_ONLY,
    });
    assert.notEqual(result.code, 0);
    assert.match(
      result.stdout,
      /::error.*Namespace 'jwt-no-such-namespace' does not exist.*Fix: create the namespace/,
    );
  });
});
