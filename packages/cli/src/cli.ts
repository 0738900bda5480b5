/**
 * mesh-secure: the actions' code paths for people who are not in a pipeline.
 *
 *   mesh-secure <command> [flags]      commands: tls-secret, jwt-policy, mtls, verify, cert-expiry
 *
 * Exit codes (stable, for scripts): 0 success; 1 a check or a write failed; 2 invalid flags or inputs
 * (nothing was written); 3 the cluster or an endpoint could not be reached.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  errorMessage,
  InputError,
  InputErrors,
  Inputs,
  KubeApiError,
  mapInputs,
  renderMarkdown,
  reportFailure,
  type StepContext,
  TerminalReporter,
} from "@mesh-secure/action-runtime";
import yaml from "js-yaml";
import { type FlagSpec, parseArgs } from "./flags.ts";

export const EXIT = { ok: 0, failed: 1, usage: 2, unreachable: 3 } as const;

interface ActionYaml {
  description: string;
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description?: string }>;
}

interface Command {
  summary: string;
  /** The action folder whose action.yml documents the flags. */
  action?: string;
  load: () => Promise<(context: StepContext) => Promise<void>>;
  extraInputs?: Record<string, { description: string; default?: string }>;
}

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export const commands: Record<string, Command> = {
  "tls-secret": {
    summary: "provision the gateway TLS secret, validated before anything is written",
    action: "tls-secret",
    load: async () => (await import("@mesh-secure/action-tls-secret")).main,
  },
  "jwt-policy": {
    summary: "require JWT access tokens from trusted issuers for workloads",
    action: "jwt-policy",
    load: async () => (await import("@mesh-secure/action-jwt-policy")).main,
  },
  mtls: {
    summary: "enforce mutual TLS at mesh, namespace, workload or port scope",
    action: "mtls",
    load: async () => (await import("@mesh-secure/action-mtls")).main,
  },
  verify: {
    summary: "check certificates, token enforcement and mTLS from outside",
    action: "verify",
    load: async () => (await import("@mesh-secure/action-verify")).main,
  },
  "cert-expiry": {
    summary: "report certificate expiry of endpoints and of gateway secrets in the cluster",
    load: async () => (await import("./cert-expiry.ts")).certExpiry,
    extraInputs: {
      urls: { description: "Endpoints to check (repeat the flag or separate with commas)." },
      namespace: {
        description: "Namespace whose kubernetes.io/tls secrets to check.",
        default: "istio-system",
      },
      "all-namespaces": { description: "Check TLS secrets in every namespace.", default: "false" },
      "secret-names": { description: "Only these secrets (default: every kubernetes.io/tls secret)." },
      "min-days-valid": { description: "Fail when a certificate has fewer days left.", default: "14" },
      "warn-days": { description: "Warn when a certificate has fewer days left.", default: "30" },
      resolve: { description: "host:port:address entries, as curl's --resolve." },
      "ca-cert": { description: "PEM of a CA to trust for the endpoints." },
    },
  },
};

function actionYaml(action: string): ActionYaml {
  return yaml.load(readFileSync(join(repoRoot, "actions", action, "action.yml"), "utf8")) as ActionYaml;
}

function inputsOf(
  command: Command,
): Record<string, { description?: string; default?: string; required?: boolean }> {
  if (command.action) return actionYaml(command.action).inputs ?? {};
  return {
    kubeconfig: { description: "" },
    context: { description: "Kubeconfig context to use. Empty: the kubeconfig's current context." },
    ...command.extraInputs,
  };
}

function specFor(name: string): FlagSpec | undefined {
  const command = commands[name];
  if (!command) return undefined;
  const inputs = inputsOf(command);
  const booleans = new Set(
    Object.entries(inputs)
      .filter(
        ([, spec]) =>
          spec.default === "true" ||
          spec.default === "false" ||
          /Default (true|false)/.test(spec.description ?? ""),
      )
      .map(([key]) => key),
  );
  return { booleans, known: new Set(Object.keys(inputs)) };
}

