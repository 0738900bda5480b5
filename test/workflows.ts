/** The reusable workflows and example callers, parsed (shared by test/workflows*.test.ts). */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { repoRoot } from "./actions.ts";

export interface WorkflowInput {
  description?: string;
  type?: string;
  required?: boolean;
  default?: unknown;
}

export interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  if?: string;
}

export interface Job {
  name?: string;
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: Record<string, unknown> | "inherit";
  permissions?: unknown;
  "timeout-minutes"?: number;
  concurrency?: unknown;
  environment?: unknown;
  needs?: string | string[];
  outputs?: Record<string, string>;
  steps?: Step[];
}

export interface Workflow {
  name?: string;
  on: Record<string, unknown> & {
    workflow_call?: {
      inputs?: Record<string, WorkflowInput>;
      secrets?: Record<string, { description?: string; required?: boolean }>;
      outputs?: Record<string, { description?: string; value?: string }>;
    };
  };
  permissions?: unknown;
  jobs: Record<string, Job>;
}

export interface WorkflowFile {
  /** Path relative to the repository root. */
  path: string;
  text: string;
  workflow: Workflow;
}

function load(path: string): WorkflowFile {
  const text = readFileSync(join(repoRoot, path), "utf8");
  return { path, text, workflow: yaml.load(text) as Workflow };
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(join(repoRoot, dir))) return [];
  return readdirSync(join(repoRoot, dir))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${dir}/${name}`);
}

/** The public reusable workflows (`on: workflow_call`) in .github/workflows/. */
export function reusableWorkflows(): WorkflowFile[] {
  return yamlFiles(".github/workflows")
    .map(load)
    .filter((file) => file.workflow.on?.workflow_call !== undefined);
}

/** The example callers users copy, in workflows/. */
export function exampleCallers(): WorkflowFile[] {
  return yamlFiles("workflows").map(load);
}

/** The example caller written as a comment at the top of a reusable workflow, parsed. */
export function commentedExample(file: WorkflowFile): Workflow | undefined {
  const lines = file.text.split("\n");
  const start = lines.findIndex((line) => /^#\s+name:/.test(line));
  if (start < 0) return undefined;
  const body: string[] = [];
  for (const line of lines.slice(start)) {
    if (!line.startsWith("#") || /^#\s*$/.test(line)) break;
    body.push(line.replace(/^# {0,3}/, ""));
  }
  return yaml.load(body.join("\n")) as Workflow;
}

export const OWN_PREFIX = "mesh-secure/mesh-secure/";

/** Parses `mesh-secure/mesh-secure/<path>@<ref>`. */
export function ownRef(uses: string): { path: string; ref: string } | undefined {
  if (!uses.startsWith(OWN_PREFIX)) return undefined;
  const [path, ref] = uses.slice(OWN_PREFIX.length).split("@");
  return { path: path!, ref: ref ?? "" };
}
