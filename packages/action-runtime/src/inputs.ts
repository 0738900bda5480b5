import yaml from "js-yaml";
import { InputError } from "./errors.ts";

/**
 * Where raw input strings come from: `INPUT_*` variables in GitHub Actions, flags in the CLI.
 * Returns undefined for an input that was not given (an empty string counts as not given, as in Actions).
 */
export type InputSource = (name: string) => string | undefined;

/** GitHub's convention: `INPUT_` + the name upper-cased with spaces as underscores; hyphens are kept. */
export function actionsInputName(name: string): string {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

export function environmentInputs(env: NodeJS.ProcessEnv = process.env): InputSource {
  return (name) => {
    const value = env[actionsInputName(name)];
    return value === undefined || value.trim() === "" ? undefined : value;
  };
}

export function mapInputs(values: Record<string, string | undefined>): InputSource {
  return (name) => {
    const value = values[name];
    return value === undefined || value.trim() === "" ? undefined : value;
  };
}

/** Typed readers over an InputSource. Every error names the input and says how to fix it. */
export class Inputs {
  readonly source: InputSource;

  constructor(source: InputSource) {
    this.source = source;
  }

  has(name: string): boolean {
    return this.source(name) !== undefined;
  }

  /** The raw value, untrimmed (PEM and YAML content keep their layout). */
  raw(name: string): string | undefined {
    return this.source(name);
  }

  string(name: string): string | undefined;
  string(name: string, fallback: string): string;
  string(name: string, fallback?: string): string | undefined {
    const value = this.source(name)?.trim();
    return value === undefined ? fallback : value;
  }

  required(name: string, hint: string): string {
    const value = this.source(name)?.trim();
    if (value === undefined) {
      throw new InputError(name, "is required but was not given", hint);
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.string(name);
    if (value === undefined) return fallback;
    // The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
    if (["true", "True", "TRUE"].includes(value)) return true;
    if (["false", "False", "FALSE"].includes(value)) return false;
    throw new InputError(name, `'${value}' is not a boolean`, "use true or false");
  }

  integer(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
    const value = this.string(name);
    if (value === undefined) return fallback;
    if (!/^-?\d+$/.test(value)) {
      throw new InputError(name, `'${value}' is not a whole number`, "give a whole number such as 30");
    }
    const parsed = Number.parseInt(value, 10);
    if (range.min !== undefined && parsed < range.min) {
      throw new InputError(name, `${parsed} is below the minimum ${range.min}`, `use ${range.min} or more`);
    }
    if (range.max !== undefined && parsed > range.max) {
      throw new InputError(name, `${parsed} is above the maximum ${range.max}`, `use ${range.max} or less`);
    }
    return parsed;
  }

  number(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
    const value = this.string(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isFinite(parsed)) {
      throw new InputError(name, `'${value}' is not a number`, "give a number such as 2 or 0.5");
    }
    if (range.min !== undefined && parsed < range.min) {
      throw new InputError(name, `${parsed} is below the minimum ${range.min}`, `use ${range.min} or more`);
    }
    if (range.max !== undefined && parsed > range.max) {
      throw new InputError(name, `${parsed} is above the maximum ${range.max}`, `use ${range.max} or less`);
    }
    return parsed;
  }

  /** One of a fixed set of words; matching ignores case, the canonical spelling is returned. */
  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const value = this.string(name);
    if (value === undefined) return fallback;
    const match = choices.find((choice) => choice.toLowerCase() === value.toLowerCase());
    if (match === undefined) {
      throw new InputError(
        name,
        `'${value}' is not one of ${choices.join(", ")}`,
        `use one of ${choices.join(", ")}`,
      );
    }
    return match;
  }

  /** A list given one per line or comma-separated (both are common in workflow files). */
  list(name: string): string[] {
    const value = this.source(name);
    if (value === undefined) return [];
    const trimmed = value.trim();
    if (trimmed.startsWith("[") || trimmed.startsWith("- ")) {
      let parsed: unknown;
      try {
        parsed = yaml.load(trimmed);
      } catch (error) {
        throw new InputError(
          name,
          `is not a valid YAML list (${(error as Error).message.split("\n")[0]})`,
          "give one item per line, comma-separated items, or a YAML list",
        );
      }
      if (
        !Array.isArray(parsed) ||
        parsed.some((item) => typeof item !== "string" && typeof item !== "number")
      ) {
        throw new InputError(
          name,
          "must be a list of plain strings",
          "give one item per line, or a YAML list of strings",
        );
      }
      return parsed.map((item) => String(item).trim()).filter((item) => item !== "");
    }
    return splitList(value);
  }

  /** A YAML (or JSON) document. */
  yaml(name: string): unknown {
    const value = this.source(name);
    if (value === undefined) return undefined;
    try {
      return yaml.load(value);
    } catch (error) {
      throw new InputError(
        name,
        `is not valid YAML (${(error as Error).message.split("\n")[0]})`,
        "check the indentation and quoting of the value",
      );
    }
  }
}

export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== "" && !item.startsWith("#"));
}
