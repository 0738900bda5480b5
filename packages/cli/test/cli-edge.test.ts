/**
 * The CLI end to end against the control plane and a local edge (the demo's fixture, which serves the
 * certificate and enforces the policies it reads from the cluster): tls-secret -> jwt-policy -> verify ->
 * cert-expiry, each as a user types it, with --output json.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { KubeApi } from "@mesh-secure/action-runtime";
import { LocalEdge } from "@mesh-secure/demo";
import { type OidcServer, startOidcServer } from "@mesh-secure/fixtures";
import { clusterApi, clusterKubeconfigPath, freshNamespace } from "../../../test/cluster.ts";
import { cliJson as cli } from "./run-cli.ts";

describe("the CLI against a local edge", () => {
  let api: KubeApi;
  let kubeconfig: string;
  let oidc: OidcServer;
  let edge: LocalEdge;
  let gatewayNamespace: string;
  let namespace: string;

  before(async () => {
    api = clusterApi();
    kubeconfig = clusterKubeconfigPath();
    gatewayNamespace = await freshNamespace(api, "cli-gw");
    namespace = await freshNamespace(api, "cli-app", { "istio-injection": "enabled" });
    oidc = await startOidcServer({ issuer: "http://auth-server.local" });
    edge = new LocalEdge({
      api,
      host: "minikube.me",
      gatewayNamespace,
      rootNamespace: gatewayNamespace,
      workload: { namespace, name: "product-composite", labels: { app: "product-composite" } },
      serviceIssuers: [{ issuer: oidc.issuer, jwks: oidc.jwks }],
      resolveUrl: (url) => url.replace(/^http:\/\/auth-server[^/]*/, oidc.url),
    });
    await edge.start();
  });

  after(async () => {
    await edge?.stop();
    await oidc?.close();
    await api?.close();
  });

  test("tls-secret, jwt-policy, verify and cert-expiry work together from the command line", async () => {
    const tlsSecret = await cli([
      "tls-secret",
      "--kubeconfig",
      kubeconfig,
      "-n",
      gatewayNamespace,
      "--self-signed",
      "--hosts",
      "minikube.me",
    ]);
    assert.equal(tlsSecret.code, 0, tlsSecret.stderr);
    assert.match(tlsSecret.json.outputs.subject ?? "", /CN=minikube\.me/);
    assert.ok(!tlsSecret.stdout.includes("PRIVATE KEY") && !tlsSecret.stderr.includes("PRIVATE KEY"));

    const jwt = await cli([
      "jwt-policy",
      "--kubeconfig",
      kubeconfig,
      "-n",
      namespace,
      "--targets",
      "product-composite",
      "--issuer",
      "http://auth-server.local",
      "--jwks-uri",
      "http://auth-server.hands-on.svc.cluster.local/.well-known/jwks.json",
    ]);
    assert.equal(jwt.code, 0, jwt.stderr);

    const verifyArgs = [
      "verify",
      "--urls",
      `https://minikube.me:${edge.gatewayPort}/product-composite/2`,
      "--resolve",
      `minikube.me:${edge.gatewayPort}:127.0.0.1`,
      "--allow-self-signed",
      "--expect-unauthenticated-status",
      "403",
      "--expect-unauthenticated-body",
      "RBAC: access denied",
      "--token-url",
      oidc.tokenUrl,
      "--client-id",
      "writer",
      "--client-secret",
      "secret",
      "--jwks-uri",
      oidc.jwksUri,
      "--wait-timeout",
      "20",
    ];
    const verify = await cli(verifyArgs);
    assert.equal(verify.code, 0, verify.json.summary);
    assert.equal(verify.json.outputs.passed, "true");
    assert.ok(Number(verify.json.outputs["min-days-remaining"]) >= 364);

    const expiry = await cli(["cert-expiry", "--kubeconfig", kubeconfig, "-n", gatewayNamespace]);
    assert.equal(expiry.code, 0, expiry.stderr);
    const secrets = JSON.parse(expiry.json.outputs.secrets!) as {
      source: string;
      status: string;
      daysRemaining: number;
    }[];
    assert.deepEqual(
      secrets.map((secret) => [secret.source, secret.status]),
      [[`secret ${gatewayNamespace}/istio-ingressgateway-certs`, "ok"]],
    );

    const strict = await cli([
      "cert-expiry",
      "--kubeconfig",
      kubeconfig,
      "-n",
      gatewayNamespace,
      "--min-days-valid",
      "400",
      "--warn-days",
      "500",
    ]);
    assert.equal(strict.code, 1);
    assert.match(strict.json.summary, /failing/);
  });

  test("verify exits 1 with passed=false when the edge's answer is not the expected one", async () => {
    const result = await cli([
      "verify",
      "--urls",
      `https://minikube.me:${edge.gatewayPort}/product-composite/2`,
      "--resolve",
      `minikube.me:${edge.gatewayPort}:127.0.0.1`,
      "--allow-self-signed",
      "--expect-unauthenticated-status",
      "200",
      "--checks",
      "auth",
    ]);
    assert.equal(result.code, 1);
    assert.equal(result.json.outputs.passed, "false");
    assert.match(result.json.summary, /without token/);
  });
});
