/**
 * Release refs: the reusable workflows run in the CALLER's repository, so they reference our actions by
 * full name and ref (`mesh-secure/mesh-secure/actions/<name>@<ref>`), and the example callers reference the
 * reusable workflows the same way. All of those refs must equal the version in the RELEASE file (the single
 * source of truth); test/workflows.test.ts fails when one is stale.
 *
 *   scripts/node24 scripts/release.ts v1.2.0    writes RELEASE and rewrites every ref to v1.2.0
 *   scripts/node24 scripts/release.ts --check   exits 1 when a ref differs from RELEASE
 *
 * Then commit, tag v1.2.0 (and move the major tag v1) on that commit.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_SLUG = "mesh-secure/mesh-secure";
export const root = resolve(import.meta.dirname, "..");
export const RELEASE_FILE = join(root, "RELEASE");

const TAG = /^v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
/** `mesh-secure/mesh-secure/actions/<name>@<ref>` or `mesh-secure/mesh-secure/.github/workflows/<file>@<ref>`. */
const REF =
  /\bmesh-secure\/mesh-secure\/((?:actions\/[A-Za-z0-9._-]+)|(?:\.github\/workflows\/[A-Za-z0-9._-]+\.ya?ml))@([A-Za-z0-9._/-]+)/g;

/** A checkout of this repository at its own release, marked with a comment: `ref: v1.2.0 # mesh-secure release`. */
const CHECKOUT_REF = /(\bref: )(v[0-9A-Za-z._-]+)(\s+# mesh-secure release)/g;

export interface Ref {
  file: string;
  line: number;
  target: string;
  ref: string;
}

export function releaseVersion(): string {
  return readFileSync(RELEASE_FILE, "utf8").trim();
}

/** The files whose refs the release rewrites: reusable workflows, example callers, the catalog README. */
export function releaseFiles(): string[] {
  const list = (dir: string, pattern: RegExp) =>
    readdirSync(join(root, dir))
      .filter((name) => pattern.test(name))
      .map((name) => join(root, dir, name));
  return [
    ...list(".github/workflows", /\.ya?ml$/),
    ...list("workflows", /\.(ya?ml|md)$/),
    join(root, "actions/setup-istioctl/README.md"),
  ].sort();
}

export function findRefs(text: string, file = ""): Ref[] {
  const refs: Ref[] = [];
  text.split("\n").forEach((content, index) => {
    for (const match of content.matchAll(REF)) {
      refs.push({ file, line: index + 1, target: match[1]!, ref: match[2]! });
    }
    for (const match of content.matchAll(CHECKOUT_REF)) {
      refs.push({ file, line: index + 1, target: "checkout of mesh-secure/mesh-secure", ref: match[2]! });
    }
  });
  return refs;
}

export function rewriteRefs(text: string, version: string): string {
  return text
    .replace(REF, (_match, target: string) => `${REPO_SLUG}/${target}@${version}`)
    .replace(
      CHECKOUT_REF,
      (_match, prefix: string, _old: string, suffix: string) => `${prefix}${version}${suffix}`,
    );
}

export function staleRefs(version = releaseVersion()): Ref[] {
  return releaseFiles().flatMap((file) =>
    findRefs(readFileSync(file, "utf8"), relative(root, file)).filter((ref) => ref.ref !== version),
  );
}

function main(args: string[]): number {
  if (args[0] === "--check") {
    const version = releaseVersion();
    const stale = staleRefs(version);
    for (const ref of stale)
      console.error(`${ref.file}:${ref.line}: ${ref.target}@${ref.ref} is not ${version}`);
    if (stale.length > 0) {
      console.error(`Fix: scripts/node24 scripts/release.ts ${version}`);
      return 1;
    }
    console.log(`Every ref is ${version} (RELEASE).`);
    return 0;
  }
  const version = args[0];
  if (!version || !TAG.test(version)) {
    console.error("Usage: release.ts <version tag, e.g. v1.2.0> | --check");
    return 2;
  }
  writeFileSync(RELEASE_FILE, `${version}\n`);
  let changed = 0;
  for (const file of releaseFiles()) {
    const before = readFileSync(file, "utf8");
    const after = rewriteRefs(before, version);
    if (after !== before) {
      writeFileSync(file, after);
      changed++;
      console.log(`updated ${relative(root, file)}`);
    }
  }
  console.log(`RELEASE is ${version}; ${changed} file(s) rewritten. Commit, then tag ${version}.`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(main(process.argv.slice(2)));
}
