import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { fetchJwks, inspectJwks } from "../src/jwks.ts";

const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const rsaJwk = { ...rsa.publicKey.export({ format: "jwk" }), kid: "rsa-1", use: "sig", alg: "RS256" };
const ecEncJwk = { ...ec.publicKey.export({ format: "jwk" }), kid: "ec-enc", use: "enc" };

describe("inspecting a JWKS", () => {
  test("an RSA public signing key is usable", () => {
    const verdict = inspectJwks(JSON.stringify({ keys: [rsaJwk] }));
    assert.equal(verdict.problem, undefined);
    assert.deepEqual(verdict.usable, [{ kty: "RSA", kid: "rsa-1", alg: "RS256" }]);
  });

  test("a set with only an encryption key has no usable signing key", () => {
    assert.match(inspectJwks(JSON.stringify({ keys: [ecEncJwk] })).problem ?? "", /no usable signing key/);
  });

  test("an EC key without use counts as a signing key", () => {
    assert.equal(
      inspectJwks(JSON.stringify({ keys: [ec.publicKey.export({ format: "jwk" })] })).usable.length,
      1,
    );
  });

  test("a private key is refused and its private members are returned for masking", () => {
    const privateJwk = rsa.privateKey.export({ format: "jwk" });
    const verdict = inspectJwks(JSON.stringify({ keys: [privateJwk] }));
    assert.match(verdict.problem ?? "", /private/);
    assert.ok(verdict.secrets.includes(privateJwk.d as string));
  });

  test("text that is not JSON is refused", () => {
    assert.match(inspectJwks("keys: []").problem ?? "", /not valid JSON/);
  });

  test("a JSON document without keys is refused", () => {
    assert.match(inspectJwks('{"issuer": "x"}').problem ?? "", /no non-empty "keys" list/);
  });
});

describe("fetching a JWKS from a real HTTP server", () => {
  let server: Server;
  let base: string;
  before(async () => {
    server = createServer((request, response) => {
      if (request.url === "/.well-known/jwks.json") {
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({ keys: [rsaJwk, ecEncJwk] }));
      } else if (request.url === "/enc-only.json") {
        response.end(JSON.stringify({ keys: [ecEncJwk] }));
      } else {
        response.statusCode = 404;
        response.end("not here");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test("a served key set with a signing key passes", async () => {
    const fetched = await fetchJwks(`${base}/.well-known/jwks.json`);
    assert.equal(fetched.problem, undefined);
    assert.equal(fetched.total, 2);
    assert.equal(fetched.usable.length, 1);
  });

  test("a served key set without a signing key is refused", async () => {
    assert.match((await fetchJwks(`${base}/enc-only.json`)).problem ?? "", /no usable signing key/);
  });

  test("a 404 is refused with the status", async () => {
    assert.match((await fetchJwks(`${base}/missing.json`)).problem ?? "", /HTTP 404/);
  });

  test("a port nobody listens on is refused as unreachable", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    assert.match(
      (await fetchJwks(`http://127.0.0.1:${port}/jwks.json`)).problem ?? "",
      /could not be fetched \(ECONNREFUSED\)/,
    );
  });
});
