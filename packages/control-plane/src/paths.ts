import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The Kubernetes release the control plane is built from (kube-apiserver). */
export const KUBERNETES_VERSION = "v1.37.2";
/** The etcd release the control plane stores its data in. */
export const ETCD_VERSION = "v3.7.3";
/** The istio/api release whose CRDs (OpenAPI schemas + CEL rules) are installed. */
export const ISTIO_API_VERSION = "v1.32.0";

/** Field manager used for every server-side apply made by this package. */
export const FIELD_MANAGER = "mesh-secure-control-plane";

/** `$XDG_CACHE_HOME/mesh-secure/control-plane`, default `~/.cache/mesh-secure/control-plane`. */
export function cacheRoot(): string {
  const base = process.env["XDG_CACHE_HOME"] || join(homedir(), ".cache");
  return resolve(base, "mesh-secure", "control-plane");
}

/** Where the built binaries of one version pair live: `<cacheRoot>/1.37.2-etcd3.7.3`. */
export function binaryCacheDir(): string {
  return join(cacheRoot(), `${KUBERNETES_VERSION.slice(1)}-etcd${ETCD_VERSION.slice(1)}`);
}

/** `$XDG_STATE_HOME/mesh-secure/cluster`, default `~/.local/state/mesh-secure/cluster` (used by the CLI). */
export function defaultStateDir(): string {
  const base = process.env["XDG_STATE_HOME"] || join(homedir(), ".local", "state");
  return resolve(base, "mesh-secure", "cluster");
}

/** The package's own directory (works from `src/` under type stripping and from `lib/`). */
export const packageDir: string = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The hand-written CRD file for the legacy `authentication.istio.io/v1alpha1` API. */
export const legacyCrdFile: string = join(packageDir, "crds", "authentication-istio-io-v1alpha1.yaml");
