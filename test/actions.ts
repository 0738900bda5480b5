/** Facts about the actions in this repository, read from their folders (shared by the repository tests). */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import yaml from "js-yaml";

export const repoRoot = resolve(import.meta.dirname, "..");

export interface ActionInput {
  description?: string;
  required?: boolean;
  default?: string;
}

export interface ActionMetadata {
  name: string;
  description: string;
  branding?: { icon?: string; color?: string };
  inputs?: Record<string, ActionInput>;
  outputs?: Record<string, { description?: string }>;
  runs: { using: string; main?: string; steps?: unknown[] };
}

export function actionNames(): string[] {
  return readdirSync(join(repoRoot, "actions"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(repoRoot, "actions", entry.name, "action.yml")))
    .map((entry) => entry.name)
    .sort();
}

export function readAction(name: string): ActionMetadata {
  return yaml.load(readFileSync(join(repoRoot, "actions", name, "action.yml"), "utf8")) as ActionMetadata;
}

/** Node actions are the ones with a `main` bundle (composite actions have steps instead). */
export function nodeActionNames(): string[] {
  return actionNames().filter((name) => readAction(name).runs.main !== undefined);
}

/** Every input name a Node action's source reads through the Inputs port. */
export function inputsReadBySource(name: string): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) {
        const source = readFileSync(path, "utf8");
        for (const match of source.matchAll(
          /inputs\.(?:string|required|boolean|integer|number|choice|list|raw|has|yaml)\(\s*"([a-z0-9-]+)"/g,
        )) {
          found.add(match[1]!);
        }
      }
    }
  };
  walk(join(repoRoot, "actions", name, "src"));
  return found;
}
