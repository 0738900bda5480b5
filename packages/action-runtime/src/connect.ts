import { InputProblems } from "./errors.ts";
import type { Inputs } from "./inputs.ts";
import { KubeApi } from "./kube-api.ts";
import { loadKubeconfig } from "./kubeconfig.ts";
import type { Reporter } from "./reporter.ts";

export interface ClusterConnection {
  api: KubeApi;
  source: string;
  close(): Promise<void>;
}

/**
 * Reads the `kubeconfig` and `context` inputs and connects. Masks credentials first; the temporary
 * kubeconfig file is removed by close(), which every caller runs in a finally block.
 */
export function connectCluster(
  inputs: Inputs,
  reporter: Reporter,
  problems?: InputProblems,
): ClusterConnection | undefined {
  const collect = problems ?? new InputProblems();
  const loaded = collect.collect(() =>
    loadKubeconfig({
      content: inputs.raw("kubeconfig"),
      path: inputs.string("kubeconfig-path"),
      context: inputs.string("context"),
      mask: (secret) => reporter.mask(secret),
    }),
  );
  if (!problems) collect.throwIfAny();
  if (!loaded) return undefined;
  const api = new KubeApi(loaded.kc);
  return {
    api,
    source: loaded.source,
    close: async () => {
      await api.close();
      loaded.dispose();
    },
  };
}
