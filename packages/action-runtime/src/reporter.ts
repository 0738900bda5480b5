import { EOL } from "node:os";
import { renderMarkdown, renderText, Summary } from "./summary.ts";
import { appendSummary, issueCommand, setOutput } from "./workflow-commands.ts";

export interface Annotation {
  title?: string;
  file?: string;
}

/**
 * The port through which domain code talks to whoever runs it: GitHub Actions (annotations, groups,
 * step outputs, job summary) or a terminal (the CLI and the demo). Domain code never talks to the
 * runner directly, so it runs the same everywhere.
 */
export interface Reporter {
  info(message: string): void;
  debug(message: string): void;
  notice(message: string, annotation?: Annotation): void;
  warning(message: string, annotation?: Annotation): void;
  error(message: string, annotation?: Annotation): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Registers a value that must never be printed. Call before the value could reach any output. */
  mask(secret: string): void;
  setOutput(name: string, value: string): void;
  readonly summary: Summary;
  /** Writes the summary where this reporter keeps it (the job summary file in Actions). */
  flushSummary(): Promise<void>;
  setFailed(message: string): void;
}

/** Masks a secret and each of its lines: GitHub masks multi-line values line by line. */
export function registerSecret(register: (value: string) => void, secret: string | undefined): void {
  if (secret === undefined) return;
  const trimmed = secret.trim();
  if (trimmed.length < 4) return; // masking tiny strings would blank out ordinary words
  register(trimmed);
  const lines = new Set(trimmed.split(/\r?\n/).map((line) => line.trim()));
  lines.delete(trimmed);
  for (const value of lines) {
    // PEM armour lines are public and masking them would make every certificate unreadable.
    if (value.length >= 8 && !/^-----(BEGIN|END) [A-Z0-9 ]+-----$/.test(value)) register(value);
  }
}

/** Reports to GitHub's runner: workflow commands on stdout, outputs and the job summary in its files. */
export class ActionsReporter implements Reporter {
  readonly summary = new Summary();

  info(message: string): void {
    process.stdout.write(message + EOL);
  }
  debug(message: string): void {
    issueCommand("debug", {}, message);
  }
  notice(message: string, annotation: Annotation = {}): void {
    issueCommand("notice", annotation, message);
  }
  warning(message: string, annotation: Annotation = {}): void {
    issueCommand("warning", annotation, message);
  }
  error(message: string, annotation: Annotation = {}): void {
    issueCommand("error", annotation, message);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    issueCommand("group", {}, name);
    try {
      return await fn();
    } finally {
      issueCommand("endgroup", {}, "");
    }
  }
  mask(secret: string): void {
    registerSecret((value) => issueCommand("add-mask", {}, value), secret);
  }
  setOutput(name: string, value: string): void {
    setOutput(name, value);
  }
  async flushSummary(): Promise<void> {
    if (this.summary.empty || !process.env.GITHUB_STEP_SUMMARY) return;
    appendSummary(renderMarkdown(this.summary.blocks));
  }
  setFailed(message: string): void {
    process.exitCode = 1;
    this.error(message);
  }
}

export interface TerminalOptions {
  color?: boolean;
  /** Where human-readable lines go; JSON mode sends them to stderr so stdout stays parseable. */
  out?: NodeJS.WritableStream;
  verbose?: boolean;
}

/**
 * A plain-terminal reporter for the CLI. It redacts registered secrets itself, since no runner does it here.
 */
export class TerminalReporter implements Reporter {
  readonly summary = new Summary();
  readonly outputs: Record<string, string> = {};
  private readonly secrets = new Set<string>();
  private readonly out: NodeJS.WritableStream;
  private readonly color: boolean;
  private readonly verbose: boolean;
  failed: string | undefined;

  constructor(options: TerminalOptions = {}) {
    this.out = options.out ?? process.stdout;
    this.color = options.color ?? false;
    this.verbose = options.verbose ?? false;
  }

  redact(text: string): string {
    let result = text;
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      result = result.split(secret).join("***");
    }
    return result;
  }

  private write(line: string): void {
    this.out.write(`${this.redact(line)}\n`);
  }

  private paint(code: number, text: string): string {
    return this.color ? `\u001b[${code}m${text}\u001b[0m` : text;
  }

  info(message: string): void {
    this.write(message);
  }
  debug(message: string): void {
    if (this.verbose) this.write(this.paint(90, message));
  }
  notice(message: string, annotation: Annotation = {}): void {
    this.write(`${this.paint(36, "notice")}${annotation.title ? ` ${annotation.title}:` : ":"} ${message}`);
  }
  warning(message: string, annotation: Annotation = {}): void {
    this.write(`${this.paint(33, "warning")}${annotation.title ? ` ${annotation.title}:` : ":"} ${message}`);
  }
  error(message: string, annotation: Annotation = {}): void {
    this.write(`${this.paint(31, "error")}${annotation.title ? ` ${annotation.title}:` : ":"} ${message}`);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.write(this.paint(1, `▸ ${name}`));
    return fn();
  }
  mask(secret: string): void {
    registerSecret((value) => this.secrets.add(value), secret);
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = this.redact(value);
  }
  async flushSummary(): Promise<void> {
    if (!this.summary.empty) this.write(renderText(this.summary.blocks));
  }
  setFailed(message: string): void {
    this.failed = this.redact(message);
    this.error(message);
  }
}
