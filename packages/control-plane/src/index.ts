export {
  type Binaries,
  istioCrdFile,
  type ResolveOptions,
  resolveBinaries,
  stagingModules,
} from "./binaries.ts";
export { type ControlPlane, type StartOptions, startControlPlane } from "./control-plane.ts";
export { type CrdSelection, type InstallOptions, installCrds, loadCrds } from "./crds.ts";
export { createUserKubeconfig } from "./kubeconfig.ts";
export {
  binaryCacheDir,
  cacheRoot,
  defaultStateDir,
  ETCD_VERSION,
  FIELD_MANAGER,
  ISTIO_API_VERSION,
  KUBERNETES_VERSION,
  legacyCrdFile,
} from "./paths.ts";
export { kubeRequest, type RawResponse } from "./raw.ts";
export { freshNamespace, runWithControlPlane, type TestCluster, testCluster } from "./testing.ts";
