import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import { type Binaries, resolveBinaries } from "./binaries.ts";
import { ensurePki, type Pki } from "./certs.ts";
import { type CrdSelection, installCrds } from "./crds.ts";
import { kubeconfigText } from "./kubeconfig.ts";
import { freePort, portInUse, sleep, tail, terminate } from "./proc.ts";

export interface StartOptions {
  /** Where pki/, etcd data, logs/ and the kubeconfig go. Default: a new temp dir, removed by stop(). */
  stateDir?: string;
  /** Use these binaries instead of resolveBinaries(). */
  binaries?: Binaries;
  /** Fixed ports (default: free ports on 127.0.0.1). */
  apiserverPort?: number;
  etcdClientPort?: number;
  etcdPeerPort?: number;
  /** How long to wait for etcd and then for kube-apiserver's /readyz. Default 120 s each. */
  readyTimeoutMs?: number;
  /** Install CRDs once ready (default: none). */
  crds?: CrdSelection;
  onProgress?: (line: string) => void;
}

export interface ControlPlane {
  /** The admin kubeconfig (client cert in system:masters), `<stateDir>/kubeconfig`. */
  kubeconfigPath: string;
  /** `https://127.0.0.1:<port>` */
  server: string;
  stateDir: string;
  pids: { etcd: number; kubeApiserver: number };
  /** Resolves if etcd or kube-apiserver exits (for whatever reason) before stop() is called. */
  unexpectedExit: Promise<string>;
  /** A KubeConfig loaded from kubeconfigPath. */
  kubeConfig(): KubeConfig;
  /** SIGTERM both processes (SIGKILL after a grace period); removes a temp state dir. Idempotent. */
  stop(): Promise<void>;
}

