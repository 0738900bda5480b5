/**
 * setup-istioctl through its committed bundle, as GitHub runs it, against a real HTTP server on loopback
 * that serves an istioctl release layout (a tar.gz holding an `istioctl` script, and its `.sha256` file).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { runBundle } from "../../../test/run-bundle.ts";
import { istioPlatform } from "../src/config.ts";

const VERSION = "1.28.0";
const platform = istioPlatform(process.platform, process.arch)!;
const archive = `istioctl-${VERSION}-${platform}.tar.gz`;
const script = `#!/bin/sh\necho "client version: ${VERSION}"\n`;

interface Mirror {
  server: Server;
  base: string;
  requests: string[];
  /** What the mirror answers for the .sha256 file (a function of the real digest). */
  checksum: (digest: string) => string | undefined;
}

let work: string;
let tarball: Buffer;
let digest: string;

function startMirror(checksum: Mirror["checksum"]): Promise<Mirror> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? "";
    requests.push(path);
    if (path === `/istio/${VERSION}/${archive}`) {
      response.writeHead(200, { "content-type": "application/gzip" }).end(tarball);
    } else if (path === `/istio/${VERSION}/${archive}.sha256`) {
      const body = checksum(digest);
      if (body === undefined) response.writeHead(404).end("not found");
      else response.writeHead(200, { "content-type": "text/plain" }).end(body);
    } else {
      response.writeHead(404).end("not found");
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, base: `http://127.0.0.1:${port}`, requests, checksum });
    });
  });
}

function stopMirror(mirror: Mirror): Promise<void> {
  return new Promise((resolve) => mirror.server.close(() => resolve()));
}

/** A fresh tool cache and PATH file for one run (or shared between runs to test cache hits). */
function runnerDirs(): { toolCache: string; pathFile: string } {
  const dir = mkdtempSync(join(work, "runner-"));
  const toolCache = join(dir, "tool-cache");
  mkdirSync(toolCache);
  const pathFile = join(dir, "github-path");
  writeFileSync(pathFile, "");
  return { toolCache, pathFile };
}

function setup(
  mirror: Mirror,
  dirs: { toolCache: string; pathFile: string },
  inputs: Record<string, string> = {},
) {
  return runBundle(
    "setup-istioctl",
    {
      version: VERSION,
      "download-url": `${mirror.base}/istio/{version}/istioctl-{version}-{platform}.tar.gz`,
      ...inputs,
    },
    {
      env: {
        RUNNER_TOOL_CACHE: dirs.toolCache,
        GITHUB_PATH: dirs.pathFile,
        NO_PROXY: "127.0.0.1,localhost",
        no_proxy: "127.0.0.1,localhost",
      },
    },
  );
}

function errorAnnotation(stdout: string): string {
  return stdout.split("\n").find((line) => line.startsWith("::error")) ?? "";
}

