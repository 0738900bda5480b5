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
  KubeApi,
  loadKubeconfig,
  mapInputs,
  maskKubeconfigSecrets,
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

  test("credentials of auth providers and exec plugins are masked, the rest of the file is not", () => {
    const masked: string[] = [];
    const content = `${kubeconfig("t0ken-t0ken")}`.replace(
      'user: { token: "t0ken-t0ken" }',
      'user: { auth-provider: { name: oidc, config: { refresh-token: "refresh-me-please", client-secret: "oidc-client-secret" } }, exec: { command: x, env: [{ name: AWS_SECRET, value: "aws-secret-value" }] } }',
    );
    maskKubeconfigSecrets(content, (secret) => masked.push(secret));
    for (const secret of ["refresh-me-please", "oidc-client-secret", "aws-secret-value"])
      assert.ok(masked.includes(secret), secret);
    assert.ok(!masked.some((value) => value.includes("apiVersion: v1")));
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
    // A stand-in body, not a key; the label is a variable so no file carries a literal key header.
    const label = "PRIVATE KEY";
    const registered: string[] = [];
    registerSecret(
      (value) => registered.push(value),
      `-----BEGIN ${label}-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END ${label}-----`,
    );
    assert.ok(registered.includes("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"));
    assert.ok(!registered.includes(`-----BEGIN ${label}-----`));
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

describe("transport", () => {
  test("a server that only speaks HTTP/1.1 over TLS is still reached (the client falls back from HTTP/2)", async () => {
    const { execFileSync } = await import("node:child_process");
    const { createServer } = await import("node:https");
    const { readFileSync, writeFileSync } = await import("node:fs");
    const dir = mkdtempSync(join(tmpdir(), "h1-"));
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
      ],
      { stdio: "ignore" },
    );
    const seen: string[] = [];
    const server = createServer(
      { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) },
      (request, response) => {
        seen.push(`HTTP/${request.httpVersion} ${request.url}`);
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ gitVersion: "v1.37.2" }));
      },
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const path = join(dir, "kubeconfig");
      writeFileSync(
        path,
        kubeconfig("t0ken-t0ken").replace("https://127.0.0.1:6443", `https://127.0.0.1:${port}`),
      );
      const api = new KubeApi(loadKubeconfig({ path, mask: () => {} }).kc);
      const first = await api.request("GET", "/version");
      const second = await api.request("GET", "/version");
      await api.close();
      assert.deepEqual([first.body, second.body], [{ gitVersion: "v1.37.2" }, { gitVersion: "v1.37.2" }]);
      assert.deepEqual(seen, ["HTTP/1.1 /version", "HTTP/1.1 /version"]);
    } finally {
      server.close();
    }
  });
});
