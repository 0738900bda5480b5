/**
 * Inputs -> a validated JwtPolicyConfig. Every problem is collected (InputProblems), so a user sees all of
 * them at once, each naming the input, what is wrong and how to fix it. Nothing here touches the network
 * or the cluster.
 */
import type { InputProblems, Inputs } from "@mesh-secure/action-runtime";
import { inspectJwks } from "./jwks.ts";

export const API_CHOICES = [
  "auto",
  "security.istio.io/v1",
  "security.istio.io/v1beta1",
  "authentication.istio.io/v1alpha1",
] as const;
export type ApiChoice = (typeof API_CHOICES)[number];
export type ApiVersion = Exclude<ApiChoice, "auto">;

export interface HeaderLocation {
  name: string;
  prefix?: string;
}

export interface IssuerConfig {
  issuer: string;
  jwksUri?: string;
  /** An inline JWKS, as the JSON string Istio stores. */
  jwks?: string;
  audiences?: string[];
  fromHeaders?: HeaderLocation[];
  forwardOriginalToken?: boolean;
  /** The input this issuer came from ("issuers" or the "issuer"/"jwks-uri" shorthand), for error messages. */
  input: "issuers" | "jwks-uri";
  /** How an error message refers to this issuer, e.g. "issuers[2] (https://dev-xxx.auth0.com/)". */
  label: string;
}

export interface JwtPolicyConfig {
  namespace: string;
  name: string;
  state: "present" | "absent";
  targets: string[];
  selectorKey: string;
  issuers: IssuerConfig[];
  requireToken: boolean;
  requireHttps: boolean;
  api: ApiChoice;
  dryRun: boolean;
  checkJwks: boolean;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
/** RFC 7230 token characters: what an HTTP header name may contain. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const ISSUER_KEYS = ["issuer", "jwksUri", "jwks", "audiences", "fromHeaders", "forwardOriginalToken"];
const MISSPELLINGS: Record<string, string> = {
  jwks_uri: "jwksUri",
  "jwks-uri": "jwksUri",
  jwksURI: "jwksUri",
  jwksurl: "jwksUri",
  jwksUrl: "jwksUri",
  iss: "issuer",
  audience: "audiences",
  aud: "audiences",
  from_headers: "fromHeaders",
  headers: "fromHeaders",
  forward_original_token: "forwardOriginalToken",
  forward: "forwardOriginalToken",
};

export function isDnsLabel(value: string): boolean {
  return value.length <= 63 && DNS_LABEL.test(value);
}

export function isLabelKey(value: string): boolean {
  const slash = value.lastIndexOf("/");
  const prefix = slash >= 0 ? value.slice(0, slash) : undefined;
  const name = slash >= 0 ? value.slice(slash + 1) : value;
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return false;
  return name.length <= 63 && LABEL_NAME.test(name);
}

/** Checks an http(s) URL; returns the problem in words, or undefined when it is fine. */
export function urlProblem(value: string, requireHttps: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `'${value}' is not a URL`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `'${value}' has scheme ${url.protocol.replace(/:$/, "")}, Istio fetches JWKS only over http:// or https://`;
  }
  if (url.hostname === "") return `'${value}' has no host`;
  if (value.length > 2048) return `'${value.slice(0, 40)}...' is longer than 2048 characters`;
  if (requireHttps && url.protocol === "http:") {
    return `'${value}' is plain http, refused because require-https is true`;
  }
  return undefined;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a mapping" : `${typeof value} ${JSON.stringify(value)}`;
}

const EXAMPLE_ISSUERS =
  "issuers: |\n  - issuer: http://auth-server.local\n    jwksUri: http://auth-server.hands-on.svc.cluster.local/.well-known/jwks.json";

