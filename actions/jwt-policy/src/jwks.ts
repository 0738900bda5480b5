/**
 * JSON Web Key Sets: what makes one usable for verifying tokens, and (with check-jwks) fetching the ones
 * the issuers publish. A key counts as a usable signing key when it is an RSA, EC or OKP public key whose
 * `use` is `sig` or absent and node:crypto can import it.
 */
import { createPublicKey } from "node:crypto";

export interface KeySummary {
  kty: string;
  kid?: string;
  alg?: string;
}

export interface JwksVerdict {
  /** The problem in words (e.g. "has no usable signing key"), or undefined when the set is usable. */
  problem?: string;
  fix: string;
  /** The usable signing keys. */
  usable: KeySummary[];
  total: number;
  /** Private key material found in the set: to be masked before anything prints it. */
  secrets: string[];
}

const PRIVATE_PARAMS = ["d", "p", "q", "dp", "dq", "qi", "k"];
const SIGNING_TYPES = ["RSA", "EC", "OKP"];

function describeKey(key: Record<string, unknown>): KeySummary {
  const summary: KeySummary = { kty: String(key.kty) };
  if (typeof key.kid === "string") summary.kid = key.kid;
  if (typeof key.alg === "string") summary.alg = key.alg;
  return summary;
}

export function formatKey(key: KeySummary): string {
  return `${key.kty}${key.alg ? ` ${key.alg}` : ""}${key.kid ? ` kid=${key.kid}` : ""}`;
}

/** Checks a JWKS document (JSON text): parseable, a `keys` list, no private material, a usable signing key. */
export function inspectJwks(text: string): JwksVerdict {
  const verdict: JwksVerdict = { fix: "", usable: [], total: 0, secrets: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    verdict.problem = `is not valid JSON (${(error as Error).message})`;
    verdict.fix =
      'give a JSON Web Key Set: {"keys": [{"kty": "RSA", "use": "sig", "n": "...", "e": "AQAB"}]}';
    return verdict;
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) {
    verdict.problem = 'is not a JSON Web Key Set: it has no non-empty "keys" list';
    verdict.fix = 'give a JSON Web Key Set: {"keys": [ ... ]} (RFC 7517, section 5)';
    return verdict;
  }
  verdict.total = keys.length;
  const privateParams = new Set<string>();
  for (const key of keys) {
    if (key === null || typeof key !== "object") continue;
    const jwk = key as Record<string, unknown>;
    for (const param of PRIVATE_PARAMS) {
      if (typeof jwk[param] === "string") {
        privateParams.add(param);
        verdict.secrets.push(jwk[param] as string);
      }
    }
  }
  if (privateParams.size > 0) {
    verdict.problem = `contains private or symmetric key material (${[...privateParams].join(", ")})`;
    verdict.fix =
      "publish only public keys: remove the private members (d, p, q, dp, dq, qi) and symmetric keys (k); rotate the exposed key";
    return verdict;
  }
  for (const key of keys) {
    if (key === null || typeof key !== "object") continue;
    const jwk = key as Record<string, unknown>;
    if (!SIGNING_TYPES.includes(String(jwk.kty))) continue;
    if (jwk.use !== undefined && jwk.use !== "sig") continue;
    try {
      createPublicKey({ key: jwk as import("node:crypto").JsonWebKey, format: "jwk" });
      verdict.usable.push(describeKey(jwk));
    } catch {
      // not importable: not usable
    }
  }
  if (verdict.usable.length === 0) {
    verdict.problem = `has no usable signing key (${keys.length} key(s), none an RSA, EC or OKP public key with use "sig" or no use)`;
    verdict.fix =
      "publish the public key the issuer signs tokens with (use: sig), or point at the issuer's real JWKS";
  }
  return verdict;
}

export interface FetchedJwks extends JwksVerdict {
  url: string;
}

/** Fetches a JWKS and inspects it. Network and HTTP failures become the verdict's problem. */
export async function fetchJwks(url: string, timeoutMs = 10_000): Promise<FetchedJwks> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: "application/json, application/jwk-set+json" },
      redirect: "follow",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason =
      (error as Error).name === "TimeoutError"
        ? `no answer within ${timeoutMs / 1000} s`
        : (cause?.code ?? cause?.message ?? (error as Error).message);
    return {
      url,
      problem: `could not be fetched (${reason})`,
      fix: "check the URL and that this runner can reach it; in-cluster URIs (*.svc.cluster.local) are only reachable from inside the cluster, so set check-jwks: false there",
      usable: [],
      total: 0,
      secrets: [],
    };
  }
  const body = await response.text();
  if (!response.ok) {
    return {
      url,
      problem: `answered HTTP ${response.status} ${response.statusText}`.trim(),
      fix: "check the URL: the issuer's discovery document (/.well-known/openid-configuration) names its jwks_uri",
      usable: [],
      total: 0,
      secrets: [],
    };
  }
  return { url, ...inspectJwks(body) };
}
