/** The job summary: the migration view (who changes mode), ignored policies, the pre-flight, and the writes. */
import { describeRef, type Plan, type Summary } from "@mesh-secure/action-runtime";
import type { MtlsConfig } from "./config.ts";
import type { NamespaceWithoutInjection, PodWithoutSidecar } from "./preflight.ts";
import type { ServedApis } from "./render.ts";
import type { EffectiveEntry } from "./scope.ts";

export interface SummaryFacts {
  config: MtlsConfig;
  apis: ServedApis;
  plan: Plan;
  effective: EffectiveEntry[];
  withoutSidecar: PodWithoutSidecar[];
  withoutInjection: NamespaceWithoutInjection[];
  warnings: string[];
  refused: boolean;
}

function scopeText(config: MtlsConfig): string {
  if (config.scope === "mesh") return `mesh-wide (root namespace ${config.rootNamespace})`;
  const where = config.namespaces.join(", ");
  if (config.scope === "workload") {
    const labels = Object.entries(config.selector ?? {})
      .map(([key, value]) => `${key}=${value}`)
      .join(",");
    return `workloads ${labels} in ${where}`;
  }
  return `namespace${config.namespaces.length > 1 ? "s" : ""} ${where}`;
}

export function migrationRows(effective: readonly EffectiveEntry[]): string[][] {
  return effective.map((entry) => {
    const what =
      entry.level === "mesh"
        ? "(mesh-wide)"
        : entry.workload === undefined
          ? "(namespace-wide)"
          : entry.workload;
    const change =
      entry.mode === entry.previousMode
        ? `${entry.mode} (unchanged)`
        : `${entry.previousMode} -> ${entry.mode}`;
    const ports = Object.entries(entry.ports)
      .map(([port, mode]) => `${port}: ${mode}`)
      .join(", ");
    return [entry.namespace, what, change, entry.policy, ports];
  });
}

export function writeSummary(summary: Summary, facts: SummaryFacts): void {
  const { config, plan } = facts;
  const action = config.state === "absent" ? "remove" : config.mode;
  summary.heading(`mtls: ${action} for ${scopeText(config)}${config.dryRun ? " (dry run)" : ""}`);
  summary.text(
    `API: \`${facts.apis.policy}\`${facts.apis.destinationRule ? `, DestinationRule \`${facts.apis.destinationRule}\`` : ""}`,
  );

  if (facts.refused) {
    summary.heading("Sidecar pre-flight failed: nothing was applied", 3);
    summary.text(`${config.mode} would cut these off from the mesh:`);
  } else if (facts.withoutSidecar.length > 0 || facts.withoutInjection.length > 0) {
    summary.heading("Not in the mesh (require-sidecars is false)", 3);
  }
  if (facts.withoutSidecar.length > 0) {
    summary.table(
      ["namespace", "pod", "problem"],
      facts.withoutSidecar.map((pod) => [pod.namespace, pod.pod, pod.reason]),
    );
  }
  if (facts.withoutInjection.length > 0) {
    summary.table(
      ["namespace", "problem"],
      facts.withoutInjection.map((ns) => [ns.namespace, ns.reason]),
    );
  }

  const changing = facts.effective.filter((entry) => entry.mode !== entry.previousMode);
  summary.heading(
    facts.refused ? "Effective mTLS mode (unchanged: nothing applied)" : "Effective mTLS mode",
    3,
  );
  summary.text(
    changing.length === 0
      ? "No namespace or workload changes mode."
      : `${changing.length} namespace(s)/workload(s) ${facts.refused ? "would change" : "change"} mode: ${changing
          .map(
            (entry) =>
              `${entry.namespace}${entry.workload ? `/${entry.workload}` : ""} ${entry.previousMode} -> ${entry.mode}`,
          )
          .join("; ")}.`,
  );
  summary.table(["namespace", "workload", "mode", "decided by", "ports"], migrationRows(facts.effective));

  if (facts.warnings.length > 0) {
    summary.heading("Warnings", 3);
    summary.list(facts.warnings);
  }

  if (!facts.refused) {
    summary.heading("Objects", 3);
    if (!plan.changed) summary.text("Everything is already as requested; nothing was written.");
    summary.table(
      ["kind", "object", facts.config.dryRun ? "would" : "action"],
      plan.changes.map((change) => [
        change.ref.kind,
        `${change.ref.namespace ? `${change.ref.namespace}/` : ""}${change.ref.name}`,
        change.action,
      ]),
    );
    for (const change of plan.changes) {
      if (change.diff) summary.details(`diff: ${describeRef(change.ref)}`, change.diff, "diff");
    }
  }
}
