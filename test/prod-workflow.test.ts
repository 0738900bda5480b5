/**
 * The prod workflow, on this host, without GitHub: the steps of .github/workflows/secure-mesh-prod.yml are read
 * from the file and run in its order as GitHub's runner would run them. Each step's `if:` is evaluated (default
 * `success()`; `failure()` once a step failed), `with:` and `env:` expressions with this test's inputs, secrets and
 * the earlier steps' outputs and outcomes, and the inputs an action declares with a default are filled in as the
 * runner does. `uses:` steps run the committed bundle of the action they name (test/run-bundle.ts), `run:` steps
 * run in bash with their `env:`; the job's outputs are evaluated at the end. Everything talks to the local
 * control plane. Why not nektos/act: see workflows/README.md.
 *
 * The "gateway" is a real HTTPS server on loopback that serves the certificate from the TLS secret the workflow
 * wrote (read from the cluster at each handshake, as Istio's SDS would). It refuses a request without a token
 * with 403 `RBAC: access denied` while the cluster holds an AuthorizationPolicy, or, in the broken case, lets
 * every request through, so that verify fails and the workflow must roll mTLS and the JWT policy back.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { createSecureContext } from "node:tls";
import { comparable, type KubeApi, type KubeObject } from "@mesh-secure/action-runtime";
import { createCertificate, createCertificateAuthority, type IssuedCertificate } from "@mesh-secure/fixtures";
import { readAction } from "./actions.ts";
import { clusterApi, clusterKubeconfig, createObjects, freshNamespace } from "./cluster.ts";
import { type BundleResult, parseOutputFile, runBundle } from "./run-bundle.ts";
import { type Context, type StepState, shouldRun, substitute } from "./workflow-expressions.ts";
import { ownRef, reusableWorkflows, type Step, type WorkflowInput } from "./workflows.ts";

// ---------------------------------------------------------------------------------------------------------
// The job runner.

const prodFile = reusableWorkflows().find((file) => file.path.endsWith("secure-mesh-prod.yml"))!;
const prodJob = prodFile.workflow.jobs["secure-mesh"]!;

interface StepRun {
  id: string;
  outcome: StepState["outcome"];
  result?: BundleResult;
  /** stdout of a run: step. */
  stdout?: string;
}

interface JobRun {
  context: Context;
  steps: StepRun[];
  conclusion: "success" | "failure";
  outputs: Record<string, string>;
}

/** Runs a `run:` step as the runner does for `shell: bash` on Linux. */
async function runScript(
  script: string,
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; outputs: Map<string, string> }> {
  const work = mkdtempSync(join(tmpdir(), "prod-wf-run-"));
  const outputFile = join(work, "output");
  writeFileSync(outputFile, "");
  writeFileSync(join(work, "script.sh"), script);
  const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", join(work, "script.sh")], {
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      RUNNER_TEMP: work,
      GITHUB_OUTPUT: outputFile,
      GITHUB_ACTIONS: "true",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const code: number = await new Promise((resolve) => child.on("close", (status) => resolve(status ?? 1)));
  const outputs = parseOutputFile(readFileSync(outputFile, "utf8"));
  rmSync(work, { recursive: true, force: true });
  return { code, stdout, outputs };
}

