/**
 * The inputs, validated together before any request is made: every problem is reported at once, each
 * naming the input and how to fix it.
 */

import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { isIP } from "node:net";
import { InputProblems, type Inputs } from "@mesh-secure/action-runtime";
import { type DnAttribute, parseDn } from "./dn.ts";

export const CHECKS = ["tls", "expiry", "auth", "attacks", "mtls"] as const;
export type CheckName = (typeof CHECKS)[number];

export interface TokenRequest {
  url: URL;
  clientId: string;
  clientSecret: string;
  scope?: string;
}

export interface VerifyConfig {
  urls: URL[];
  /** `host:port` -> address, as curl's --resolve. */
  resolve: Map<string, string>;
  caCert?: string;
  allowSelfSigned: boolean;
  expectSubject?: DnAttribute[];
  expectIssuer?: DnAttribute[];
  minDaysValid: number;
  warnDays: number;
  expectUnauthenticatedStatus: number;
  expectUnauthenticatedBody?: string;
  /** The answer without a token must have an empty body: the service itself answered, not the edge. */
  expectUnauthenticatedEmptyBody: boolean;
  expectAuthenticatedStatus: number;
  accessToken?: string;
  tokenRequest?: TokenRequest;
  attackSuite: boolean;
  jwksUri?: URL;
  mtlsUrls: URL[];
  expectMtls: "strict" | "permissive";
  /** Seconds. */
  waitTimeout: number;
  /** Seconds. */
  interval: number;
  checks: Set<CheckName>;
  requestTimeoutMs: number;
  concurrency: number;
}

/** Everything secret among the inputs; main masks these before anything else happens. */
export function secretInputs(inputs: Inputs): string[] {
  return [inputs.string("client-secret"), inputs.string("access-token")].filter(
    (value): value is string => value !== undefined,
  );
}

function parseUrl(value: string, protocols: string[]): URL | undefined {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

export function urlPort(url: URL): string {
  return url.port || (url.protocol === "https:" ? "443" : "80");
}

/** curl's `--resolve host:port:address` (an IPv6 address may be in brackets). */
export function parseResolve(entry: string): { key: string; address: string } | undefined {
  const match = /^([^:\s]+):(\d{1,5}):\[?([^\]\s]+)\]?$/.exec(entry.trim());
  if (!match) return undefined;
  const port = Number(match[2]);
  if (port < 1 || port > 65535 || isIP(match[3]!) === 0) return undefined;
  return { key: `${match[1]!.toLowerCase()}:${port}`, address: match[3]! };
}

