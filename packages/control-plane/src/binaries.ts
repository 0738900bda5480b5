import { constants, existsSync } from "node:fs";
import { access, copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { binaryCacheDir, cacheRoot, ETCD_VERSION, ISTIO_API_VERSION, KUBERNETES_VERSION } from "./paths.ts";
import { isAlive, note, run, sleep, tail } from "./proc.ts";

export interface Binaries {
  kubeApiserver: string;
  etcd: string;
  /** Where they came from. */
  source: "KUBEBUILDER_ASSETS" | "cache" | "built";
}

export interface ResolveOptions {
  /** Progress lines ("building kube-apiserver v1.37.2 ..."). */
  onProgress?: (line: string) => void;
}

const MIN_GO = [1, 26] as const;

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `go version` -> [major, minor], or undefined when there is no usable Go. */
async function goVersion(): Promise<[number, number] | undefined> {
  try {
    const r = await run("go", ["env", "GOVERSION"]);
    const m = /go(\d+)\.(\d+)/.exec(r.stdout);
    if (r.code !== 0 || !m) return undefined;
    return [Number(m[1]), Number(m[2])];
  } catch {
    return undefined;
  }
}

function noGoMessage(found?: [number, number]): string {
  const what = found ? `Go ${found.join(".")} is too old` : "Go is not installed (no `go` on PATH)";
  return (
    `Cannot get kube-apiserver and etcd: ${what}, and KUBEBUILDER_ASSETS is not set.\n` +
    `Either install Go >= ${MIN_GO.join(".")} (the binaries are then built once from the Go module proxy ` +
    `and cached in ${binaryCacheDir()}),\n` +
    "or set KUBEBUILDER_ASSETS to a directory holding kube-apiserver and etcd " +
    "(for example the output of `setup-envtest use -p path`)."
  );
}

async function requireGo(): Promise<void> {
  const v = await goVersion();
  if (!v || v[0] < MIN_GO[0] || (v[0] === MIN_GO[0] && v[1] < MIN_GO[1])) throw new Error(noGoMessage(v));
}

/** Env for every go command: modules on, no cgo, never switch toolchains behind the user's back. */
function goEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GOFLAGS: "-mod=mod", CGO_ENABLED: "0", GO111MODULE: "on", GOTOOLCHAIN: "local" };
}

interface Downloaded {
  Path: string;
  Version: string;
  GoMod?: string;
  Dir?: string;
  Error?: string;
}

/** `go mod download -json module@version`; undefined when the proxy does not serve it. */
async function goModDownload(spec: string, logFile: string, cwd: string): Promise<Downloaded | undefined> {
  const r = await run("go", ["mod", "download", "-json", spec], { cwd, env: goEnv() });
  await note(logFile, `go mod download ${spec}: exit ${r.code}${r.stderr ? `\n${r.stderr.trim()}` : ""}`);
  try {
    const parsed = JSON.parse(r.stdout) as Downloaded;
    if (r.code !== 0 || parsed.Error) {
      await note(logFile, `  ${parsed.Error ?? "failed"}`);
      return undefined;
    }
    return parsed;
  } catch {
    return undefined;
  }
}

class BuildError extends Error {}

async function mustRun(args: string[], cwd: string, logFile: string, what: string): Promise<void> {
  const r = await run("go", args, { cwd, env: goEnv(), logFile });
  if (r.code !== 0) {
    throw new BuildError(`${what} failed (exit ${r.code}). Last lines of ${logFile}:\n${tail(logFile, 30)}`);
  }
}

/** The `go` and `godebug` lines of a go.mod, to mirror them in a helper module. */
function goDirectives(goMod: string): string {
  const go = /^go\s+(\S+)/m.exec(goMod)?.[1] ?? "1.26.0";
  const godebug = /^godebug\s+.*$/m.exec(goMod)?.[0];
  return `go ${go}\n${godebug ? `\n${godebug}\n` : ""}`;
}

