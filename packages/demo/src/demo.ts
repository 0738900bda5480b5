/**
 * `pnpm demo`: the whole secured mesh on this machine, in the dev workflow's order, with the bundled actions.
 *
 * 1. a real control plane (kube-apiserver + etcd, Istio's CRDs), a real OIDC server (issuer
 *    http://auth-server.local, client `writer`) and the local edge for minikube.me (a test fixture);
 * 2. the four bundles, run as GitHub runs them: tls-secret (self-signed) -> jwt-policy -> mtls -> verify;
 * 3. the reference experiment: delete the policy -> the service's own 401 with an empty body ->
 *    re-apply -> the gateway's answer again, each observed by verify;
 * 4. cleanup, also on Ctrl-C: no process and no state left behind.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  KubeApi,
  type KubeObject,
  loadKubeconfig,
  parseMarkdown,
  renderText,
} from "@mesh-secure/action-runtime";
import { type ControlPlane, startControlPlane } from "@mesh-secure/control-plane";
import { type OidcServer, startOidcServer } from "@mesh-secure/fixtures";
import { type BundleResult, runBundle } from "@mesh-secure/step-runner";
import { LocalEdge } from "./local-edge.ts";

export type Generation = "legacy" | "modern";

export const REFERENCE = {
  host: "minikube.me",
  gatewayNamespace: "istio-system",
  namespace: "hands-on",
  workload: "product-composite",
  issuer: "http://auth-server.local",
  jwksUri: "http://auth-server.hands-on.svc.cluster.local/.well-known/jwks.json",
  clientId: "writer",
  clientSecret: "secret",
} as const;

export interface StepRecord {
  name: string;
  action: string;
  result: BundleResult;
  seconds: number;
}

export interface DemoOptions {
  generation: Generation;
  /** Where progress lines go. */
  log: (line: string) => void;
  color: boolean;
  /** An existing cluster instead of starting one (tests pass the run's control plane). */
  kubeconfigPath?: string;
  /** Aborts the run (Ctrl-C). */
  signal?: AbortSignal;
}

export interface DemoResult {
  passed: boolean;
  steps: StepRecord[];
  seconds: number;
}

const paint = (color: boolean, code: number, text: string) =>
  color ? `\u001b[${code}m${text}\u001b[0m` : text;

