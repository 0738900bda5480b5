import { runStep, type StepContext } from "@mesh-secure/action-runtime";
import { type EndpointResult, runRound } from "./checks.ts";
import { readConfig, secretInputs, type VerifyConfig } from "./config.ts";
import { httpCall, targetOf, withRetries } from "./net.ts";
import { failureMessage, minDaysRemaining, publish, type RunOutcome, reportJson, Secrets } from "./report.ts";
import {
  decodeJwt,
  type ForgedToken,
  fetchToken,
  forgeTokens,
  type IssuerKey,
  publicKeyPem,
} from "./tokens.ts";

async function readIssuerKey(config: VerifyConfig, token: string): Promise<IssuerKey> {
  if (!config.jwksUri) return undefined;
  const url = config.jwksUri;
  try {
    const answer = await withRetries(() =>
      httpCall(url, targetOf(url, config.resolve), {
        headers: { accept: "application/json" },
        ...(config.caCert ? { ca: config.caCert } : {}),
        insecure: config.allowSelfSigned,
        timeoutMs: config.requestTimeoutMs,
      }),
    );
    if (answer.status !== 200) return { error: `jwks-uri answered ${answer.status}; check the address` };
    return { pem: publicKeyPem(JSON.parse(answer.body), decodeJwt(token)?.header.kid) };
  } catch (error) {
    return {
      error: `could not read the issuer's key from jwks-uri ${url.href}: ${(error as Error).message}`,
    };
  }
}

function allHeld(endpoints: readonly EndpointResult[]): boolean {
  return endpoints.every((endpoint) => endpoint.checks.every((check) => check.passed));
}

export async function main({ inputs, reporter }: StepContext): Promise<void> {
  const secrets = new Secrets(reporter);
  // Masked before anything else runs, so not even an input error could print them.
  for (const secret of secretInputs(inputs)) secrets.add(secret);
  const config = readConfig(inputs);

  let token = config.accessToken;
  if (config.tokenRequest) {
    // A run that cannot even get a token has not passed: say so in the output a workflow's `if:` reads.
    reporter.setOutput("passed", "false");
    token = await fetchToken(config.tokenRequest, {
      target: (url) => targetOf(url, config.resolve),
      ...(config.caCert ? { ca: config.caCert } : {}),
      insecure: config.allowSelfSigned,
      timeoutMs: config.requestTimeoutMs,
      protect: (value) => secrets.add(value),
    });
    reporter.info(
      `Got an access token from ${config.tokenRequest.url.origin}${config.tokenRequest.url.pathname} (masked).`,
    );
  }
  let forged: ForgedToken[] = [];
  if (token !== undefined && config.checks.has("attacks")) {
    forged = forgeTokens(token, await readIssuerKey(config, token));
    for (const item of forged) secrets.add(item.token);
  }

  const started = performance.now();
  const deadline = started + config.waitTimeout * 1000;
  let attempts = 0;
  let endpoints: EndpointResult[];
  for (;;) {
    attempts++;
    endpoints = await runRound({ config, ...(token === undefined ? {} : { token }), forged });
    if (allHeld(endpoints)) break;
    const remaining = deadline - performance.now();
    if (remaining < config.interval * 1000) break;
    const pending = endpoints.flatMap((endpoint) =>
      endpoint.checks.filter((check) => !check.passed).map((check) => `${check.check} at ${endpoint.url}`),
    );
    reporter.info(
      secrets.redact(
        `Attempt ${attempts}: not holding yet: ${pending.join(", ")}; next check in ${config.interval} s.`,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, config.interval * 1000));
  }
  const passed = allHeld(endpoints);
  const days = minDaysRemaining(endpoints);
  const outcome: RunOutcome = {
    endpoints,
    passed,
    attempts,
    waitTimeout: config.waitTimeout,
    ...(passed ? { heldAfterSeconds: Math.round(performance.now() - started) / 1000 } : {}),
    ...(days === undefined ? {} : { minDaysRemaining: days }),
  };
  publish(reporter, outcome, secrets);
  reporter.setOutput("passed", String(passed));
  reporter.setOutput("report", secrets.redact(reportJson(outcome)));
  reporter.setOutput("min-days-remaining", days === undefined ? "" : String(days));
  if (!passed) throw new Error(secrets.redact(failureMessage(outcome)));
}

export function run(context?: StepContext): Promise<boolean> {
  return runStep("verify", main, context);
}
