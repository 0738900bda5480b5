/**
 * The demo end to end, for both Istio generations: its own control plane, the real OIDC server, the local
 * edge, the four bundles in the dev workflow's order, and the reference experiment.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { runDemo } from "../src/demo.ts";

for (const generation of ["modern", "legacy"] as const) {
  describe(`the ${generation} demo`, () => {
    test("secures the mesh, passes verification and replays the delete/re-apply experiment", async () => {
      const lines: string[] = [];
      const result = await runDemo({ generation, log: (line) => lines.push(line), color: false });
      const transcript = lines.join("\n");
      assert.equal(result.passed, true, transcript);
      assert.deepEqual(
        result.steps.map((step) => step.action),
        ["tls-secret", "jwt-policy", "mtls", "verify", "jwt-policy", "verify", "jwt-policy", "verify"],
      );
      for (const step of result.steps)
        assert.equal(step.result.code, 0, `${step.name}:\n${step.result.stdout}`);
      // The experiment: the edge's own refusal is gone while the policy is deleted, and back afterwards.
      const [, , , firstVerify, removal, serviceVerify, reapply, finalVerify] = result.steps;
      assert.equal(removal!.result.outputs.get("changed"), "true");
      assert.equal(reapply!.result.outputs.get("changed"), "true");
      for (const step of [firstVerify!, serviceVerify!, finalVerify!])
        assert.equal(step.result.outputs.get("passed"), "true");
      const edgeLines = lines.filter((line) => line.includes("edge:"));
      assert.ok(
        edgeLines.some((line) => line.includes("JWT: none")),
        `the edge never saw the policy deleted:\n${edgeLines.join("\n")}`,
      );
      // The client secret and tokens never reach what the steps print or write.
      for (const step of result.steps) {
        assert.ok(!`${step.result.stdout}${step.result.summary}`.includes("writer:secret"));
      }
    });
  });
}

describe("Ctrl-C", () => {
  test("stops the demo midway and leaves no process and no state behind", async () => {
    const { spawn } = await import("node:child_process");
    const { existsSync, readdirSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const cli = join(import.meta.dirname, "..", "src", "cli.ts");
    const child = spawn(process.execPath, ["--conditions=source", cli, "--modern"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const stateDir = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const state = /state: (\S+)/.exec(output)?.[1];
        // Interrupt once the control plane runs, so there is something to clean up.
        if (state && /control plane ready/.test(output)) resolve(state);
      });
      child.on("exit", () => reject(new Error(`the demo ended before it could be interrupted:\n${output}`)));
    });
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("exit", (status) => resolve(status)));
    assert.equal(code, 130, output);
    assert.match(output, /Cleaned up/);
    assert.equal(existsSync(stateDir), false, `${stateDir} is left behind`);
    const survivors = readdirSync("/proc")
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(stateDir);
        } catch {
          return false;
        }
      });
    assert.deepEqual(survivors, [], "processes of the demo's control plane are still running");
  });
});
