import { spawn } from "node:child_process";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import { createServer } from "node:net";

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion. Output goes to `logFile` (appended) when given, and is also returned.
 * Never throws for a non-zero exit; callers decide.
 */
export function run(
  command: string,
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; logFile?: string } = {},
): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const log = opts.logFile ? createWriteStream(opts.logFile, { flags: "a" }) : undefined;
    log?.write(`$ ${command} ${args.join(" ")}\n`);
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => {
      out.push(d);
      log?.write(d);
    });
    child.stderr.on("data", (d: Buffer) => {
      err.push(d);
      log?.write(d);
    });
    child.on("error", (e) => {
      log?.end();
      reject(e);
    });
    child.on("close", (code) => {
      const result = {
        code,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      };
      if (log) log.end(`[exit ${code}]\n`, () => resolvePromise(result));
      else resolvePromise(result);
    });
  });
}

/** The last `n` lines of a file ("" if it does not exist). */
export function tail(file: string, n = 30): string {
  if (!existsSync(file)) return "";
  const lines = readFileSync(file, "utf8").trimEnd().split("\n");
  return lines.slice(-n).join("\n");
}

export async function note(logFile: string, text: string): Promise<void> {
  await appendFile(logFile, `${text}\n`);
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address === null || typeof address === "string") {
        server.close();
        reject(new Error("could not allocate a port"));
        return;
      }
      server.close(() => resolvePromise(address.port));
    });
  });
}

/** Whether something already listens on 127.0.0.1:port. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolvePromise(true));
    server.listen(port, "127.0.0.1", () => server.close(() => resolvePromise(false)));
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** SIGTERM, wait up to `graceMs`, then SIGKILL. Resolves when the process is gone. */
export async function terminate(pid: number, graceMs = 10_000): Promise<void> {
  if (!isAlive(pid)) return;
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return;
    await sleep(100);
  }
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    return;
  }
  while (isAlive(pid)) await sleep(50);
}
