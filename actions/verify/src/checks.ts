/**
 * The checks, one endpoint at a time: each returns what was expected, what was seen, whether it held,
 * the evidence and how long it took. Endpoints run concurrently with a bound.
 */
import type { CheckName, VerifyConfig } from "./config.ts";
import { compareDn, formatDn, parseDn } from "./dn.ts";
import {
  checkIdentity,
  type HttpAnswer,
  httpCall,
  NetworkError,
  probeTls,
  type Target,
  type TlsProbe,
  targetOf,
  withRetries,
} from "./net.ts";
import type { ForgedToken } from "./tokens.ts";

export type Outcome = "pass" | "fail" | "warn" | "skip";

export interface CaseResult {
  name: string;
  expected: string;
  actual: string;
  passed: boolean;
  outcome: Outcome;
  detail: string;
  timing: { ms: number };
}

export interface CertificateReport {
  owner: string;
  issuer: string;
  sans: string[];
  validFrom: string;
  validUntil: string;
  daysRemaining: number;
  fingerprintSha256: string;
  chainTrust: string;
  protocol: string;
  cipher: string;
  servedChain: string[];
}

export interface CheckResult {
  check: CheckName;
  expected: string;
  actual: string;
  passed: boolean;
  outcome: Outcome;
  detail: string;
  timing: { ms: number };
  cases: CaseResult[];
  certificate?: CertificateReport;
}

export interface EndpointResult {
  url: string;
  checks: CheckResult[];
  daysRemaining?: number;
}

export interface RoundContext {
  config: VerifyConfig;
  token?: string;
  forged: ForgedToken[];
}

const DAY_MS = 86_400_000;

function caseResult(
  name: string,
  expected: string,
  actual: string,
  outcome: Outcome,
  detail: string,
  started: number,
): CaseResult {
  return {
    name,
    expected,
    actual,
    passed: outcome !== "fail",
    outcome,
    detail,
    timing: { ms: Math.round(performance.now() - started) },
  };
}

function aggregate(
  check: CheckName,
  cases: CaseResult[],
  started: number,
  extra: Partial<CheckResult> = {},
): CheckResult {
  const outcome: Outcome = cases.some((c) => c.outcome === "fail")
    ? "fail"
    : cases.some((c) => c.outcome === "warn")
      ? "warn"
      : cases.every((c) => c.outcome === "skip")
        ? "skip"
        : "pass";
  const failed = cases.filter((c) => c.outcome === "fail");
  return {
    check,
    expected: cases.map((c) => (cases.length > 1 ? `${c.name}: ${c.expected}` : c.expected)).join("; "),
    actual: cases.map((c) => (cases.length > 1 ? `${c.name}: ${c.actual}` : c.actual)).join("; "),
    passed: failed.length === 0,
    outcome,
    detail:
      failed.length > 0
        ? failed.map((c) => `${c.name}: ${c.detail}`).join("; ")
        : `${cases.filter((c) => c.outcome !== "skip").length} of ${cases.length} held${cases.some((c) => c.outcome === "skip") ? ` (${cases.filter((c) => c.outcome === "skip").length} skipped)` : ""}`,
    timing: { ms: Math.round(performance.now() - started) },
    cases,
    ...extra,
  };
}

/** `401 "Origin authentication failed."` or `401 (empty body)`, one line, at most 100 characters of body. */
export function describeAnswer(answer: HttpAnswer): string {
  const body = answer.body.replace(/\s+/g, " ").trim();
  if (body === "") return `${answer.status} (empty body)`;
  return `${answer.status} "${body.length > 100 ? `${body.slice(0, 100)}…` : body}"`;
}

/** Node prints a DN one attribute per line in the certificate's order; shown comma-separated in that order. */
function nodeDn(text: string): string {
  try {
    return formatDn(parseDn(text));
  } catch {
    return text.replace(/\n/g, ", ");
  }
}

const VALIDITY_ERRORS = new Set(["CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID"]);
const UNTRUSTED_ERRORS = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
]);

