/**
 * `mesh-secure cert-expiry`: days left on the certificates users depend on: the endpoints' (through the
 * verify action's TLS and expiry checks) and the kubernetes.io/tls secrets that gateways load.
 */
import { X509Certificate } from "node:crypto";
import {
  connectCluster,
  InputProblems,
  type KubeObject,
  type StepContext,
} from "@mesh-secure/action-runtime";

export interface CertificateExpiry {
  source: string;
  subject: string;
  notAfter: string;
  daysRemaining: number;
  status: "ok" | "warning" | "failing";
}

const DAY = 86_400_000;

/** Reads the leaf of a PEM chain and rates it against the thresholds. */
export function assessCertificate(
  source: string,
  pem: string,
  now: Date,
  thresholds: { minDaysValid: number; warnDays: number },
): CertificateExpiry {
  const leaf = new X509Certificate(pem);
  const notAfter = new Date(leaf.validTo);
  const daysRemaining = Math.floor((notAfter.getTime() - now.getTime()) / DAY);
  const status =
    daysRemaining < thresholds.minDaysValid
      ? "failing"
      : daysRemaining < thresholds.warnDays
        ? "warning"
        : "ok";
  return {
    source,
    subject: leaf.subject.replace(/\n/g, ", "),
    notAfter: notAfter.toISOString(),
    daysRemaining,
    status,
  };
}

export async function certExpiry({ inputs, reporter }: StepContext): Promise<void> {
  const problems = new InputProblems();
  const minDaysValid = problems.collect(() => inputs.integer("min-days-valid", 14, { min: 0 })) ?? 14;
  const warnDays = problems.collect(() => inputs.integer("warn-days", 30, { min: 0 })) ?? 30;
  const urls = inputs.list("urls");
  const allNamespaces = problems.collect(() => inputs.boolean("all-namespaces", false)) ?? false;
  const namespace = inputs.string("namespace", "istio-system");
  const only = new Set(inputs.list("secret-names"));
  const checkSecrets = !urls.length || inputs.has("namespace") || allNamespaces || only.size > 0;
  const connection = checkSecrets ? connectCluster(inputs, reporter, problems) : undefined;
  problems.throwIfAny();

  const results: CertificateExpiry[] = [];
  let failed = false;
  try {
    if (connection) {
      const secrets = await connection.api.list<
        KubeObject & { type?: string; data?: Record<string, string> }
      >("v1", "Secret", {
        namespace: allNamespaces ? undefined : namespace,
      });
      for (const secret of secrets) {
        if (secret.type !== "kubernetes.io/tls" || (only.size > 0 && !only.has(secret.metadata.name)))
          continue;
        const source = `secret ${secret.metadata.namespace}/${secret.metadata.name}`;
        const pem = Buffer.from(secret.data?.["tls.crt"] ?? "", "base64").toString("utf8");
        try {
          results.push(assessCertificate(source, pem, new Date(), { minDaysValid, warnDays }));
        } catch (error) {
          results.push({
            source,
            subject: `unreadable: ${(error as Error).message}`,
            notAfter: "",
            daysRemaining: -1,
            status: "failing",
          });
        }
      }
    }
  } finally {
    await connection?.close();
  }

  if (urls.length > 0) {
    const { main: verify } = await import("@mesh-secure/action-verify");
    const passthrough: Record<string, string> = {
      urls: urls.join("\n"),
      checks: "tls,expiry",
      "min-days-valid": String(minDaysValid),
      "warn-days": String(warnDays),
    };
    for (const name of ["resolve", "ca-cert"]) {
      const value = inputs.raw(name);
      if (value !== undefined) passthrough[name] = value;
    }
    if (!inputs.has("ca-cert")) passthrough["allow-self-signed"] = "true";
    const { Inputs, mapInputs } = await import("@mesh-secure/action-runtime");
    const captured: Record<string, string> = {};
    const endpointReporter = Object.create(reporter) as typeof reporter;
    endpointReporter.setOutput = (name: string, value: string) => {
      captured[name] = value;
    };
    await verify({ inputs: new Inputs(mapInputs(passthrough)), reporter: endpointReporter });
    if (captured.passed === "false") failed = true;
    if (captured["min-days-remaining"] !== undefined)
      reporter.setOutput("endpoints-min-days-remaining", captured["min-days-remaining"]);
  }

  for (const result of results) {
    if (result.status === "failing") {
      failed = true;
      reporter.error(`${result.source}: ${result.daysRemaining} days left (minimum ${minDaysValid})`, {
        title: "certificate expiring",
      });
    } else if (result.status === "warning") {
      reporter.warning(`${result.source}: ${result.daysRemaining} days left (warning below ${warnDays})`, {
        title: "certificate expiring soon",
      });
    }
  }
  if (connection) {
    reporter.summary.heading("Gateway TLS secrets").table(
      ["secret", "subject", "not after", "days left", "status"],
      results.map((result) => [
        result.source,
        result.subject,
        result.notAfter,
        String(result.daysRemaining),
        result.status,
      ]),
    );
    if (results.length === 0) reporter.summary.text("No kubernetes.io/tls secret found in scope.");
  }
  reporter.setOutput("secrets", JSON.stringify(results));
  const minimum = results.length > 0 ? Math.min(...results.map((result) => result.daysRemaining)) : undefined;
  if (minimum !== undefined) reporter.setOutput("min-days-remaining", String(minimum));
  if (failed) reporter.setFailed("A certificate is expiring or unreadable; see the table.");
}
