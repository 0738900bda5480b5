/**
 * Our runner protocol writer emits exactly what @actions/core emits (the library is a dev dependency here,
 * kept as the reference the bundles no longer load).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import * as core from "@actions/core";
import { ActionsReporter } from "../src/index.ts";

function captureStdout(fn: () => void): string {
  const original = process.stdout.write.bind(process.stdout);
  let captured = "";
  process.stdout.write = ((chunk: string | Uint8Array) => {
    captured += chunk.toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    fn();
  } finally {
    process.stdout.write = original;
  }
  return captured;
}

const messages = ["plain", "line one\nline two\r\n", "100% done: a, b", "::already:: escaped? %0A", ""];
const annotations = [{}, { title: "jwt-policy: input 'issuers'" }, { title: "a,b:c", file: "x.yml" }];

describe("workflow commands", () => {
  test("annotations, debug lines and masks match @actions/core byte for byte", () => {
    const ours = new ActionsReporter();
    for (const message of messages) {
      for (const annotation of annotations) {
        assert.equal(
          captureStdout(() => ours.error(message, annotation)),
          captureStdout(() => core.error(message, annotation)),
        );
        assert.equal(
          captureStdout(() => ours.warning(message, annotation)),
          captureStdout(() => core.warning(message, annotation)),
        );
        assert.equal(
          captureStdout(() => ours.notice(message, annotation)),
          captureStdout(() => core.notice(message, annotation)),
        );
      }
      assert.equal(
        captureStdout(() => ours.debug(message)),
        captureStdout(() => core.debug(message)),
      );
      assert.equal(
        captureStdout(() => ours.info(message)),
        captureStdout(() => core.info(message)),
      );
    }
    assert.equal(
      captureStdout(() => ours.mask("s3cr3t-value")),
      captureStdout(() => core.setSecret("s3cr3t-value")),
    );
  });

  test("outputs land in GITHUB_OUTPUT in the same form, multi-line values included", () => {
    const dir = mkdtempSync(join(tmpdir(), "commands-"));
    const file = join(dir, "output");
    const previous = process.env.GITHUB_OUTPUT;
    process.env.GITHUB_OUTPUT = file;
    try {
      const normalise = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]+/g, "DELIMITER");
      writeFileSync(file, "");
      new ActionsReporter().setOutput("report", '{"a": 1}\nsecond line');
      const ours = normalise(readFileSync(file, "utf8"));
      writeFileSync(file, "");
      core.setOutput("report", '{"a": 1}\nsecond line');
      assert.equal(ours, normalise(readFileSync(file, "utf8")));
    } finally {
      if (previous === undefined) delete process.env.GITHUB_OUTPUT;
      else process.env.GITHUB_OUTPUT = previous;
    }
  });

  test("setFailed sets exit code 1 and writes an error annotation", () => {
    const previous = process.exitCode;
    const printed = captureStdout(() => new ActionsReporter().setFailed("it broke"));
    assert.equal(process.exitCode, 1);
    process.exitCode = previous;
    assert.equal(printed, "::error::it broke\n");
  });
});