function certificateReport(probe: TlsProbe, trust: string): CertificateReport {
  const cert = probe.certificate;
  const validUntil = new Date(cert.validTo);
  return {
    owner: nodeDn(cert.subject),
    issuer: nodeDn(cert.issuer),
    sans: (cert.subjectAltName ?? "").split(/,\s*/).filter((name) => name !== ""),
    validFrom: new Date(cert.validFrom).toISOString(),
    validUntil: validUntil.toISOString(),
    daysRemaining: Math.floor((validUntil.getTime() - Date.now()) / DAY_MS),
    fingerprintSha256: cert.fingerprint256,
    chainTrust: trust,
    protocol: probe.protocol,
    cipher: probe.cipher,
    servedChain: probe.chainSubjects,
  };
}

/** The lines of `keytool -printcert -sslserver`, plus what keytool does not say. */
export function renderCertificate(url: string, cert: CertificateReport): string {
  return [
    `Certificate of ${url}`,
    `Owner: ${cert.owner}`,
    `Issuer: ${cert.issuer}`,
    `SANs: ${cert.sans.join(", ") || "(none)"}`,
    `Valid from: ${cert.validFrom} until: ${cert.validUntil}`,
    `Days remaining: ${cert.daysRemaining}`,
    `SHA-256 fingerprint: ${cert.fingerprintSha256}`,
    `Chain: ${cert.chainTrust}`,
    `Protocol: ${cert.protocol}, cipher: ${cert.cipher}`,
  ].join("\n");
}

interface LegacyProtocolVerdict {
  outcome: "refused" | "accepted" | "unknown";
  detail: string;
}

/** Offers only TLS 1.0/1.1: a handshake that succeeds means the server still accepts them. */
async function probeLegacyProtocols(target: Target, config: VerifyConfig): Promise<LegacyProtocolVerdict> {
  try {
    const probe = await probeTls(target, {
      ...(config.caCert ? { ca: config.caCert } : {}),
      timeoutMs: config.requestTimeoutMs,
      minVersion: "TLSv1",
      maxVersion: "TLSv1.1",
      // OpenSSL 3 will not even offer TLS 1.0/1.1 at its default security level.
      ciphers: "DEFAULT@SECLEVEL=0",
    });
    return {
      outcome: "accepted",
      detail: `the server completed a ${probe.protocol} handshake (${probe.cipher})`,
    };
  } catch (error) {
    const failure = error as NetworkError;
    const code = failure.code ?? "";
    if (
      /NO_PROTOCOLS_AVAILABLE|NO_CIPHERS_AVAILABLE|NO_SUITABLE|UNSUPPORTED_PROTOCOL_VERSION_BY_CLIENT/.test(
        code,
      )
    ) {
      return {
        outcome: "unknown",
        detail: `this runner's OpenSSL cannot offer TLS 1.1 (${code}), so it could not be checked`,
      };
    }
    if (
      /PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|WRONG_VERSION_NUMBER|HANDSHAKE_FAILURE|ECONNRESET|EPIPE/.test(
        code,
      ) ||
      /protocol version|hang up/i.test(failure.message)
    ) {
      return { outcome: "refused", detail: `TLS 1.0/1.1 refused (${code || failure.message})` };
    }
    return {
      outcome: "unknown",
      detail: `the TLS 1.1 probe failed without a verdict (${code}: ${failure.message})`,
    };
  }
}

