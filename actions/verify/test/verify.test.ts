/**
 * The bundled action against real parts: an OAuth 2.0/OIDC server (oidc-provider) and HTTPS edges on
 * loopback that answer like each Istio generation (@mesh-secure/fixtures).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  createCertificate,
  createCertificateAuthority,
  daysFromNow,
  type Edge,
  type EdgeOptions,
  type OidcServer,
  startEdge,
  startOidcServer,
} from "@mesh-secure/fixtures";
import { type BundleResult, runBundle } from "../../../test/run-bundle.ts";

interface CaseReport {
  name: string;
  expected: string;
  actual: string;
  passed: boolean;
  outcome: string;
  detail: string;
}
interface CheckReport {
  expected: string;
  actual: string;
  passed: boolean;
  detail: string;
  timing: { ms: number };
  cases: CaseReport[];
}
interface Report {
  passed: boolean;
  attempts: number;
  heldAfterSeconds: number | null;
  minDaysRemaining: number | null;
  endpoints: Record<string, Record<string, CheckReport>>;
}

const CLIENT_SECRET = "S3cret value/with+chars";

let oidc: OidcServer;
const edges: Edge[] = [];

async function edge(options: EdgeOptions = {}): Promise<Edge> {
  const started = await startEdge({ issuers: [oidc], ...options });
  edges.push(started);
  return started;
}

/** The edge's public URL under its host name, reached through resolve (as a gateway before DNS points at it). */
function publicUrl(target: Edge, path = "/product-composite/2"): string {
  return `https://minikube.me:${target.port}${path}`;
}

function tokenInputs(): Record<string, string> {
  return { "token-url": oidc.tokenUrl, "client-id": "writer", "client-secret": CLIENT_SECRET };
}

async function verify(
  target: Edge | undefined,
  inputs: Record<string, string>,
): Promise<BundleResult & { report: Report }> {
  const result = await runBundle("verify", {
    ...(target ? { urls: publicUrl(target), resolve: `minikube.me:${target.port}:127.0.0.1` } : {}),
    ...inputs,
  });
  const text = result.outputs.get("report");
  assert.ok(text, `no report output:\n${result.stdout}\n${result.stderr}`);
  return { ...result, report: JSON.parse(text) as Report };
}

function checkOf(result: { report: Report }, check: string, url?: string): CheckReport {
  const endpoint = url ? result.report.endpoints[url] : Object.values(result.report.endpoints)[0];
  const found = endpoint?.[check];
  assert.ok(found, `no ${check} check in ${JSON.stringify(result.report.endpoints)}`);
  return found;
}

function caseOf(result: { report: Report }, check: string, name: string, url?: string): CaseReport {
  const found = checkOf(result, check, url).cases.find((item) => item.name === name);
  assert.ok(found, `no case ${check}/${name}`);
  return found;
}

function errorAnnotations(result: BundleResult): string[] {
  return result.stdout.split("\n").filter((line) => line.startsWith("::error"));
}

before(async () => {
  oidc = await startOidcServer({
    issuer: "http://auth-server.local",
    clients: [{ clientId: "writer", clientSecret: CLIENT_SECRET }],
  });
});

after(async () => {
  await Promise.all(edges.map((started) => started.close()));
  await oidc.close();
});

