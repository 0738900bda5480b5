import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { inputsReadBySource, nodeActionNames, readAction, repoRoot } from "./actions.ts";

// Inputs every Kubernetes-facing action reads through the shared connector, not its own source.
const sharedInputs = new Set(["kubeconfig", "context"]);

describe("action metadata", () => {
  for (const name of nodeActionNames()) {
    describe(name, () => {
      const action = readAction(name);

      test("runs on the node24 runtime from dist/index.js", () => {
        assert.equal(action.runs.using, "node24");
        assert.equal(action.runs.main, "dist/index.js");
      });

      test("has a name, a description and branding", () => {
        assert.ok(action.name.length > 0);
        assert.ok(action.description.length > 20);
        assert.ok(action.branding?.icon && action.branding.color);
      });

      test("describes every input and output", () => {
        for (const [input, spec] of Object.entries(action.inputs ?? {})) {
          assert.ok((spec.description ?? "").length > 10, `input ${input} needs a description`);
        }
        for (const [output, spec] of Object.entries(action.outputs ?? {})) {
          assert.ok((spec.description ?? "").length > 10, `output ${output} needs a description`);
        }
      });

      test("declares exactly the inputs its source reads", () => {
        const declared = new Set(Object.keys(action.inputs ?? {}));
        const read = inputsReadBySource(name);
        for (const input of read)
          assert.ok(declared.has(input), `src reads input '${input}' that action.yml does not declare`);
        for (const input of declared) {
          assert.ok(
            read.has(input) || sharedInputs.has(input),
            `action.yml declares input '${input}' that src never reads`,
          );
        }
      });

      test("its README documents every input and output", () => {
        const readme = readFileSync(join(repoRoot, "actions", name, "README.md"), "utf8");
        for (const key of [...Object.keys(action.inputs ?? {}), ...Object.keys(action.outputs ?? {})]) {
          assert.ok(readme.includes(`\`${key}\``), `README of ${name} does not mention \`${key}\``);
        }
      });
    });
  }
});