export async function checkCertificate(
  url: URL,
  config: VerifyConfig,
): Promise<{ results: CheckResult[]; daysRemaining?: number }> {
  const target = targetOf(url, config.resolve);
  const started = performance.now();
  const results: CheckResult[] = [];
  // The TLS 1.0/1.1 probe is a handshake of its own: run it alongside the main one (it never rejects).
  const legacyVerdict = config.checks.has("tls") ? probeLegacyProtocols(target, config) : undefined;
  let probe: TlsProbe;
  try {
    probe = await withRetries(() =>
      probeTls(target, {
        ...(config.caCert ? { ca: config.caCert } : {}),
        timeoutMs: config.requestTimeoutMs,
      }),
    );
  } catch (error) {
    const reason = `no TLS handshake with ${target.address}:${target.port}: ${(error as Error).message}`;
    for (const check of ["tls", "expiry"] as const) {
      if (config.checks.has(check)) {
        results.push(
          aggregate(
            check,
            [caseResult("handshake", "a TLS handshake", "no handshake", "fail", reason, started)],
            started,
          ),
        );
      }
    }
    return { results };
  }
  const trustSource = config.caCert ? "ca-cert" : "the system's root CAs";
  const code = probe.authorizationError;
  const trust = probe.authorized
    ? `trusted by ${trustSource}`
    : `untrusted by ${trustSource}: ${code}${code && UNTRUSTED_ERRORS.has(code) && config.allowSelfSigned ? " (allowed by allow-self-signed)" : ""}`;
  const certificate = certificateReport(probe, trust);

  if (config.checks.has("tls")) {
    const cases: CaseResult[] = [];
    let t = performance.now();
    cases.push(
      caseResult(
        "chain",
        config.allowSelfSigned
          ? `trusted by ${trustSource}, or self-signed (allow-self-signed)`
          : `trusted by ${trustSource}`,
        probe.authorized ? "trusted" : `untrusted (${code})`,
        probe.authorized || (code !== undefined && VALIDITY_ERRORS.has(code))
          ? "pass"
          : code !== undefined && UNTRUSTED_ERRORS.has(code) && config.allowSelfSigned
            ? "warn"
            : "fail",
        probe.authorized
          ? `served chain: ${probe.chainSubjects.join(" <- ")}`
          : code !== undefined && VALIDITY_ERRORS.has(code)
            ? "the chain is judged apart from its validity period, which the expiry check covers"
            : code !== undefined && UNTRUSTED_ERRORS.has(code)
              ? config.allowSelfSigned
                ? "untrusted chain reported, not failed (allow-self-signed: true)"
                : "give the CA in ca-cert, or allow-self-signed: true for a dev certificate"
              : `verification error ${code}`,
        t,
      ),
    );
    t = performance.now();
    const identityError = checkIdentity(url, probe.peer);
    cases.push(
      caseResult(
        "hostname",
        `certificate names ${url.hostname}`,
        certificate.sans.join(", ") || `CN only: ${certificate.owner}`,
        identityError ? "fail" : "pass",
        identityError ? identityError.message : `SNI ${target.servername ?? "(none: IP address)"} matches`,
        t,
      ),
    );
    for (const [name, expected, actualText] of [
      ["owner", config.expectSubject, probe.certificate.subject],
      ["issuer", config.expectIssuer, probe.certificate.issuer],
    ] as const) {
      if (!expected) continue;
      t = performance.now();
      const comparison = compareDn(expected, parseDn(actualText));
      cases.push(
        caseResult(
          name,
          formatDn(expected),
          nodeDn(actualText),
          comparison.equal ? "pass" : "fail",
          comparison.equal
            ? "every attribute matches (order ignored)"
            : [
                comparison.missing.length ? `missing ${formatDn(comparison.missing)}` : "",
                comparison.unexpected.length ? `unexpected ${formatDn(comparison.unexpected)}` : "",
              ]
                .filter(Boolean)
                .join("; "),
          t,
        ),
      );
    }
    t = performance.now();
    const modern = probe.protocol === "TLSv1.2" || probe.protocol === "TLSv1.3";
    const legacy = await (legacyVerdict ?? probeLegacyProtocols(target, config));
    cases.push(
      caseResult(
        "protocol",
        "TLS 1.2 or newer only",
        `negotiated ${probe.protocol} (${probe.cipher}); TLS 1.1 ${legacy.outcome}`,
        !modern || legacy.outcome === "accepted" ? "fail" : legacy.outcome === "unknown" ? "warn" : "pass",
        legacy.detail,
        t,
      ),
    );
    results.push(aggregate("tls", cases, started, { certificate }));
  }

  if (config.checks.has("expiry")) {
    const t = performance.now();
    const days = certificate.daysRemaining;
    const notYetValid = new Date(probe.certificate.validFrom).getTime() > Date.now();
    const outcome: Outcome =
      notYetValid || days < config.minDaysValid ? "fail" : days < config.warnDays ? "warn" : "pass";
    results.push(
      aggregate(
        "expiry",
        [
          caseResult(
            "validity",
            `at least ${config.minDaysValid} days left (warning below ${config.warnDays})`,
            notYetValid
              ? `not valid before ${certificate.validFrom}`
              : days < 0
                ? `expired ${-days} days ago (${certificate.validUntil})`
                : `${days} days left (until ${certificate.validUntil})`,
            outcome,
            outcome === "fail"
              ? notYetValid
                ? "the certificate is not valid yet"
                : `below min-days-valid (${config.minDaysValid}): renew the certificate`
              : outcome === "warn"
                ? `below warn-days (${config.warnDays}): plan the renewal`
                : "valid long enough",
            t,
          ),
        ],
        t,
      ),
    );
  }
  return { results, daysRemaining: certificate.daysRemaining };
}

