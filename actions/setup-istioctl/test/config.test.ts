import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { InputErrors, Inputs, mapInputs } from "@mesh-secure/action-runtime";
import {
  DEFAULT_DOWNLOAD_URL,
  displayUrl,
  istioPlatform,
  parseChecksumFile,
  readConfig,
} from "../src/config.ts";

const linux = { os: "linux", arch: "x64" };
const digest = "a".repeat(64);

describe("setup-istioctl configuration", () => {
  test("the default URL is Istio's release download for the runner's platform, checksum next to it", () => {
    const config = readConfig(new Inputs(mapInputs({ version: "v1.28.0" })), linux);
    assert.equal(config.version, "1.28.0");
    assert.equal(
      config.url,
      "https://github.com/istio/istio/releases/download/1.28.0/istioctl-1.28.0-linux-amd64.tar.gz",
    );
    assert.equal(config.checksumUrl, `${config.url}.sha256`);
    assert.equal(config.pinnedChecksum, undefined);
  });

  test("Istio's platform names cover Linux and macOS runners and nothing else", () => {
    assert.equal(istioPlatform("linux", "arm64"), "linux-arm64");
    assert.equal(istioPlatform("darwin", "x64"), "osx");
    assert.equal(istioPlatform("darwin", "arm64"), "osx-arm64");
    assert.equal(istioPlatform("win32", "x64"), undefined);
  });

  test("mirror credentials in download-url are listed for masking and left out of the printable URL", () => {
    const config = readConfig(
      new Inputs(
        mapInputs({
          version: "1.28.0",
          "download-url":
            "https://ci:t0ken-value@mirror.example.com/{version}/istioctl-{version}-{platform}.tar.gz",
        }),
      ),
      linux,
    );
    assert.ok(config.secrets.includes("t0ken-value"));
    assert.ok(!displayUrl(config.url).includes("t0ken-value"));
  });

  test("every bad input is reported at once, each naming its input", () => {
    assert.throws(
      () =>
        readConfig(
          new Inputs(
            mapInputs({
              version: "latest",
              "download-url": "https://mirror/istioctl.tar.gz",
              checksum: "abc",
            }),
          ),
          linux,
        ),
      (error: unknown) => {
        assert.ok(error instanceof InputErrors);
        assert.deepEqual(
          error.errors.map((problem) => problem.input),
          ["version", "download-url", "checksum"],
        );
        return true;
      },
    );
  });

  test("a published checksum file is read as sha256sum writes it, matching the archive's name", () => {
    const other = "b".repeat(64);
    const content = `${other}  istioctl-1.28.0-osx.tar.gz\n${digest} *istioctl-1.28.0-linux-amd64.tar.gz\n`;
    assert.equal(parseChecksumFile(content, "istioctl-1.28.0-linux-amd64.tar.gz"), digest);
    assert.equal(parseChecksumFile(`${digest.toUpperCase()}\n`, "x.tar.gz"), digest);
    assert.equal(parseChecksumFile("<html>not found</html>", "x.tar.gz"), undefined);
  });

  test("the default template contains both placeholders", () => {
    assert.ok(DEFAULT_DOWNLOAD_URL.includes("{version}") && DEFAULT_DOWNLOAD_URL.includes("{platform}"));
  });
});
