/**
 * The reusable workflows and example callers hold together: every reference to our actions and workflows
 * names something that exists, passes only what it declares and everything it requires, at the release
 * version; and the workflow hygiene rules hold (permissions, timeouts, concurrency, pinning, no template
 * injection into scripts).
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { findRefs, releaseVersion, rewriteRefs, staleRefs } from "../scripts/release.ts";
import { readAction, repoRoot } from "./actions.ts";
import {
  commentedExample,
  exampleCallers,
  type Job,
  ownRef,
  reusableWorkflows,
  type Workflow,
} from "./workflows.ts";

const reusable = reusableWorkflows();
const examples = exampleCallers();
const everyFile = [...reusable, ...examples];

/** Checks a job that calls one of our reusable workflows; returns the problems found. */
function callerProblems(job: Job, where: string): string[] {
  const problems: string[] = [];
  const target = ownRef(job.uses ?? "");
  if (!target) return [`${where}: uses '${job.uses}' is not one of our reusable workflows`];
  const file = join(repoRoot, target.path);
  if (!target.path.startsWith(".github/workflows/") || !existsSync(file)) {
    return [`${where}: ${target.path} does not exist`];
  }
  const called = reusable.find((candidate) => candidate.path === target.path);
  if (!called) return [`${where}: ${target.path} is not a reusable workflow (no on.workflow_call)`];
  const spec = called.workflow.on.workflow_call!;
  const inputs = spec.inputs ?? {};
  const secrets = spec.secrets ?? {};
  for (const name of Object.keys(job.with ?? {})) {
    if (!(name in inputs)) problems.push(`${where}: input '${name}' is not declared by ${target.path}`);
  }
  for (const [name, input] of Object.entries(inputs)) {
    if (input.required && !(name in (job.with ?? {})))
      problems.push(`${where}: required input '${name}' of ${target.path} is missing`);
  }
  if (job.secrets === "inherit") {
    problems.push(`${where}: secrets: inherit hands every secret to the callee; pass the ones it declares`);
  } else {
    for (const name of Object.keys(job.secrets ?? {})) {
      if (!(name in secrets)) problems.push(`${where}: secret '${name}' is not declared by ${target.path}`);
    }
    for (const [name, secret] of Object.entries(secrets)) {
      if (secret.required && !(name in (job.secrets ?? {})))
        problems.push(`${where}: required secret '${name}' of ${target.path} is missing`);
    }
  }
  return problems;
}

function jobsOf(workflow: Workflow): [string, Job][] {
  return Object.entries(workflow.jobs ?? {});
}

describe("our actions as used by the workflows", () => {
  for (const file of everyFile) {
    test(`${file.path} names only existing actions, with inputs they declare and every required one`, () => {
      const problems: string[] = [];
      for (const [jobId, job] of jobsOf(file.workflow)) {
        for (const [index, step] of (job.steps ?? []).entries()) {
          const where = `${file.path} job ${jobId} step ${step.id ?? step.name ?? index}`;
          const target = ownRef(step.uses ?? "");
          if (!target) continue;
          const name = /^actions\/([a-z0-9-]+)$/.exec(target.path)?.[1];
          if (!name || !existsSync(join(repoRoot, "actions", name, "action.yml"))) {
            problems.push(`${where}: ${target.path} is not an action folder with an action.yml`);
            continue;
          }
          const declared = readAction(name).inputs ?? {};
          for (const input of Object.keys(step.with ?? {})) {
            if (!(input in declared)) problems.push(`${where}: ${name} does not declare input '${input}'`);
          }
          for (const [input, spec] of Object.entries(declared)) {
            if (spec.required && spec.default === undefined && !(input in (step.with ?? {})))
              problems.push(`${where}: required input '${input}' of ${name} is missing`);
          }
        }
      }
      assert.deepEqual(problems, []);
    });
  }

  test("the reusable workflows use the dev chain tls-secret -> jwt-policy -> mtls -> verify in that order", () => {
    const dev = reusable.find((file) => file.path.endsWith("secure-mesh-dev.yml"))!;
    const order = (dev.workflow.jobs["secure-mesh"]?.steps ?? []).map(
      (step) => ownRef(step.uses ?? "")?.path,
    );
    assert.deepEqual(order, ["actions/tls-secret", "actions/jwt-policy", "actions/mtls", "actions/verify"]);
  });

  test("no workflow refers to an action by a local ./ path (it would resolve in the caller's repository)", () => {
    for (const file of reusable) {
      for (const [jobId, job] of jobsOf(file.workflow)) {
        for (const step of job.steps ?? []) {
          assert.ok(!step.uses?.startsWith("./"), `${file.path} job ${jobId}: uses ${step.uses}`);
        }
      }
    }
  });
});

