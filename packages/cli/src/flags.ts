/**
 * kubectl-like flag parsing for the CLI. Flags map onto the actions' inputs one to one
 * (`--secret-name x` is the input `secret-name`), so the CLI and the actions share one vocabulary.
 */
export interface ParsedArgs {
  command: string | undefined;
  values: Record<string, string>;
  /** Flags that are not action inputs. */
  output: "text" | "json";
  help: boolean;
  color: boolean | undefined;
  verbose: boolean;
  errors: string[];
}

const aliases: Record<string, string> = { n: "namespace", o: "output", h: "help", v: "verbose" };

export interface FlagSpec {
  /** Input names that are booleans: `--dry-run` alone means true. */
  booleans: Set<string>;
  /** Every known input name. */
  known: Set<string>;
}

export function parseArgs(argv: string[], specFor: (command: string) => FlagSpec | undefined): ParsedArgs {
  const parsed: ParsedArgs = {
    command: undefined,
    values: {},
    output: "text",
    help: false,
    color: undefined,
    verbose: false,
    errors: [],
  };
  let spec: FlagSpec | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (!arg.startsWith("-")) {
      if (parsed.command === undefined) {
        parsed.command = arg;
        spec = specFor(arg);
      } else {
        parsed.errors.push(`unexpected argument '${arg}' (flags take the form --name value)`);
      }
      continue;
    }
    const body = arg.replace(/^--?/, "");
    const eq = body.indexOf("=");
    const rawName = eq >= 0 ? body.slice(0, eq) : body;
    const name = aliases[rawName] ?? rawName;
    const inline = eq >= 0 ? body.slice(eq + 1) : undefined;
    if (name === "help") {
      parsed.help = true;
      continue;
    }
    if (name === "verbose") {
      parsed.verbose = true;
      continue;
    }
    if (name === "no-color" || name === "color") {
      parsed.color = name === "color";
      continue;
    }
    const isBoolean = spec?.booleans.has(name) ?? false;
    let value = inline;
    if (value === undefined) {
      const next = argv[index + 1];
      if (isBoolean && (next === undefined || !["true", "false"].includes(next))) value = "true";
      else if (next === undefined || next.startsWith("--")) {
        parsed.errors.push(`flag --${name} needs a value`);
        continue;
      } else {
        value = next;
        index++;
      }
    }
    if (name === "output") {
      if (value !== "json" && value !== "text")
        parsed.errors.push(`--output must be json or text, not '${value}'`);
      else parsed.output = value;
      continue;
    }
    if (name === "kubeconfig") {
      parsed.values["kubeconfig-path"] = value;
      continue;
    }
    if (spec && !spec.known.has(name)) {
      parsed.errors.push(
        `unknown flag --${name} for '${parsed.command}' (see mesh-secure ${parsed.command} --help)`,
      );
      continue;
    }
    // A repeated flag builds a list (`--hosts a --hosts b`), one item per line as the actions accept.
    parsed.values[name] = parsed.values[name] === undefined ? value : `${parsed.values[name]}\n${value}`;
  }
  return parsed;
}