async function request(url: URL, config: VerifyConfig, token?: string): Promise<HttpAnswer> {
  return withRetries(() =>
    httpCall(url, targetOf(url, config.resolve), {
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
      ...(config.caCert ? { ca: config.caCert } : {}),
      insecure: config.allowSelfSigned,
      timeoutMs: config.requestTimeoutMs,
    }),
  );
}

export async function checkAuth(url: URL, context: RoundContext): Promise<CheckResult> {
  const { config } = context;
  const started = performance.now();
  const cases: CaseResult[] = [];
  let t = performance.now();
  const expectedBody = config.expectUnauthenticatedBody;
  const emptyBody = config.expectUnauthenticatedEmptyBody;
  const expectation = `${config.expectUnauthenticatedStatus}${
    emptyBody
      ? " with an empty body"
      : expectedBody === undefined
        ? ""
        : ` with body containing "${expectedBody}"`
  }`;
  try {
    const answer = await request(url, config);
    const statusOk = answer.status === config.expectUnauthenticatedStatus;
    const bodyOk = emptyBody
      ? answer.body.trim() === ""
      : expectedBody === undefined || answer.body.includes(expectedBody);
    cases.push(
      caseResult(
        "without token",
        expectation,
        describeAnswer(answer),
        statusOk && bodyOk ? "pass" : "fail",
        statusOk && bodyOk
          ? "refused as expected"
          : !statusOk
            ? answer.status >= 200 && answer.status < 300
              ? "a request without a token got in: no JWT enforcement"
              : `status ${answer.status}, expected ${config.expectUnauthenticatedStatus}`
            : emptyBody
              ? "the body is not empty: the edge still answers for the service (is the policy still in force?)"
              : `the body does not contain "${expectedBody}"${answer.body.trim() === "" ? " (empty body: the service answered, not the edge; is the policy deleted or not yet propagated?)" : ""}`,
        t,
      ),
    );
  } catch (error) {
    cases.push(caseResult("without token", expectation, "no answer", "fail", (error as Error).message, t));
  }
  if (context.token !== undefined) {
    t = performance.now();
    const expected = `${config.expectAuthenticatedStatus}`;
    try {
      const answer = await request(url, config, context.token);
      const ok = answer.status === config.expectAuthenticatedStatus;
      cases.push(
        caseResult(
          "with token",
          expected,
          describeAnswer(answer),
          ok ? "pass" : "fail",
          ok
            ? "the valid token is accepted"
            : `status ${answer.status}, expected ${expected}${answer.headers["www-authenticate"] ? ` (www-authenticate: ${String(answer.headers["www-authenticate"])})` : ""}`,
          t,
        ),
      );
    } catch (error) {
      cases.push(caseResult("with token", expected, "no answer", "fail", (error as Error).message, t));
    }
  }
  return aggregate("auth", cases, started);
}

export async function checkAttacks(url: URL, context: RoundContext): Promise<CheckResult> {
  const started = performance.now();
  const cases: CaseResult[] = [];
  for (const forged of context.forged) {
    const t = performance.now();
    if (forged.error !== undefined) {
      cases.push(caseResult(forged.id, "refused", "not sent", "fail", forged.error, t));
      continue;
    }
    if (forged.token === undefined) {
      cases.push(caseResult(forged.id, "refused", "not sent", "skip", forged.skipped ?? "skipped", t));
      continue;
    }
    try {
      const answer = await request(url, context.config, forged.token);
      const accepted = answer.status >= 200 && answer.status < 300;
      cases.push(
        caseResult(
          forged.id,
          "refused (not 2xx)",
          describeAnswer(answer),
          accepted ? "fail" : "pass",
          accepted ? `the edge ACCEPTED a forged token: ${forged.title}` : `${forged.title}: refused`,
          t,
        ),
      );
    } catch (error) {
      cases.push(
        caseResult(
          forged.id,
          "refused (not 2xx)",
          "no answer",
          "fail",
          `${forged.title}: ${(error as Error).message}`,
          t,
        ),
      );
    }
  }
  return aggregate("attacks", cases, started);
}

