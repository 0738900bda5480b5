/**
 * The objects this action applies for the reference setup (minikube.me, istio-system/istio-ingressgateway-certs,
 * the hands-on Gateway), rendered by the same code as a run. The secret's data are placeholders: a real key
 * is generated at run time and never committed.
 */
import { type KubeObject, toDisplayYaml } from "@mesh-secure/action-runtime";
import { pointGatewayAtSecret, renderSecret } from "./render.ts";

const HOST = "minikube.me";
const NAMESPACE = "istio-system";
const SECRET = "istio-ingressgateway-certs";

/** The reference book's Gateway before the action: an HTTPS server reading the file-mounted secret. */
export function referenceGateway(): KubeObject {
  return {
    apiVersion: "networking.istio.io/v1",
    kind: "Gateway",
    metadata: { name: "hands-on-gw", namespace: "hands-on" },
    spec: {
      selector: { istio: "ingressgateway" },
      servers: [
        {
          port: { number: 443, name: "https", protocol: "HTTPS" },
          hosts: [HOST],
          tls: {
            mode: "SIMPLE",
            serverCertificate: "/etc/istio/ingressgateway-certs/tls.crt",
            privateKey: "/etc/istio/ingressgateway-certs/tls.key",
          },
        },
      ],
    },
  };
}

export function referenceManifests(): Record<string, string> {
  const secret = renderSecret(NAMESPACE, SECRET, { chainPem: "", keyPem: "" });
  secret.data = {
    "tls.crt": `<base64 PEM of the self-signed certificate with Owner = Issuer = O=${HOST}, CN=${HOST} and SAN ${HOST}>`,
    "tls.key": "<base64 PEM of the EC P-256 key generated at run time, never committed>",
  };
  const { desired } = pointGatewayAtSecret(referenceGateway(), [HOST], SECRET);
  return {
    "secret.yaml": `# The Secret applied (server-side apply, one request) by: self-signed: true, hosts: ${HOST}\n${toDisplayYaml(secret, false)}`,
    "gateway-sds.yaml": `# The apply sent with gateway: hands-on/hands-on-gw (the whole servers list; Istio's lists are atomic).\n# The secret is read from the gateway workload's namespace (${NAMESPACE}), not the Gateway's.\n${toDisplayYaml(desired, false)}`,
  };
}
