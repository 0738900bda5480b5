/** The objects this action applies for the reference setup, rendered by the same code (`pnpm manifests`). */

import type { KubeObject } from "@mesh-secure/action-runtime";
import yaml from "js-yaml";
import type { MtlsConfig } from "./config.ts";
import { renderObjects, type ServedApis } from "./render.ts";

const base: MtlsConfig = {
  scope: "namespace",
  namespaces: ["hands-on"],
  selector: undefined,
  rootNamespace: "istio-system",
  mode: "STRICT",
  portModes: {},
  requireSidecars: true,
  destinationRules: [],
  api: "auto",
  name: "default",
  state: "present",
  dryRun: false,
};

const modern: ServedApis = { policy: "security.istio.io/v1", meshPolicy: false, destinationRule: undefined };
const legacy: ServedApis = {
  policy: "authentication.istio.io/v1alpha1",
  meshPolicy: true,
  destinationRule: "networking.istio.io/v1alpha3",
};

function toYaml(objects: KubeObject[]): string {
  return objects
    .map((object) => yaml.dump(object, { lineWidth: 120, noRefs: true, quotingType: '"' }))
    .join("---\n");
}

export function referenceManifests(): Record<string, string> {
  return {
    "namespace-strict.yaml": toYaml(renderObjects(base, modern)),
    "mesh-permissive.yaml": toYaml(
      renderObjects({ ...base, scope: "mesh", namespaces: [], mode: "PERMISSIVE" }, modern),
    ),
    "mesh-strict.yaml": toYaml(renderObjects({ ...base, scope: "mesh", namespaces: [] }, modern)),
    "workload-port-exception.yaml": toYaml(
      renderObjects(
        {
          ...base,
          scope: "workload",
          name: "product-composite-mtls",
          selector: { app: "product-composite" },
          portModes: { "4004": "PERMISSIVE" },
        },
        modern,
      ),
    ),
    "legacy-namespace-strict.yaml": toYaml(
      renderObjects(
        {
          ...base,
          destinationRules: ["auth-server", "product", "recommendation", "review", "product-composite"],
        },
        legacy,
      ),
    ),
  };
}