/** Errors that mean the server cut a plaintext request off (STRICT mTLS), rather than being unreachable. */
const REFUSED = /ECONNRESET|EPIPE|HPE_|ECONNABORTED|socket hang up/;

export async function checkMtls(url: URL, config: VerifyConfig): Promise<CheckResult> {
  const started = performance.now();
  const strict = config.expectMtls === "strict";
  const expected = strict ? "plaintext refused (strict)" : "plaintext answered (permissive)";
  let actual: string;
  let refused: boolean;
  let detail: string;
  try {
    // Only an unreachable address is retried: a reset is the answer this check is looking for.
    const answer = await withRetries(
      () => httpCall(url, targetOf(url, config.resolve), { timeoutMs: config.requestTimeoutMs }),
      { retryOn: new Set(["ECONNREFUSED", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]) },
    );
    refused =
      answer.status === 400 &&
      /plain HTTP request was sent to HTTPS|TLS required|client sent an HTTP request to an HTTPS server/i.test(
        answer.body,
      );
    actual = refused ? `TLS required: ${describeAnswer(answer)}` : `answered ${describeAnswer(answer)}`;
    detail = refused
      ? "the server demands TLS"
      : strict
        ? "a plaintext request got an answer: mTLS is not enforced"
        : "plaintext is still accepted";
  } catch (error) {
    const failure = error as NetworkError;
    refused = REFUSED.test(`${failure.code} ${failure.message}`);
    actual = refused ? `connection cut (${failure.code})` : `unreachable (${failure.code})`;
    detail = refused
      ? "the plaintext connection was closed without an HTTP answer"
      : `${failure.message}: nothing answered, so mTLS could not be judged; check the address (mtls-urls) and that the runner is inside the cluster network`;
    if (!refused) {
      return aggregate("mtls", [caseResult("plaintext", expected, actual, "fail", detail, started)], started);
    }
  }
  const held = refused === strict;
  return aggregate(
    "mtls",
    [caseResult("plaintext", expected, actual, held ? "pass" : "fail", detail, started)],
    started,
  );
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** One pass over every endpoint and every check. */
export async function runRound(context: RoundContext): Promise<EndpointResult[]> {
  const { config } = context;
  const jobs: Array<{ url: URL; kind: "http" | "mtls" }> = [
    ...config.urls.map((url) => ({ url, kind: "http" as const })),
    ...(config.checks.has("mtls") ? config.mtlsUrls.map((url) => ({ url, kind: "mtls" as const })) : []),
  ];
  return mapLimit(jobs, config.concurrency, async ({ url, kind }): Promise<EndpointResult> => {
    if (kind === "mtls") return { url: url.href, checks: [await checkMtls(url, config)] };
    const checks: CheckResult[] = [];
    let daysRemaining: number | undefined;
    if (url.protocol === "https:" && (config.checks.has("tls") || config.checks.has("expiry"))) {
      const certificate = await checkCertificate(url, config);
      checks.push(...certificate.results);
      daysRemaining = certificate.daysRemaining;
    }
    if (config.checks.has("auth")) checks.push(await checkAuth(url, context));
    if (config.checks.has("attacks")) checks.push(await checkAttacks(url, context));
    return { url: url.href, checks, ...(daysRemaining === undefined ? {} : { daysRemaining }) };
  });
}

export function failures(
  endpoints: readonly EndpointResult[],
): Array<{ url: string; check: CheckResult; item: CaseResult }> {
  return endpoints.flatMap((endpoint) =>
    endpoint.checks.flatMap((check) =>
      check.cases
        .filter((item) => item.outcome === "fail")
        .map((item) => ({ url: endpoint.url, check, item })),
    ),
  );
}

export { NetworkError };
