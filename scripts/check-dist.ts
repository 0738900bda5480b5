/**
 * Fails when a committed actions/<name>/dist differs from a fresh bundle of its sources: GitHub runs
 * dist/index.js straight from the repository, so a stale bundle would ship old behaviour.
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const run = (command: string, args: string[]) =>
  execFileSync(command, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });

run("pnpm", ["turbo", "run", "bundle", "--force", "--output-logs=errors-only"]);
const actions = readdirSync(join(root, "actions"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const stale: string[] = [];
for (const action of actions) {
  const dist = `actions/${action}/dist`;
  const changed = run("git", ["status", "--porcelain", "--", dist]).trim();
  if (changed !== "")
    stale.push(
      `${dist}:\n${changed
        .split("\n")
        .map((line) => `    ${line}`)
        .join("\n")}`,
    );
}
if (stale.length > 0) {
  console.error(
    `The committed bundles are out of date with their sources:\n  ${stale.join("\n  ")}\n` +
      "Fix: run `pnpm bundle` and commit the changed dist/ folders (see CONTRIBUTING.md).",
  );
  process.exit(1);
}
console.log(`dist/ of ${actions.length} actions matches a fresh bundle.`);
