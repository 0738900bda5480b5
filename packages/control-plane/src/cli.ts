// mesh-secure local control plane: `up` (detached, reusable) and `down`.
//   node --conditions=source packages/control-plane/src/cli.ts up     # last line: KUBECONFIG=<path>
//   node --conditions=source packages/control-plane/src/cli.ts down
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { istioCrdFile, resolveBinaries, withLock } from "./binaries.ts";
import { startControlPlane } from "./control-plane.ts";
import { defaultStateDir } from "./paths.ts";
import { isAlive, sleep, terminate } from "./proc.ts";

interface State {
  phase: "starting" | "ready" | "failed";
  supervisorPid: number;
  etcdPid?: number;
  kubeApiserverPid?: number;
  server?: string;
  kubeconfigPath?: string;
  error?: string;
}

const USAGE = "usage: cli.ts up|down|status [--state-dir DIR]";

function stateFile(stateDir: string): string {
  return join(stateDir, "state.json");
}

async function readState(stateDir: string): Promise<State | undefined> {
  try {
    return JSON.parse(await readFile(stateFile(stateDir), "utf8")) as State;
  } catch {
    return undefined;
  }
}

async function writeState(stateDir: string, state: State): Promise<void> {
  const tmp = `${stateFile(stateDir)}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`);
  await rename(tmp, stateFile(stateDir));
}

/** Whether `pid` is alive and (where /proc is readable) runs something whose command line mentions `needle`. */
function pidRuns(pid: number | undefined, needle: string): pid is number {
  if (!pid || !isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(needle);
  } catch {
    return true;
  }
}

async function stopAll(state: State | undefined): Promise<string[]> {
  if (!state) return [];
  const procs = [
    ["supervisor", state.supervisorPid, "supervise"],
    ["kube-apiserver", state.kubeApiserverPid, "kube-apiserver"],
    ["etcd", state.etcdPid, "etcd"],
  ] as const;
  const alive = procs.filter(([, pid, needle]) => pidRuns(pid, needle));
  // SIGTERM to the supervisor stops its children gracefully; the direct SIGTERM/SIGKILLs are the safety net.
  for (const [, pid, needle] of alive) {
    if (pidRuns(pid, needle)) await terminate(pid, needle === "supervise" ? 20_000 : 10_000);
  }
  return alive.map(([name, pid]) => `${name} (pid ${pid})`);
}

/** The state of a running, ready control plane, or undefined. */
async function runningState(stateDir: string): Promise<State | undefined> {
  const s = await readState(stateDir);
  const alive =
    s?.phase === "ready" &&
    !!s.kubeconfigPath &&
    pidRuns(s.supervisorPid, "supervise") &&
    pidRuns(s.kubeApiserverPid, "kube-apiserver") &&
    pidRuns(s.etcdPid, "etcd");
  return alive ? s : undefined;
}

/** Exit 0 and the KUBECONFIG line when a control plane is running; exit 1 otherwise. */
async function status(stateDir: string): Promise<number> {
  const s = await runningState(stateDir);
  if (!s) {
    console.log(`no control plane running (state dir ${stateDir})`);
    return 1;
  }
  console.log(`control plane running at ${s.server} (supervisor pid ${s.supervisorPid})`);
  console.log(`KUBECONFIG=${s.kubeconfigPath}`);
  return 0;
}

async function up(stateDir: string): Promise<number> {
  // One `up` at a time per state dir (e.g. two test runs starting together).
  return withLock(
    `${stateDir}.lock`,
    () => console.log(`another \`up\` is in progress for ${stateDir}; waiting for it`),
    () => upLocked(stateDir),
  );
}