/** Runs the prod workflow's job for the first cluster of `clusters`, every step in order, as GitHub does. */
async function runProdWorkflow(
  inputs: Record<string, unknown>,
  secrets: Record<string, string>,
): Promise<JobRun> {
  const declared = prodFile.workflow.on.workflow_call!.inputs as Record<string, WorkflowInput>;
  for (const name of Object.keys(inputs))
    assert.ok(name in declared, `the prod workflow declares input ${name}`);
  const declaredSecrets = prodFile.workflow.on.workflow_call!.secrets ?? {};
  for (const name of Object.keys(secrets))
    assert.ok(name in declaredSecrets, `the prod workflow declares secret ${name}`);
  const withDefaults: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(declared))
    withDefaults[name] = inputs[name] ?? spec.default ?? "";
  const clusters = JSON.parse(String(withDefaults.clusters)) as string[];
  const context: Context = {
    inputs: withDefaults,
    secrets,
    matrix: { cluster: clusters[0]! },
    steps: {},
    jobFailed: false,
  };
  const steps: StepRun[] = [];
  for (const [index, step] of (prodJob.steps as Step[]).entries()) {
    const target = ownRef(step.uses ?? "");
    const id = step.id ?? (target ? target.path : `step-${index}`);
    if (!shouldRun(step.if, context)) {
      context.steps[id] = { outputs: {}, outcome: "skipped" };
      steps.push({ id, outcome: "skipped" });
      continue;
    }
    let outcome: StepState["outcome"];
    if (step.run !== undefined) {
      assert.equal(step.uses, undefined);
      const env: Record<string, string> = {};
      for (const [name, value] of Object.entries(step.env ?? {})) env[name] = substitute(value, context);
      const script = await runScript(step.run, env);
      outcome = script.code === 0 ? "success" : "failure";
      context.steps[id] = { outputs: Object.fromEntries(script.outputs), outcome };
      steps.push({ id, outcome, stdout: script.stdout });
    } else {
      assert.ok(target, `step ${step.name} uses one of our actions`);
      const action = target.path.replace(/^actions\//, "");
      // The runner passes every input the action declares with a default, then the step's `with:`.
      const stepInputs: Record<string, string> = {};
      for (const [name, spec] of Object.entries(readAction(action).inputs ?? {})) {
        if (spec.default !== undefined) stepInputs[name] = String(spec.default);
      }
      for (const [name, value] of Object.entries(step.with ?? {}))
        stepInputs[name] = substitute(value, context);
      const result = await runBundle(action, stepInputs, { timeoutMs: 300_000 });
      outcome = result.code === 0 ? "success" : "failure";
      context.steps[id] = { outputs: Object.fromEntries(result.outputs), outcome };
      steps.push({ id, outcome, result });
    }
    if (outcome === "failure") context.jobFailed = true;
  }
  const outputs: Record<string, string> = {};
  for (const [name, expression] of Object.entries(prodJob.outputs ?? {})) {
    outputs[name] = substitute(expression, context);
  }
  return { context, steps, conclusion: context.jobFailed ? "failure" : "success", outputs };
}

function describeRun(run: JobRun): string {
  return run.steps
    .map((step) => `--- ${step.id}: ${step.outcome}\n${step.result?.stdout ?? step.stdout ?? ""}`)
    .join("\n");
}

// ---------------------------------------------------------------------------------------------------------
// The edge: a gateway stand-in that serves what the cluster holds.

async function startEdge(
  api: KubeApi,
  secret: { namespace: string; name: string },
  protectedNamespace: string,
  enforce: boolean,
): Promise<{ server: Server; port: number }> {
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
          if (enforce && policies.length > 0 && !request.headers.authorization) {
            response.writeHead(403, { "content-type": "text/plain" }).end("RBAC: access denied");
          } else {
            response.writeHead(200, { "content-type": "application/json" }).end('{"productId":2}');
          }
        })
        .catch((error: Error) => response.writeHead(500).end(error.message));
    },
  );
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as AddressInfo).port })),
  );
}

// ---------------------------------------------------------------------------------------------------------

const OLD_ISSUER = "https://old-login.example.com/";
const NEW_ISSUER = "https://login.example.com/";
const jwksOf = (issuer: string) => `${issuer}.well-known/jwks.json`;
const PA = { apiVersion: "security.istio.io/v1", kind: "PeerAuthentication" };
const JWT_KINDS = ["RequestAuthentication", "AuthorizationPolicy"];

