/**
 * The `rollback` input: restore a previous-state snapshot exactly (objects that existed are put back as they
 * were, objects that did not exist are deleted) and nothing else. Every write goes through a server-side dry
 * run first; with dry-run nothing is written.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Change,
  type InputProblems,
  type Inputs,
  type KubeApi,
  type Reporter,
  refOf,
  rollbackToPreviousState,
} from "@mesh-secure/action-runtime";
import { FIELD_MANAGER } from "./apply.ts";
import { toManifestYaml } from "./render.ts";
import { inlineJwksSecrets, type PreviousState } from "./state.ts";

/**
 * The inputs that say what to apply, with their action.yml defaults. A rollback restores only its snapshot,
 * so a step that also names one of these (with a value other than the default, which the runner always
 * passes) expects something the rollback would not do: refused rather than silently ignored.
 */
export const APPLY_INPUTS: readonly (readonly [string, string | undefined])[] = [
  ["namespace", undefined],
  ["targets", undefined],
  ["issuers", undefined],
  ["issuer", undefined],
  ["jwks-uri", undefined],
  ["selector-key", "app"],
  ["require-token", "true"],
  ["require-https", "false"],
  ["api", "auto"],
  ["name", "jwt-authentication-policy"],
  ["state", "present"],
  ["check-jwks", "false"],
];

export function applyInputsGivenWithRollback(inputs: Inputs, problems: InputProblems): void {
  for (const [name, fallback] of APPLY_INPUTS) {
    const value = inputs.string(name);
    if (value === undefined || value.toLowerCase() === fallback?.toLowerCase()) continue;
    problems.add(
      name,
      "cannot be combined with rollback: a rollback restores exactly the previous-state snapshot and applies nothing else",
      `remove ${name} from the rollback step (apply in a step of its own)`,
    );
  }
}

/** The API of what is in place after the rollback: the snapshot objects' apiVersion, empty when none or mixed. */
function restoredApi(state: PreviousState): string {
  const versions = [...new Set(state.objects.map((object) => object.apiVersion))];
  return versions.length === 1 ? versions[0]! : "";
}

function writeSnapshotYaml(state: PreviousState): string {
  const dir = process.env.RUNNER_TEMP || process.env.GITHUB_WORKSPACE || tmpdir();
  mkdirSync(dir, { recursive: true });
  const namespaces = [
    ...new Set([...state.objects.map(refOf), ...state.absent].map((ref) => ref.namespace ?? "")),
  ];
  const path = join(dir, `jwt-policy-rollback-${namespaces.join("-") || "empty"}.yaml`.slice(0, 200));
  writeFileSync(
    path,
    state.objects.length > 0
      ? toManifestYaml(state.objects)
      : "# no objects: the rollback only deletes what did not exist before\n",
  );
  return path;
}

function where(change: Change): string {
  return `${change.ref.namespace ?? ""}/${change.ref.name}`;
}

export async function rollback(
  kube: KubeApi,
  reporter: Reporter,
  state: PreviousState,
  dryRun: boolean,
): Promise<void> {
  for (const secret of inlineJwksSecrets(state.objects)) reporter.mask(secret);
  const result = await reporter.group(
    `Rollback${dryRun ? " (dry run)" : ""}: server-side dry run of every write, then the writes`,
    async () => {
      const restored = await rollbackToPreviousState(kube, state, { fieldManager: FIELD_MANAGER, dryRun });
      for (const change of restored.changes) {
        reporter.info(
          `${(dryRun && change.action !== "unchanged" ? `would ${change.action}` : change.action).padEnd(15)} ${change.ref.kind} ${where(change)}`,
        );
      }
      return restored;
    },
  );
  for (const secret of inlineJwksSecrets(result.previous.objects)) reporter.mask(secret);
  const writes = result.changes.filter((change) => change.action !== "unchanged");
  if (!result.changed) {
    reporter.info("Nothing changed: the objects already match the previous state; nothing was written.");
  } else if (dryRun) {
    reporter.info("Dry run: the API server validated every write; nothing was written.");
  }
  const manifestsPath = writeSnapshotYaml(state);

  reporter.setOutput("changed", String(result.changed));
  reporter.setOutput("api-version", restoredApi(state));
  reporter.setOutput(
    "objects",
    JSON.stringify(
      result.changes.map((change) => ({
        kind: change.ref.kind,
        namespace: change.ref.namespace ?? "",
        name: change.ref.name,
        action: change.action,
      })),
    ),
  );
  reporter.setOutput("manifests", manifestsPath);
  reporter.setOutput("previous-state", JSON.stringify(result.previous));

  const summary = reporter.summary;
  summary.heading(`jwt-policy: rollback${dryRun ? " (dry run)" : ""}`);
  summary.text(
    !result.changed
      ? "The objects already match the previous state; nothing was written."
      : dryRun
        ? `Dry run: the API server validated every write; nothing was written. It would restore ${writes.length} object(s) to the previous state.`
        : `Restored ${writes.length} object(s) to the previous state.`,
  );
  if (result.changes.length > 0) {
    summary.table(
      ["kind", "object", "apiVersion", "action"],
      result.changes.map((change) => [change.ref.kind, where(change), change.ref.apiVersion, change.action]),
    );
  }
  for (const change of result.changes) {
    if (change.diff)
      summary.details(`diff: ${change.ref.kind} ${where(change)} (${change.action})`, change.diff, "diff");
  }
  summary.text(`Restored manifests: \`${manifestsPath}\``);
}