async function upLocked(stateDir: string): Promise<number> {
  const running = await runningState(stateDir);
  if (running) {
    console.log(
      `control plane already running at ${running.server} (supervisor pid ${running.supervisorPid}); reusing it`,
    );
    console.log(`KUBECONFIG=${running.kubeconfigPath}`);
    return 0;
  }
  const existing = await readState(stateDir);
  if (existing || existsSync(stateDir)) {
    console.log(`cleaning up a stale control plane state in ${stateDir}`);
    await stopAll(existing);
    await rm(stateDir, { recursive: true, force: true });
  }
  // Build/fetch in the foreground so progress shows on the terminal and build errors fail `up` directly.
  const bins = await resolveBinaries({ onProgress: (l) => console.log(l) });
  console.log(`kube-apiserver: ${bins.kubeApiserver} (${bins.source})`);
  await istioCrdFile();

  await mkdir(stateDir, { recursive: true });
  const logFile = join(stateDir, "supervisor.log");
  const fd = openSync(logFile, "a");
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), "supervise", "--state-dir", stateDir],
    { detached: true, stdio: ["ignore", fd, fd], env: process.env },
  );
  closeSync(fd);
  child.unref();
  console.log(`supervisor started (pid ${child.pid}); log: ${logFile}`);

  const deadline = Date.now() + 300_000;
  let printed = 0;
  for (;;) {
    const lines = existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(0, -1) : [];
    for (const line of lines.slice(printed)) console.log(`  ${line}`);
    printed = lines.length;
    const state = await readState(stateDir);
    if (state?.phase === "ready" && state.kubeconfigPath) {
      console.log(`control plane ready at ${state.server}`);
      console.log(`KUBECONFIG=${state.kubeconfigPath}`);
      return 0;
    }
    if (state?.phase === "failed") {
      console.error(`control plane failed to start:\n${state.error}`);
      await rm(stateDir, { recursive: true, force: true });
      return 1;
    }
    if (!isAlive(child.pid!) || Date.now() > deadline) {
      console.error(`control plane did not become ready; see ${logFile}`);
      await stopAll(state ?? { phase: "starting", supervisorPid: child.pid! });
      return 1;
    }
    await sleep(250);
  }
}

async function supervise(stateDir: string): Promise<number> {
  await writeState(stateDir, { phase: "starting", supervisorPid: process.pid });
  const log = (l: string): void => console.log(`${new Date().toISOString()} ${l}`);
  let cp: Awaited<ReturnType<typeof startControlPlane>>;
  try {
    cp = await startControlPlane({ stateDir, crds: { istio: true, legacy: true }, onProgress: log });
  } catch (e) {
    log(`failed: ${(e as Error).message}`);
    await writeState(stateDir, { phase: "failed", supervisorPid: process.pid, error: (e as Error).message });
    return 1;
  }
  let stopping = false;
  const shutdown = async (why: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log(`${why}: stopping kube-apiserver and etcd`);
    await cp.stop();
    log("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGHUP", () => {});
  await writeState(stateDir, {
    phase: "ready",
    supervisorPid: process.pid,
    etcdPid: cp.pids.etcd,
    kubeApiserverPid: cp.pids.kubeApiserver,
    server: cp.server,
    kubeconfigPath: cp.kubeconfigPath,
  });
  log(`ready: ${cp.server}, kubeconfig ${cp.kubeconfigPath}`);
  const why = await cp.unexpectedExit;
  log(why);
  await cp.stop();
  return 1;
}

async function down(stateDir: string): Promise<number> {
  const state = await readState(stateDir);
  if (!state && !existsSync(stateDir)) {
    console.log(`no control plane running (no ${stateDir})`);
    return 0;
  }
  const stopped = await stopAll(state);
  await rm(stateDir, { recursive: true, force: true });
  console.log(
    `stopped ${stopped.length ? stopped.join(", ") : "nothing (no live processes)"}; removed ${stateDir}`,
  );
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let stateDir = defaultStateDir();
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === "--state-dir" && rest[i + 1]) stateDir = resolve(rest[++i]!);
    else {
      console.error(USAGE);
      return 2;
    }
  }
  switch (command) {
    case "up":
      return up(stateDir);
    case "down":
      return down(stateDir);
    case "status":
      return status(stateDir);
    case "supervise":
      return supervise(stateDir);
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  },
);
