/**
 * The mesh-secure CLI as a user runs it (bin/mesh-secure, a child process), against the run's control plane.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import type { KubeApi } from "@mesh-secure/action-runtime";
import { clusterApi, clusterKubeconfigPath, freshNamespace } from "../../../test/cluster.ts";
import { cli, type JsonResult } from "./run-cli.ts";

describe("mesh-secure CLI", () => {
  let api: KubeApi;
  let kubeconfig: string;
  before(() => {
    api = clusterApi();
    kubeconfig = clusterKubeconfigPath();
  });

  test("--help lists every command and the exit codes", async () => {
    const result = await cli(["--help"]);
    assert.equal(result.code, 0);
    for (const command of ["tls-secret", "jwt-policy", "mtls", "verify", "cert-expiry"])
      assert.match(result.stdout, new RegExp(`^  ${command} `, "m"));
    assert.match(result.stdout, /Exit codes: 0 success, 1 .*2 invalid/);
  });

  test("a command's --help explains each of its flags from the action's metadata", async () => {
    const result = await cli(["jwt-policy", "--help"]);
    assert.equal(result.code, 0);
    for (const flag of [
      "--targets",
      "--issuers",
      "--require-token",
      "--api",
      "--state",
      "--dry-run",
      "-n, --namespace",
    ]) {
      assert.ok(result.stdout.includes(flag), `help lacks ${flag}`);
    }
    assert.match(result.stdout, /Outputs \(in --output json\):[\s\S]*api-version/);
  });

  test("an unknown flag exits 2 and points at --help", async () => {
    const result = await cli(["mtls", "--strictness", "high"]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown flag --strictness/);
  });

  test("a missing required input exits 2 with the error in the JSON result", async () => {
    const result = await cli([
      "jwt-policy",
      "--kubeconfig",
      kubeconfig,
      "--targets",
      "product-composite",
      "-o",
      "json",
    ]);
    assert.equal(result.code, 2);
    const json = JSON.parse(result.stdout) as JsonResult;
    assert.equal(json.ok, false);
    assert.match(json.errors.join("\n"), /namespace/);
  });

  test("jwt-policy applies through the action's code path and a re-run changes nothing", async () => {
    const namespace = await freshNamespace(api, "cli-jwt");
    const args = [
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
      "--output",
      "json",
    ];
    const first = JSON.parse((await cli(args)).stdout) as JsonResult;
    assert.equal(first.ok, true, JSON.stringify(first));
    assert.equal(first.outputs.changed, "true");
    assert.equal(first.outputs["api-version"], "security.istio.io/v1");
    const live = await api.list("security.istio.io/v1", "RequestAuthentication", { namespace });
    assert.deepEqual(
      live.map((object) => object.metadata.name),
      ["jwt-authentication-policy"],
    );
    const second = await cli(args);
    assert.equal(second.code, 0);
    assert.equal((JSON.parse(second.stdout) as JsonResult).outputs.changed, "false");
  });

  test("text output shows the job summary as terminal tables", async () => {
    const namespace = await freshNamespace(api, "cli-text", { "istio-injection": "enabled" });
    const result = await cli(["mtls", "--kubeconfig", kubeconfig, "-n", namespace, "--mode", "PERMISSIVE"]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /┌/);
    assert.match(result.stdout, /PERMISSIVE/);
  });

  test("mtls STRICT on a namespace without sidecar injection exits 1 and names the namespace", async () => {
    const namespace = await freshNamespace(api, "cli-mtls");
    const result = await cli([
      "mtls",
      "--kubeconfig",
      kubeconfig,
      "-n",
      namespace,
      "--mode",
      "STRICT",
      "-o",
      "json",
    ]);
    assert.equal(result.code, 1);
    const json = JSON.parse(result.stdout) as JsonResult;
    assert.ok(json.errors.join("\n").includes(namespace), json.errors.join("\n"));
    assert.equal(
      await api.get({
        apiVersion: "security.istio.io/v1",
        kind: "PeerAuthentication",
        namespace,
        name: "default",
      }),
      undefined,
    );
  });

  test("an unreachable cluster exits 3", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = join(mkdtempSync(join(tmpdir(), "cli-")), "kubeconfig");
    writeFileSync(
      path,
      "apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: 'https://127.0.0.1:9'}}]\nusers: [{name: u, user: {token: abcdefgh}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\ncurrent-context: x\n",
    );
    const result = await cli(["mtls", "--kubeconfig", path, "-n", "hands-on", "--mode", "PERMISSIVE"]);
    assert.equal(result.code, 3, result.stdout + result.stderr);
    assert.match(result.stdout + result.stderr, /Cannot reach the Kubernetes API server/);
  });
});