describe("example callers", () => {
  test("the catalog has the four example callers", () => {
    assert.deepEqual(
      examples.map((file) => file.path),
      [
        "workflows/deploy-dev.yml",
        "workflows/deploy-prod.yml",
        "workflows/nightly-cert-expiry.yml",
        "workflows/pr-verify.yml",
      ],
    );
  });

  for (const file of examples) {
    test(`${file.path} calls an existing reusable workflow with its required inputs and secrets, and only declared ones`, () => {
      const calls = jobsOf(file.workflow).filter(([, job]) => job.uses !== undefined);
      assert.ok(calls.length > 0, "an example caller calls a reusable workflow");
      const problems = calls.flatMap(([jobId, job]) => callerProblems(job, `${file.path} job ${jobId}`));
      assert.deepEqual(problems, []);
    });
  }

  for (const file of reusable) {
    test(`${file.path} opens with a complete example caller of itself that passes the same checks`, () => {
      const example = commentedExample(file);
      assert.ok(example, "the file starts with a commented example caller");
      const calls = jobsOf(example).filter(([, job]) => ownRef(job.uses ?? "")?.path === file.path);
      assert.equal(calls.length, 1, `the commented example calls ${file.path}`);
      assert.deepEqual(
        calls.flatMap(([jobId, job]) => callerProblems(job, `example in ${file.path} job ${jobId}`)),
        [],
      );
      assert.ok(example.permissions !== undefined, "the example sets permissions");
    });
  }

  test("a caller passing an undeclared input, missing a required one or inheriting secrets is caught", () => {
    const problems = callerProblems(
      {
        uses: "mesh-secure/mesh-secure/.github/workflows/secure-mesh-dev.yml@v0.0.0",
        with: { hosts: "minikube.me", "no-such-input": "x" },
        secrets: "inherit",
      },
      "probe",
    );
    assert.ok(problems.some((problem) => problem.includes("'no-such-input' is not declared")));
    assert.ok(problems.some((problem) => problem.includes("required input 'namespace'")));
    assert.ok(problems.some((problem) => problem.includes("secrets: inherit")));
  });
});

describe("release refs", () => {
  test("every ref to our actions and workflows equals the version in RELEASE", () => {
    const version = releaseVersion();
    assert.match(version, /^v\d+\.\d+\.\d+/);
    const stale = staleRefs(version).map((ref) => `${ref.file}:${ref.line} ${ref.target}@${ref.ref}`);
    assert.deepEqual(stale, [], `run: scripts/node24 scripts/release.ts ${version}`);
  });

  test("the workflows do reference our actions at a ref (the staleness check has something to check)", () => {
    const refs = reusable.flatMap((file) => findRefs(file.text, file.path));
    assert.ok(refs.filter((ref) => ref.target.startsWith("actions/")).length >= 10);
  });

  test("a stale ref is found, and the release rewrite fixes every ref and nothing else", () => {
    const text = [
      "      uses: mesh-secure/mesh-secure/actions/mtls@v0.0.9",
      "#   uses: mesh-secure/mesh-secure/.github/workflows/secure-mesh-dev.yml@main",
      "      uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2",
      "          ref: v0.0.8 # mesh-secure release",
      "          ref: main",
    ].join("\n");
    assert.deepEqual(
      findRefs(text).map((ref) => ref.ref),
      ["v0.0.9", "main", "v0.0.8"],
    );
    const rewritten = rewriteRefs(text, "v2.0.0");
    assert.deepEqual(
      findRefs(rewritten).map((ref) => ref.ref),
      ["v2.0.0", "v2.0.0", "v2.0.0"],
    );
    assert.ok(rewritten.includes("          ref: main\n") || rewritten.endsWith("          ref: main"));
    assert.ok(rewritten.includes("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2"));
  });
});

