/** Runs the CLI as a user does: bin/mesh-secure in a child process. */
import { spawn } from "node:child_process";
import { join } from "node:path";

const bin = join(import.meta.dirname, "..", "bin", "mesh-secure");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface JsonResult {
  ok: boolean;
  exitCode: number;
  outputs: Record<string, string>;
  summary: string;
  errors: string[];
}

export function cli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, {
      env: { ...process.env, NO_COLOR: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The CLI with --output json, its result parsed. */
export async function cliJson(args: string[]): Promise<CliResult & { json: JsonResult }> {
  const result = await cli([...args, "--output", "json"]);
  return { ...result, json: JSON.parse(result.stdout) as JsonResult };
}