describe("setup-istioctl bundle against a loopback mirror", () => {
  before(() => {
    work = mkdtempSync(join(tmpdir(), "setup-istioctl-"));
    const layout = join(work, "layout");
    mkdirSync(layout);
    writeFileSync(join(layout, "istioctl"), script, { mode: 0o755 });
    execFileSync("tar", ["-czf", join(work, archive), "-C", layout, "istioctl"]);
    tarball = readFileSync(join(work, archive));
    digest = createHash("sha256").update(tarball).digest("hex");
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  test("installs the verified istioctl into the tool cache, puts it on PATH and reports version and path", async () => {
    const mirror = await startMirror((sha) => `${sha}  ${archive}\n`);
    try {
      const dirs = runnerDirs();
      const result = await setup(mirror, dirs);
      assert.equal(result.code, 0, result.stdout + result.stderr);
      const path = result.outputs.get("path")!;
      assert.equal(result.outputs.get("version"), VERSION);
      assert.equal(result.outputs.get("cache-hit"), "false");
      assert.equal(result.outputs.get("sha256"), digest);
      assert.ok(path.startsWith(join(dirs.toolCache, "istioctl", VERSION)), path);
      assert.equal(
        execFileSync(path, ["version"], { encoding: "utf8" }).trim(),
        `client version: ${VERSION}`,
      );
      assert.equal(readFileSync(dirs.pathFile, "utf8").trim(), join(path, ".."));
      assert.match(result.summary, new RegExp(digest));
      assert.deepEqual(mirror.requests.sort(), [
        `/istio/${VERSION}/${archive}`,
        `/istio/${VERSION}/${archive}.sha256`,
      ]);
      assert.equal(result.runnerTemp, "", "the archive and the extraction directory are removed");
    } finally {
      await stopMirror(mirror);
    }
  });

  test("a second run finds the version in the tool cache and downloads nothing", async () => {
    const mirror = await startMirror((sha) => `${sha}  ${archive}\n`);
    try {
      const dirs = runnerDirs();
      assert.equal((await setup(mirror, dirs)).code, 0);
      mirror.requests.length = 0;
      const again = await setup(mirror, dirs);
      assert.equal(again.code, 0, again.stdout);
      assert.equal(again.outputs.get("cache-hit"), "true");
      assert.deepEqual(mirror.requests, []);
      assert.ok(existsSync(again.outputs.get("path")!));
    } finally {
      await stopMirror(mirror);
    }
  });

  test("an archive whose SHA-256 differs from the published checksum is refused and nothing is cached", async () => {
    const wrong = createHash("sha256").update("something else").digest("hex");
    const mirror = await startMirror(() => `${wrong}  ${archive}\n`);
    try {
      const dirs = runnerDirs();
      const result = await setup(mirror, dirs);
      assert.notEqual(result.code, 0);
      const annotation = errorAnnotation(result.stdout);
      assert.match(annotation, /SHA-256 mismatch/);
      assert.ok(annotation.includes(digest) && annotation.includes(wrong), annotation);
      assert.match(annotation, /Fix: /);
      assert.deepEqual(readdirSync(dirs.toolCache), [], "nothing may be cached");
      assert.equal(readFileSync(dirs.pathFile, "utf8"), "", "nothing may be added to PATH");
      assert.equal(result.outputs.size, 0);
      assert.equal(result.runnerTemp, "", "the refused archive is deleted");
    } finally {
      await stopMirror(mirror);
    }
  });

  test("a pinned checksum input is enforced instead of the published file", async () => {
    const mirror = await startMirror((sha) => `${sha}  ${archive}\n`);
    try {
      const dirs = runnerDirs();
      const pinned = createHash("sha256").update("a different release").digest("hex");
      const result = await setup(mirror, dirs, { checksum: pinned });
      assert.notEqual(result.code, 0);
      assert.match(errorAnnotation(result.stdout), /the 'checksum' input says/);
      assert.deepEqual(mirror.requests, [`/istio/${VERSION}/${archive}`], "the .sha256 file is not fetched");
      assert.deepEqual(readdirSync(dirs.toolCache), []);
    } finally {
      await stopMirror(mirror);
    }
  });

  test("a mirror without the published checksum file is refused before the archive is downloaded", async () => {
    const mirror = await startMirror(() => undefined);
    try {
      const dirs = runnerDirs();
      const result = await setup(mirror, dirs);
      assert.notEqual(result.code, 0);
      const annotation = errorAnnotation(result.stdout);
      assert.match(annotation, /published checksum/);
      assert.match(annotation, /HTTP 404/);
      assert.match(annotation, /'checksum'/);
      assert.ok(!mirror.requests.includes(`/istio/${VERSION}/${archive}`));
      assert.deepEqual(readdirSync(dirs.toolCache), []);
    } finally {
      await stopMirror(mirror);
    }
  });

  test("a plain-http mirror that is not on loopback is refused before any download", async () => {
    const dirs = runnerDirs();
    const result = await runBundle(
      "setup-istioctl",
      {
        version: VERSION,
        "download-url": "http://mirror.example.com/istio/{version}/istioctl-{version}-{platform}.tar.gz",
      },
      { env: { RUNNER_TOOL_CACHE: dirs.toolCache, GITHUB_PATH: dirs.pathFile } },
    );
    assert.notEqual(result.code, 0);
    assert.match(
      errorAnnotation(result.stdout),
      /Input 'download-url': plain http:\/\/ to mirror\.example\.com/,
    );
    assert.deepEqual(readdirSync(dirs.toolCache), []);
  });

  test("a version range is refused with the input named and an exact version suggested", async () => {
    const dirs = runnerDirs();
    const result = await runBundle(
      "setup-istioctl",
      { version: "1.28.x" },
      { env: { RUNNER_TOOL_CACHE: dirs.toolCache, GITHUB_PATH: dirs.pathFile } },
    );
    assert.notEqual(result.code, 0);
    assert.match(
      errorAnnotation(result.stdout),
      /Input 'version': '1\.28\.x' is not an exact release version/,
    );
  });
});