export function readConfig(inputs: Inputs): VerifyConfig {
  const problems = new InputProblems();

  const urls: URL[] = [];
  const mtlsUrls: URL[] = [];
  for (const value of problems.collect(() => inputs.list("mtls-urls")) ?? []) {
    const url = parseUrl(value, ["http:"]);
    if (url) mtlsUrls.push(url);
    else
      problems.add(
        "mtls-urls",
        `'${value}' is not an http:// URL`,
        "give in-mesh plaintext addresses such as http://product-composite.hands-on:80/ (the check sends plaintext on purpose)",
      );
  }
  const urlValues = problems.collect(() => inputs.list("urls")) ?? [];
  if (urlValues.length === 0 && mtlsUrls.length === 0) {
    problems.add(
      "urls",
      "is required but was not given",
      "list the endpoints to check, e.g. urls: https://minikube.me/product-composite/2",
    );
  }
  for (const value of urlValues) {
    const url = parseUrl(value, ["https:", "http:"]);
    if (url) urls.push(url);
    else
      problems.add(
        "urls",
        `'${value}' is not an http(s) URL`,
        "give full URLs such as https://minikube.me/product-composite/2",
      );
  }

  const resolve = new Map<string, string>();
  for (const entry of problems.collect(() => inputs.list("resolve")) ?? []) {
    const parsed = parseResolve(entry);
    if (parsed) resolve.set(parsed.key, parsed.address);
    else
      problems.add(
        "resolve",
        `'${entry}' is not host:port:address`,
        "write it as curl's --resolve, e.g. minikube.me:443:192.168.49.2",
      );
  }

  let caCert: string | undefined;
  const caValue = inputs.raw("ca-cert")?.trim();
  if (caValue !== undefined) {
    const pem = caValue.includes("-----BEGIN")
      ? caValue
      : existsSync(caValue)
        ? readFileSync(caValue, "utf8")
        : undefined;
    if (pem === undefined) {
      problems.add(
        "ca-cert",
        "is neither a PEM certificate nor a readable file",
        "give the CA certificate's PEM text or a path to it",
      );
    } else {
      try {
        new X509Certificate(pem);
        caCert = pem;
      } catch (error) {
        problems.add(
          "ca-cert",
          `is not a valid PEM certificate (${(error as Error).message})`,
          "give the CA certificate in PEM",
        );
      }
    }
  }
  const allowSelfSigned = problems.collect(() => inputs.boolean("allow-self-signed", false)) ?? false;

  const readDn = (name: "expect-subject" | "expect-issuer"): DnAttribute[] | undefined => {
    const value =
      name === "expect-subject" ? inputs.string("expect-subject") : inputs.string("expect-issuer");
    if (value === undefined) return undefined;
    try {
      return parseDn(value);
    } catch (error) {
      problems.add(
        name,
        `'${value}' is not a distinguished name: ${(error as Error).message}`,
        "write it as CN=minikube.me, O=minikube.me",
      );
      return undefined;
    }
  };
  const expectSubject = readDn("expect-subject");
  const expectIssuer = readDn("expect-issuer");

  const minDaysValid = problems.collect(() => inputs.integer("min-days-valid", 14, { min: 0 })) ?? 14;
  const warnDays = problems.collect(() => inputs.integer("warn-days", 30, { min: 0 })) ?? 30;
  if (warnDays < minDaysValid) {
    problems.add(
      "warn-days",
      `${warnDays} is below min-days-valid (${minDaysValid})`,
      `use ${minDaysValid} or more, so the warning comes before the failure`,
    );
  }
  const statusRange = { min: 100, max: 599 };
  const expectUnauthenticatedStatus =
    problems.collect(() => inputs.integer("expect-unauthenticated-status", 401, statusRange)) ?? 401;
  const expectUnauthenticatedBody = inputs.raw("expect-unauthenticated-body")?.trim();
  // An empty input counts as "not given" in GitHub Actions, so an empty body needs its own switch.
  const expectUnauthenticatedEmptyBody =
    problems.collect(() => inputs.boolean("expect-unauthenticated-empty-body", false)) ?? false;
  if (expectUnauthenticatedEmptyBody && expectUnauthenticatedBody !== undefined) {
    problems.add(
      "expect-unauthenticated-empty-body",
      "was set together with expect-unauthenticated-body",
      "give either a text the body must contain, or expect-unauthenticated-empty-body: true",
    );
  }
  const expectAuthenticatedStatus =
    problems.collect(() => inputs.integer("expect-authenticated-status", 200, statusRange)) ?? 200;

  const accessToken = inputs.string("access-token");
  const tokenUrlValue = inputs.string("token-url");
  const clientId = inputs.string("client-id");
  const clientSecret = inputs.string("client-secret");
  const scope = inputs.string("scope");
  let tokenRequest: TokenRequest | undefined;
  if (accessToken !== undefined && tokenUrlValue !== undefined) {
    problems.add(
      "access-token",
      "was given together with token-url",
      "give either access-token or token-url with client-id and client-secret",
    );
  } else if (tokenUrlValue !== undefined) {
    const url = parseUrl(tokenUrlValue, ["https:", "http:"]);
    if (!url)
      problems.add(
        "token-url",
        `'${tokenUrlValue}' is not an http(s) URL`,
        "give the token endpoint, e.g. https://minikube.me/oauth2/token",
      );
    if (url && (url.username || url.password)) {
      problems.add(
        "token-url",
        "carries credentials in the URL",
        "remove them from the URL and give client-id and client-secret instead",
      );
    }
    if (clientId === undefined)
      problems.add("client-id", "is required with token-url", "give the OAuth client id, e.g. writer");
    if (clientSecret === undefined)
      problems.add(
        "client-secret",
        "is required with token-url",
        "give the client secret from a repository secret, e.g. ${{ secrets.CLIENT_SECRET }}",
      );
    if (url && clientId !== undefined && clientSecret !== undefined) {
      tokenRequest = { url, clientId, clientSecret, ...(scope ? { scope } : {}) };
    }
  } else if (clientId !== undefined || clientSecret !== undefined || scope !== undefined) {
    problems.add(
      "token-url",
      "is required with client-id, client-secret or scope",
      "give the token endpoint, e.g. https://minikube.me/oauth2/token",
    );
  }
  const tokenAvailable = accessToken !== undefined || tokenUrlValue !== undefined;
  const attackSuite = problems.collect(() => inputs.boolean("attack-suite", tokenAvailable)) ?? false;
  if (attackSuite && !tokenAvailable) {
    problems.add(
      "attack-suite",
      "needs a valid token to forge from",
      "give access-token or token-url with client-id and client-secret, or set attack-suite: false",
    );
  }
  let jwksUri: URL | undefined;
  const jwksValue = inputs.string("jwks-uri");
  if (jwksValue !== undefined) {
    jwksUri = parseUrl(jwksValue, ["https:", "http:"]);
    if (!jwksUri)
      problems.add(
        "jwks-uri",
        `'${jwksValue}' is not an http(s) URL`,
        "give the issuer's JWKS, e.g. https://minikube.me/.well-known/jwks.json",
      );
  }

  const expectMtls =
    problems.collect(() => inputs.choice("expect-mtls", ["strict", "permissive"] as const, "strict")) ??
    "strict";
  const waitTimeout = problems.collect(() => inputs.number("wait-timeout", 0, { min: 0, max: 3600 })) ?? 0;
  const interval = problems.collect(() => inputs.number("interval", 5, { min: 0.1, max: 600 })) ?? 5;

  const httpsUrls = urls.filter((url) => url.protocol === "https:");
  const possible: Record<CheckName, string | undefined> = {
    tls: httpsUrls.length > 0 ? undefined : "needs at least one https:// URL in urls",
    expiry: httpsUrls.length > 0 ? undefined : "needs at least one https:// URL in urls",
    auth: urls.length > 0 ? undefined : "needs urls",
    attacks:
      urls.length === 0
        ? "needs urls"
        : attackSuite
          ? undefined
          : tokenAvailable
            ? "is turned off by attack-suite: false"
            : "needs a token (access-token, or token-url with client-id and client-secret)",
    mtls: mtlsUrls.length > 0 ? undefined : "needs mtls-urls",
  };
  const checks = new Set<CheckName>();
  const requested = problems.collect(() => inputs.list("checks")) ?? [];
  if (requested.length === 0) {
    for (const check of CHECKS) if (possible[check] === undefined) checks.add(check);
  }
  for (const value of requested) {
    const check = CHECKS.find((name) => name === value.toLowerCase());
    if (check === undefined) {
      problems.add("checks", `'${value}' is not a check`, `use some of ${CHECKS.join(", ")}`);
    } else if (possible[check] !== undefined) {
      problems.add(
        "checks",
        `'${check}' ${possible[check]}`,
        "give the inputs it needs, or leave it out of checks",
      );
    } else {
      checks.add(check);
    }
  }

  problems.throwIfAny();
  return {
    urls,
    resolve,
    ...(caCert ? { caCert } : {}),
    allowSelfSigned,
    ...(expectSubject ? { expectSubject } : {}),
    ...(expectIssuer ? { expectIssuer } : {}),
    minDaysValid,
    warnDays,
    expectUnauthenticatedStatus,
    ...(expectUnauthenticatedBody ? { expectUnauthenticatedBody } : {}),
    expectUnauthenticatedEmptyBody,
    expectAuthenticatedStatus,
    ...(accessToken ? { accessToken } : {}),
    ...(tokenRequest ? { tokenRequest } : {}),
    attackSuite,
    ...(jwksUri ? { jwksUri } : {}),
    mtlsUrls,
    expectMtls,
    waitTimeout,
    interval,
    checks,
    requestTimeoutMs: 10_000,
    // Endpoints in flight at once: TLS handshakes and requests are I/O-bound; 16 keeps a scan of hundreds quick
    // without opening hundreds of sockets.
    concurrency: 16,
  };
}
