/**
 * The dev workflow, end to end on this host, without GitHub: the steps of .github/workflows/secure-mesh-dev.yml
 * are read from the file, their `with:` expressions evaluated with this test's inputs and secrets (and the
 * workflow's defaults), and each step runs the committed bundle of the action it names, in the workflow's
 * order, against the local control plane. Why not nektos/act: see workflows/README.md.
 *
 * The "gateway" is a real HTTPS server on loopback that serves the certificate from the TLS secret the
 * workflow wrote (read from the cluster at each handshake, as Istio's SDS would) and enforces a token only
 * when the cluster holds the AuthorizationPolicy that jwt-policy applied (403 `RBAC: access denied`).
 */
import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { before, describe, test } from "node:test";
import { createSecureContext } from "node:tls";
import type { KubeApi, KubeObject } from "@mesh-secure/action-runtime";
import yaml from "js-yaml";
import { clusterApi, clusterKubeconfig, freshNamespace } from "./cluster.ts";
import { type BundleResult, runBundle } from "./run-bundle.ts";
import { type Context, substitute } from "./workflow-expressions.ts";
import { ownRef, reusableWorkflows, type Step, type WorkflowInput } from "./workflows.ts";

const devFile = reusableWorkflows().find((file) => file.path.endsWith("secure-mesh-dev.yml"))!;
const devJob = devFile.workflow.jobs["secure-mesh"]!;

/** Runs the dev workflow's job for one cluster through the bundles; stops at the first failing step, as GitHub does. */
async function runDevWorkflow(
  inputs: Record<string, unknown>,
  secrets: Record<string, string>,
): Promise<{ context: Context; results: Map<string, BundleResult>; failed?: string }> {
  const declared = devFile.workflow.on.workflow_call!.inputs as Record<string, WorkflowInput>;
  for (const name of Object.keys(inputs))
    assert.ok(name in declared, `the dev workflow declares input ${name}`);
  const withDefaults: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(declared))
    withDefaults[name] = inputs[name] ?? spec.default ?? "";
  const clusters = JSON.parse(String(withDefaults.clusters)) as string[];
  const context: Context = { inputs: withDefaults, secrets, matrix: { cluster: clusters[0]! }, steps: {} };
  const results = new Map<string, BundleResult>();
  for (const step of devJob.steps as Step[]) {
    const target = ownRef(step.uses ?? "");
    assert.ok(target, `step ${step.name} uses one of our actions`);
    const action = target.path.replace(/^actions\//, "");
    const stepInputs: Record<string, string> = {};
    for (const [name, value] of Object.entries(step.with ?? {}))
      stepInputs[name] = substitute(value, context);
    const result = await runBundle(action, stepInputs, { timeoutMs: 300_000 });
    const id = step.id ?? action;
    results.set(id, result);
    context.steps[id] = {
      outputs: Object.fromEntries(result.outputs),
      outcome: result.code === 0 ? "success" : "failure",
    };
    if (result.code !== 0) return { context, results, failed: id };
  }
  return { context, results };
}

/** A gateway stand-in that serves what the cluster holds: the TLS secret's certificate and the JWT enforcement. */
function startEdge(api: KubeApi, secret: { namespace: string; name: string }, protectedNamespace: string) {
  const server: Server = createServer(
    {
      SNICallback: (_servername, done) => {
        api
          .get({ apiVersion: "v1", kind: "Secret", namespace: secret.namespace, name: secret.name })
          .then((object) => {
            const data = (object as (KubeObject & { data?: Record<string, string> }) | undefined)?.data;
            if (!data?.["tls.crt"]) throw new Error("the gateway secret does not exist yet");
            done(
              null,
              createSecureContext({
                cert: Buffer.from(data["tls.crt"], "base64"),
                key: Buffer.from(data["tls.key"]!, "base64"),
                minVersion: "TLSv1.2",
              }),
            );
          })
          .catch((error: Error) => done(error));
      },
    },
    (request, response) => {
      api
        .list("security.istio.io/v1", "AuthorizationPolicy", { namespace: protectedNamespace })
        .then((policies) => {
          const enforced = policies.length > 0;
          if (enforced && !request.headers.authorization) {
            response.writeHead(403, { "content-type": "text/plain" }).end("RBAC: access denied");
          } else {
            response.writeHead(200, { "content-type": "application/json" }).end('{"productId":2}');
          }
        })
        .catch((error: Error) => response.writeHead(500).end(error.message));
    },
  );
  return new Promise<{ server: Server; port: number }>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as AddressInfo).port })),
  );
}