/** Objects a real cluster would already hold: the namespaces, the workload with its sidecar, the Gateway. */
export function referenceFixtures(generation: Generation): KubeObject[] {
  const { namespace, workload, gatewayNamespace, host } = REFERENCE;
  return [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: gatewayNamespace } },
    {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: namespace, labels: { "istio-injection": "enabled" } },
    },
    {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: `${workload}-7d9f8b6c5-x2x4q`, namespace, labels: { app: workload } },
      spec: {
        containers: [
          { name: workload, image: "hands-on/product-composite-service" },
          { name: "istio-proxy", image: "docker.io/istio/proxyv2" },
        ],
      },
    },
    {
      apiVersion: generation === "legacy" ? "networking.istio.io/v1alpha3" : "networking.istio.io/v1",
      kind: "Gateway",
      metadata: { name: "hands-on-gw", namespace: gatewayNamespace },
      spec: {
        selector: { istio: "ingressgateway" },
        servers: [
          {
            port: { number: 443, name: "https", protocol: "HTTPS" },
            hosts: [host],
            // The file-mount layout of Istio <= 1.5; the modern run lets tls-secret switch it to credentialName.
            tls: {
              mode: "SIMPLE",
              serverCertificate: "/etc/istio/ingressgateway-certs/tls.crt",
              privateKey: "/etc/istio/ingressgateway-certs/tls.key",
            },
          },
        ],
      },
    },
  ];
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const { generation, log, color } = options;
  const started = Date.now();
  const cleanups: (() => Promise<void> | void)[] = [];
  const steps: StepRecord[] = [];
  const legacy = generation === "legacy";
  const work = mkdtempSync(join(tmpdir(), "mesh-secure-demo-"));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  const say = (line: string) => log(line);
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  try {
    say(
      paint(
        color,
        1,
        `mesh-secure demo: Istio ${legacy ? "<= 1.5 (legacy Policy, file-mount certificate)" : ">= 1.22 (RequestAuthentication + AuthorizationPolicy, SDS)"}`,
      ),
    );

    say(paint(color, 90, `  state: ${work} (removed at the end, also on Ctrl-C)`));
    let kubeconfigPath = options.kubeconfigPath;
    if (!kubeconfigPath) {
      say("▸ starting the control plane (kube-apiserver + etcd, Istio's CRDs)…");
      const plane: ControlPlane = await startControlPlane({
        stateDir: join(work, "control-plane"),
        crds: { istio: true, legacy: true },
        onProgress: (line) => say(paint(color, 90, `    ${line}`)),
      });
      cleanups.push(() => plane.stop());
      kubeconfigPath = plane.kubeconfigPath;
      say(`  control plane ready at ${plane.server} (${elapsed()})`);
    }
    options.signal?.throwIfAborted();
    const loaded = loadKubeconfig({ path: kubeconfigPath, mask: () => {} });
    const api = new KubeApi(loaded.kc);
    cleanups.push(() => api.close());

    for (const object of referenceFixtures(generation)) {
      await api.apply(object, { fieldManager: "mesh-secure-demo" });
    }
    say(
      `▸ cluster holds namespaces ${REFERENCE.gatewayNamespace} and ${REFERENCE.namespace}, pod ${REFERENCE.workload} (with istio-proxy), Gateway hands-on-gw`,
    );

    say("▸ starting the OIDC server (oidc-provider; issuer http://auth-server.local, client writer)…");
    const oidc: OidcServer = await startOidcServer({ issuer: REFERENCE.issuer });
    cleanups.push(() => oidc.close());
    say(`  OIDC server at ${oidc.url} (as auth-server.hands-on.svc.cluster.local inside the mesh)`);

    const edge = new LocalEdge({
      api,
      host: REFERENCE.host,
      gatewayNamespace: REFERENCE.gatewayNamespace,
      rootNamespace: "istio-system",
      workload: {
        namespace: REFERENCE.namespace,
        name: REFERENCE.workload,
        labels: { app: REFERENCE.workload },
      },
      serviceIssuers: [{ issuer: oidc.issuer, jwks: oidc.jwks }],
      // The cluster's DNS, in miniature: in-mesh names of the auth server reach the local one.
      resolveUrl: (url) =>
        url.replace(/^https?:\/\/auth-server(\.hands-on\.svc\.cluster\.local|\.local)(:\d+)?/, oidc.url),
      onChange: (description) => say(paint(color, 36, `  edge: ${description}`)),
    });
    await edge.start();
    cleanups.push(() => edge.stop());
    say(
      `▸ local edge (test fixture) for ${REFERENCE.host}: gateway https://127.0.0.1:${edge.gatewayPort}, in-mesh port ${edge.meshPort}`,
    );

    const kubeconfig = (await import("node:fs")).readFileSync(kubeconfigPath, "utf8");
    const url = `https://${REFERENCE.host}:${edge.gatewayPort}/${REFERENCE.workload}/2`;
    const resolve = `${REFERENCE.host}:${edge.gatewayPort}:127.0.0.1`;
    const secretName = legacy ? "istio-ingressgateway-certs" : "minikube-me-tls";
    const unauthenticated = legacy
      ? {
          "expect-unauthenticated-status": "401",
          "expect-unauthenticated-body": "Origin authentication failed.",
        }
      : { "expect-unauthenticated-status": "403", "expect-unauthenticated-body": "RBAC: access denied" };
    const api_ = legacy ? "authentication.istio.io/v1alpha1" : "auto";
    const verifyInputs = {
      urls: url,
      resolve,
      "allow-self-signed": "true",
      "expect-subject": `CN=${REFERENCE.host}, O=${REFERENCE.host}`,
      "expect-issuer": `CN=${REFERENCE.host}, O=${REFERENCE.host}`,
      "token-url": oidc.tokenUrl,
      "client-id": REFERENCE.clientId,
      "client-secret": REFERENCE.clientSecret,
      "jwks-uri": oidc.jwksUri,
      "mtls-urls": `http://127.0.0.1:${edge.meshPort}/${REFERENCE.workload}/2`,
      "expect-mtls": legacy ? "permissive" : "strict",
      "wait-timeout": "30",
      interval: "0.5",
    };
    const jwtInputs = {
      kubeconfig,
      namespace: REFERENCE.namespace,
      targets: REFERENCE.workload,
      issuer: REFERENCE.issuer,
      "jwks-uri": REFERENCE.jwksUri,
      api: api_,
    };

    const plan: { name: string; action: string; inputs: Record<string, string> }[] = [
      {
        name: "tls-secret: self-signed certificate for minikube.me",
        action: "tls-secret",
        inputs: {
          kubeconfig,
          namespace: REFERENCE.gatewayNamespace,
          "secret-name": secretName,
          "self-signed": "true",
          hosts: REFERENCE.host,
          ...(legacy ? {} : { gateway: `${REFERENCE.gatewayNamespace}/hands-on-gw` }),
        },
      },
      {
        name: "jwt-policy: require tokens from http://auth-server.local",
        action: "jwt-policy",
        inputs: jwtInputs,
      },
      {
        name: `mtls: ${legacy ? "PERMISSIVE" : "STRICT"} in ${REFERENCE.namespace}`,
        action: "mtls",
        inputs: {
          kubeconfig,
          namespace: REFERENCE.namespace,
          mode: legacy ? "PERMISSIVE" : "STRICT",
          api: api_,
        },
      },
      { name: "verify: certificate, tokens, forged tokens, mTLS", action: "verify", inputs: verifyInputs },
      {
        name: "experiment 1/3: delete the policy",
        action: "jwt-policy",
        inputs: { ...jwtInputs, state: "absent" },
      },
      {
        name: "experiment 2/3: verify sees the service's own 401 with an empty body",
        action: "verify",
        inputs: {
          ...verifyInputs,
          "expect-unauthenticated-status": "401",
          "expect-unauthenticated-body": "",
          "expect-unauthenticated-empty-body": "true",
          "attack-suite": "false",
          checks: "tls,expiry,auth",
        },
      },
      { name: "experiment 3/3: re-apply the policy", action: "jwt-policy", inputs: jwtInputs },
      {
        name: "verify: the gateway's answer is back",
        action: "verify",
        inputs: { ...verifyInputs, ...unauthenticated },
      },
    ];
    // The first verify expects the gateway's answer too.
    Object.assign(plan[3]!.inputs, unauthenticated);

    let passed = true;
    for (const [index, step] of plan.entries()) {
      options.signal?.throwIfAborted();
      say("");
      say(paint(color, 1, `[${index + 1}/${plan.length}] ${step.name}`));
      const inputs = Object.fromEntries(Object.entries(step.inputs).filter(([, value]) => value !== ""));
      const stepStarted = Date.now();
      const result = await runBundle(step.action, inputs, { env: { KUBECONFIG: undefined } });
      const seconds = (Date.now() - stepStarted) / 1000;
      steps.push({ name: step.name, action: step.action, result, seconds });
      const summary =
        result.summary.trim() === "" ? "(no job summary)" : renderText(parseMarkdown(result.summary));
      say(summary.replace(/^\n/, ""));
      const ok = result.code === 0;
      say(
        `${ok ? paint(color, 32, "✔ passed") : paint(color, 31, "✖ failed")} in ${seconds.toFixed(1)} s${
          ok
            ? ""
            : `\n${result.stdout
                .split("\n")
                .filter((line) => line.startsWith("::error"))
                .join("\n")}`
        }`,
      );
      if (!ok) {
        passed = false;
        break;
      }
    }
    say("");
    say(
      passed
        ? paint(color, 32, `All ${plan.length} steps passed in ${elapsed()}.`)
        : paint(color, 31, `The demo failed after ${elapsed()}.`),
    );
    return { passed, steps, seconds: (Date.now() - started) / 1000 };
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch {
        // best effort: keep cleaning the rest
      }
    }
  }
}
