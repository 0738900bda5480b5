/**
 * Measuring helpers for `pnpm bench`: timed child processes (wall time from spawn to exit, time to the first
 * output, peak RSS via GNU time), the bundles run as GitHub runs them, kubectl, and statistics.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseOutputFile } from "@mesh-secure/step-runner";

export const repoRoot = resolve(import.meta.dirname, "..");
export const node24 = process.execPath;
const GNU_TIME = "/usr/bin/time";

export interface Timed {
  /** performance.now() in this process just before the spawn (to time events seen elsewhere). */
  startedAt: number;
  /** Wall time from spawn to exit, in ms. */
  ms: number;
  /** From spawn to the first byte on stdout or stderr, in ms (undefined when silent). */
  firstOutputMs: number | undefined;
  code: number;
  stdout: string;
  stderr: string;
  /** Peak resident set size in KiB (GNU time's %M, i.e. getrusage ru_maxrss of the process). */
  maxRssKb: number;
}

/** Runs a command under GNU time; resolves when it exits. */
export async function timed(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {},
): Promise<Timed> {
  const work = mkdtempSync(join(tmpdir(), "bench-time-"));
  const rssFile = join(work, "rss");
  const started = performance.now();
  const child = spawn(GNU_TIME, ["-f", "%M", "-o", rssFile, command, ...args], {
    env: options.env ?? process.env,
    cwd: options.cwd ?? repoRoot,
    stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });
  let firstOutputMs: number | undefined;
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const first = () => {
    firstOutputMs ??= performance.now() - started;
  };
  child.stdout!.on("data", (chunk: Buffer) => {
    first();
    stdout.push(chunk);
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    first();
    stderr.push(chunk);
  });
  if (options.input !== undefined) child.stdin!.end(options.input);
  const code = await new Promise<number>((done) => child.on("exit", (status) => done(status ?? 1)));
  const ms = performance.now() - started;
  await new Promise((done) => setImmediate(done));
  let maxRssKb = 0;
  try {
    maxRssKb = Number(/(\d+)\s*$/.exec(readFileSync(rssFile, "utf8").trim())?.[1] ?? 0);
  } catch {
    // GNU time wrote nothing (killed)
  }
  rmSync(work, { recursive: true, force: true });
  return {
    startedAt: started,
    ms,
    firstOutputMs,
    code,
    stdout: Buffer.concat(stdout).toString("utf8"),
    stderr: Buffer.concat(stderr).toString("utf8"),
    maxRssKb,
  };
}

export interface ActionRun extends Timed {
  outputs: Map<string, string>;
}

/**
 * Runs `actions/<action>/dist/index.js` as GitHub's runner does (as packages/step-runner does: Node 24,
 * INPUT_* variables, fresh GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / RUNNER_TEMP), timed from spawn to exit.
 */
export async function runAction(
  action: string,
  inputs: Record<string, string>,
  options: { script?: string; args?: string[] } = {},
): Promise<ActionRun> {
  const work = mkdtempSync(join(tmpdir(), `bench-${action}-`));
  const outputFile = join(work, "output");
  const summaryFile = join(work, "summary");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("INPUT_") && !key.startsWith("GITHUB_") && value !== undefined) env[key] = value;
  }
  delete env.KUBECONFIG;
  delete env.NODE_OPTIONS;
  for (const [name, value] of Object.entries(inputs)) {
    env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  }
  Object.assign(env, {
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: work,
    GITHUB_ACTIONS: "true",
  });
  const script = options.script ?? join(repoRoot, "actions", action, "dist", "index.js");
  const result = await timed(node24, [...(options.args ?? []), script], { env, cwd: work });
  const outputs = parseOutputFile(readFileSync(outputFile, "utf8"));
  rmSync(work, { recursive: true, force: true });
  return { ...result, outputs };
}

/** Throws with the output when a run that should succeed did not. */
export function expectSuccess<T extends Timed>(what: string, run: T): T {
  if (run.code !== 0) {
    const errors = `${run.stdout}\n${run.stderr}`
      .split("\n")
      .filter((line) => /error|fail/i.test(line))
      .slice(0, 12)
      .join("\n");
    throw new Error(`${what} exited with ${run.code}:\n${errors || run.stdout.slice(-2000)}`);
  }
  return run;
}

export interface Stats {
  n: number;
  min: number;
  median: number;
  max: number;
}

export function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const median =
    n === 0 ? Number.NaN : n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { n, min: sorted[0] ?? Number.NaN, median, max: sorted[n - 1] ?? Number.NaN };
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

/** `median (min–max)` in ms. */
export function spread(s: Stats, format: (value: number) => string = ms): string {
  return `${format(s.median)} (${format(s.min)}–${format(s.max)})`;
}

export function mb(kb: number): string {
  return `${(kb / 1024).toFixed(0)} MB`;
}

export function ratio(ours: number, theirs: number): string {
  return (ours / theirs).toFixed(ours / theirs < 0.1 ? 3 : 2);
}

export function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

export const sleep = (msToWait: number) => new Promise((done) => setTimeout(done, msToWait));

/** Runs `fn` over items with at most `limit` at a time. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
