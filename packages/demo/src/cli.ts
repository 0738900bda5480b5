/**
 * `pnpm demo [--legacy | --modern]` (default --modern). Ctrl-C stops it and cleans up.
 */
import { runDemo } from "./demo.ts";

const args = process.argv.slice(2);
const unknown = args.filter((arg) => !["--legacy", "--modern", "--help", "-h"].includes(arg));
if (args.includes("--help") || args.includes("-h") || unknown.length > 0) {
  if (unknown.length > 0) console.error(`Unknown argument(s): ${unknown.join(" ")}`);
  console.log(
    "Usage: pnpm demo [--legacy | --modern]\n  --legacy  the edge imitates Istio <= 1.5 (authentication.istio.io/v1alpha1 Policy, file-mount certificate)\n  --modern  the edge imitates current Istio (RequestAuthentication + AuthorizationPolicy, SDS credentialName) [default]",
  );
  process.exit(unknown.length > 0 ? 2 : 0);
}
const controller = new AbortController();
let interrupted = false;
const onSignal = () => {
  if (interrupted) return;
  interrupted = true;
  console.log("\nInterrupted: stopping and cleaning up…");
  controller.abort(new Error("interrupted"));
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

try {
  const result = await runDemo({
    generation: args.includes("--legacy") ? "legacy" : "modern",
    log: (line) => console.log(line),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    signal: controller.signal,
  });
  process.exitCode = result.passed ? 0 : 1;
} catch (error) {
  if (interrupted) {
    console.log("Cleaned up: no process or state left behind.");
    process.exitCode = 130;
  } else {
    console.error(`The demo could not run: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