/** Staging modules: every `replace k8s.io/x => ./staging/src/k8s.io/x` of k8s.io/kubernetes' go.mod. */
export function stagingModules(goMod: string): string[] {
  const names = new Set<string>();
  for (const m of goMod.matchAll(/^\s*(?:replace\s+)?(k8s\.io\/[\w.-]+)\s+=>\s+\.\/staging\/src\//gm)) {
    names.add(m[1]!);
  }
  return [...names];
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function versionLdflags(): string {
  const [major, minor] = KUBERNETES_VERSION.slice(1).split(".");
  const buildDate = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const flags: string[] = ["-s", "-w"];
  // component-base/version is what /version reports; client-go/pkg/version is set too, as kube's own build does.
  for (const pkg of ["k8s.io/component-base/version", "k8s.io/client-go/pkg/version"]) {
    flags.push(
      `-X ${pkg}.gitVersion=${KUBERNETES_VERSION}`,
      `-X ${pkg}.gitMajor=${major}`,
      `-X ${pkg}.gitMinor=${minor}`,
      `-X ${pkg}.gitTreeState=clean`,
      `-X ${pkg}.buildDate=${buildDate}`,
    );
  }
  return flags.join(" ");
}

/** Builds kube-apiserver from k8s.io/kubernetes through a throwaway helper module in `work`. */
async function buildKubeApiserver(work: string, outDir: string, logFile: string): Promise<void> {
  const dir = join(work, "kube-apiserver");
  await mkdir(dir, { recursive: true });
  const kube = await goModDownload(`k8s.io/kubernetes@${KUBERNETES_VERSION}`, logFile, dir);
  if (!kube?.GoMod) {
    throw new BuildError(
      `The Go module proxy did not serve k8s.io/kubernetes@${KUBERNETES_VERSION}. Last lines of ${logFile}:\n${tail(logFile)}`,
    );
  }
  const kubeMod = await readFile(kube.GoMod, "utf8");
  const staging = stagingModules(kubeMod);
  if (staging.length === 0) throw new BuildError(`no staging modules found in ${kube.GoMod}`);
  const stagingVersion = `v0${KUBERNETES_VERSION.slice(2)}`; // v1.37.2 -> v0.37.2
  const served = await mapLimit(staging, 6, (m) => goModDownload(`${m}@${stagingVersion}`, logFile, dir));
  const replaces: string[] = [];
  const stubbed: string[] = [];
  for (const [i, m] of staging.entries()) {
    if (served[i]) {
      replaces.push(`\t${m} => ${m} ${stagingVersion}`);
    } else {
      // Not on the proxy (e.g. k8s.io/sample-controller): a go.mod-only stub; fine as long as nothing imports it.
      const stub = join(dir, "stubs", m.slice("k8s.io/".length));
      await mkdir(stub, { recursive: true });
      await writeFile(join(stub, "go.mod"), `module ${m}\n\n${goDirectives(kubeMod)}`);
      replaces.push(`\t${m} => ./stubs/${m.slice("k8s.io/".length)}`);
      stubbed.push(m);
    }
  }
  await note(
    logFile,
    `staging modules: ${staging.length}; stubbed (not served by the proxy): ${stubbed.join(", ") || "none"}`,
  );
  await writeFile(
    join(dir, "go.mod"),
    `module mesh-secure.local/kube-apiserver-build\n\n${goDirectives(kubeMod)}\nrequire k8s.io/kubernetes ${KUBERNETES_VERSION}\n\nreplace (\n${replaces.join("\n")}\n)\n`,
  );
  await writeFile(
    join(dir, "tools.go"),
    '//go:build tools\n\npackage tools\n\nimport _ "k8s.io/kubernetes/cmd/kube-apiserver"\n',
  );
  try {
    await mustRun(["mod", "tidy"], dir, logFile, "go mod tidy (kube-apiserver helper module)");
  } catch (e) {
    const log = tail(logFile, 200);
    const blocked = stubbed.filter((m) => log.includes(m));
    if (blocked.length > 0) {
      throw new BuildError(
        `BLOCKED: kube-apiserver imports ${blocked.join(", ")}, which the Go module proxy does not serve at ${stagingVersion}.\n${(e as Error).message}`,
      );
    }
    throw e;
  }
  await mustRun(
    [
      "build",
      "-trimpath",
      "-ldflags",
      versionLdflags(),
      "-o",
      join(outDir, "kube-apiserver"),
      "k8s.io/kubernetes/cmd/kube-apiserver",
    ],
    dir,
    logFile,
    `go build kube-apiserver ${KUBERNETES_VERSION}`,
  );
}

/** Builds etcd from go.etcd.io/etcd/server/v3 (a main package) through a helper module. */
async function buildEtcd(work: string, outDir: string, logFile: string): Promise<void> {
  const dir = join(work, "etcd");
  await mkdir(dir, { recursive: true });
  const server = await goModDownload(`go.etcd.io/etcd/server/v3@${ETCD_VERSION}`, logFile, dir);
  if (!server?.GoMod) {
    throw new BuildError(
      `The Go module proxy did not serve go.etcd.io/etcd/server/v3@${ETCD_VERSION}.\n${tail(logFile)}`,
    );
  }
  const serverMod = await readFile(server.GoMod, "utf8");
  // server/v3's go.mod replaces its sibling modules with ../ paths; require them at the same version instead.
  const siblings = new Set<string>();
  for (const m of serverMod.matchAll(/^\s*(?:replace\s+)?(go\.etcd\.io\/etcd\/[\w./-]+)\s+=>\s+\.\.\//gm)) {
    siblings.add(m[1]!);
  }
  const requires = [
    `go.etcd.io/etcd/server/v3 ${ETCD_VERSION}`,
    ...[...siblings].map((m) => `${m} ${ETCD_VERSION}`),
  ];
  await writeFile(
    join(dir, "go.mod"),
    `module mesh-secure.local/etcd-build\n\n${goDirectives(serverMod)}\nrequire (\n${requires.map((r) => `\t${r}`).join("\n")}\n)\n`,
  );
  await writeFile(
    join(dir, "tools.go"),
    '//go:build tools\n\npackage tools\n\nimport _ "go.etcd.io/etcd/server/v3"\n',
  );
  await mustRun(["mod", "tidy"], dir, logFile, "go mod tidy (etcd helper module)");
  await mustRun(
    ["build", "-trimpath", "-ldflags", "-s -w", "-o", join(outDir, "etcd"), "go.etcd.io/etcd/server/v3"],
    dir,
    logFile,
    `go build etcd ${ETCD_VERSION}`,
  );
}

/**
 * A cross-process lock (a directory holding the owner's pid). Waits while a live process holds it;
 * takes over a lock whose owner died.
 */
export async function withLock<T>(lockDir: string, onWait: () => void, fn: () => Promise<T>): Promise<T> {
  let waited = false;
  await mkdir(dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      await mkdir(lockDir);
      await writeFile(join(lockDir, "pid"), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(await readFile(join(lockDir, "pid"), "utf8").catch(() => "0"));
      if (pid > 0 && !isAlive(pid)) {
        await rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!waited) onWait();
      waited = true;
      await sleep(1000);
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

/**
 * Finds kube-apiserver and etcd: from `$KUBEBUILDER_ASSETS` when set; else from the cache; else builds them
 * with Go from the module proxy into the cache (atomically: temp dir, then rename).
 */
export async function resolveBinaries(opts: ResolveOptions = {}): Promise<Binaries> {
  const progress = opts.onProgress ?? (() => {});
  const assets = process.env["KUBEBUILDER_ASSETS"];
  if (assets) {
    const kubeApiserver = join(assets, "kube-apiserver");
    const etcd = join(assets, "etcd");
    const missing = [kubeApiserver, etcd].filter((f) => !existsSync(f));
    if (missing.length > 0) {
      throw new Error(
        `KUBEBUILDER_ASSETS=${assets} but ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} missing there. ` +
          "Point KUBEBUILDER_ASSETS at a directory with both kube-apiserver and etcd (e.g. `setup-envtest use -p path`), " +
          "or unset it to build them with Go.",
      );
    }
    return { kubeApiserver, etcd, source: "KUBEBUILDER_ASSETS" };
  }

  const finalDir = binaryCacheDir();
  const cached = async (): Promise<Binaries | undefined> => {
    const kubeApiserver = join(finalDir, "kube-apiserver");
    const etcd = join(finalDir, "etcd");
    return (await isExecutable(kubeApiserver)) && (await isExecutable(etcd))
      ? { kubeApiserver, etcd, source: "cache" }
      : undefined;
  };
  const hit = await cached();
  if (hit) return hit;

  await requireGo();
  await mkdir(cacheRoot(), { recursive: true });
  return withLock(
    `${finalDir}.lock`,
    () => progress("another process is building the control-plane binaries; waiting for it"),
    async () => {
      const again = await cached();
      if (again) return again;
      const work = await mkdtemp(join(cacheRoot(), ".build-"));
      const outDir = join(work, "out");
      await mkdir(outDir);
      const logFile = join(cacheRoot(), `build-${new Date().toISOString().replace(/[:.]/g, "-")}.log`);
      const started = Date.now();
      try {
        progress(`building etcd ${ETCD_VERSION} with Go (log: ${logFile})`);
        await buildEtcd(work, outDir, logFile);
        progress(
          `building kube-apiserver ${KUBERNETES_VERSION} with Go; the first build takes several minutes`,
        );
        await buildKubeApiserver(work, outDir, logFile);
        await rm(finalDir, { recursive: true, force: true });
        await rename(outDir, finalDir);
        progress(`built in ${Math.round((Date.now() - started) / 1000)}s into ${finalDir}`);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
      return {
        kubeApiserver: join(finalDir, "kube-apiserver"),
        etcd: join(finalDir, "etcd"),
        source: "built",
      };
    },
  );
}

/**
 * The path of istio/api's `kubernetes/customresourcedefinitions.gen.yaml` at ISTIO_API_VERSION, copied into
 * the cache on first use (fetched with `go mod download`). `MESH_SECURE_ISTIO_CRDS` overrides the file.
 */
export async function istioCrdFile(): Promise<string> {
  const override = process.env["MESH_SECURE_ISTIO_CRDS"];
  if (override) return override;
  const cachedFile = join(cacheRoot(), `istio-api-${ISTIO_API_VERSION}-customresourcedefinitions.gen.yaml`);
  if (existsSync(cachedFile)) return cachedFile;
  const v = await goVersion();
  if (!v) {
    throw new Error(
      `Cannot get Istio's CRDs (istio.io/api@${ISTIO_API_VERSION}): Go is not installed. Install Go, or set ` +
        "MESH_SECURE_ISTIO_CRDS to a copy of kubernetes/customresourcedefinitions.gen.yaml from istio/api.",
    );
  }
  await mkdir(cacheRoot(), { recursive: true });
  const logFile = join(cacheRoot(), "istio-api-download.log");
  const mod = await goModDownload(`istio.io/api@${ISTIO_API_VERSION}`, logFile, cacheRoot());
  if (!mod?.Dir)
    throw new Error(`go mod download istio.io/api@${ISTIO_API_VERSION} failed:\n${tail(logFile)}`);
  const tmp = `${cachedFile}.${process.pid}.tmp`;
  await copyFile(join(mod.Dir, "kubernetes", "customresourcedefinitions.gen.yaml"), tmp);
  await rename(tmp, cachedFile);
  return cachedFile;
}
