/** The objects this action applies for the reference setup (hands-on/product-composite, http://auth-server.local). */
import type { ApiVersion, JwtPolicyConfig } from "./config.ts";
import { renderDesired, toManifestYaml } from "./render.ts";

export const REFERENCE_ISSUER = "http://auth-server.local";
export const REFERENCE_JWKS_URI = "http://auth-server.hands-on.svc.cluster.local/.well-known/jwks.json";

export function referenceConfig(): JwtPolicyConfig {
  return {
    namespace: "hands-on",
    name: "jwt-authentication-policy",
    state: "present",
    targets: ["product-composite"],
    selectorKey: "app",
    issuers: [
      {
        issuer: REFERENCE_ISSUER,
        jwksUri: REFERENCE_JWKS_URI,
        input: "issuers",
        label: `issuers[1] (${REFERENCE_ISSUER})`,
      },
    ],
    requireToken: true,
    requireHttps: false,
    api: "auto",
    dryRun: false,
    checkJwks: false,
  };
}

export function referenceManifests(): Record<string, string> {
  const render = (api: ApiVersion) => toManifestYaml(renderDesired(referenceConfig(), api));
  return {
    "legacy-policy-v1alpha1.yaml": render("authentication.istio.io/v1alpha1"),
    "request-authentication-v1.yaml": render("security.istio.io/v1"),
  };
}
