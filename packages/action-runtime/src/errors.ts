/**
 * Errors that reach users. Each one says what was wrong, where, and how to fix it, because the
 * person reading it is looking at a failed pipeline, not at our source.
 */

/** An input that cannot be used. Thrown before anything is written. */
export class InputError extends Error {
  readonly input: string;
  readonly problem: string;
  readonly fix: string;

  constructor(input: string, problem: string, fix: string) {
    super(`Input '${input}': ${problem}. Fix: ${fix}`);
    this.name = "InputError";
    this.input = input;
    this.problem = problem;
    this.fix = fix;
  }
}

/** Several input problems found in one pass, so a user fixes them all in one go. */
export class InputErrors extends Error {
  readonly errors: InputError[];

  constructor(errors: InputError[]) {
    super(
      errors.length === 1
        ? errors[0]!.message
        : `${errors.length} inputs are invalid:\n${errors.map((e) => `- ${e.message}`).join("\n")}`,
    );
    this.name = "InputErrors";
    this.errors = errors;
  }
}

/** Collects input problems; `throwIfAny` raises them together. */
export class InputProblems {
  readonly errors: InputError[] = [];

  add(input: string, problem: string, fix: string): void {
    this.errors.push(new InputError(input, problem, fix));
  }

  /** Runs `check`, recording an InputError it throws instead of stopping at the first problem. */
  collect<T>(check: () => T): T | undefined {
    try {
      return check();
    } catch (error) {
      if (error instanceof InputError) {
        this.errors.push(error);
        return undefined;
      }
      if (error instanceof InputErrors) {
        this.errors.push(...error.errors);
        return undefined;
      }
      throw error;
    }
  }

  throwIfAny(): void {
    if (this.errors.length > 0) throw new InputErrors(this.errors);
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
