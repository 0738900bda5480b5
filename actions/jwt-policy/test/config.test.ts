import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { InputProblems, Inputs, mapInputs } from "@mesh-secure/action-runtime";
import { type JwtPolicyConfig, legacyProblems, readConfig } from "../src/config.ts";

const LOCAL =
  "- issuer: http://auth-server.local\n  jwksUri: http://auth-server.hands-on.svc.cluster.local/.well-known/jwks.json\n";

function read(values: Record<string, string>): {
  config: JwtPolicyConfig | undefined;
  messages: string[];
  masked: string[];
} {
  const problems = new InputProblems();
  const masked: string[] = [];
  const config = readConfig(new Inputs(mapInputs(values)), problems, (secret) => masked.push(secret));
  return { config, messages: problems.errors.map((error) => error.message), masked };
}

describe("reading the inputs", () => {
  test("the reference inputs give one issuer, one target and the defaults", () => {
    const { config, messages } = read({
      namespace: "hands-on",
      targets: "product-composite",
      issuers: LOCAL,
    });
    assert.deepEqual(messages, []);
    assert.equal(config?.name, "jwt-authentication-policy");
    assert.equal(config?.api, "auto");
    assert.equal(config?.requireToken, true);
    assert.equal(config?.selectorKey, "app");
    assert.deepEqual(config?.targets, ["product-composite"]);
    assert.equal(
      config?.issuers[0]?.jwksUri,
      "http://auth-server.hands-on.svc.cluster.local/.well-known/jwks.json",
    );
  });

  test("the issuer and jwks-uri shorthand gives the same issuer as a one-item list", () => {
    const { config } = read({
      namespace: "hands-on",
      targets: "product-composite",
      issuer: "http://auth-server.local",
      "jwks-uri": "http://auth-server.hands-on.svc.cluster.local/.well-known/jwks.json",
    });
    assert.equal(config?.issuers.length, 1);
    assert.equal(config?.issuers[0]?.issuer, "http://auth-server.local");
  });

  test("every problem is reported at once, each naming its input", () => {
    const { config, messages } = read({
      namespace: "Hands On",
      targets: "",
      issuers: "- issuer: ''\n  jwksUri: ftp://x/jwks\n",
      state: "gone",
      "dry-run": "yes",
    });
    assert.equal(config, undefined);
    for (const input of ["namespace", "targets", "issuers", "state", "dry-run"]) {
      assert.ok(
        messages.some((message) => message.startsWith(`Input '${input}'`)),
        `no problem for ${input}: ${messages.join("\n")}`,
      );
    }
    assert.ok(messages.every((message) => message.includes("Fix: ")));
  });

  test("a misspelt issuer key is refused with the right spelling", () => {
    const { messages } = read({
      namespace: "hands-on",
      targets: "product-composite",
      issuers: "- issuer: http://auth-server.local\n  jwks_uri: http://a/jwks\n",
    });
    assert.ok(
      messages.some((message) => /unknown key 'jwks_uri'.*Fix: write 'jwksUri'/.test(message)),
      messages.join("\n"),
    );
  });

  test("require-https refuses an http issuer and an http JWKS URL", () => {
    const { messages } = read({
      namespace: "hands-on",
      targets: "product-composite",
      issuers: LOCAL,
      "require-https": "true",
    });
    assert.equal(
      messages.filter((message) => message.includes("require-https")).length,
      2,
      messages.join("\n"),
    );
  });

  test("an inline JWKS with a private key is refused and its private parts are masked", () => {
    const jwks = JSON.stringify({ keys: [{ kty: "oct", k: "c2VjcmV0LXN5bW1ldHJpYy1rZXk" }] });
    const { messages, masked } = read({
      namespace: "hands-on",
      targets: "product-composite",
      issuers: `- issuer: http://auth-server.local\n  jwks: '${jwks}'\n`,
    });
    assert.ok(
      messages.some((message) => message.includes("private or symmetric key material")),
      messages.join("\n"),
    );
    assert.ok(masked.includes("c2VjcmV0LXN5bW1ldHJpYy1rZXk"));
  });

  test("state absent needs neither targets nor issuers", () => {
    const { config, messages } = read({ namespace: "hands-on", state: "absent" });
    assert.deepEqual(messages, []);
    assert.equal(config?.state, "absent");
  });

  test("the legacy Policy refuses a header prefix and forwardOriginalToken", () => {
    const { config } = read({
      namespace: "hands-on",
      targets: "product-composite",
      issuers: `${LOCAL}  fromHeaders: [{name: X-Token, prefix: "Bearer "}]\n  forwardOriginalToken: true\n`,
    });
    assert.ok(config);
    const problems = new InputProblems();
    legacyProblems(config, problems);
    assert.equal(problems.errors.length, 2);
    assert.ok(
      problems.errors.every(
        (error) => error.input === "issuers" && error.fix.includes("security.istio.io/v1"),
      ),
    );
  });
});
