import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { InputErrors, Inputs, mapInputs } from "@mesh-secure/action-runtime";
import { parseResolve, readConfig } from "../src/config.ts";
import { compareDn, parseDn } from "../src/dn.ts";
import { basicAuthorization, decodeJwt, forgeTokens } from "../src/tokens.ts";

function config(values: Record<string, string>) {
  return readConfig(new Inputs(mapInputs(values)));
}

function problems(values: Record<string, string>): string[] {
  try {
    config(values);
  } catch (error) {
    assert.ok(error instanceof InputErrors);
    return error.errors.map((problem) => `${problem.input}: ${problem.problem}`);
  }
  assert.fail("expected input errors");
}

describe("distinguished names", () => {
  test("are equal whatever the order of their attributes", () => {
    assert.ok(
      compareDn(parseDn("CN=minikube.me, O=minikube.me"), parseDn("O=minikube.me,CN=minikube.me")).equal,
    );
  });

  test("are equal in Node's newline form and openssl's slash form", () => {
    assert.ok(
      compareDn(parseDn("O=minikube.me\nCN=minikube.me"), parseDn("/CN=minikube.me/O=minikube.me")).equal,
    );
  });

  test("differ when an attribute is missing, and the comparison names it", () => {
    const comparison = compareDn(parseDn("CN=minikube.me, O=minikube.me"), parseDn("CN=minikube.me"));
    assert.equal(comparison.equal, false);
    assert.deepEqual(comparison.missing, [{ type: "O", value: "minikube.me" }]);
  });

  test("keep an escaped comma inside a value", () => {
    assert.deepEqual(parseDn("O=Example\\, Inc., CN=a"), [
      { type: "O", value: "Example, Inc." },
      { type: "CN", value: "a" },
    ]);
  });
});

describe("inputs", () => {
  test("resolve entries follow curl's host:port:address", () => {
    assert.deepEqual(parseResolve("minikube.me:443:192.168.49.2"), {
      key: "minikube.me:443",
      address: "192.168.49.2",
    });
    assert.deepEqual(parseResolve("minikube.me:443:[::1]"), { key: "minikube.me:443", address: "::1" });
    assert.equal(parseResolve("minikube.me:192.168.49.2"), undefined);
  });

  test("default to every check the inputs make possible", () => {
    assert.deepEqual([...config({ urls: "https://minikube.me/" }).checks], ["tls", "expiry", "auth"]);
    assert.deepEqual(
      [
        ...config({ urls: "https://minikube.me/", "access-token": "a.b.c", "mtls-urls": "http://p:80/" })
          .checks,
      ],
      ["tls", "expiry", "auth", "attacks", "mtls"],
    );
  });

  test("turn the attack suite on by default only when a token is available", () => {
    assert.equal(config({ urls: "https://minikube.me/" }).attackSuite, false);
    assert.equal(config({ urls: "https://minikube.me/", "access-token": "a.b.c" }).attackSuite, true);
  });

  test("report every problem at once, each naming its input", () => {
    const found = problems({
      urls: "ftp://minikube.me/",
      resolve: "minikube.me",
      "min-days-valid": "40",
      "warn-days": "30",
      "token-url": "https://minikube.me/oauth2/token",
      checks: "tls,mtls,dns",
    });
    assert.deepEqual(
      found.map((line) => line.split(":")[0]),
      ["urls", "resolve", "warn-days", "client-id", "client-secret", "checks", "checks", "checks"],
    );
  });

  test("refuse the attack suite without a token", () => {
    assert.deepEqual(problems({ urls: "https://minikube.me/", "attack-suite": "true" }), [
      "attack-suite: needs a valid token to forge from",
    ]);
  });

  test("require urls unless mtls-urls are given", () => {
    assert.deepEqual(problems({}), ["urls: is required but was not given"]);
    assert.deepEqual([...config({ "mtls-urls": "http://product-composite.hands-on/" }).checks], ["mtls"]);
  });
});

describe("tokens", () => {
  test("client id and secret are form-urlencoded before HTTP basic auth (RFC 6749 2.3.1)", () => {
    const header = basicAuthorization("writer", "se:cr et/%");
    assert.equal(Buffer.from(header.slice(6), "base64").toString(), "writer:se%3Acr+et%2F%25");
  });

  test("every forged token differs from the valid one and is refused by construction", () => {
    const header = Buffer.from('{"alg":"RS256","kid":"k1"}').toString("base64url");
    const payload = Buffer.from('{"iss":"http://auth-server.local","sub":"writer"}').toString("base64url");
    const valid = `${header}.${payload}.c2lnbmF0dXJl`;
    const forged = forgeTokens(valid, undefined);
    assert.deepEqual(
      forged.map((item) => item.id),
      [
        "alg-none",
        "hs256-key-confusion",
        "payload-altered",
        "signature-stripped",
        "own-key-unknown-kid",
        "own-key-reused-kid",
        "garbage",
      ],
    );
    assert.equal(
      forged.find((item) => item.id === "hs256-key-confusion")?.skipped,
      "no jwks-uri given, so the issuer's public key is unknown",
    );
    for (const item of forged.filter((entry) => entry.token)) assert.notEqual(item.token, valid);
    assert.equal(decodeJwt(forged.find((item) => item.id === "alg-none")!.token!)?.header.alg, "none");
    assert.equal(
      decodeJwt(forged.find((item) => item.id === "own-key-reused-kid")!.token!)?.header.kid,
      "k1",
    );
    assert.equal(
      decodeJwt(forged.find((item) => item.id === "own-key-unknown-kid")!.token!)?.payload.iss,
      "http://auth-server.local",
    );
  });
});
