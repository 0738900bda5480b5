/**
 * The test command (`pnpm test`): one control plane per run, then every test file under Node 24.
 *
 * - MESH_SECURE_TEST_KUBECONFIG=<path> runs the integration tests against that cluster instead (a user's
 *   real cluster with Istio installed); nothing is started or stopped then.
 * - Otherwise the local kube-apiserver + etcd is started (built from Go modules on first use, cached
 *   afterwards) and stopped at the end, unless it was already running (`pnpm cluster:up`).
 * - Extra arguments are test files or globs: `pnpm test actions/mtls/test/*.test.ts`.
 * - `--no-cluster` runs without a control plane (only for tests that need none).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const node = process.execPath;
const cli = join(root, "packages/control-plane/src/cli.ts");

function controlPlane(command: "up" | "down" | "status"): { code: number; lastLine: string; output: string } {
  const result = spawnSync(node, ["--conditions=source", cli, command], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = `${result.stdout}${result.stderr}`;
  const lines = result.stdout.trim().split("\n");
  return { code: result.status ?? 1, lastLine: lines[lines.length - 1] ?? "", output };
}

const args = process.argv.slice(2);
const noCluster = args.includes("--no-cluster");
let kubeconfig = process.env.MESH_SECURE_TEST_KUBECONFIG;
let startedHere = false;
if (noCluster) {
  console.log("Running without a control plane (--no-cluster).");
} else if (kubeconfig) {
  console.log(`Integration tests run against the cluster in ${kubeconfig} (MESH_SECURE_TEST_KUBECONFIG).`);
} else {
  const wasRunning = controlPlane("status").code === 0;
  const started = Date.now();
  const up = controlPlane("up");
  if (up.code !== 0 || !up.lastLine.startsWith("KUBECONFIG=")) {
    process.stderr.write(up.output);
    console.error("The local control plane did not start (see above); no test was run.");
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
  kubeconfig = up.lastLine.slice("KUBECONFIG=".length);
  startedHere = !wasRunning;
  console.log(`Control plane ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${kubeconfig}`);
}

const patterns = args.filter((arg) => arg !== "--no-cluster");
const files =
  patterns.length > 0
    ? patterns
    : ["packages/*/test/**/*.test.ts", "actions/*/test/**/*.test.ts", "test/**/*.test.ts"];
const totalsFile = join(mkdtempSync(join(tmpdir(), "mesh-secure-test-")), "totals.json");

const child = spawn(
  node,
  [
    "--conditions=source",
    "--test",
    "--test-concurrency=3",
    "--test-timeout=600000",
    "--test-reporter=spec",
    "--test-reporter-destination=stdout",
    `--test-reporter=${join(root, "test/summary-reporter.ts")}`,
    `--test-reporter-destination=${totalsFile}`,
    ...files,
  ],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      ...(kubeconfig ? { MESH_SECURE_KUBECONFIG: kubeconfig } : {}),
      MESH_SECURE_REPO: root,
    },
  },
);

const stopOnSignal = () => child.kill("SIGTERM");
process.on("SIGINT", stopOnSignal);
process.on("SIGTERM", stopOnSignal);

const code: number = await new Promise((done) => child.on("exit", (status) => done(status ?? 1)));
if (startedHere) controlPlane("down");

let totals = {
  passed: 0,
  failed: 0,
  skipped: 0,
  todo: 0,
  skippedNames: [] as string[],
  failedNames: [] as string[],
};
try {
  totals = JSON.parse(readFileSync(totalsFile, "utf8"));
} catch {
  totals.failed = 1; // the runner died before reporting
}
let failed = totals.failed;
if (process.env.CI && totals.skipped > 0) {
  console.error(`In CI no test may be skipped; skipped: ${totals.skippedNames.join(", ")}`);
  failed += totals.skipped;
}
if (totals.failedNames.length > 0) console.log(`Failed: ${totals.failedNames.join("; ")}`);
if (totals.passed + failed === 0) {
  console.error("No test ran.");
  failed = 1;
}
console.log(
  `${totals.passed} passed, ${failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ""}`,
);
process.exit(code !== 0 || failed > 0 ? 1 : 0);
