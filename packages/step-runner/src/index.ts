/**
 * Runs an action's committed bundle as GitHub's runner would: a child Node 24 process with INPUT_*
 * variables and fresh GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / RUNNER_TEMP files, then reads them back.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface BundleResult {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Map<string, string>;
  summary: string;
  /** Every file the step left under RUNNER_TEMP (it should clean up after itself). */
  runnerTemp: string;
}

/** Parses the GITHUB_OUTPUT file format (name=value lines and name<<DELIMITER blocks). */
export function parseOutputFile(content: string): Map<string, string> {
  const outputs = new Map<string, string>();
  const lines = content.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const body: string[] = [];
      index++;
      while (index < lines.length && lines[index] !== heredoc[2]) body.push(lines[index++]!);
      outputs.set(heredoc[1]!, body.join("\n"));
    } else if (line.includes("=")) {
      outputs.set(line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1));
    }
  }
  return outputs;
}

/** The repository root (this package lives in packages/step-runner/src). */
export const repoRoot = resolve(import.meta.dirname, "..", "..", "..");

export interface RunOptions {
  /** Extra environment (undefined deletes a variable). */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  /** Keep the work folder (runnerTemp then holds its path). */
  keepTemp?: boolean;
  /** The Node binary (default: this process's, which is Node 24 under the test runner and the demo). */
  node?: string;
  /** Called with each stdout chunk as it arrives (the demo shows progress). */
  onStdout?: (chunk: string) => void;
}

export async function runBundle(
  action: string,
  inputs: Record<string, string>,
  options: RunOptions = {},
): Promise<BundleResult> {
  const work = mkdtempSync(join(tmpdir(), `bundle-${action}-`));
  const outputFile = join(work, "output");
  const summaryFile = join(work, "summary");
  const runnerTemp = mkdtempSync(join(work, "runner-temp-"));
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const env: Record<string, string> = {};
  // A clean environment, as on a runner: no INPUT_* leaking in from the test process.
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("INPUT_") && !key.startsWith("GITHUB_") && value !== undefined) env[key] = value;
  }
  delete env.KUBECONFIG;
  delete env.NODE_OPTIONS;
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  Object.assign(env, {
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    GITHUB_ACTIONS: "true",
  });
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const child = spawn(
    options.node ?? process.execPath,
    [join(repoRoot, "actions", action, "dist", "index.js")],
    {
      env,
      cwd: work,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    options.onStdout?.(chunk.toString());
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
  const code: number = await new Promise((resolve) => child.on("close", (status) => resolve(status ?? 1)));
  clearTimeout(timer);
  const result: BundleResult = {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, "utf8")),
    summary: readFileSync(summaryFile, "utf8"),
    runnerTemp,
  };
  if (!options.keepTemp) {
    result.runnerTemp = readdirSync(runnerTemp).join(",");
    rmSync(work, { recursive: true, force: true });
  }
  return result;
}
