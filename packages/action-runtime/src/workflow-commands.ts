/**
 * GitHub's runner protocol: workflow commands on stdout (`::error title=…::message`) and the environment
 * files (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY). This is what @actions/core writes, byte for byte (a test
 * compares the two), without the OIDC client that @actions/core's index loads on import: that client and
 * its HTTP stack are 1 MB of every bundle and about 40 ms of every run (docs/adr/0005).
 */
import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync } from "node:fs";
import { EOL } from "node:os";

export interface CommandProperties {
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
}

export function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** Formats one workflow command, e.g. `::warning title=x::message`. */
export function formatCommand(command: string, properties: CommandProperties, message: string): string {
  const props = Object.entries(properties)
    .filter(([, value]) => Boolean(value))
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(",");
  return `::${command}${props ? ` ${props}` : ""}::${escapeData(message)}`;
}

export function issueCommand(command: string, properties: CommandProperties, message: string): void {
  process.stdout.write(formatCommand(command, properties, message) + EOL);
}

/** A `name<<delimiter` block for GITHUB_OUTPUT, as @actions/core's prepareKeyValueMessage. */
export function keyValueBlock(
  name: string,
  value: string,
  delimiter = `ghadelimiter_${randomUUID()}`,
): string {
  if (name.includes(delimiter))
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  if (value.includes(delimiter))
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

function appendToFile(variable: string, content: string): boolean {
  const path = process.env[variable];
  if (!path) return false;
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path} (${variable})`);
  appendFileSync(path, content, { encoding: "utf8" });
  return true;
}

export function setOutput(name: string, value: string): void {
  if (!appendToFile("GITHUB_OUTPUT", keyValueBlock(name, value))) {
    // Outside a runner (or an old one): the deprecated command, as @actions/core falls back to.
    process.stdout.write(EOL);
    issueCommand("set-output", { name } as CommandProperties, value);
  }
}

export function appendSummary(markdown: string): void {
  appendToFile("GITHUB_STEP_SUMMARY", markdown);
}