describe("reusable workflow interface", () => {
  for (const file of reusable) {
    test(`${file.path} describes every input (type, required, default), secret and output`, () => {
      const spec = file.workflow.on.workflow_call!;
      for (const [name, input] of Object.entries(spec.inputs ?? {})) {
        assert.ok((input.description ?? "").length > 10, `input ${name} needs a description`);
        assert.ok(["string", "number", "boolean"].includes(input.type ?? ""), `input ${name} needs a type`);
        assert.equal(typeof input.required, "boolean", `input ${name} must say whether it is required`);
        if (!input.required) assert.ok(input.default !== undefined, `optional input ${name} needs a default`);
      }
      for (const [name, secret] of Object.entries(spec.secrets ?? {})) {
        assert.ok((secret.description ?? "").length > 10, `secret ${name} needs a description`);
        assert.equal(typeof secret.required, "boolean", `secret ${name} must say whether it is required`);
      }
      for (const [name, output] of Object.entries(spec.outputs ?? {})) {
        assert.ok((output.description ?? "").length > 10, `output ${name} needs a description`);
        // One job's output, or the first non-empty of alternative jobs (`jobs.a.outputs.x || jobs.b.outputs.x`).
        const inner = /^\$\{\{ (.+) \}\}$/.exec(output.value ?? "")?.[1] ?? "";
        const alternatives = inner
          .split(" || ")
          .map((part) => /^jobs\.([a-z0-9-]+)\.outputs\.([a-z0-9-]+)$/.exec(part));
        assert.ok(
          inner !== "" && alternatives.every(Boolean),
          `output ${name} maps a job output: ${output.value}`,
        );
        for (const match of alternatives) {
          const job = file.workflow.jobs[match![1]!];
          assert.ok(job?.outputs?.[match![2]!], `job ${match![1]} declares output ${match![2]}`);
        }
      }
    });
  }

  test("deploy workflows fan out over a clusters JSON list, one environment per cluster", () => {
    for (const file of reusable.filter((candidate) => /secure-mesh-(dev|prod)\.yml$/.test(candidate.path))) {
      const input = file.workflow.on.workflow_call!.inputs!.clusters!;
      assert.ok(
        Array.isArray(JSON.parse(String(input.default))),
        `${file.path}: clusters default is a JSON list`,
      );
      const job = file.workflow.jobs["secure-mesh"]!;
      assert.match(JSON.stringify(job), /fromJSON\(inputs\.clusters\)/);
      assert.equal(job.environment, "${{ matrix.cluster }}");
    }
  });
});

describe("workflow hygiene", () => {
  for (const file of everyFile) {
    test(`${file.path}: every job has permissions and every runner job a timeout`, () => {
      for (const [jobId, job] of jobsOf(file.workflow)) {
        assert.ok(job.permissions !== undefined, `job ${jobId} needs a permissions block`);
        if (job.uses === undefined) assert.ok(job["timeout-minutes"], `job ${jobId} needs timeout-minutes`);
      }
      assert.ok(file.workflow.permissions !== undefined, "the workflow sets default permissions");
    });

    test(`${file.path}: no expression is interpolated into a run: script (values go through env)`, () => {
      for (const [jobId, job] of jobsOf(file.workflow)) {
        for (const step of job.steps ?? []) {
          assert.ok(!step.run?.includes("${{"), `job ${jobId} step '${step.name}' interpolates into run:`);
        }
      }
    });

    test(`${file.path}: third-party actions are pinned by a full commit SHA with a version comment`, () => {
      for (const line of file.text.split("\n")) {
        const match = /^\s*-?\s*uses:\s*([^\s#]+)(.*)$/.exec(line);
        if (!match || match[1]!.startsWith("mesh-secure/mesh-secure/") || match[1]!.startsWith("./"))
          continue;
        assert.match(match[1]!, /@[0-9a-f]{40}$/, `${match[1]} is not pinned by SHA`);
        assert.match(match[2]!, /#\s*v\d/, `${match[1]} needs a # vX comment`);
      }
    });

    test(`${file.path}: never passes secrets: inherit`, () => {
      assert.ok(!/secrets:\s*inherit/.test(file.text.replace(/^#.*$/gm, "")));
    });
  }

  test("deploy jobs are serialised per cluster and never cancelled mid-way", () => {
    for (const file of reusable.filter((candidate) => /secure-mesh-(dev|prod)\.yml$/.test(candidate.path))) {
      const concurrency = file.workflow.jobs["secure-mesh"]!.concurrency as Record<string, unknown>;
      assert.match(String(concurrency.group), /\$\{\{ matrix\.cluster \}\}/);
      assert.equal(concurrency["cancel-in-progress"], false);
    }
  });

  test("only the cert-expiry issues job may write issues, and nothing else gets write access", () => {
    for (const file of everyFile) {
      for (const [jobId, job] of jobsOf(file.workflow)) {
        const writes = Object.entries((job.permissions as Record<string, string>) ?? {})
          .filter(([, level]) => level === "write")
          .map(([scope]) => scope);
        const allowed =
          (file.path === ".github/workflows/cert-expiry.yml" && jobId === "issues") ||
          file.path === "workflows/nightly-cert-expiry.yml"
            ? ["issues"]
            : [];
        assert.deepEqual(writes, allowed, `${file.path} job ${jobId}`);
      }
    }
  });
});
