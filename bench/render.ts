/**
 * The objects the benchmarks apply, rendered by the actions' own pure code (the same functions their bundles
 * call), so kubectl is handed exactly what the actions send.
 */
import { InputProblems, Inputs, type KubeObject, mapInputs } from "@mesh-secure/action-runtime";
import { readConfig as readJwtConfig } from "../actions/jwt-policy/src/config.ts";
import { renderDesired, toManifestYaml } from "../actions/jwt-policy/src/render.ts";
import { readConfig as readMtlsConfig } from "../actions/mtls/src/config.ts";
import { renderObjects } from "../actions/mtls/src/render.ts";

export const MODERN = "security.istio.io/v1";

/** The reference setup's jwt-policy inputs for one namespace (workload product-composite). */
export function jwtInputs(namespace: string): Record<string, string> {
  return {
    namespace,
    targets: "product-composite",
    issuer: "http://auth-server.local",
    "jwks-uri": "http://auth-server.hands-on.svc.cluster.local/.well-known/jwks.json",
  };
}

/** mtls inputs: STRICT PeerAuthentication `default` in every namespace given. */
export function mtlsInputs(namespaces: readonly string[]): Record<string, string> {
  return { namespace: namespaces.join(","), mode: "STRICT" };
}

function valid<T>(
  what: string,
  read: (inputs: Inputs, problems: InputProblems) => T | undefined,
  values: Record<string, string>,
): T {
  const problems = new InputProblems();
  const config = read(new Inputs(mapInputs(values)), problems);
  problems.throwIfAny();
  if (config === undefined) throw new Error(`${what}: inputs not read`);
  return config;
}

/** RequestAuthentication + AuthorizationPolicy (security.istio.io/v1), as jwt-policy renders them. */
export function renderJwt(namespace: string): KubeObject[] {
  const config = valid(
    "jwt-policy",
    (inputs, problems) => readJwtConfig(inputs, problems, () => {}),
    jwtInputs(namespace),
  );
  return renderDesired(config, MODERN);
}

/** One PeerAuthentication per namespace (security.istio.io/v1), as mtls renders it. */
export function renderMtls(namespaces: readonly string[]): KubeObject[] {
  const config = valid("mtls", readMtlsConfig, mtlsInputs(namespaces));
  return renderObjects(config, { policy: MODERN, meshPolicy: false, destinationRule: undefined });
}

/** Multi-document YAML, as jwt-policy writes its `manifests` file. */
export function toYaml(objects: readonly KubeObject[]): string {
  return toManifestYaml(objects);
}
