/**
 * GitHub's expression language, the part our workflows use, for the tests that run workflows through the
 * bundles: literals, contexts (inputs, secrets, matrix, steps.<id>.outputs.<name>, steps.<id>.outcome),
 * ! == != < <= > >= && || with parentheses, and the status functions.
 */
export interface StepState {
  outputs: Record<string, string>;
  outcome: "success" | "failure" | "skipped";
}

export interface Context {
  inputs: Record<string, unknown>;
  secrets: Record<string, string>;
  matrix: Record<string, string>;
  steps: Record<string, StepState>;
  /** The job's status so far: failure once a step failed. */
  jobFailed?: boolean;
}

type Token =
  | { kind: "op"; value: string }
  | { kind: "literal"; value: unknown }
  | { kind: "name"; value: string };

const TOKEN_RULES: [RegExp, (match: RegExpExecArray) => Token][] = [
  [/^(&&|\|\||==|!=|<=|>=|<|>|!|\(|\))/, (match) => ({ kind: "op", value: match[1]! })],
  [/^'((?:[^']|'')*)'/, (match) => ({ kind: "literal", value: match[1]!.replace(/''/g, "'") })],
  [
    /^(true|false|null)(?![\w-])/,
    (match) => ({ kind: "literal", value: match[1] === "null" ? null : match[1] === "true" }),
  ],
  [/^(\d+(?:\.\d+)?)/, (match) => ({ kind: "literal", value: Number(match[1]) })],
  [/^([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)/, (match) => ({ kind: "name", value: match[1]! })],
];

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let rest = expression.trim();
  while (rest.length > 0) {
    const rule = TOKEN_RULES.map(([pattern, make]) => [pattern.exec(rest), make] as const).find(
      ([match]) => match !== null,
    );
    if (!rule) throw new Error(`expression not supported by the test driver: ${expression}`);
    const [match, make] = rule;
    tokens.push(make(match!));
    rest = rest.slice(match![0].length).trimStart();
  }
  return tokens;
}

export function truthy(value: unknown): boolean {
  return !(value === false || value === 0 || value === "" || value === null || value === undefined);
}

/** GitHub compares strings case-insensitively; other types are compared as numbers. */
function looselyEqual(left: unknown, right: unknown): boolean {
  if (typeof left === "string" && typeof right === "string")
    return left.toLowerCase() === right.toLowerCase();
  if (typeof left === typeof right) return left === right;
  const number = (value: unknown) => (value === null || value === "" ? 0 : Number(value));
  return number(left) === number(right);
}

export function evaluate(expression: string, context: Context): unknown {
  const tokens = tokenize(expression);
  let position = 0;
  const peek = () => tokens[position];
  const take = (value: string) => {
    const token = tokens[position];
    if (token?.kind !== "op" || token.value !== value) throw new Error(`expected ${value} in ${expression}`);
    position++;
  };
  const lookup = (name: string): unknown => {
    const path = name.split(".");
    if (path[0] === "inputs") return context.inputs[path[1]!];
    if (path[0] === "secrets") return context.secrets[path[1]!] ?? "";
    if (path[0] === "matrix") return context.matrix[path[1]!];
    if (path[0] === "steps" && path[2] === "outputs") return context.steps[path[1]!]?.outputs[path[3]!] ?? "";
    if (path[0] === "steps" && path[2] === "outcome" && path.length === 3)
      return context.steps[path[1]!]?.outcome ?? "";
    throw new Error(`expression not supported by the test driver: ${expression}`);
  };
  const primary = (): unknown => {
    const token = tokens[position++];
    if (!token) throw new Error(`unexpected end of ${expression}`);
    if (token.kind === "literal") return token.value;
    if (token.kind === "op" && token.value === "!") return !truthy(primary());
    if (token.kind === "op" && token.value === "(") {
      const value = or();
      take(")");
      return value;
    }
    if (token.kind === "name") {
      const next = peek();
      if (next?.kind === "op" && next.value === "(") {
        take("(");
        take(")");
        switch (token.value) {
          case "success":
            return !(context.jobFailed ?? false);
          case "failure":
            return context.jobFailed ?? false;
          case "always":
            return true;
          case "cancelled":
            return false;
          default:
            throw new Error(`function not supported by the test driver: ${token.value}()`);
        }
      }
      return lookup(token.value);
    }
    throw new Error(`unexpected ${token.value} in ${expression}`);
  };
  const comparison = (): unknown => {
    let left = primary();
    for (
      let next = peek();
      next?.kind === "op" && ["==", "!=", "<", "<=", ">", ">="].includes(next.value);
      next = peek()
    ) {
      position++;
      const right = primary();
      if (next.value === "==" || next.value === "!=") {
        left = next.value === "==" ? looselyEqual(left, right) : !looselyEqual(left, right);
      } else {
        // GitHub compares other than equality as numbers.
        const [a, b] = [Number(left), Number(right)];
        left =
          next.value === "<" ? a < b : next.value === "<=" ? a <= b : next.value === ">" ? a > b : a >= b;
      }
    }
    return left;
  };
  const and = (): unknown => {
    let left = comparison();
    while (peek()?.kind === "op" && peek()!.value === "&&") {
      position++;
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const or = (): unknown => {
    let left = and();
    while (peek()?.kind === "op" && peek()!.value === "||") {
      position++;
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const value = or();
  if (position !== tokens.length) throw new Error(`unexpected ${tokens[position]!.value} in ${expression}`);
  return value;
}

export function substitute(value: unknown, context: Context): string {
  const text = String(value);
  const whole = /^\$\{\{\s*(.+?)\s*\}\}$/.exec(text);
  if (whole) return String(evaluate(whole[1]!, context) ?? "");
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_match, inner: string) =>
    String(evaluate(inner, context) ?? ""),
  );
}

/** A step's `if:`: without a status function GitHub adds `success() &&`. */
export function shouldRun(condition: string | undefined, context: Context): boolean {
  const expression = (condition ?? "success()").replace(/^\$\{\{\s*(.+?)\s*\}\}$/, "$1");
  const withStatus = /\b(success|failure|always|cancelled)\(\)/.test(expression)
    ? expression
    : `success() && (${expression})`;
  return truthy(evaluate(withStatus, context));
}
