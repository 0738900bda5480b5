import { readFile } from "node:fs/promises";
import {
  ApiextensionsV1Api,
  type KubeConfig,
  KubernetesObjectApi,
  loadAllYaml,
  PatchStrategy,
  type V1CustomResourceDefinition,
} from "@kubernetes/client-node";
import { istioCrdFile } from "./binaries.ts";
import { FIELD_MANAGER, legacyCrdFile } from "./paths.ts";
import { sleep } from "./proc.ts";
import { kubeRequest } from "./raw.ts";

export interface CrdSelection {
  /** Istio's own CRDs from istio.io/api (security, networking, telemetry, extensions). Default true. */
  istio?: boolean;
  /** The legacy authentication.istio.io/v1alpha1 Policy and MeshPolicy. Default true. */
  legacy?: boolean;
}

export interface InstallOptions extends CrdSelection {
  timeoutMs?: number;
  onProgress?: (line: string) => void;
}

/** The CRD objects of a selection, parsed from their YAML files. */
export async function loadCrds(selection: CrdSelection = {}): Promise<V1CustomResourceDefinition[]> {
  const files: string[] = [];
  if (selection.istio ?? true) files.push(await istioCrdFile());
  if (selection.legacy ?? true) files.push(legacyCrdFile);
  const crds: V1CustomResourceDefinition[] = [];
  for (const file of files) {
    // loadAllYaml deserializes into the typed models, which the object API serializes back losslessly
    // (plain objects would lose e.g. x-kubernetes-validations in serialization).
    for (const doc of loadAllYaml(await readFile(file, "utf8")) as (V1CustomResourceDefinition | null)[]) {
      if (doc && doc.kind === "CustomResourceDefinition") crds.push(doc);
    }
  }
  return crds;
}

function established(crd: V1CustomResourceDefinition): boolean {
  const conditions = crd.status?.conditions ?? [];
  return conditions.some((c) => c.type === "Established" && c.status === "True");
}

/**
 * Server-side applies the selected CRDs (field manager `mesh-secure-control-plane`), then waits until each is
 * Established and each served group/version lists the resource in discovery. Returns the CRD names.
 */
export async function installCrds(kc: KubeConfig, opts: InstallOptions = {}): Promise<string[]> {
  const progress = opts.onProgress ?? (() => {});
  const crds = await loadCrds(opts);
  const objects = KubernetesObjectApi.makeApiClient(kc);
  const ext = kc.makeApiClient(ApiextensionsV1Api);
  progress(`applying ${crds.length} CRDs`);
  for (const crd of crds) {
    await objects.patch(crd, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply);
  }
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  const names = crds.map((c) => c.metadata!.name!);
  for (const crd of crds) {
    const name = crd.metadata!.name!;
    const { group, names: crdNames } = crd.spec;
    for (;;) {
      const live = await ext.readCustomResourceDefinition({ name });
      if (established(live)) break;
      if (Date.now() > deadline)
        throw new Error(`CRD ${name} is not Established: ${JSON.stringify(live.status)}`);
      await sleep(100);
    }
    for (const version of crd.spec.versions.filter((v) => v.served)) {
      for (;;) {
        const r = await kubeRequest(kc, { method: "GET", path: `/apis/${group}/${version.name}` });
        const resources = (r.body as { resources?: { name: string }[] }).resources ?? [];
        if (r.status === 200 && resources.some((res) => res.name === crdNames.plural)) break;
        if (Date.now() > deadline) {
          throw new Error(
            `${crdNames.plural}.${group}/${version.name} is not served by discovery (HTTP ${r.status})`,
          );
        }
        await sleep(100);
      }
    }
  }
  progress(`CRDs established and served: ${names.length}`);
  return names;
}
