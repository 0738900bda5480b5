import { errorMessage, InputError, InputErrors } from "./errors.ts";
import { environmentInputs, Inputs } from "./inputs.ts";
import { KubeApiError } from "./kube-api.ts";
import { PartialApplyError } from "./plan.ts";
import { ActionsReporter, type Reporter } from "./reporter.ts";

export interface StepContext {
  inputs: Inputs;
  reporter: Reporter;
}

/**
 * The one place an action's failure is turned into an annotation and a non-zero exit. Every action's
 * entry point is `runStep("name", main)`; main throws, this reports.
 */
export async function runStep(
  title: string,
  main: (context: StepContext) => Promise<void>,
  context: StepContext = { inputs: new Inputs(environmentInputs()), reporter: new ActionsReporter() },
): Promise<boolean> {
  const { reporter } = context;
  try {
    await main(context);
    return true;
  } catch (error) {
    reportFailure(reporter, title, error);
    return false;
  } finally {
    try {
      await reporter.flushSummary();
    } catch (error) {
      reporter.warning(`Could not write the job summary: ${errorMessage(error)}`);
    }
  }
}

export function reportFailure(reporter: Reporter, title: string, error: unknown): void {
  if (error instanceof InputErrors || error instanceof InputError) {
    const errors = error instanceof InputErrors ? error.errors : [error];
    for (const problem of errors)
      reporter.error(problem.message, { title: `${title}: input '${problem.input}'` });
    reporter.summary.heading(`${title}: invalid input, nothing was written`).table(
      ["input", "problem", "fix"],
      errors.map((problem) => [problem.input, problem.problem, problem.fix]),
    );
    reporter.setFailed(
      errors.length === 1
        ? errors[0]!.message
        : `${errors.length} inputs are invalid; nothing was written. See the annotations.`,
    );
    return;
  }
  const message = errorMessage(error);
  const kind =
    error instanceof KubeApiError
      ? "Kubernetes API"
      : error instanceof PartialApplyError
        ? "apply failed"
        : "failed";
  reporter.summary.heading(`${title}: ${kind}`).text(message.replace(/\n/g, "<br>"));
  if (
    !(error instanceof InputError) &&
    !(error instanceof KubeApiError) &&
    !(error instanceof PartialApplyError) &&
    error instanceof Error &&
    error.stack
  ) {
    reporter.debug(error.stack);
  }
  reporter.setFailed(message);
}