function wrap(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line.length + word.length + 1 > width && line !== "") {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

export function usage(): string {
  const rows = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(12)} ${command.summary}`);
  return [
    "mesh-secure: secure an Istio service mesh from a terminal, with the same code as the GitHub Actions.",
    "",
    "Usage: mesh-secure <command> [flags]",
    "",
    "Commands:",
    ...rows,
    "",
    "Common flags:",
    "  --kubeconfig PATH    kubeconfig file (default: KUBECONFIG, ~/.kube/config, in-cluster)",
    "  --context NAME       kubeconfig context",
    "  -n, --namespace NS   namespace",
    "  -o, --output FORMAT  text (default) or json: {ok, exitCode, outputs, summary, errors} on stdout",
    "  --no-color           plain output even on a terminal",
    "  -v, --verbose        debug lines",
    "  -h, --help           help for a command: mesh-secure <command> --help",
    "",
    "Exit codes: 0 success, 1 a check or a write failed, 2 invalid flags or inputs (nothing written),",
    "            3 the cluster or an endpoint could not be reached.",
  ].join("\n");
}

export function commandHelp(name: string): string {
  const command = commands[name]!;
  const inputs = inputsOf(command);
  const description = command.action ? actionYaml(command.action).description : command.summary;
  const lines = [
    `mesh-secure ${name}: ${description}`,
    "",
    `Usage: mesh-secure ${name} [flags]`,
    "",
    "Flags:",
  ];
  for (const [input, spec] of Object.entries(inputs)) {
    const flag =
      input === "kubeconfig" ? "--kubeconfig PATH" : input === "namespace" ? "-n, --namespace" : `--${input}`;
    const text =
      input === "kubeconfig"
        ? "kubeconfig file (default: KUBECONFIG, ~/.kube/config, in-cluster)."
        : `${spec.description ?? ""}${spec.required ? " (required)" : ""}${spec.default !== undefined ? ` Default: ${spec.default}.` : ""}`;
    lines.push(`  ${flag.padEnd(24)} ${wrap(text, 80, " ".repeat(27))}`);
  }
  lines.push("  -o, --output FORMAT      text or json.");
  if (command.action) {
    const outputs = actionYaml(command.action).outputs ?? {};
    lines.push("", "Outputs (in --output json):");
    for (const [output, spec] of Object.entries(outputs)) {
      lines.push(`  ${output.padEnd(24)} ${wrap(spec.description ?? "", 80, " ".repeat(27))}`);
    }
  }
  lines.push("", "Lists: repeat a flag (--hosts a --hosts b) or separate with commas.");
  return lines.join("\n");
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof InputErrors || error instanceof InputError) return EXIT.usage;
  if (error instanceof KubeApiError && error.status === 0) return EXIT.unreachable;
  return EXIT.failed;
}

export async function runCli(
  argv: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; isTTY: boolean },
): Promise<number> {
  const args = parseArgs(argv, specFor);
  if (args.command === undefined || (args.help && args.command === undefined)) {
    io.stdout.write(`${usage()}\n`);
    return args.help ? EXIT.ok : EXIT.usage;
  }
  const command = commands[args.command];
  if (!command) {
    io.stderr.write(`Unknown command '${args.command}'.\n\n${usage()}\n`);
    return EXIT.usage;
  }
  if (args.help) {
    io.stdout.write(`${commandHelp(args.command)}\n`);
    return EXIT.ok;
  }
  const json = args.output === "json";
  const reporter = new TerminalReporter({
    out: json ? io.stderr : io.stdout,
    color: args.color ?? (io.isTTY && !process.env.NO_COLOR && !json),
    verbose: args.verbose,
  });
  if (args.errors.length > 0) {
    for (const error of args.errors) io.stderr.write(`error: ${error}\n`);
    io.stderr.write(`See: mesh-secure ${args.command} --help\n`);
    if (json)
      io.stdout.write(
        `${JSON.stringify({ ok: false, exitCode: EXIT.usage, outputs: {}, errors: args.errors }, null, 2)}\n`,
      );
    return EXIT.usage;
  }
  let code: number = EXIT.ok;
  const errors: string[] = [];
  try {
    const main = await command.load();
    await main({ inputs: new Inputs(mapInputs(args.values)), reporter });
    if (reporter.failed !== undefined) code = EXIT.failed;
  } catch (error) {
    code = exitCodeFor(error);
    reportFailure(reporter, `mesh-secure ${args.command}`, error);
    errors.push(reporter.redact(errorMessage(error)));
  }
  if (json) {
    const result = {
      ok: code === EXIT.ok,
      exitCode: code,
      outputs: reporter.outputs,
      summary: reporter.redact(renderMarkdown(reporter.summary.blocks)),
      errors,
    };
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    await reporter.flushSummary();
  }
  return code;
}

if (import.meta.main) {
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: Boolean(process.stdout.isTTY),
  });
  process.exitCode = code;
}
