/** What a run did, in words: the object list for the `objects` output and the job summary. */
import type { Change, Plan, Summary } from "@mesh-secure/action-runtime";
import type { ApiVersion, IssuerConfig, JwtPolicyConfig } from "./config.ts";
import { type FetchedJwks, formatKey } from "./jwks.ts";
import { LEGACY_API, objectName } from "./render.ts";

export interface ObjectReport {
  kind: string;
  namespace: string;
  name: string;
  action: string;
}

/** The `objects` output: every object applied, left unchanged or removed (not the ones already absent). */
export function objectReports(plan: Plan): ObjectReport[] {
  return plan.changes
    .filter((change) => change.action !== "absent")
    .map((change) => ({
      kind: change.ref.kind,
      namespace: change.ref.namespace ?? "",
      name: change.ref.name,
      action: change.action,
    }));
}

function keySource(issuer: IssuerConfig, checks: readonly FetchedJwks[]): string {
  if (issuer.jwks !== undefined) return "a key in the inline JWKS";
  const check = checks.find((fetched) => fetched.url === issuer.jwksUri);
  const keys = check ? ` (checked: ${check.usable.map(formatKey).join(", ")})` : "";
  return `a key in ${issuer.jwksUri}${keys}`;
}

/** One line per issuer, then what happens to a request without a token. */
export function admissionLines(
  config: JwtPolicyConfig,
  apiVersion: ApiVersion,
  checks: readonly FetchedJwks[] = [],
): string[] {
  const legacy = apiVersion === LEGACY_API;
  const where = legacy
    ? `services ${config.targets.join(", ")}`
    : `workloads labelled ${config.targets.map((target) => `${config.selectorKey}=${target}`).join(", ")}`;
  const lines = config.issuers.map((issuer) => {
    const parts = [`tokens from \`${issuer.issuer}\` signed by ${keySource(issuer, checks)}`];
    if (issuer.audiences) parts.push(`with audience ${issuer.audiences.join(" or ")}`);
    if (issuer.fromHeaders) {
      parts.push(
        `read from header ${issuer.fromHeaders.map((h) => (h.prefix ? `${h.name} (prefix "${h.prefix}")` : h.name)).join(", ")}`,
      );
    }
    if (issuer.forwardOriginalToken) parts.push("forwarded to the workload");
    return `${parts.join(", ")}: admitted to ${where}`;
  });
  let withoutToken: string;
  if (legacy) {
    withoutToken = config.requireToken
      ? "requests without a token: refused 401 `Origin authentication failed.` by the gateway/sidecar (legacy Policy)"
      : "requests without a token: passed through to the workload (require-token: false sets originIsOptional)";
  } else {
    const policies = config.targets.map((target) => objectName(config, target)).join(", ");
    withoutToken = config.requireToken
      ? `requests without a token: refused 403 \`RBAC: access denied\` (AuthorizationPolicy ${policies})`
      : "requests without a token: passed through to the workload (require-token: false, no AuthorizationPolicy)";
  }
  lines.push(withoutToken);
  lines.push(
    "requests with a bad, expired or unknown-issuer token: refused 401 (e.g. `Jwt verification fails`)",
  );
  return lines;
}

function statusLine(config: JwtPolicyConfig, plan: Plan, written: boolean): string {
  const changes = plan.changes.filter(
    (change) => change.action !== "unchanged" && change.action !== "absent",
  );
  if (changes.length === 0) return "Nothing changed: the cluster already matches. Nothing was written.";
  const counts = ["create", "update", "delete"]
    .map((action) => [action, changes.filter((change) => change.action === action).length] as const)
    .filter(([, count]) => count > 0)
    .map(([action, count]) => `${count} to ${action}`)
    .join(", ");
  if (config.dryRun) {
    return `Dry run: the API server validated every object (server-side dry run); nothing was written. It would: ${counts}.`;
  }
  return written ? `Applied: ${counts}.` : `Planned: ${counts}.`;
}

export interface RunReport {
  config: JwtPolicyConfig;
  apiVersion: ApiVersion | "";
  plan: Plan;
  written: boolean;
  checks: readonly FetchedJwks[];
  manifestsPath: string;
}

function diffBlock(summary: Summary, change: Change): void {
  if (change.diff) {
    summary.details(
      `diff: ${change.ref.kind} ${change.ref.namespace}/${change.ref.name} (${change.action})`,
      change.diff,
      "diff",
    );
  }
}

export function writeSummary(summary: Summary, report: RunReport): void {
  const { config, plan } = report;
  summary.heading(
    `jwt-policy: ${config.namespace}/${config.name} ${config.state === "absent" ? "removed" : "applied"}${report.apiVersion ? ` (${report.apiVersion})` : ""}`,
  );
  summary.text(statusLine(config, plan, report.written));
  const rows = plan.changes
    .filter((change) => change.action !== "absent")
    .map((change) => [
      change.ref.kind,
      `${change.ref.namespace}/${change.ref.name}`,
      change.ref.apiVersion,
      change.action,
    ]);
  if (rows.length > 0) summary.table(["kind", "object", "apiVersion", "action"], rows);
  for (const change of plan.changes) diffBlock(summary, change);

  if (config.state === "absent") {
    summary.text(
      "No JWT is required by Istio for these workloads any more: every object this action applied under this name is gone. " +
        "The workload itself now answers requests without a token (the reference product-composite answers 401 with an empty body).",
    );
  } else if (report.apiVersion) {
    summary.heading("What each issuer now admits", 3);
    summary.list(admissionLines(config, report.apiVersion, report.checks));
    if (config.checkJwks) {
      summary.text(
        `JWKS checked: ${report.checks.length === 0 ? "no jwksUri to fetch (inline JWKS only, validated)" : report.checks.map((check) => `${check.url} has ${check.usable.length} usable signing key(s) of ${check.total}`).join("; ")}.`,
      );
    } else {
      summary.text(
        "JWKS not fetched (check-jwks: false): in-cluster URIs such as *.svc.cluster.local are not reachable from a hosted runner. " +
          "Set check-jwks: true when this runner can reach every jwksUri.",
      );
    }
  }
  summary.text(`Rendered manifests: \`${report.manifestsPath}\``);
}
