/**
 * Installs istioctl through @actions/tool-cache: reuse a cached copy, or download the archive, verify its
 * SHA-256 against the published (or pinned) checksum BEFORE extracting anything, then cache and return it.
 */
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { chmod, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import * as tc from "@actions/tool-cache";
import { errorMessage, type Reporter } from "@mesh-secure/action-runtime";
import { archiveName, displayUrl, parseChecksumFile, type SetupConfig } from "./config.ts";

export interface Installed {
  version: string;
  /** The directory that holds the binary (the one added to PATH). */
  dir: string;
  /** The full path of the istioctl binary. */
  path: string;
  cacheHit: boolean;
  /** The verified SHA-256 of the archive, or undefined on a cache hit. */
  sha256: string | undefined;
  /** Where the expected digest came from. */
  checksumSource: string | undefined;
}

export const TOOL_NAME = "istioctl";

export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function downloadError(what: string, url: string, error: unknown): Error {
  const status = (error as { httpStatusCode?: number }).httpStatusCode;
  const reason = status ? `HTTP ${status}` : errorMessage(error);
  return new Error(
    `Could not download ${what} from ${displayUrl(url)} (${reason}). ` +
      "Fix: check that the version exists and that 'download-url' points at a mirror that serves it" +
      (what === "the published checksum" ? ", or pin the digest in the 'checksum' input." : "."),
  );
}

async function expectedChecksum(config: SetupConfig): Promise<{ digest: string; source: string }> {
  if (config.pinnedChecksum) return { digest: config.pinnedChecksum, source: "the 'checksum' input" };
  let file: string;
  try {
    file = await tc.downloadTool(config.checksumUrl);
  } catch (error) {
    throw downloadError("the published checksum", config.checksumUrl, error);
  }
  try {
    const digest = parseChecksumFile(await readFile(file, "utf8"), archiveName(config.url));
    if (!digest) {
      throw new Error(
        `${displayUrl(config.checksumUrl)} holds no SHA-256 digest for ${archiveName(config.url)}. ` +
          "Fix: point 'download-url' at a mirror that copies Istio's .sha256 files, or pin the digest in 'checksum'.",
      );
    }
    return { digest, source: displayUrl(config.checksumUrl) };
  } finally {
    await rm(file, { force: true });
  }
}

async function findBinary(dir: string): Promise<string | undefined> {
  if (existsSync(join(dir, TOOL_NAME))) return dir;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && existsSync(join(dir, entry.name, TOOL_NAME))) return join(dir, entry.name);
  }
  return undefined;
}

export async function install(config: SetupConfig, reporter: Reporter): Promise<Installed> {
  const cached = tc.find(TOOL_NAME, config.version, config.arch);
  if (cached && existsSync(join(cached, TOOL_NAME))) {
    reporter.info(`istioctl ${config.version} (${config.platform}) is already in the tool cache: ${cached}`);
    return {
      version: config.version,
      dir: cached,
      path: join(cached, TOOL_NAME),
      cacheHit: true,
      sha256: undefined,
      checksumSource: undefined,
    };
  }

  reporter.info(`Downloading istioctl ${config.version} (${config.platform}) from ${displayUrl(config.url)}`);
  const expected = await expectedChecksum(config);
  let archive: string;
  try {
    archive = await tc.downloadTool(config.url);
  } catch (error) {
    throw downloadError("the istioctl archive", config.url, error);
  }
  let extracted: string | undefined;
  try {
    const actual = await sha256File(archive);
    if (actual !== expected.digest) {
      throw new Error(
        `SHA-256 mismatch for ${archiveName(config.url)}: the download hashes to ${actual}, ` +
          `but ${expected.source} says ${expected.digest}. The archive is corrupt or was tampered with; ` +
          "nothing was extracted, cached or put on PATH. Fix: retry; if it persists, check the mirror in " +
          "'download-url' (and the 'checksum' input, if you pinned one).",
      );
    }
    reporter.info(`SHA-256 verified against ${expected.source}: ${actual}`);
    extracted = await tc.extractTar(archive);
    const binDir = await findBinary(extracted);
    if (!binDir) {
      throw new Error(
        `${archiveName(config.url)} does not contain an 'istioctl' binary. ` +
          "Fix: 'download-url' must point at the istioctl-<version>-<platform>.tar.gz archive, not the full Istio release.",
      );
    }
    await chmod(join(binDir, TOOL_NAME), 0o755);
    const dir = await tc.cacheDir(binDir, TOOL_NAME, config.version, config.arch);
    return {
      version: config.version,
      dir,
      path: join(dir, TOOL_NAME),
      cacheHit: false,
      sha256: actual,
      checksumSource: expected.source,
    };
  } finally {
    await rm(archive, { force: true });
    if (extracted) await rm(extracted, { recursive: true, force: true });
  }
}
