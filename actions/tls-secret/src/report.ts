/** What a run tells its reader: the certificate as `keytool -printcert` shows it, the action taken, and the outputs. */
import { type Change, describeChanges, type Reporter } from "@mesh-secure/action-runtime";
import { type CertificateFacts, daysRemaining } from "./certificate.ts";
import type { ServerChange } from "./render.ts";

export type MaterialSource = "given" | "generated" | "kept";

export interface RunReport {
  secret: string;
  dryRun: boolean;
  source: MaterialSource;
  /** Why a generated certificate was not kept (a live one that failed a check), for the summary. */
  regenerateReason?: string | undefined;
  certificate: CertificateFacts;
  keyDescription: string;
  previous?: CertificateFacts | undefined;
  secretChange: Change;
  gateway?: { name: string; change: Change; servers: ServerChange[] } | undefined;
  changes: Change[];
  now: Date;
}

/** The `<name>: <value>` rows keytool prints for a certificate. */
export function certificateRows(facts: CertificateFacts, keyDescription: string, now: Date): string[][] {
  return [
    ["Owner", facts.subject],
    ["Issuer", facts.issuer],
    ["Serial number", facts.serialNumber.toLowerCase()],
    ["Valid from", facts.notBefore.toISOString()],
    ["Valid until", `${facts.notAfter.toISOString()} (${daysRemaining(facts.notAfter, now)} days left)`],
    ["Subject alternative names", facts.sans.join(", ") || "(none)"],
    ["Key", keyDescription],
    ["SHA-256 fingerprint", facts.fingerprint256],
  ];
}

function secretVerb(report: RunReport): string {
  const action = report.secretChange.action;
  const rotated =
    report.previous !== undefined && report.previous.fingerprint256 !== report.certificate.fingerprint256;
  if (action === "unchanged") return "unchanged";
  if (action === "create") return report.dryRun ? "would be created" : "created";
  if (rotated) return report.dryRun ? "would be rotated" : "rotated";
  return report.dryRun ? "would be updated" : "updated";
}

/** One sentence saying what happened to the secret, also logged. */
export function actionSentence(report: RunReport): string {
  const verb = secretVerb(report);
  const source =
    report.source === "kept"
      ? "the generated certificate it holds is still valid, covers every host and has the organization and CN asked for, so it was kept (no rotation)"
      : report.source === "generated"
        ? `a new self-signed certificate was generated${report.regenerateReason ? ` because ${report.regenerateReason}` : ""}`
        : "the given certificate passed every check";
  const unchanged =
    verb === "unchanged" ? "; it already holds exactly this content, nothing was written" : "";
  const dry = report.dryRun && verb !== "unchanged" ? " (dry run: nothing was written)" : "";
  return `Secret ${report.secret} ${verb}${dry}: ${source}${unchanged}.`;
}

export function writeSummary(reporter: Reporter, report: RunReport): void {
  const summary = reporter.summary;
  summary.heading(`TLS secret ${report.secret}: ${secretVerb(report)}${report.dryRun ? " (dry run)" : ""}`);
  summary.text(actionSentence(report));
  summary.table(
    ["certificate", "value"],
    certificateRows(report.certificate, report.keyDescription, report.now),
  );
  if (report.previous && report.previous.fingerprint256 !== report.certificate.fingerprint256) {
    summary.heading("Rotation", 3).table(
      ["", "SHA-256 fingerprint", "expires"],
      [
        ["old", report.previous.fingerprint256, report.previous.notAfter.toISOString()],
        ["new", report.certificate.fingerprint256, report.certificate.notAfter.toISOString()],
      ],
    );
  }
  if (report.gateway) {
    const { name, change, servers } = report.gateway;
    summary.heading(
      `Gateway ${name}: ${change.action === "unchanged" ? "already points at the secret" : report.dryRun ? `would be updated` : "updated"}`,
      3,
    );
    summary.table(
      ["server", "hosts", "tls.mode", "credential before", "credential after"],
      servers.map((server) => [
        `#${server.index + 1} ${server.port}`,
        server.hosts.join(", "),
        server.modeBefore === server.modeAfter
          ? server.modeAfter
          : `${server.modeBefore} -> ${server.modeAfter}`,
        server.credentialBefore,
        `credentialName ${report.secret.split("/")[1]}`,
      ]),
    );
    summary.text(
      "Istio reads a credentialName secret from the namespace of the gateway *workload* (the ingress gateway pods, usually istio-system), not from the Gateway object's namespace.",
    );
  }
  summary.heading("Changes", 3).table(["kind", "object", "action"], describeChanges(report.changes));
  for (const change of report.changes) {
    if (change.diff)
      summary.details(
        `diff of ${change.ref.kind} ${change.ref.namespace}/${change.ref.name}`,
        change.diff,
        "diff",
      );
  }
}

export function setOutputs(reporter: Reporter, report: RunReport, changed: boolean): void {
  const facts = report.certificate;
  reporter.setOutput("changed", String(changed));
  reporter.setOutput("secret", report.secret);
  reporter.setOutput("fingerprint-sha256", facts.fingerprint256);
  reporter.setOutput("subject", facts.subject);
  reporter.setOutput("issuer", facts.issuer);
  reporter.setOutput("not-before", facts.notBefore.toISOString());
  reporter.setOutput("not-after", facts.notAfter.toISOString());
  reporter.setOutput("days-remaining", String(daysRemaining(facts.notAfter, report.now)));
  reporter.setOutput("hosts", JSON.stringify(facts.sans));
}