describe("verify against an Istio 1.4 edge (legacy Policy) with the dev certificate", () => {
  test("passes with the reference expectations and reports the certificate like keytool", async () => {
    const legacy = await edge({ mode: "legacy" });
    const result = await verify(legacy, {
      "allow-self-signed": "true",
      "expect-subject": "O=minikube.me, CN=minikube.me",
      "expect-issuer": "CN=minikube.me, O=minikube.me",
      "expect-unauthenticated-body": "Origin authentication failed.",
      "jwks-uri": oidc.jwksUri,
      ...tokenInputs(),
    });
    assert.equal(result.code, 0, result.stdout);
    assert.equal(result.outputs.get("passed"), "true");
    for (const check of ["tls", "expiry", "auth", "attacks"])
      assert.equal(checkOf(result, check).passed, true, check);
    assert.equal(caseOf(result, "tls", "chain").outcome, "warn");
    assert.equal(caseOf(result, "attacks", "hs256-key-confusion").outcome, "pass");
    assert.equal(result.outputs.get("min-days-remaining"), String(result.report.minDaysRemaining));
    assert.match(result.summary, /Owner: CN=minikube\.me, O=minikube\.me/);
    assert.match(result.summary, /SHA-256 fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
  });
});

describe("verify against a modern edge (RequestAuthentication + AuthorizationPolicy) with a CA-signed certificate", () => {
  test("passes with 403 'RBAC: access denied' expected and the CA given in ca-cert", async () => {
    const ca = await createCertificateAuthority("CN=Example Prod CA, O=Example");
    const certificate = await createCertificate({ subject: "CN=minikube.me, O=minikube.me", issuer: ca });
    const modern = await edge({ mode: "modern", certificate });
    const result = await verify(modern, {
      "ca-cert": ca.cert,
      "expect-issuer": "O=Example, CN=Example Prod CA",
      "expect-unauthenticated-status": "403",
      "expect-unauthenticated-body": "RBAC: access denied",
      ...tokenInputs(),
    });
    assert.equal(result.code, 0, result.stdout);
    assert.equal(caseOf(result, "tls", "chain").outcome, "pass");
    assert.equal(caseOf(result, "attacks", "hs256-key-confusion").outcome, "skip");
  });

  test("fails when the issuer is not the expected one, naming the attribute that differs", async () => {
    const ca = await createCertificateAuthority("CN=Other CA, O=Example");
    const modern = await edge({
      certificate: await createCertificate({ subject: "CN=minikube.me, O=minikube.me", issuer: ca }),
    });
    const result = await verify(modern, {
      "ca-cert": ca.cert,
      "expect-issuer": "CN=minikube.me, O=minikube.me",
      checks: "tls",
    });
    assert.notEqual(result.code, 0);
    assert.equal(caseOf(result, "tls", "issuer").passed, false);
    assert.match(caseOf(result, "tls", "issuer").detail, /missing CN=minikube\.me/);
    assert.ok(errorAnnotations(result).some((line) => line.includes("tls issuer")));
  });

  test("fails when the owner is not the expected one", async () => {
    const modern = await edge({ certificate: { subject: "CN=minikube.me, O=Someone Else" } });
    const result = await verify(modern, {
      "allow-self-signed": "true",
      "expect-subject": "CN=minikube.me, O=minikube.me",
      checks: "tls",
    });
    assert.notEqual(result.code, 0);
    assert.equal(caseOf(result, "tls", "owner").passed, false);
  });

  test("fails an untrusted self-signed chain unless allow-self-signed is set", async () => {
    const modern = await edge();
    const result = await verify(modern, { checks: "tls" });
    assert.notEqual(result.code, 0);
    assert.equal(caseOf(result, "tls", "chain").outcome, "fail");
    assert.match(caseOf(result, "tls", "chain").actual, /DEPTH_ZERO_SELF_SIGNED_CERT/);
  });
});

describe("the attack suite", () => {
  test("catches an edge that accepts alg none, naming the case", async () => {
    const broken = await edge({ mode: "accepts-alg-none" });
    const result = await verify(broken, {
      "allow-self-signed": "true",
      "expect-unauthenticated-status": "403",
      "jwks-uri": oidc.jwksUri,
      ...tokenInputs(),
    });
    assert.notEqual(result.code, 0);
    assert.equal(result.outputs.get("passed"), "false");
    const failed = checkOf(result, "attacks")
      .cases.filter((item) => !item.passed)
      .map((item) => item.name);
    assert.deepEqual(failed, ["alg-none"]);
    assert.ok(errorAnnotations(result).some((line) => line.includes("alg-none")));
  });
});

describe("certificate expiry", () => {
  test("warns below warn-days and still passes above min-days-valid", async () => {
    const expiring = await edge({ certificate: { notAfter: daysFromNow(20.5) } });
    const result = await verify(expiring, { "allow-self-signed": "true", checks: "expiry" });
    assert.equal(result.code, 0, result.stdout);
    assert.equal(result.outputs.get("min-days-remaining"), "20");
    assert.ok(
      result.stdout.split("\n").some((line) => line.startsWith("::warning") && line.includes("expiry")),
    );
  });

  test("fails below min-days-valid", async () => {
    const expiring = await edge({ certificate: { notAfter: daysFromNow(10.5) } });
    const result = await verify(expiring, { "allow-self-signed": "true", checks: "expiry" });
    assert.notEqual(result.code, 0);
    assert.equal(caseOf(result, "expiry", "validity").passed, false);
    assert.match(caseOf(result, "expiry", "validity").detail, /below min-days-valid \(14\)/);
  });

  test("fails an expired certificate", async () => {
    const expired = await edge({ certificate: { notBefore: daysFromNow(-400), notAfter: daysFromNow(-3) } });
    const result = await verify(expired, { "allow-self-signed": "true", checks: "expiry" });
    assert.notEqual(result.code, 0);
    assert.match(caseOf(result, "expiry", "validity").actual, /^expired \d+ days ago/);
  });
});

describe("TLS protocol versions", () => {
  test("fails an edge that still accepts TLS 1.1", async () => {
    const outdated = await edge({ tls: { minVersion: "TLSv1" } });
    const result = await verify(outdated, { "allow-self-signed": "true", checks: "tls" });
    assert.notEqual(result.code, 0);
    assert.equal(caseOf(result, "tls", "protocol").outcome, "fail");
    assert.match(caseOf(result, "tls", "protocol").detail, /completed a TLSv1(\.1)? handshake/);
  });
});

describe("resolve", () => {
  test("connects to the given address while SNI and the hostname check use the URL's host", async () => {
    const gateway = await edge({ certificate: { sans: ["minikube.me"] } });
    const byName = await verify(gateway, { "allow-self-signed": "true", checks: "tls" });
    assert.equal(caseOf(byName, "tls", "hostname").passed, true);
    const byAddress = await runBundle("verify", {
      urls: gateway.url,
      "allow-self-signed": "true",
      checks: "tls",
    });
    const report = JSON.parse(byAddress.outputs.get("report")!) as Report;
    assert.equal(caseOf({ report }, "tls", "hostname").passed, false);
  });
});

describe("a deleted policy", () => {
  test("is caught by expect-unauthenticated-body: the service's own 401 has an empty body", async () => {
    const deleted = await edge({ mode: "deleted" });
    const result = await verify(deleted, {
      "allow-self-signed": "true",
      "expect-unauthenticated-body": "Origin authentication failed.",
      checks: "auth",
    });
    assert.notEqual(result.code, 0);
    const withoutToken = caseOf(result, "auth", "without token");
    assert.equal(withoutToken.actual, "401 (empty body)");
    assert.match(withoutToken.detail, /does not contain "Origin authentication failed\."/);
  });
});

describe("the service's own answer", () => {
  test("expect-unauthenticated-empty-body passes on the service's empty 401 once the policy is deleted", async () => {
    const deleted = await edge({ mode: "deleted" });
    const result = await verify(deleted, {
      "allow-self-signed": "true",
      "expect-unauthenticated-empty-body": "true",
      checks: "auth",
    });
    assert.equal(result.code, 0, result.stdout);
    assert.equal(caseOf(result, "auth", "without token").expected, "401 with an empty body");
  });

  test("expect-unauthenticated-empty-body fails while the edge still answers for the service", async () => {
    const enforcing = await edge({ mode: "legacy" });
    const result = await verify(enforcing, {
      "allow-self-signed": "true",
      "expect-unauthenticated-empty-body": "true",
      checks: "auth",
    });
    assert.notEqual(result.code, 0);
    assert.match(caseOf(result, "auth", "without token").detail, /the body is not empty/);
  });
});

describe("a token endpoint that refuses the client", () => {
  test("fails with an error naming client-secret and passed=false", async () => {
    const result = await runBundle("verify", {
      urls: "https://127.0.0.1:9/product-composite/2",
      "token-url": oidc.tokenUrl,
      "client-id": "writer",
      "client-secret": "not-the-secret",
    });
    assert.notEqual(result.code, 0);
    assert.equal(result.outputs.get("passed"), "false");
    assert.match(errorAnnotations(result).join("\n"), /client/);
    assert.ok(
      !`${result.stdout}${result.summary}`.replace(/^::add-mask::.*$/gm, "").includes("not-the-secret"),
    );
  });
});

describe("mutual TLS", () => {
  test("strict passes when the mTLS-only port cuts a plaintext request off", async () => {
    const mesh = await edge({ mtls: true });
    const result = await verify(undefined, {
      "mtls-urls": `${mesh.mtlsUrl}/product-composite/2`,
      "expect-mtls": "strict",
    });
    assert.equal(result.code, 0, result.stdout);
    assert.deepEqual(
      Object.values(result.report.endpoints).map((checks) => Object.keys(checks)),
      [["mtls"]],
    );
  });

  test("strict fails when a plaintext request is answered", async () => {
    const mesh = await edge({ plaintext: true });
    const result = await verify(undefined, { "mtls-urls": mesh.plaintextUrl!, "expect-mtls": "strict" });
    assert.notEqual(result.code, 0);
    assert.match(checkOf(result, "mtls").detail, /mTLS is not enforced/);
  });

  test("permissive passes when a plaintext request is answered", async () => {
    const mesh = await edge({ plaintext: true });
    const result = await verify(undefined, { "mtls-urls": mesh.plaintextUrl!, "expect-mtls": "permissive" });
    assert.equal(result.code, 0, result.stdout);
  });
});

describe("propagation", () => {
  test("wait-timeout re-checks until the edge starts enforcing and reports how long it took", async () => {
    const propagating = await edge({ mode: "deleted" });
    propagating.setMode("legacy", { delayMs: 1500 });
    const result = await verify(propagating, {
      "allow-self-signed": "true",
      "expect-unauthenticated-body": "Origin authentication failed.",
      checks: "auth",
      "wait-timeout": "60",
      interval: "0.5",
    });
    assert.equal(result.code, 0, result.stdout);
    assert.ok(result.report.attempts > 1);
    assert.ok((result.report.heldAfterSeconds ?? 0) > 0);
    assert.match(result.summary, /Held after [\d.]+ s \(attempt \d+/);
  });

  test("fails when the policy does not take effect within wait-timeout", async () => {
    const propagating = await edge({ mode: "deleted" });
    propagating.setMode("legacy", { delayMs: 600_000 });
    const result = await verify(propagating, {
      "allow-self-signed": "true",
      "expect-unauthenticated-body": "Origin authentication failed.",
      checks: "auth",
      "wait-timeout": "3",
      interval: "0.5",
    });
    assert.notEqual(result.code, 0);
    assert.equal(result.report.heldAfterSeconds, null);
    assert.ok(result.report.attempts > 1);
    assert.match(result.summary, /Did not hold within wait-timeout 3 s/);
  });
});

describe("secrets", () => {
  test("no client secret, access token or forged token reaches stdout, stderr, the summary or the outputs", async () => {
    const broken = await edge({ mode: "accepts-alg-none" });
    const result = await verify(broken, {
      "allow-self-signed": "true",
      "expect-unauthenticated-status": "403",
      "jwks-uri": oidc.jwksUri,
      ...tokenInputs(),
    });
    const sent = new Set(
      broken.requests.flatMap((request) =>
        request.authorization ? [request.authorization.replace(/^Bearer /, "")] : [],
      ),
    );
    // The valid token and the seven forged ones, each sent at least once.
    assert.ok(sent.size >= 8, `only ${sent.size} tokens reached the edge`);
    // `::add-mask::` lines are how a step tells the runner what to mask; the runner consumes them.
    const printed = result.stdout
      .split("\n")
      .filter((line) => !line.startsWith("::add-mask::"))
      .join("\n");
    const places: Record<string, string> = {
      stdout: printed,
      stderr: result.stderr,
      summary: result.summary,
      outputs: [...result.outputs.values()].join("\n"),
    };
    for (const secret of [CLIENT_SECRET, ...sent]) {
      for (const [place, text] of Object.entries(places)) {
        assert.ok(!text.includes(secret), `${place} contains a secret (${secret.slice(0, 12)}…)`);
      }
    }
    assert.ok(result.stdout.includes(`::add-mask::${CLIENT_SECRET}`));
  });
});
