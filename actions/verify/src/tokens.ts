/**
 * The access token (given, or from the client-credentials grant) and the forged tokens a correct edge must
 * refuse. Every token goes through `protect` (which masks it) the moment it exists.
 */
import {
  createHmac,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  randomBytes,
  randomUUID,
  sign,
} from "node:crypto";
import type { TokenRequest } from "./config.ts";
import { httpCall, type Target, withRetries } from "./net.ts";

export interface TokenContext {
  target: (url: URL) => Target;
  ca?: string;
  insecure: boolean;
  timeoutMs: number;
  /** Masks a secret; returns it for convenience. */
  protect: (secret: string) => string;
}

/** RFC 6749 2.3.1: the client id and secret are form-urlencoded before they go into HTTP basic auth. */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString("base64")}`;
}

export class TokenError extends Error {
  override readonly name = "TokenError";
}

export async function fetchToken(request: TokenRequest, context: TokenContext): Promise<string> {
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    ...(request.scope ? { scope: request.scope } : {}),
  });
  const answer = await withRetries(() =>
    httpCall(request.url, context.target(request.url), {
      method: "POST",
      headers: {
        authorization: basicAuthorization(request.clientId, request.clientSecret),
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body: body.toString(),
      ...(context.ca ? { ca: context.ca } : {}),
      insecure: context.insecure,
      timeoutMs: context.timeoutMs,
    }),
  ).catch((error: Error) => {
    throw new TokenError(
      `Could not reach token-url ${request.url.origin}${request.url.pathname}: ${error.message}. Fix: check token-url, resolve and ca-cert.`,
    );
  });
  let parsed: { access_token?: unknown; error?: unknown; error_description?: unknown } = {};
  try {
    parsed = JSON.parse(answer.body) as typeof parsed;
  } catch {
    // Reported below with the status.
  }
  if (typeof parsed.access_token === "string" && parsed.access_token !== "") {
    return context.protect(parsed.access_token);
  }
  const reason =
    typeof parsed.error === "string"
      ? `${parsed.error}${typeof parsed.error_description === "string" ? ` (${parsed.error_description})` : ""}`
      : "no access_token in the answer";
  const fix =
    answer.status === 401 || parsed.error === "invalid_client"
      ? "check client-id and client-secret"
      : parsed.error === "invalid_scope"
        ? "ask only for scopes the client may have (input scope)"
        : "check that token-url is the issuer's token endpoint and the client may use the client-credentials grant";
  throw new TokenError(`The token endpoint answered ${answer.status}: ${reason}. Fix: ${fix}.`);
}

export interface Jwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  parts: [string, string, string];
}

export function decodeJwt(token: string): Jwt | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, "base64url").toString("utf8")) as Record<
      string,
      unknown
    >;
    const payload = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as Record<
      string,
      unknown
    >;
    if (typeof header !== "object" || header === null || typeof payload !== "object" || payload === null)
      return undefined;
    return { header, payload, parts: parts as [string, string, string] };
  } catch {
    return undefined;
  }
}

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export const ATTACKS = [
  { id: "alg-none", title: "alg: none (unsigned)" },
  { id: "hs256-key-confusion", title: "HS256 signed with the issuer's public key" },
  { id: "payload-altered", title: "payload altered, signature kept" },
  { id: "signature-stripped", title: "signature stripped" },
  { id: "own-key-unknown-kid", title: "signed by our own key, unknown kid" },
  { id: "own-key-reused-kid", title: "signed by our own key, the issuer's kid" },
  { id: "garbage", title: "garbage" },
] as const;
export type AttackId = (typeof ATTACKS)[number]["id"];

export interface ForgedToken {
  id: AttackId;
  title: string;
  token?: string;
  /** Why the case cannot be built (then it is reported as skipped). */
  skipped?: string;
  /** Why the case could not be built although it was asked for (then it fails). */
  error?: string;
}

/** The issuer's public key for the key-confusion case, or why there is none. */
export type IssuerKey = { pem: string } | { error: string } | undefined;

/** The issuer's public key in PEM, for the key-confusion case: the key matching the token's kid, else the first. */
export function publicKeyPem(jwks: unknown, kid: unknown): string {
  const keys = (jwks as { keys?: JsonWebKey[] })?.keys;
  if (!Array.isArray(keys) || keys.length === 0) throw new Error("the JWKS has no keys");
  const usable = keys.filter((key) => key.kty === "RSA" || key.kty === "EC" || key.kty === "OKP");
  const key = usable.find((candidate) => (candidate as { kid?: unknown }).kid === kid) ?? usable[0];
  if (!key) throw new Error("the JWKS has no RSA, EC or OKP key");
  return createPublicKey({ key, format: "jwk" }).export({ type: "spki", format: "pem" }).toString();
}

/**
 * Builds every forged token from the valid one. `issuerKey` is the issuer's public key from jwks-uri
 * (undefined when no jwks-uri was given: that case alone is skipped).
 */
export function forgeTokens(valid: string, issuerKey: IssuerKey): ForgedToken[] {
  const jwt = decodeJwt(valid);
  const forged: ForgedToken[] = [];
  const notJwt = "the access token is not a JWT, so there are no claims to forge from";
  const now = Math.floor(Date.now() / 1000);
  const claims = jwt ? { ...jwt.payload } : {};
  const ownKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
  const signRs256 = (header: Record<string, unknown>) => {
    const input = `${segment(header)}.${segment({ ...claims, iat: now, exp: now + 3600, jti: randomUUID() })}`;
    return `${input}.${sign("sha256", Buffer.from(input), ownKey).toString("base64url")}`;
  };
  for (const attack of ATTACKS) {
    const base = { id: attack.id, title: attack.title };
    if (attack.id === "garbage") {
      forged.push({
        ...base,
        token: [12, 24, 32].map((size) => randomBytes(size).toString("base64url")).join("."),
      });
      continue;
    }
    if (!jwt) {
      forged.push({ ...base, skipped: notJwt });
      continue;
    }
    switch (attack.id) {
      case "alg-none":
        forged.push({ ...base, token: `${segment({ alg: "none", typ: "JWT" })}.${jwt.parts[1]}.` });
        break;
      case "hs256-key-confusion": {
        if (issuerKey === undefined) {
          forged.push({ ...base, skipped: "no jwks-uri given, so the issuer's public key is unknown" });
          break;
        }
        if ("error" in issuerKey) {
          forged.push({ ...base, error: issuerKey.error });
          break;
        }
        const issuerKeyPem = issuerKey.pem;
        const input = `${segment({ ...jwt.header, alg: "HS256" })}.${jwt.parts[1]}`;
        forged.push({
          ...base,
          token: `${input}.${createHmac("sha256", issuerKeyPem).update(input).digest("base64url")}`,
        });
        break;
      }
      case "payload-altered": {
        const altered = {
          ...jwt.payload,
          sub: `${String(jwt.payload.sub ?? "")}-attacker`,
          scope: "admin",
          exp: now + 86_400,
        };
        forged.push({ ...base, token: `${jwt.parts[0]}.${segment(altered)}.${jwt.parts[2]}` });
        break;
      }
      case "signature-stripped":
        forged.push({ ...base, token: `${jwt.parts[0]}.${jwt.parts[1]}.` });
        break;
      case "own-key-unknown-kid":
        forged.push({
          ...base,
          token: signRs256({ alg: "RS256", typ: "JWT", kid: `mesh-secure-verify-${randomUUID()}` }),
        });
        break;
      case "own-key-reused-kid":
        forged.push({
          ...base,
          token: signRs256({ ...jwt.header, alg: "RS256" }),
        });
        break;
    }
  }
  return forged;
}