describe("secure-mesh-prod.yml driven through the bundles against the control plane", () => {
  let api: KubeApi;
  let kubeconfig: string;
  let ca: IssuedCertificate;
  let leaf: IssuedCertificate;
  before(async () => {
    api = clusterApi();
    kubeconfig = clusterKubeconfig();
    ca = await createCertificateAuthority("CN=Example Issuing CA, O=Example");
    leaf = await createCertificate({ subject: "CN=minikube.me, O=Example", issuer: ca, days: 90 });
  });
  after(() => api.close());

  /** Every object the workflow's mtls and jwt-policy steps manage here, as their owner decides it, plus its uid. */
  async function managedState(namespaces: string[]): Promise<Record<string, unknown>> {
    const state: Record<string, unknown> = {};
    for (const namespace of namespaces) {
      const objects = [
        ...(await api.list(PA.apiVersion, PA.kind, { namespace })),
        ...(
          await Promise.all(JWT_KINDS.map((kind) => api.list("security.istio.io/v1", kind, { namespace })))
        ).flat(),
        ...(await api.list("authentication.istio.io/v1alpha1", "Policy", { namespace })),
      ];
      for (const object of objects) {
        state[`${object.kind} ${namespace}/${object.metadata.name}`] = {
          object: comparable(object),
          uid: object.metadata.uid,
        };
      }
    }
    return state;
  }

  /**
   * A cluster as production holds it before the run: the app namespace has a hand-made PERMISSIVE
   * PeerAuthentication (with another team's label and annotation) and the JWT policy of an earlier run trusting
   * the old issuer; a second mTLS namespace has no policy yet.
   */
  async function scenario(options: { enforce: boolean; podWithoutSidecar?: boolean }) {
    const gatewayNamespace = await freshNamespace(api, "prod-wf-gw");
    const namespace = await freshNamespace(api, "prod-wf-app", { "istio-injection": "enabled" });
    const extra = await freshNamespace(api, "prod-wf-extra", { "istio-injection": "enabled" });
    await createObjects(api, [
      {
        ...PA,
        metadata: {
          name: "default",
          namespace,
          labels: { team: "shop" },
          annotations: { "owner.example.com/contact": "shop@example.com" },
        },
        spec: { mtls: { mode: "PERMISSIVE" } },
      },
    ]);
    const earlier = await runBundle("jwt-policy", {
      kubeconfig,
      namespace,
      targets: "product-composite",
      issuer: OLD_ISSUER,
      "jwks-uri": jwksOf(OLD_ISSUER),
      api: "security.istio.io/v1",
    });
    assert.equal(earlier.code, 0, earlier.stdout);
    if (options.podWithoutSidecar) {
      await createObjects(api, [
        {
          apiVersion: "v1",
          kind: "Pod",
          metadata: { name: "legacy-batch", namespace: extra, labels: { app: "legacy-batch" } },
          spec: { containers: [{ name: "app", image: "example/batch:1" }] },
        },
      ]);
    }
    const before = await managedState([namespace, extra]);
    const edge = await startEdge(
      api,
      { namespace: gatewayNamespace, name: "istio-ingressgateway-certs" },
      namespace,
      options.enforce,
    );
    try {
      const run = await runProdWorkflow(
        {
          hosts: "minikube.me",
          "gateway-namespace": gatewayNamespace,
          namespace,
          targets: "product-composite",
          issuer: NEW_ISSUER,
          "jwks-uri": jwksOf(NEW_ISSUER),
          "jwt-api": "security.istio.io/v1",
          "mtls-namespaces": `${namespace}\n${extra}`,
          "verify-urls": `https://minikube.me:${edge.port}/product-composite/2`,
          resolve: `minikube.me:${edge.port}:127.0.0.1`,
          "ca-cert": ca.cert,
          "expect-issuer": "CN=Example Issuing CA, O=Example",
          checks: "tls,expiry,auth",
          "expect-unauthenticated-status": "403",
          "expect-unauthenticated-body": "RBAC: access denied",
          "wait-timeout": 0,
        },
        { KUBECONFIG: kubeconfig, TLS_CERT: leaf.chain || leaf.cert, TLS_KEY: leaf.key },
      );
      return { run, before, namespace, extra, after: await managedState([namespace, extra]) };
    } finally {
      await new Promise((resolve) => edge.server.close(resolve));
    }
  }

  const ids = (run: JobRun, outcome: StepState["outcome"]) =>
    run.steps.filter((step) => step.outcome === outcome).map((step) => step.id);

  test("a healthy edge: the certificate, the JWT policy and STRICT mTLS are applied, verified, and nothing is rolled back", async () => {
    const { run, before, after, namespace, extra } = await scenario({ enforce: true });
    assert.equal(run.conclusion, "success", describeRun(run));
    assert.deepEqual(ids(run, "skipped"), ["rollback-mtls", "rollback-jwt"]);
    assert.equal(run.outputs["verify-passed"], "true");
    assert.equal(run.outputs["rolled-back"], "false");
    assert.equal(run.outputs.secret?.endsWith("/istio-ingressgateway-certs"), true);

    for (const ns of [namespace, extra]) {
      const pa = (await api.get({ ...PA, namespace: ns, name: "default" })) as KubeObject & {
        spec: { mtls: { mode: string } };
      };
      assert.equal(pa.spec.mtls.mode, "STRICT", ns);
    }
    const ra = (await api.get({
      apiVersion: "security.istio.io/v1",
      kind: "RequestAuthentication",
      namespace,
      name: "jwt-authentication-policy",
    })) as KubeObject & { spec: { jwtRules: { issuer: string }[] } };
    assert.deepEqual(
      ra.spec.jwtRules.map((rule) => rule.issuer),
      [NEW_ISSUER],
    );
    assert.notDeepEqual(after, before);
  });

  test("when verify fails, mTLS and the JWT policy are rolled back to exactly their state before the run, and the run fails", async () => {
    const { run, before, after, extra } = await scenario({ enforce: false });
    assert.equal(run.conclusion, "failure", describeRun(run));
    assert.deepEqual(
      run.steps.map((step) => [step.id, step.outcome]),
      [
        ["step-0", "success"],
        ["tls", "success"],
        ["jwt", "success"],
        ["mtls", "success"],
        ["verify", "failure"],
        ["rollback-mtls", "success"],
        ["rollback-jwt", "success"],
      ],
      describeRun(run),
    );
    assert.equal(run.outputs["verify-passed"], "false");
    assert.equal(run.outputs["rolled-back"], "true");
    // The rollbacks really had something to undo: the run had changed both.
    assert.equal(run.context.steps.jwt!.outputs.changed, "true");
    assert.equal(run.context.steps.mtls!.outputs.changed, "true");
    assert.equal(run.context.steps["rollback-mtls"]!.outputs.changed, "true");
    assert.equal(run.context.steps["rollback-jwt"]!.outputs.changed, "true");

    assert.deepEqual(
      after,
      before,
      "every managed object is as it was, the same objects (uids), nothing added",
    );
    assert.equal(await api.get({ ...PA, namespace: extra, name: "default" }), undefined);
  });

  test("when the mTLS pre-flight refuses, only the JWT policy is rolled back (mTLS wrote nothing), and the run fails", async () => {
    const { run, before, after } = await scenario({ enforce: true, podWithoutSidecar: true });
    assert.equal(run.conclusion, "failure", describeRun(run));
    assert.deepEqual(
      run.steps.map((step) => [step.id, step.outcome]),
      [
        ["step-0", "success"],
        ["tls", "success"],
        ["jwt", "success"],
        ["mtls", "failure"],
        ["verify", "skipped"],
        ["rollback-mtls", "skipped"],
        ["rollback-jwt", "success"],
      ],
      describeRun(run),
    );
    assert.match(run.steps.find((step) => step.id === "mtls")!.result!.stdout, /legacy-batch/);
    assert.equal(run.outputs["rolled-back"], "true");
    assert.deepEqual(after, before);
  });

  test("without the certificate secrets the first step fails naming them, and nothing is applied or rolled back", async () => {
    const run = await runProdWorkflow(
      {
        hosts: "minikube.me",
        namespace: "prod-wf-never",
        targets: "product-composite",
        issuer: NEW_ISSUER,
        "jwks-uri": jwksOf(NEW_ISSUER),
        "verify-urls": "https://minikube.me/product-composite/2",
      },
      { KUBECONFIG: kubeconfig },
    );
    assert.equal(run.conclusion, "failure");
    assert.deepEqual(ids(run, "failure"), ["step-0"]);
    assert.deepEqual(ids(run, "success"), []);
    assert.match(
      run.steps[0]!.stdout!,
      /::error title=secure-mesh-prod: missing secrets::Secrets TLS_CERT TLS_KEY are empty/,
    );
    assert.equal(run.outputs["rolled-back"], "false");
  });

  test("the driver evaluates if: conditions and expressions as GitHub would", () => {
    const context: Context = {
      inputs: { namespace: "hands-on", "mtls-namespaces": "" },
      secrets: { TLS_CERT: "" },
      matrix: { cluster: "prod" },
      steps: {
        jwt: { outputs: { changed: "true" }, outcome: "success" },
        mtls: { outputs: {}, outcome: "skipped" },
      },
      jobFailed: false,
    };
    assert.equal(substitute("${{ inputs.mtls-namespaces || inputs.namespace }}", context), "hands-on");
    assert.equal(shouldRun(undefined, context), true);
    assert.equal(shouldRun("failure() && steps.jwt.outcome == 'success'", context), false);
    assert.equal(shouldRun("steps.jwt.outputs.changed == 'true'", context), true);
    context.jobFailed = true;
    assert.equal(
      shouldRun(undefined, context),
      false,
      "after a failure, a step without a status function is skipped",
    );
    assert.equal(shouldRun("steps.jwt.outputs.changed == 'true'", context), false);
    assert.equal(shouldRun("failure() && steps.jwt.outcome == 'success'", context), true);
    assert.equal(shouldRun("failure() && steps.mtls.outcome == 'success'", context), false);
    assert.equal(shouldRun("always()", context), true);
    assert.equal(
      substitute("${{ steps.rollback-jwt.outcome == 'success' || steps.jwt.outcome == 'success' }}", context),
      "true",
    );
    assert.equal(substitute("${{ !(secrets.TLS_CERT == '') }}", context), "false");
    assert.throws(() => substitute("${{ github.event.issue.title }}", context), /not supported/);
  });
});