describe("secure-mesh-dev.yml driven through the bundles against the control plane", () => {
  let api: KubeApi;
  let kubeconfig: string;
  before(() => {
    api = clusterApi();
    kubeconfig = clusterKubeconfig();
  });

  async function scenario(requireToken: boolean) {
    const gatewayNamespace = await freshNamespace(api, "dev-wf-gw");
    const namespace = await freshNamespace(api, "dev-wf-app", { "istio-injection": "enabled" });
    const edge = await startEdge(
      api,
      { namespace: gatewayNamespace, name: "istio-ingressgateway-certs" },
      namespace,
    );
    try {
      const run = await runDevWorkflow(
        {
          hosts: "minikube.me",
          "gateway-namespace": gatewayNamespace,
          namespace,
          targets: "product-composite",
          issuer: "http://auth-server.local",
          "jwks-uri": "http://auth-server.hands-on.svc.cluster.local/.well-known/jwks.json",
          "require-token": requireToken,
          "jwt-api": "security.istio.io/v1",
          "verify-urls": `https://minikube.me:${edge.port}/product-composite/2`,
          resolve: `minikube.me:${edge.port}:127.0.0.1`,
          checks: "tls,expiry,auth",
          "expect-unauthenticated-status": "403",
          "wait-timeout": 5,
        },
        { KUBECONFIG: kubeconfig },
      );
      return { run, gatewayNamespace, namespace };
    } finally {
      await new Promise((resolve) => edge.server.close(resolve));
    }
  }

  test("the chain secures a fresh dev cluster: self-signed secret, JWT policy, PERMISSIVE mTLS, verified from outside", async () => {
    const { run, gatewayNamespace, namespace } = await scenario(true);
    const detail = [...run.results]
      .map(([id, result]) => `--- ${id} (${result.code})\n${result.stdout}`)
      .join("\n");
    assert.equal(run.failed, undefined, detail);
    assert.deepEqual([...run.results.keys()], ["tls", "jwt", "mtls", "verify"]);

    const tls = run.context.steps.tls!.outputs;
    assert.equal(tls.secret, `${gatewayNamespace}/istio-ingressgateway-certs`);
    const secret = (await api.get({
      apiVersion: "v1",
      kind: "Secret",
      namespace: gatewayNamespace,
      name: "istio-ingressgateway-certs",
    })) as KubeObject & { data: Record<string, string> };
    const certificate = new X509Certificate(Buffer.from(secret.data["tls.crt"]!, "base64"));
    assert.equal(certificate.subject, certificate.issuer, "self-signed: Owner = Issuer");
    assert.match(certificate.subject, /CN=minikube\.me/);

    const objects = JSON.stringify(run.context.steps.jwt!.outputs.objects);
    assert.match(objects, /RequestAuthentication/);
    assert.match(objects, /AuthorizationPolicy/);
    assert.equal(run.context.steps.mtls!.outputs["effective-mode"], "PERMISSIVE");
    const peer = await api.list("security.istio.io/v1", "PeerAuthentication", { namespace });
    assert.equal((peer[0] as KubeObject & { spec: { mtls: { mode: string } } }).spec.mtls.mode, "PERMISSIVE");

    const verify = run.context.steps.verify!.outputs;
    assert.equal(verify.passed, "true");
    assert.ok(
      Number(verify["min-days-remaining"]) >= 360,
      `min-days-remaining ${verify["min-days-remaining"]}`,
    );
    const report = JSON.stringify(yaml.load(verify.report ?? "null"));
    assert.match(report, /RBAC: access denied|403/);
  });

  test("the chain fails at verify when the edge lets a request without a token through", async () => {
    const { run } = await scenario(false);
    assert.equal(run.failed, "verify", "tls, jwt and mtls succeed; verify catches the open edge");
    assert.equal(run.context.steps.verify!.outcome, "failure");
    const annotation = run.results
      .get("verify")!
      .stdout.split("\n")
      .filter((line) => line.startsWith("::error"));
    assert.ok(annotation.length > 0, run.results.get("verify")!.stdout);
  });

  test("the driver evaluates the workflow's expressions as GitHub would", () => {
    const context: Context = {
      inputs: { namespace: "hands-on", "mtls-namespaces": "" },
      secrets: { TLS_CERT: "" },
      matrix: { cluster: "dev" },
      steps: {},
    };
    assert.equal(substitute("${{ inputs.mtls-namespaces || inputs.namespace }}", context), "hands-on");
    assert.equal(substitute("${{ secrets.TLS_CERT == '' }}", context), "true");
    assert.equal(substitute("${{ secrets.KUBECONFIG }}", context), "");
    assert.throws(() => substitute("${{ github.event.issue.title }}", context), /not supported/);
    assert.equal(substitute("${{ 45 > 30 && 45 || 30 }}", context), "45");
  });

  test("verify expects the answer of the API jwt-policy chose unless the caller says otherwise", () => {
    const verifyStep = (devJob.steps as Step[]).find((step) => step.id === "verify")!;
    const expectation = (apiVersion: string, inputs: Record<string, unknown>) => {
      const context: Context = {
        inputs: {
          "require-token": true,
          "expect-unauthenticated-status": "",
          "expect-unauthenticated-body": "",
          ...inputs,
        },
        secrets: {},
        matrix: {},
        steps: { jwt: { outputs: { "api-version": apiVersion }, outcome: "success" } },
      };
      const given = verifyStep.with as Record<string, unknown>;
      return [
        substitute(given["expect-unauthenticated-status"], context),
        substitute(given["expect-unauthenticated-body"], context),
      ];
    };
    assert.deepEqual(expectation("security.istio.io/v1", {}), ["403", "RBAC: access denied"]);
    assert.deepEqual(expectation("authentication.istio.io/v1alpha1", {}), [
      "401",
      "Origin authentication failed.",
    ]);
    assert.deepEqual(expectation("security.istio.io/v1", { "require-token": false }), ["401", ""]);
    assert.deepEqual(
      expectation("security.istio.io/v1", { "expect-unauthenticated-status": "418" })[0],
      "418",
    );
  });
});
