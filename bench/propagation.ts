/**
 * Benchmark 5: from a policy change (jwt-policy, state absent -> present, via the bundle) to verify reporting
 * that the edge enforces it (verify with wait-timeout, against the demo's LocalEdge), versus the fixed
 * 60-second `sleep` pipelines use today between applying a policy and testing it.
 */

import { LocalEdge, REFERENCE, referenceFixtures } from "../packages/demo/src/index.ts";
import { createCertificate, startOidcServer } from "../packages/fixtures/src/index.ts";
import { expectSuccess, ms, runAction, sleep, spread, stats, table } from "./lib.ts";
import type { BenchContext, Section } from "./run.ts";

const FIXED_WAIT_MS = 60_000;

export async function benchPropagation(context: BenchContext): Promise<Section> {
  const { api } = context;
  const runs = Math.max(3, Math.round(context.runs / 3));
  context.log(`5. propagation: ${runs} runs of jwt-policy (absent -> present) then verify with wait-timeout`);
  for (const object of referenceFixtures("modern"))
    await api.apply(object, { fieldManager: "mesh-secure-bench" });
  // The gateway's certificate (the file-mount secret the reference Gateway uses), as tls-secret would write it.
  const certificate = await createCertificate({ subject: `CN=${REFERENCE.host}, O=${REFERENCE.host}` });
  await api.apply(
    {
      apiVersion: "v1",
      kind: "Secret",
      type: "kubernetes.io/tls",
      metadata: { name: "istio-ingressgateway-certs", namespace: REFERENCE.gatewayNamespace },
      data: {
        "tls.crt": Buffer.from(certificate.cert).toString("base64"),
        "tls.key": Buffer.from(certificate.key).toString("base64"),
      },
    },
    { fieldManager: "mesh-secure-bench" },
  );
  const oidc = await startOidcServer({ issuer: REFERENCE.issuer });
  const edge = new LocalEdge({
    api,
    host: REFERENCE.host,
    gatewayNamespace: REFERENCE.gatewayNamespace,
    rootNamespace: "istio-system",
    // Without an edge policy the reference service checks tokens itself (its own 401), as in the demo.
    serviceIssuers: [{ issuer: oidc.issuer, jwks: oidc.jwks }],
    workload: {
      namespace: REFERENCE.namespace,
      name: REFERENCE.workload,
      labels: { app: REFERENCE.workload },
    },
    resolveUrl: (url) =>
      url.replace(/^https?:\/\/auth-server(\.hands-on\.svc\.cluster\.local|\.local)(:\d+)?/, oidc.url),
  });
  await edge.start();
  try {
    const jwtInputs = {
      kubeconfig: context.kubeconfig,
      namespace: REFERENCE.namespace,
      targets: REFERENCE.workload,
      issuer: REFERENCE.issuer,
      "jwks-uri": REFERENCE.jwksUri,
    };
    const verifyInputs = {
      urls: `https://${REFERENCE.host}:${edge.gatewayPort}/${REFERENCE.workload}/2`,
      resolve: `${REFERENCE.host}:${edge.gatewayPort}:127.0.0.1`,
      "ca-cert": certificate.cert,
      "token-url": oidc.tokenUrl,
      "client-id": REFERENCE.clientId,
      "client-secret": REFERENCE.clientSecret,
      checks: "auth",
      "expect-unauthenticated-status": "403",
      "expect-unauthenticated-body": "RBAC: access denied",
      "expect-authenticated-status": "200",
      "wait-timeout": "30",
      interval: "0.5",
    };
    const totals: number[] = [];
    const applies: number[] = [];
    const verifies: number[] = [];
    const attempts: number[] = [];
    for (let index = 0; index < runs; index++) {
      expectSuccess(
        "jwt-policy (state absent)",
        await runAction("jwt-policy", { ...jwtInputs, state: "absent" }),
      );
      for (let waited = 0; !edge.describe().includes("JWT: none"); waited += 50) {
        if (waited > 10_000) throw new Error(`the edge still enforces a policy: ${edge.describe()}`);
        await sleep(50);
      }
      const apply = expectSuccess("jwt-policy (present)", await runAction("jwt-policy", jwtInputs));
      if (apply.outputs.get("changed") !== "true") throw new Error("jwt-policy did not change anything");
      const verify = expectSuccess("verify (wait-timeout)", await runAction("verify", verifyInputs));
      const report = JSON.parse(verify.outputs.get("report") ?? "{}") as { attempts?: number };
      totals.push(verify.startedAt + verify.ms - apply.startedAt);
      applies.push(apply.ms);
      verifies.push(verify.ms);
      attempts.push(report.attempts ?? Number.NaN);
    }
    const total = stats(totals);
    context.log(`propagation: ${Math.round(total.median)} ms from change to verified`);
    return {
      title: "5. Propagation: policy change to verified",
      headlines: [
        `Propagation (jwt-policy absent -> present, then verify with wait-timeout): ${ms(total.median)} vs a fixed 60 s wait: ratio **${(total.median / FIXED_WAIT_MS).toFixed(3)}**`,
      ],
      markdown: [
        table(
          [
            "runs",
            "change -> verified (total)",
            "jwt-policy run",
            "verify run (until it held)",
            "verify attempts",
            "fixed wait",
            "ratio total / 60 s",
          ],
          [
            [
              String(total.n),
              spread(total),
              spread(stats(applies)),
              spread(stats(verifies)),
              attempts.map(String).join(", "),
              "60 s (+ a verify run)",
              `**${(total.median / FIXED_WAIT_MS).toFixed(3)}**`,
            ],
          ],
        ),
        "",
        "Each run: jwt-policy with state absent (untimed; the bench waits until the edge enforces nothing), then, " +
          "timed from the spawn of jwt-policy (state present) to the exit of verify: the jwt-policy bundle, then the " +
          "verify bundle with `checks: auth`, `wait-timeout: 30`, `interval: 0.5`, a client-credentials token from the " +
          "OIDC fixture, expecting 403 `RBAC: access denied` without a token and 200 with one. The edge is the demo's " +
          "LocalEdge (a test fixture standing in for the gateway + sidecar), which re-reads the control plane every " +
          "250 ms, like istiod's push but faster than a real mesh, whose propagation is typically seconds: the " +
          "saving holds because verify waits exactly as long as propagation takes, where a fixed sleep always pays 60 s.",
      ].join("\n"),
    };
  } finally {
    await edge.stop();
    await oidc.close();
  }
}
