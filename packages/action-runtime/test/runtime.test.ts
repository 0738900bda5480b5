/** The pure parts of the runtime: inputs, kubeconfig handling, masking and summaries. */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, test } from "node:test";
import {
  InputError,
  Inputs,
  loadKubeconfig,
  mapInputs,
  parseMarkdown,
  registerSecret,
  renderMarkdown,
  Summary,
  TerminalReporter,
} from "../src/index.ts";

const kubeconfig = (token: string) => `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: { server: "https://127.0.0.1:6443", insecure-skip-tls-verify: true }
users:
- name: u
  user: { token: "${token}" }
contexts:
- name: one
  context: { cluster: c, user: u }
- name: two
  context: { cluster: c, user: u }
current-context: one
`;

describe("inputs", () => {
  test("a boolean input refuses anything but true or false, naming the input", () => {
    const inputs = new Inputs(mapInputs({ "dry-run": "yes" }));
    assert.throws(
      () => inputs.boolean("dry-run", false),
      (error: unknown) => error instanceof InputError && error.input === "dry-run",
    );
  });

  test("a number input enforces its range", () => {
    const inputs = new Inputs(mapInputs({ "min-days-valid": "-3" }));
    assert.throws(() => inputs.integer("min-days-valid", 7, { min: 0 }), /below the minimum 0/);
  });

  test("lists accept lines, commas and YAML sequences alike", () => {
    for (const value of ["a\nb", "a, b", "- a\n- b", "[a, b]"]) {
      assert.deepEqual(new Inputs(mapInputs({ hosts: value })).list("hosts"), ["a", "b"], value);
    }
  });

  test("a choice is matched without regard to case and returned in its canonical spelling", () => {
    assert.equal(
      new Inputs(mapInputs({ mode: "strict" })).choice("mode", ["STRICT", "PERMISSIVE"], "PERMISSIVE"),
      "STRICT",
    );
  });

  test("a required input that is empty is an error with a fix", () => {
    assert.throws(
      () => new Inputs(mapInputs({ namespace: "  " })).required("namespace", "give one"),
      /Input 'namespace': is required.*Fix: give one/,
    );
  });
});

describe("kubeconfig", () => {
  test("inline content is written 0600 under RUNNER_TEMP, masked, and removed by dispose", () => {
    const runnerTemp = mkdtempSync(join(tmpdir(), "runner-temp-"));
    const masked: string[] = [];
    const loaded = loadKubeconfig({
      content: kubeconfig("s3cr3t-token-value"),
      mask: (secret) => masked.push(secret),
      env: { RUNNER_TEMP: runnerTemp },
    });
    const [dir] = readdirSync(runnerTemp);
    const [file] = readdirSync(join(runnerTemp, dir!));
    assert.equal(statSync(join(runnerTemp, dir!, file!)).mode & 0o777, 0o600);
    assert.ok(masked.includes("s3cr3t-token-value"));
    loaded.dispose();
    assert.equal(existsSync(join(runnerTemp, dir!)), false);
  });

  test("an unknown context is refused with the contexts that exist", () => {
    assert.throws(
      () => loadKubeconfig({ content: kubeconfig("t0ken-t0ken"), context: "three", mask: () => {}, env: {} }),
      /'three' is not a context.*one, two/,
    );
  });

  test("no kubeconfig anywhere is an error that says where it looked", () => {
    assert.throws(
      () => loadKubeconfig({ mask: () => {}, env: { HOME: mkdtempSync(join(tmpdir(), "home-")) } }),
      /KUBECONFIG is not set/,
    );
  });
});

describe("masking", () => {
  test("a multi-line secret is masked whole and line by line, but PEM armour lines are not", () => {
    const registered: string[] = [];
    registerSecret(
      (value) => registered.push(value),
      "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----",
    );
    assert.ok(registered.includes("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"));
    assert.ok(!registered.includes("-----BEGIN PRIVATE KEY-----"));
  });

  test("the terminal reporter never prints a registered secret", () => {
    let printed = "";
    const out = new Writable({
      write(chunk, _encoding, done) {
        printed += chunk.toString();
        done();
      },
    });
    const reporter = new TerminalReporter({ out });
    reporter.mask("hunter2-client-secret");
    reporter.info("token request with hunter2-client-secret");
    reporter.setOutput("echo", "hunter2-client-secret");
    assert.ok(!printed.includes("hunter2"));
    assert.equal(reporter.outputs.echo, "***");
  });
});

describe("summaries", () => {
  test("markdown written for a job summary parses back into the same blocks", () => {
    const summary = new Summary()
      .heading("Result")
      .table(
        ["a", "b"],
        [
          ["1", "x | y"],
          ["2", "two\nlines"],
        ],
      )
      .list(["one", "two"])
      .code("kind: Secret", "yaml");
    const parsed = parseMarkdown(renderMarkdown(summary.blocks));
    assert.deepEqual(parsed[1], {
      kind: "table",
      header: ["a", "b"],
      rows: [
        ["1", "x | y"],
        ["2", "two\nlines"],
      ],
    });
    assert.deepEqual(parsed[2], { kind: "list", items: ["one", "two"] });
  });
});
