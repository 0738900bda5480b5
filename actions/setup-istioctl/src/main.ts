import { addPath } from "@actions/core";
import { runStep, type StepContext } from "@mesh-secure/action-runtime";
import { displayUrl, readConfig } from "./config.ts";
import { install } from "./install.ts";

export async function main({ inputs, reporter }: StepContext): Promise<void> {
  const config = readConfig(inputs);
  for (const secret of config.secrets) reporter.mask(secret);
  const installed = await install(config, reporter);
  addPath(installed.dir);
  reporter.setOutput("version", installed.version);
  reporter.setOutput("path", installed.path);
  reporter.setOutput("cache-hit", String(installed.cacheHit));
  reporter.setOutput("sha256", installed.sha256 ?? "");
  reporter.info(`istioctl ${installed.version} is on PATH: ${installed.path}`);
  reporter.summary.heading(`setup-istioctl: istioctl ${installed.version}`).table(
    ["", ""],
    [
      ["platform", config.platform],
      ["binary", installed.path],
      [
        "source",
        installed.cacheHit ? "tool cache (verified when it was downloaded)" : displayUrl(config.url),
      ],
      ["SHA-256", installed.sha256 ?? "-"],
      ["verified against", installed.checksumSource ?? "-"],
    ],
  );
}

export function run(context?: StepContext): Promise<boolean> {
  return runStep("setup-istioctl", main, context);
}
