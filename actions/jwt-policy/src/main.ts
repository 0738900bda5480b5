import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectCluster, InputProblems, runStep, type StepContext } from "@mesh-secure/action-runtime";
import { applyPlan, planPolicy, resolveApi, servedFlavours } from "./apply.ts";
import { type ApiVersion, type JwtPolicyConfig, legacyProblems, readConfig } from "./config.ts";
import { type FetchedJwks, fetchJwks } from "./jwks.ts";
import { LEGACY_API, renderDesired, toManifestYaml } from "./render.ts";
import { objectReports, writeSummary } from "./report.ts";
import { applyInputsGivenWithRollback, rollback } from "./rollback.ts";
import { buildPreviousState, inlineJwksSecrets, type PreviousState, parsePreviousState } from "./state.ts";

/** Fetches every jwksUri (check-jwks: true); an unusable one is an input problem, reported with the rest. */
async function checkJwksUris(config: JwtPolicyConfig, problems: InputProblems): Promise<FetchedJwks[]> {
  const uris = config.issuers.filter((issuer) => issuer.jwksUri !== undefined);
  const checks = await Promise.all(uris.map((issuer) => fetchJwks(issuer.jwksUri!)));
  checks.forEach((check, index) => {
    const issuer = uris[index]!;
    if (check.problem) {
      problems.add(
        issuer.input === "issuers" ? "issuers" : "jwks-uri",
        `${issuer.input === "issuers" ? `${issuer.label}: ` : ""}the JWKS at ${check.url} ${check.problem} (check-jwks is true)`,
        check.fix,
      );
    }
  });
  return checks;
}

/** Where the rendered YAML goes: RUNNER_TEMP on a runner (kept for later steps of the job), else a temp dir. */
function writeManifests(config: JwtPolicyConfig, yamlText: string): string {
  const dir = process.env.RUNNER_TEMP || process.env.GITHUB_WORKSPACE || tmpdir();
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `jwt-policy-${config.namespace}-${config.name}.yaml`);
  writeFileSync(path, yamlText);
  return path;
}

export async function main({ inputs, reporter }: StepContext): Promise<void> {
  const problems = new InputProblems();
  const rollbackInput = inputs.raw("rollback");
  let state: PreviousState | undefined;
  let config: JwtPolicyConfig | undefined;
  let rollbackDryRun = false;
  if (rollbackInput !== undefined) {
    state = problems.collect(() => parsePreviousState(rollbackInput));
    rollbackDryRun = problems.collect(() => inputs.boolean("dry-run", false)) ?? false;
    applyInputsGivenWithRollback(inputs, problems);
  } else {
    config = readConfig(inputs, problems, (secret) => reporter.mask(secret));
  }
  const connection = connectCluster(inputs, reporter, problems);
  try {
    problems.throwIfAny();
    if (state && connection) {
      await rollback(connection.api, reporter, state, rollbackDryRun);
      return;
    }
    if (!config || !connection) throw new Error("unreachable: inputs were valid but not read");
    const kube = connection.api;

    const checks =
      config.state === "present" && config.checkJwks ? await checkJwksUris(config, problems) : [];
    problems.throwIfAny();
    if (config.state === "present" && !config.checkJwks) {
      reporter.info(
        "JWKS not fetched (check-jwks: false): in-cluster URIs are not reachable from a hosted runner.",
      );
    }

    let apiVersion: ApiVersion | "";
    if (config.state === "present") {
      apiVersion = await resolveApi(kube, config.api);
      if (apiVersion === LEGACY_API) legacyProblems(config, problems);
      problems.throwIfAny();
    } else {
      // Removal covers every kind the cluster serves; the output names the API a re-apply would use.
      apiVersion = config.api === "auto" ? ((await servedFlavours(kube))[0] ?? "") : config.api;
    }
    reporter.info(
      `API: ${apiVersion || "none served"} (api: ${config.api}, asked discovery at ${kube.server})`,
    );

    const desired = apiVersion === "" ? [] : renderDesired(config, apiVersion);
    const manifestsPath = writeManifests(config, toManifestYaml(desired));

    const plan = await reporter.group("Plan (server-side dry run of every object)", async () => {
      const planned = await planPolicy(kube, desired, config.namespace, config.name);
      for (const change of planned.changes) {
        reporter.info(
          `${change.action.padEnd(9)} ${change.ref.kind} ${change.ref.namespace}/${change.ref.name}`,
        );
      }
      return planned;
    });

    // What this run manages, as it was before any write: the previous-state output, for a later rollback.
    const previous = buildPreviousState(plan.changes);
    for (const secret of inlineJwksSecrets(previous.objects)) reporter.mask(secret);

    let written = false;
    if (plan.changed && !config.dryRun) {
      await reporter.group("Apply", () => applyPlan(kube, plan, (line) => reporter.info(line)));
      written = true;
    } else if (!plan.changed) {
      reporter.info("Nothing changed: the cluster already matches; nothing was written.");
    } else {
      reporter.info("Dry run: nothing was written.");
    }

    reporter.setOutput("changed", String(plan.changed));
    reporter.setOutput("api-version", apiVersion);
    reporter.setOutput("objects", JSON.stringify(objectReports(plan)));
    reporter.setOutput("manifests", manifestsPath);
    reporter.setOutput("previous-state", JSON.stringify(previous));
    writeSummary(reporter.summary, { config, apiVersion, plan, written, checks, manifestsPath });
  } finally {
    await connection?.close();
  }
}

export function run(context?: StepContext): Promise<boolean> {
  return runStep("jwt-policy", main, context);
}