/** One entry of the `issuers` list (or the shorthand), validated; problems are added, not thrown. */
function parseIssuer(
  raw: unknown,
  index: number,
  input: "issuers" | "jwks-uri",
  requireHttps: boolean,
  problems: InputProblems,
  mask: (secret: string) => void,
): IssuerConfig | undefined {
  const where = input === "issuers" ? `issuers[${index + 1}]` : "issuer";
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    problems.add(
      "issuers",
      `${where} is ${describeValue(raw)}, not a mapping`,
      `give each issuer as a mapping with issuer and jwksUri, e.g.\n${EXAMPLE_ISSUERS}`,
    );
    return undefined;
  }
  const entry = raw as Record<string, unknown>;
  const issuerValue = entry.issuer;
  const issuer = typeof issuerValue === "string" ? issuerValue.trim() : "";
  const label = issuer === "" ? where : `${where} (${issuer})`;
  const before = problems.errors.length;
  // The shorthand's problems name the input they came from (issuer or jwks-uri).
  const add = (problem: string, fix: string, field: "issuer" | "jwksUri" = "issuer") =>
    problems.add(
      input === "issuers" ? "issuers" : field === "jwksUri" ? "jwks-uri" : "issuer",
      input === "issuers" ? `${label}: ${problem}` : problem,
      fix,
    );

  for (const key of Object.keys(entry)) {
    if (!ISSUER_KEYS.includes(key)) {
      const suggestion = MISSPELLINGS[key];
      add(
        `unknown key '${key}'`,
        suggestion ? `write '${suggestion}' instead of '${key}'` : `use only ${ISSUER_KEYS.join(", ")}`,
      );
    }
  }
  if (issuer === "") {
    add(
      issuerValue === undefined
        ? "has no issuer"
        : `issuer is ${describeValue(issuerValue)}, not a non-empty string`,
      "set issuer to the token issuer exactly as in the tokens' iss claim, e.g. issuer: http://auth-server.local",
    );
  } else if (requireHttps && issuer.startsWith("http://")) {
    add(
      "the issuer is plain http, refused because require-https is true",
      "use the https:// issuer of a production authorization server, or set require-https: false for development",
    );
  }

  const result: IssuerConfig = { issuer, input, label };
  const hasUri = entry.jwksUri !== undefined && entry.jwksUri !== null;
  const hasInline = entry.jwks !== undefined && entry.jwks !== null;
  if (hasUri && hasInline) {
    add(
      "sets both jwksUri and jwks",
      "set only one: jwksUri (a URL Istio fetches) or jwks (an inline key set)",
    );
  } else if (!hasUri && !hasInline) {
    add(
      "has neither jwksUri nor jwks, so no token from it could be verified",
      "set jwksUri to the issuer's key set URL, e.g. jwksUri: https://dev-xxx.auth0.com/.well-known/jwks.json",
    );
  }
  if (hasUri) {
    const uri = entry.jwksUri;
    if (typeof uri !== "string" || uri.trim() === "") {
      add(
        `jwksUri is ${describeValue(uri)}, not a URL`,
        "set jwksUri to an http:// or https:// URL",
        "jwksUri",
      );
    } else {
      const trimmed = uri.trim();
      const url = URL.canParse(trimmed) ? new URL(trimmed) : undefined;
      if (url?.password) mask(url.password);
      const problem = urlProblem(trimmed, requireHttps);
      if (problem) {
        add(
          `jwksUri ${problem}`,
          requireHttps && problem.includes("require-https")
            ? "serve the JWKS over https, or set require-https: false for development"
            : "set jwksUri to an http:// or https:// URL such as https://dev-xxx.auth0.com/.well-known/jwks.json",
          "jwksUri",
        );
      } else {
        result.jwksUri = trimmed;
      }
    }
  }
  if (hasInline) {
    const value = entry.jwks;
    const text =
      typeof value === "string"
        ? value.trim()
        : typeof value === "object"
          ? JSON.stringify(value)
          : undefined;
    if (text === undefined) {
      add(`jwks is ${describeValue(value)}`, 'give jwks as a JSON Web Key Set: {"keys": [ ... ]}');
    } else {
      const verdict = inspectJwks(text);
      for (const secret of verdict.secrets) mask(secret);
      if (verdict.problem) add(`jwks ${verdict.problem}`, verdict.fix);
      else result.jwks = text;
    }
  }

  if (entry.audiences !== undefined) {
    const audiences = entry.audiences;
    if (
      !Array.isArray(audiences) ||
      audiences.some((item) => typeof item !== "string" || item.trim() === "")
    ) {
      add(
        `audiences is ${describeValue(audiences)}; it must be a list of non-empty strings`,
        "write audiences as a list, e.g. audiences: [product-composite]",
      );
    } else {
      result.audiences = audiences.map((item: string) => item.trim());
    }
  }
  if (entry.fromHeaders !== undefined) {
    const headers = entry.fromHeaders;
    const parsed: HeaderLocation[] = [];
    if (!Array.isArray(headers)) {
      add(
        `fromHeaders is ${describeValue(headers)}, not a list`,
        'write fromHeaders as a list of {name, prefix}, e.g. fromHeaders: [{name: Authorization, prefix: "Bearer "}]',
      );
    } else {
      headers.forEach((header: unknown, position: number) => {
        const h = header as Record<string, unknown> | null;
        const name = h && typeof h === "object" ? h.name : undefined;
        const prefix = h && typeof h === "object" ? h.prefix : undefined;
        const extra =
          h && typeof h === "object" ? Object.keys(h).filter((k) => k !== "name" && k !== "prefix") : [];
        if (typeof name !== "string" || !HEADER_NAME.test(name)) {
          add(
            `fromHeaders[${position + 1}] needs a name that is an HTTP header name (got ${describeValue(name)})`,
            'write each header as {name: X-Jwt-Assertion} or {name: Authorization, prefix: "Bearer "}',
          );
        } else if (prefix !== undefined && typeof prefix !== "string") {
          add(
            `fromHeaders[${position + 1}].prefix is ${describeValue(prefix)}, not a string`,
            'quote the prefix, e.g. prefix: "Bearer "',
          );
        } else if (extra.length > 0) {
          add(
            `fromHeaders[${position + 1}] has unknown key(s) ${extra.join(", ")}`,
            "use only name and prefix",
          );
        } else {
          parsed.push(prefix === undefined ? { name } : { name, prefix });
        }
      });
      if (parsed.length === headers.length && parsed.length > 0) result.fromHeaders = parsed;
    }
  }
  if (entry.forwardOriginalToken !== undefined) {
    if (typeof entry.forwardOriginalToken !== "boolean") {
      add(
        `forwardOriginalToken is ${describeValue(entry.forwardOriginalToken)}, not true or false`,
        "write forwardOriginalToken: true or false (unquoted)",
      );
    } else {
      result.forwardOriginalToken = entry.forwardOriginalToken;
    }
  }
  return problems.errors.length === before ? result : undefined;
}

