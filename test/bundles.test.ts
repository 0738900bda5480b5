/**
 * Smoke test: each committed bundle runs under Node 24 the way GitHub runs it (INPUT_* variables with
 * hyphens kept, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and RUNNER_TEMP files) and answers a missing
 * required input with a clear error annotation and a non-zero exit.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { nodeActionNames } from "./actions.ts";
import { runBundle } from "./run-bundle.ts";

describe("bundles", () => {
  test("run under Node 24", () => {
    assert.match(process.version, /^v24\./, "the test runner must be Node 24, as GitHub's node24 runtime");
  });

  for (const name of nodeActionNames()) {
    test(`${name} fails with an error annotation naming the missing input, and writes no outputs`, async () => {
      const result = await runBundle(name, {});
      assert.notEqual(result.code, 0);
      const annotation = result.stdout.split("\n").find((line) => line.startsWith("::error"));
      assert.ok(annotation, `no ::error annotation in:\n${result.stdout}${result.stderr}`);
      assert.match(annotation, /[Ii]nput '[a-z-]+'/);
      assert.match(annotation, /Fix: /);
      assert.equal(result.outputs.size, 0);
    });
  }
});
