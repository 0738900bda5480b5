/**
 * Pure builders: validated config -> the Istio objects that enforce it. Nothing here talks to a cluster;
 * apply.ts applies what these return.
 *
 * Naming: with one target the objects are named after the `name` input (the reference setup's
 * `jwt-authentication-policy`); with several targets, the modern API gets one RequestAuthentication (and
 * AuthorizationPolicy) per target named `<name>-<target>`, because an Istio selector matches labels
 * exactly and cannot name several workloads. The legacy Policy lists every target, so it is always `<name>`.
 */

import { type KubeObject, MANAGED_BY_LABEL, MANAGED_BY_VALUE } from "@mesh-secure/action-runtime";
import yaml from "js-yaml";
import type { ApiVersion, IssuerConfig, JwtPolicyConfig } from "./config.ts";

/** The label naming the `name` input on every object this action applies (found again to prune). */
export const POLICY_LABEL = "mesh-secure.io/jwt-policy";
export const LEGACY_API: ApiVersion = "authentication.istio.io/v1alpha1";

export interface JwtRule {
  issuer: string;
  jwksUri?: string;
  jwks?: string;
  audiences?: string[];
  fromHeaders?: { name: string; prefix?: string }[];
  forwardOriginalToken?: boolean;
}

export interface RequestAuthentication extends KubeObject {
  kind: "RequestAuthentication";
  spec: { selector: { matchLabels: Record<string, string> }; jwtRules: JwtRule[] };
}

export interface AuthorizationPolicy extends KubeObject {
  kind: "AuthorizationPolicy";
  spec: {
    selector: { matchLabels: Record<string, string> };
    action: "ALLOW";
    rules: { from: { source: { requestPrincipals: string[] } }[] }[];
  };
}

export interface LegacyOrigin {
  jwt: { issuer: string; jwksUri?: string; jwks?: string; audiences?: string[]; jwtHeaders?: string[] };
}

export interface LegacyPolicy extends KubeObject {
  kind: "Policy";
  spec: {
    targets: { name: string }[];
    peers: { mtls: { mode: "PERMISSIVE" } }[];
    origins: LegacyOrigin[];
    originIsOptional?: boolean;
    principalBinding: "USE_ORIGIN";
  };
}

export type PolicyObject = RequestAuthentication | AuthorizationPolicy | LegacyPolicy;

export function ownershipLabels(name: string): Record<string, string> {
  return { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE, [POLICY_LABEL]: name };
}

export function ownershipSelector(name: string): string {
  return `${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE},${POLICY_LABEL}=${name}`;
}

function metadata(config: JwtPolicyConfig, objectName: string): KubeObject["metadata"] {
  return { name: objectName, namespace: config.namespace, labels: ownershipLabels(config.name) };
}

/** The object name for a target: `<name>` with one target, `<name>-<target>` with several. */
export function objectName(config: JwtPolicyConfig, target: string): string {
  return config.targets.length === 1 ? config.name : `${config.name}-${target}`;
}

export function jwtRule(issuer: IssuerConfig): JwtRule {
  const rule: JwtRule = { issuer: issuer.issuer };
  if (issuer.jwksUri !== undefined) rule.jwksUri = issuer.jwksUri;
  if (issuer.jwks !== undefined) rule.jwks = issuer.jwks;
  if (issuer.audiences !== undefined) rule.audiences = issuer.audiences;
  if (issuer.fromHeaders !== undefined) rule.fromHeaders = issuer.fromHeaders;
  if (issuer.forwardOriginalToken !== undefined) rule.forwardOriginalToken = issuer.forwardOriginalToken;
  return rule;
}

/** `"<issuer>/*"`: any subject of a trusted issuer (ISTIO-FACTS: requestPrincipals are "<ISS>/<SUB>"). */
export function requestPrincipal(issuer: IssuerConfig): string {
  return `${issuer.issuer}/*`;
}

export function renderRequestAuthentication(
  config: JwtPolicyConfig,
  apiVersion: ApiVersion,
  target: string,
): RequestAuthentication {
  return {
    apiVersion,
    kind: "RequestAuthentication",
    metadata: metadata(config, objectName(config, target)),
    spec: {
      selector: { matchLabels: { [config.selectorKey]: target } },
      jwtRules: config.issuers.map(jwtRule),
    },
  };
}

/** ALLOW only requests that carry a verified token from one of the issuers: a request without one gets 403. */
export function renderAuthorizationPolicy(
  config: JwtPolicyConfig,
  apiVersion: ApiVersion,
  target: string,
): AuthorizationPolicy {
  return {
    apiVersion,
    kind: "AuthorizationPolicy",
    metadata: metadata(config, objectName(config, target)),
    spec: {
      selector: { matchLabels: { [config.selectorKey]: target } },
      action: "ALLOW",
      rules: [{ from: [{ source: { requestPrincipals: config.issuers.map(requestPrincipal) } }] }],
    },
  };
}

/**
 * The Istio <= 1.5 Policy, shaped exactly like the reference one: targets by service name, peers mTLS
 * PERMISSIVE, one origin per issuer, principalBinding USE_ORIGIN. `require-token: false` maps to
 * originIsOptional (a request without a token is let through, as with a modern RequestAuthentication alone).
 */
export function renderLegacyPolicy(config: JwtPolicyConfig): LegacyPolicy {
  const origins = config.issuers.map((issuer): LegacyOrigin => {
    const jwt: LegacyOrigin["jwt"] = { issuer: issuer.issuer };
    if (issuer.jwksUri !== undefined) jwt.jwksUri = issuer.jwksUri;
    if (issuer.jwks !== undefined) jwt.jwks = issuer.jwks;
    if (issuer.audiences !== undefined) jwt.audiences = issuer.audiences;
    if (issuer.fromHeaders !== undefined) jwt.jwtHeaders = issuer.fromHeaders.map((header) => header.name);
    return { jwt };
  });
  const spec: LegacyPolicy["spec"] = {
    targets: config.targets.map((name) => ({ name })),
    peers: [{ mtls: { mode: "PERMISSIVE" } }],
    origins,
    principalBinding: "USE_ORIGIN",
  };
  if (!config.requireToken) {
    const { principalBinding, ...rest } = spec;
    return {
      apiVersion: LEGACY_API,
      kind: "Policy",
      metadata: metadata(config, config.name),
      spec: { ...rest, originIsOptional: true, principalBinding },
    };
  }
  return { apiVersion: LEGACY_API, kind: "Policy", metadata: metadata(config, config.name), spec };
}

/** Every object the config asks for in one API flavour (none for state: absent). */
export function renderDesired(config: JwtPolicyConfig, apiVersion: ApiVersion): PolicyObject[] {
  if (config.state === "absent") return [];
  if (apiVersion === LEGACY_API) return [renderLegacyPolicy(config)];
  const objects: PolicyObject[] = [];
  for (const target of config.targets) {
    objects.push(renderRequestAuthentication(config, apiVersion, target));
    if (config.requireToken) objects.push(renderAuthorizationPolicy(config, apiVersion, target));
  }
  return objects;
}

/** Objects as a multi-document YAML stream (the `manifests` output and manifests/jwt-policy/). */
export function toManifestYaml(objects: readonly KubeObject[]): string {
  if (objects.length === 0) return "# no objects: state is absent\n";
  return objects.map((object) => `---\n${yaml.dump(object, { lineWidth: 120, noRefs: true })}`).join("");
}
