/**
 * Pure part of setup-istioctl: inputs -> validated configuration (version, platform, download and
 * checksum URLs), and the parser for Istio's published `.sha256` files.
 */
import { InputProblems, type Inputs } from "@mesh-secure/action-runtime";

/** Where Istio publishes its release archives; `{version}` and `{platform}` are filled in. */
export const DEFAULT_DOWNLOAD_URL =
  "https://github.com/istio/istio/releases/download/{version}/istioctl-{version}-{platform}.tar.gz";

export interface SetupConfig {
  /** The release version without a leading `v`, e.g. `1.28.0`. */
  version: string;
  /** Istio's archive platform name: `linux-amd64`, `linux-arm64`, `linux-armv7`, `osx`, `osx-arm64`. */
  platform: string;
  /** The tool-cache architecture key (Node's `os.arch()` naming). */
  arch: string;
  /** The archive URL (credentials, if any, are kept; they are masked before anything prints). */
  url: string;
  /** The published checksum file next to the archive. */
  checksumUrl: string;
  /** A pinned SHA-256 (lower-case hex) from the `checksum` input; when set the published file is not fetched. */
  pinnedChecksum: string | undefined;
  /** Userinfo of the download URL (mirror credentials) that must be masked. */
  secrets: string[];
}

const VERSION = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** Istio's platform names for the runner's OS and CPU, or undefined when Istio publishes no tarball for it. */
export function istioPlatform(os: string, arch: string): string | undefined {
  if (os === "linux") {
    if (arch === "x64") return "linux-amd64";
    if (arch === "arm64") return "linux-arm64";
    if (arch === "arm") return "linux-armv7";
  }
  if (os === "darwin") {
    if (arch === "x64") return "osx";
    if (arch === "arm64") return "osx-arm64";
  }
  return undefined;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Reads and validates every input; throws InputErrors naming each problem before anything is downloaded. */
export function readConfig(
  inputs: Inputs,
  runner: { os: string; arch: string } = { os: process.platform, arch: process.arch },
): SetupConfig {
  const problems = new InputProblems();
  const rawVersion = problems.collect(() =>
    inputs.required("version", "give the istioctl release to install, e.g. version: 1.28.0"),
  );
  let version: string | undefined;
  if (rawVersion !== undefined) {
    const match = VERSION.exec(rawVersion);
    if (match) version = match[1]!;
    else
      problems.add(
        "version",
        `'${rawVersion}' is not an exact release version`,
        "give a release such as 1.28.0 (ranges and 'latest' are not resolved: pin the version you tested)",
      );
  }

  const platform = istioPlatform(runner.os, runner.arch);
  if (platform === undefined) {
    problems.add(
      "version",
      `Istio publishes no istioctl tarball for ${runner.os}/${runner.arch}`,
      "run on a Linux (x64, arm64, arm) or macOS (x64, arm64) runner",
    );
  }

  const template = inputs.string("download-url", DEFAULT_DOWNLOAD_URL);
  const secrets: string[] = [];
  let url: string | undefined;
  if (!template.includes("{version}")) {
    problems.add(
      "download-url",
      "does not contain the {version} placeholder",
      "use a template such as https://mirror.example.com/istio/{version}/istioctl-{version}-{platform}.tar.gz",
    );
  } else if (version !== undefined && platform !== undefined) {
    const expanded = template.replaceAll("{version}", version).replaceAll("{platform}", platform);
    let parsed: URL | undefined;
    try {
      parsed = new URL(expanded);
    } catch {
      problems.add(
        "download-url",
        "is not a valid URL once {version} and {platform} are filled in",
        "give an absolute https:// URL template",
      );
    }
    if (parsed) {
      if (parsed.password) secrets.push(decodeURIComponent(parsed.password), parsed.password);
      if (parsed.username && parsed.password) secrets.push(`${parsed.username}:${parsed.password}`);
      if (!expanded.endsWith(".tar.gz") && !expanded.endsWith(".tgz")) {
        problems.add(
          "download-url",
          "does not name a .tar.gz archive",
          "point the template at Istio's istioctl-{version}-{platform}.tar.gz (or its copy on your mirror)",
        );
      } else if (
        parsed.protocol === "https:" ||
        (parsed.protocol === "http:" && isLoopback(parsed.hostname))
      ) {
        url = expanded;
      } else if (parsed.protocol === "http:") {
        problems.add(
          "download-url",
          `plain http:// to ${parsed.hostname} lets anyone on the path swap both the archive and its checksum`,
          "use an https:// mirror (plain http is only accepted for a loopback mirror)",
        );
      } else {
        problems.add("download-url", `the scheme ${parsed.protocol} is not supported`, "use an https:// URL");
      }
    }
  }

  const rawChecksum = inputs.string("checksum");
  let pinnedChecksum: string | undefined;
  if (rawChecksum !== undefined) {
    const normalized = rawChecksum.replace(/^sha256:/i, "").toLowerCase();
    if (SHA256.test(normalized)) pinnedChecksum = normalized;
    else
      problems.add(
        "checksum",
        "is not a SHA-256 digest (64 hexadecimal characters)",
        "copy the first field of the published istioctl-<version>-<platform>.tar.gz.sha256 file",
      );
  }

  problems.throwIfAny();
  return {
    version: version!,
    platform: platform!,
    arch: runner.arch,
    url: url!,
    checksumUrl: `${url!}.sha256`,
    pinnedChecksum,
    secrets,
  };
}

/**
 * Parses a `.sha256` file as Istio publishes it (`<hex>  <file name>`, as sha256sum writes it) or a bare
 * digest. Returns undefined when the content holds no digest.
 */
export function parseChecksumFile(content: string, archiveName: string): string | undefined {
  const lines = content
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  for (const line of lines) {
    const [digest, name] = line.split(/\s+/, 2);
    const normalized = (digest ?? "").toLowerCase();
    if (!SHA256.test(normalized)) continue;
    // sha256sum marks binary mode with a leading '*'; a file listing several archives names each one.
    if (name === undefined || name.replace(/^\*/, "") === archiveName || lines.length === 1)
      return normalized;
  }
  return undefined;
}

/** The archive's file name, as the checksum file names it. */
export function archiveName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "");
}

/** The URL with any userinfo removed, safe to print. */
export function displayUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = "";
  parsed.password = "";
  return parsed.toString();
}