/**
 * Reads and validates every input this action takes (kubeconfig and context are read by connectCluster).
 * Returns undefined when a problem was found; the problems are in `problems`.
 */
export function readConfig(
  inputs: Inputs,
  problems: InputProblems,
  mask: (secret: string) => void,
): JwtPolicyConfig | undefined {
  const before = problems.errors.length;
  const namespace = problems.collect(() =>
    inputs.required("namespace", "name the namespace of the protected workloads, e.g. namespace: hands-on"),
  );
  if (namespace !== undefined && !isDnsLabel(namespace)) {
    problems.add(
      "namespace",
      `'${namespace}' is not a namespace name`,
      "use lowercase letters, digits and '-', at most 63 characters",
    );
  }
  const name = inputs.string("name", "jwt-authentication-policy");
  if (!isDnsLabel(name)) {
    problems.add(
      "name",
      `'${name}' cannot name the policy objects (it is also a label value)`,
      "use lowercase letters, digits and '-', at most 63 characters, e.g. jwt-authentication-policy",
    );
  }
  const state = problems.collect(() => inputs.choice("state", ["present", "absent"] as const, "present"));
  const api = problems.collect(() => inputs.choice("api", API_CHOICES, "auto"));
  const dryRun = problems.collect(() => inputs.boolean("dry-run", false));
  const checkJwks = problems.collect(() => inputs.boolean("check-jwks", false));
  const requireToken = problems.collect(() => inputs.boolean("require-token", true));
  const requireHttps = problems.collect(() => inputs.boolean("require-https", false)) ?? false;
  const selectorKey = inputs.string("selector-key", "app");
  if (!isLabelKey(selectorKey)) {
    problems.add(
      "selector-key",
      `'${selectorKey}' is not a label key`,
      "use a label key such as app or app.kubernetes.io/name",
    );
  }

  const targets = problems.collect(() => inputs.list("targets")) ?? [];
  const issuersGiven = inputs.has("issuers");
  const shorthandIssuer = inputs.string("issuer");
  const shorthandUri = inputs.string("jwks-uri");
  const issuers: IssuerConfig[] = [];

  if (state !== "absent") {
    if (targets.length === 0 && !problems.errors.some((e) => e.input === "targets")) {
      problems.add(
        "targets",
        "is required (no workload to protect was named)",
        "name the workloads, e.g. targets: product-composite (one per line or comma-separated)",
      );
    }
    const seenTargets = new Set<string>();
    for (const target of targets) {
      if (!isDnsLabel(target)) {
        problems.add(
          "targets",
          `'${target}' is not a workload name`,
          "use the workload's (service's) name: lowercase letters, digits and '-', at most 63 characters",
        );
      } else if (seenTargets.has(target)) {
        problems.add("targets", `'${target}' is listed twice`, "list each workload once");
      }
      seenTargets.add(target);
    }

    if (issuersGiven && (shorthandIssuer !== undefined || shorthandUri !== undefined)) {
      problems.add(
        "issuers",
        "is given together with the issuer/jwks-uri shorthand",
        "use either issuers (a list) or issuer + jwks-uri (one issuer), not both",
      );
    } else if (issuersGiven) {
      const parsed = problems.collect(() => inputs.yaml("issuers"));
      if (parsed !== undefined) {
        if (!Array.isArray(parsed) || parsed.length === 0) {
          problems.add(
            "issuers",
            `is ${describeValue(parsed)}, not a non-empty YAML list`,
            `give a list of issuers, e.g.\n${EXAMPLE_ISSUERS}`,
          );
        } else {
          parsed.forEach((entry, index) => {
            const issuer = parseIssuer(entry, index, "issuers", requireHttps, problems, mask);
            if (issuer) issuers.push(issuer);
          });
        }
      }
    } else if (shorthandIssuer !== undefined || shorthandUri !== undefined) {
      if (shorthandIssuer === undefined) {
        problems.add(
          "issuer",
          "is required when jwks-uri is given",
          "set issuer to the tokens' iss claim, e.g. issuer: http://auth-server.local",
        );
      } else if (shorthandUri === undefined) {
        problems.add(
          "jwks-uri",
          "is required when issuer is given",
          "set jwks-uri to the issuer's key set URL, e.g. jwks-uri: http://auth-server.hands-on.svc.cluster.local/.well-known/jwks.json",
        );
      } else {
        const issuer = parseIssuer(
          { issuer: shorthandIssuer, jwksUri: shorthandUri },
          0,
          "jwks-uri",
          requireHttps,
          problems,
          mask,
        );
        if (issuer) issuers.push(issuer);
      }
    } else {
      problems.add(
        "issuers",
        "is required: no trusted issuer was given",
        `list the issuers whose tokens are accepted, e.g.\n${EXAMPLE_ISSUERS}\nor use issuer + jwks-uri for one`,
      );
    }
    const seenIssuers = new Set<string>();
    for (const issuer of issuers) {
      if (seenIssuers.has(issuer.issuer)) {
        problems.add(
          "issuers",
          `issuer ${issuer.issuer} is listed twice`,
          "list each issuer once (put all its audiences in one entry)",
        );
      }
      seenIssuers.add(issuer.issuer);
    }
  }

  if (problems.errors.length > before) return undefined;
  return {
    namespace: namespace!,
    name,
    state: state!,
    targets,
    selectorKey,
    issuers,
    requireToken: requireToken!,
    requireHttps,
    api: api!,
    dryRun: dryRun!,
    checkJwks: checkJwks!,
  };
}

/** What the legacy Policy cannot express; checked once the API is known, still before any write. */
export function legacyProblems(config: JwtPolicyConfig, problems: InputProblems): void {
  for (const issuer of config.issuers) {
    const input = issuer.input === "issuers" ? "issuers" : "issuer";
    if (issuer.fromHeaders?.some((header) => header.prefix !== undefined)) {
      problems.add(
        input,
        `${issuer.label}: fromHeaders sets a prefix, which the legacy authentication.istio.io/v1alpha1 Policy cannot strip (it reads headers by name only)`,
        "drop the prefix (the Authorization header's 'Bearer ' is always stripped), or use api: security.istio.io/v1",
      );
    }
    if (issuer.forwardOriginalToken !== undefined) {
      problems.add(
        input,
        `${issuer.label}: forwardOriginalToken has no counterpart in the legacy authentication.istio.io/v1alpha1 Policy`,
        "remove forwardOriginalToken, or use api: security.istio.io/v1",
      );
    }
  }
}