/** GET a URL; resolves with status and body, rejects on connection errors. */
function get(
  url: string,
  tls?: { ca: string; cert: string; key: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const u = new URL(url);
    const req = (u.protocol === "https:" ? httpsRequest : httpRequest)(
      u,
      { method: "GET", timeout: 5000, ...(tls ?? {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolvePromise({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end();
  });
}

interface Proc {
  name: string;
  child: ChildProcess;
  logFile: string;
  exited?: { code: number | null; signal: NodeJS.Signals | null };
  exit: Promise<void>;
}

function startProcess(name: string, bin: string, args: string[], logFile: string): Proc {
  const fd = openSync(logFile, "a");
  const child = spawn(bin, args, { stdio: ["ignore", fd, fd] });
  closeSync(fd);
  let done: () => void = () => {};
  const proc: Proc = { name, child, logFile, exit: new Promise<void>((r) => (done = r)) };
  child.on("exit", (code, signal) => {
    proc.exited = { code, signal };
    done();
  });
  child.on("error", (e) => {
    proc.exited = { code: -1, signal: null };
    void writeFile(logFile, `spawn failed: ${e.message}\n`, { flag: "a" });
    done();
  });
  return proc;
}

function crashMessage(proc: Proc, port: number): string {
  const log = tail(proc.logFile, 30);
  const why = /address already in use|bind: address/i.test(log)
    ? `\nA port it needs (probably ${port} on 127.0.0.1) is already in use by another process.`
    : "";
  return `${proc.name} exited before it was ready (code ${proc.exited?.code}, signal ${proc.exited?.signal}).${why}\nLast lines of ${proc.logFile}:\n${log}`;
}

async function waitFor(
  proc: Proc,
  port: number,
  timeoutMs: number,
  probe: () => Promise<boolean>,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exited) throw new Error(crashMessage(proc, port));
    if (await probe().catch(() => false)) return;
    if (proc.exited) throw new Error(crashMessage(proc, port));
    if (Date.now() > deadline) {
      throw new Error(
        `${what} was not ready after ${Math.round(timeoutMs / 1000)}s. Last lines of ${proc.logFile}:\n${tail(proc.logFile, 30)}`,
      );
    }
    await sleep(200);
  }
}

const running = new Set<Proc>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Never leave orphans behind when the process that started a control plane exits without stop().
  process.on("exit", () => {
    for (const p of running) {
      if (!p.exited && p.child.pid) {
        try {
          process.kill(p.child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    }
  });
}

async function stopProc(p: Proc): Promise<void> {
  if (!p.exited && p.child.pid) await terminate(p.child.pid, 10_000);
  running.delete(p);
}

/** Starts etcd and kube-apiserver on loopback, waits for /readyz, writes an admin kubeconfig. */
export async function startControlPlane(opts: StartOptions = {}): Promise<ControlPlane> {
  const progress = opts.onProgress ?? (() => {});
  const timeout = opts.readyTimeoutMs ?? 120_000;
  for (const [flag, port] of [
    ["apiserverPort", opts.apiserverPort],
    ["etcdClientPort", opts.etcdClientPort],
    ["etcdPeerPort", opts.etcdPeerPort],
  ] as const) {
    if (port !== undefined && (await portInUse(port))) {
      throw new Error(
        `Cannot start the control plane: port ${port} on 127.0.0.1 (${flag}) is already in use.`,
      );
    }
  }
  const binaries = opts.binaries ?? (await resolveBinaries({ onProgress: progress }));
  const tempState = !opts.stateDir;
  const stateDir = opts.stateDir ?? (await mkdtemp(join(tmpdir(), "mesh-secure-cp-")));
  await mkdir(join(stateDir, "logs"), { recursive: true });

  let pki: Pki;
  try {
    pki = await ensurePki(stateDir);
  } catch (e) {
    if (tempState) await rm(stateDir, { recursive: true, force: true });
    throw e;
  }
  const etcdClientPort = opts.etcdClientPort ?? (await freePort());
  const etcdPeerPort = opts.etcdPeerPort ?? (await freePort());
  const apiserverPort = opts.apiserverPort ?? (await freePort());
  const server = `https://127.0.0.1:${apiserverPort}`;
  installExitHook();

  const started: Proc[] = [];
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    for (const p of [...started].reverse()) await stopProc(p);
    if (tempState) await rm(stateDir, { recursive: true, force: true });
  };

  try {
    progress(`starting etcd on 127.0.0.1:${etcdClientPort}`);
    const etcdUrl = `http://127.0.0.1:${etcdClientPort}`;
    const peerUrl = `http://127.0.0.1:${etcdPeerPort}`;
    const etcd = startProcess(
      "etcd",
      binaries.etcd,
      [
        "--name=default",
        `--data-dir=${join(stateDir, "etcd")}`,
        `--listen-client-urls=${etcdUrl}`,
        `--advertise-client-urls=${etcdUrl}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=default=${peerUrl}`,
        "--unsafe-no-fsync=true",
        "--log-level=warn",
      ],
      join(stateDir, "logs", "etcd.log"),
    );
    started.push(etcd);
    running.add(etcd);
    await waitFor(
      etcd,
      etcdClientPort,
      timeout,
      async () => (await get(`${etcdUrl}/health`)).body.includes('"health":"true"'),
      "etcd",
    );

    progress(`starting kube-apiserver on ${server}`);
    const apiserver = startProcess(
      "kube-apiserver",
      binaries.kubeApiserver,
      [
        `--etcd-servers=${etcdUrl}`,
        "--advertise-address=127.0.0.1",
        // no controllers maintain the kubernetes Service endpoints, and a loopback address is refused for them
        "--endpoint-reconciler-type=none",
        "--bind-address=127.0.0.1",
        `--secure-port=${apiserverPort}`,
        `--cert-dir=${pki.dir}`,
        `--tls-cert-file=${pki.servingCert}`,
        `--tls-private-key-file=${pki.servingKey}`,
        `--client-ca-file=${pki.caCert}`,
        "--authorization-mode=RBAC",
        `--service-account-key-file=${pki.serviceAccountKey}`,
        `--service-account-signing-key-file=${pki.serviceAccountKey}`,
        `--service-account-issuer=${server}`,
        "--disable-admission-plugins=ServiceAccount",
        "--service-cluster-ip-range=10.0.0.0/24",
        "--allow-privileged=true",
        "--v=1",
      ],
      join(stateDir, "logs", "kube-apiserver.log"),
    );
    started.push(apiserver);
    running.add(apiserver);
    const tls = {
      ca: await readFile(pki.caCert, "utf8"),
      cert: await readFile(pki.adminCert, "utf8"),
      key: await readFile(pki.adminKey, "utf8"),
    };
    await waitFor(
      apiserver,
      apiserverPort,
      timeout,
      async () => {
        const r = await get(`${server}/readyz`, tls);
        return r.status === 200 && r.body.trim() === "ok";
      },
      "kube-apiserver (/readyz)",
    );

    const kubeconfigPath = join(stateDir, "kubeconfig");
    await writeFile(
      kubeconfigPath,
      kubeconfigText({
        server,
        caCertPem: tls.ca,
        clientCertPem: tls.cert,
        clientKeyPem: tls.key,
        user: "mesh-secure-admin",
      }),
      { mode: 0o600 },
    );
    const kubeConfig = (): KubeConfig => {
      const kc = new KubeConfig();
      kc.loadFromFile(kubeconfigPath);
      return kc;
    };
    progress(`kube-apiserver is ready at ${server}`);
    if (opts.crds) await installCrds(kubeConfig(), { ...opts.crds, onProgress: progress });
    const unexpectedExit = Promise.race(
      [etcd, apiserver].map((p) =>
        p.exit.then(() =>
          stopped
            ? new Promise<string>(() => {})
            : `${p.name} exited (code ${p.exited?.code}, signal ${p.exited?.signal}); last lines of ${p.logFile}:\n${tail(p.logFile, 20)}`,
        ),
      ),
    );
    return {
      kubeconfigPath,
      unexpectedExit,
      server,
      stateDir,
      pids: { etcd: etcd.child.pid!, kubeApiserver: apiserver.child.pid! },
      kubeConfig,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
