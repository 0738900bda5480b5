/** Shared by the integration tests: running the bundle against a cluster and reading back what it left. */
import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { KubeApi, KubeObject } from "@mesh-secure/action-runtime";
import { type BundleResult, runBundle } from "../../../test/run-bundle.ts";

export const LOCAL_ISSUER = "http://auth-server.local";
export const LOCAL_JWKS = "http://auth-server.hands-on.svc.cluster.local/.well-known/jwks.json";
export const AUTH0_ISSUER = "https://dev-xxx.auth0.com/";
export const AUTH0_JWKS = "https://dev-xxx.auth0.com/.well-known/jwks.json";

export const LOCAL_ONLY = `- issuer: ${LOCAL_ISSUER}\n  jwksUri: ${LOCAL_JWKS}\n`;
export const TWO_ISSUERS = `${LOCAL_ONLY}- issuer: ${AUTH0_ISSUER}\n  jwksUri: ${AUTH0_JWKS}\n  audiences: [https://localhost:8443/product-composite]\n`;

export function jwtPolicy(
  kubeconfig: string,
  inputs: Record<string, string>,
  options: { keepTemp?: boolean } = {},
): Promise<BundleResult> {
  return runBundle("jwt-policy", { kubeconfig, ...inputs }, options);
}

const KINDS: [string, string][] = [
  ["security.istio.io/v1", "RequestAuthentication"],
  ["security.istio.io/v1", "AuthorizationPolicy"],
  ["authentication.istio.io/v1alpha1", "Policy"],
];

/** Every RequestAuthentication, AuthorizationPolicy and legacy Policy in the namespace, whoever made it. */
export async function policyObjects(api: KubeApi, namespace: string): Promise<KubeObject[]> {
  const found: KubeObject[] = [];
  for (const [apiVersion, kind] of KINDS) {
    if (await api.serves(apiVersion, kind)) found.push(...(await api.list(apiVersion, kind, { namespace })));
  }
  return found;
}

/** kind/name -> resourceVersion: equal before and after means nothing was written. */
export async function versions(api: KubeApi, namespace: string): Promise<Record<string, string>> {
  const objects = await policyObjects(api, namespace);
  return Object.fromEntries(
    objects.map((o) => [`${o.kind}/${o.metadata.name}`, o.metadata.resourceVersion ?? ""]),
  );
}

export function objectsOutput(
  result: BundleResult,
): { kind: string; namespace: string; name: string; action: string }[] {
  return JSON.parse(result.outputs.get("objects") ?? "[]");
}

export function failureText(result: BundleResult): string {
  return `exit ${result.code}\n${result.stdout}\n${result.stderr}\n${result.summary}`;
}

/** A real HTTP server publishing a JWKS with one RSA signing key (and one that only serves an encryption key). */
export async function startJwksServer(): Promise<{
  url: string;
  encOnlyUrl: string;
  close(): Promise<void>;
}> {
  const signing = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ format: "jwk" });
  const encryption = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "jwk" });
  const server: Server = createServer((request, response) => {
    response.setHeader("content-type", "application/json");
    if (request.url === "/.well-known/jwks.json") {
      response.end(JSON.stringify({ keys: [{ ...signing, kid: "test-rsa", use: "sig", alg: "RS256" }] }));
    } else if (request.url === "/enc-only.json") {
      response.end(JSON.stringify({ keys: [{ ...encryption, kid: "test-enc", use: "enc" }] }));
    } else {
      response.statusCode = 404;
      response.end("{}");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/.well-known/jwks.json`,
    encOnlyUrl: `${base}/enc-only.json`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
