/**
 * The report: the `report` output (JSON per endpoint, per check), the job summary (one table of every
 * check with its evidence, then the certificate reports) and the annotations.
 */
import type { Reporter } from "@mesh-secure/action-runtime";
import { type EndpointResult, failures, type Outcome, renderCertificate } from "./checks.ts";

export interface RunOutcome {
  endpoints: EndpointResult[];
  passed: boolean;
  attempts: number;
  /** Seconds from the first attempt until every expectation held (undefined if they never did). */
  heldAfterSeconds?: number;
  waitTimeout: number;
  minDaysRemaining?: number;
}

/** Keeps every secret the run has seen, masks it at once, and scrubs text we write ourselves. */
export class Secrets {
  private readonly values = new Set<string>();
  private readonly reporter: Reporter;

  constructor(reporter: Reporter) {
    this.reporter = reporter;
  }

  add(value: string | undefined): string {
    if (value === undefined || value.trim() === "") return value ?? "";
    this.reporter.mask(value);
    this.values.add(value.trim());
    return value;
  }

  redact(text: string): string {
    let result = text;
    for (const secret of [...this.values].sort((a, b) => b.length - a.length)) {
      if (secret.length >= 4) result = result.split(secret).join("***");
    }
    return result;
  }
}

export function minDaysRemaining(endpoints: readonly EndpointResult[]): number | undefined {
  const days = endpoints
    .map((endpoint) => endpoint.daysRemaining)
    .filter((value): value is number => value !== undefined);
  return days.length === 0 ? undefined : Math.min(...days);
}

export function reportJson(outcome: RunOutcome): string {
  const endpoints: Record<string, Record<string, unknown>> = {};
  for (const endpoint of outcome.endpoints) {
    const entry = endpoints[endpoint.url] ?? {};
    endpoints[endpoint.url] = entry;
    for (const check of endpoint.checks) {
      const { check: name, ...rest } = check;
      entry[name] = rest;
    }
  }
  return JSON.stringify({
    passed: outcome.passed,
    attempts: outcome.attempts,
    heldAfterSeconds: outcome.heldAfterSeconds ?? null,
    waitTimeoutSeconds: outcome.waitTimeout,
    minDaysRemaining: outcome.minDaysRemaining ?? null,
    endpoints,
  });
}

const MARK: Record<Outcome, string> = { pass: "✅ pass", fail: "❌ fail", warn: "⚠️ warn", skip: "⏭️ skip" };

function counts(outcome: RunOutcome): { total: number; failed: number; warned: number } {
  const cases = outcome.endpoints.flatMap((endpoint) => endpoint.checks.flatMap((check) => check.cases));
  return {
    total: cases.length,
    failed: cases.filter((item) => item.outcome === "fail").length,
    warned: cases.filter((item) => item.outcome === "warn").length,
  };
}

export function headline(outcome: RunOutcome): string {
  const { total, failed, warned } = counts(outcome);
  const warnings = warned > 0 ? `, ${warned} with a warning` : "";
  return failed === 0
    ? `all ${total} checks held${warnings}`
    : `${failed} of ${total} checks failed${warnings}`;
}

export function timingLine(outcome: RunOutcome): string | undefined {
  if (outcome.waitTimeout <= 0) return undefined;
  return outcome.heldAfterSeconds !== undefined
    ? `Held after ${outcome.heldAfterSeconds.toFixed(1)} s (attempt ${outcome.attempts}; wait-timeout ${outcome.waitTimeout} s).`
    : `Did not hold within wait-timeout ${outcome.waitTimeout} s (${outcome.attempts} attempts).`;
}

/** Writes the summary, the log lines and the annotations; every string passes through `secrets.redact`. */
export function publish(reporter: Reporter, outcome: RunOutcome, secrets: Secrets): void {
  const clean = (text: string) => secrets.redact(text);
  const rows: string[][] = [];
  for (const endpoint of outcome.endpoints) {
    for (const check of endpoint.checks) {
      for (const item of check.cases) {
        rows.push(
          [
            endpoint.url,
            check.check,
            item.name,
            item.expected,
            item.actual,
            MARK[item.outcome],
            item.detail,
          ].map(clean),
        );
        const line = `${endpoint.url} ${check.check}/${item.name}: expected ${item.expected}; got ${item.actual} (${item.detail})`;
        if (item.outcome === "fail")
          reporter.error(clean(line), { title: `verify: ${check.check} ${item.name}` });
        else if (item.outcome === "warn")
          reporter.warning(clean(line), { title: `verify: ${check.check} ${item.name}` });
        else reporter.info(clean(`${item.outcome === "skip" ? "skip" : "ok  "} ${line}`));
      }
    }
  }
  const summary = reporter.summary;
  summary.heading(`verify: ${headline(outcome)}`);
  const timing = timingLine(outcome);
  if (timing) summary.text(timing);
  if (outcome.minDaysRemaining !== undefined)
    summary.text(`Certificate days remaining (smallest): **${outcome.minDaysRemaining}**`);
  summary.table(["endpoint", "check", "case", "expected", "actual", "result", "evidence"], rows);
  for (const endpoint of outcome.endpoints) {
    for (const check of endpoint.checks) {
      if (check.certificate) {
        const text = clean(renderCertificate(endpoint.url, check.certificate));
        summary.details(`Certificate of ${endpoint.url}`, text);
        for (const line of text.split("\n")) reporter.info(line);
      }
    }
  }
}

export function failureMessage(outcome: RunOutcome): string {
  const failed = failures(outcome.endpoints);
  const names = failed.slice(0, 5).map(({ url, check, item }) => `${check.check}/${item.name} at ${url}`);
  return `${headline(outcome)}: ${names.join("; ")}${failed.length > 5 ? `; and ${failed.length - 5} more` : ""}. See the job summary for the evidence.`;
}
