import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";
import type { Cluster, Context, User } from "@kubernetes/client-node/dist/config_types.js";
// Deep imports on purpose: the package index (and its KubeConfig) pulls in every generated API client,
// 16 MB in each bundle. These modules are client-node's own kubeconfig parser and its exec and token-file
// authenticators, so kubeconfigs behave as with kubectl (exec plugins for EKS/GKE/AKS included).
import { newClusters, newContexts, newUsers } from "@kubernetes/client-node/dist/config_types.js";
import { ExecAuth } from "@kubernetes/client-node/dist/exec_auth.js";
import { FileAuth } from "@kubernetes/client-node/dist/file_auth.js";
import yaml from "js-yaml";
import { InputError } from "./errors.ts";

export interface KubeconfigOptions {
  /** Kubeconfig file content (the `kubeconfig` input). Takes precedence over KUBECONFIG. */
  content?: string | undefined;
  /** A path to a kubeconfig file (the CLI's --kubeconfig). */
  path?: string | undefined;
  context?: string | undefined;
  /** Called with every secret found in the kubeconfig, before anything else happens with it. */
  mask: (secret: string) => void;
  env?: NodeJS.ProcessEnv;
}

const SERVICE_ACCOUNT = "/var/run/secrets/kubernetes.io/serviceaccount";

export interface TlsOptions {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  rejectUnauthorized?: boolean;
  servername?: string;
}

/** A parsed kubeconfig: clusters, users and contexts, the current context, and its credentials. */
export class KubeConfig {
  clusters: Cluster[] = [];
  users: User[] = [];
  contexts: Context[] = [];
  currentContext: string | undefined;
  private readonly authenticators = [new ExecAuth(), new FileAuth()];

  loadFromFile(file: string): void {
    const parsed = yaml.load(readFileSync(file, "utf8")) as Record<string, unknown> | null;
    if (!parsed || typeof parsed !== "object") throw new Error("the file is empty or not a YAML mapping");
    this.clusters = newClusters(parsed.clusters);
    this.users = newUsers(parsed.users);
    this.contexts = newContexts(parsed.contexts);
    this.currentContext = parsed["current-context"] as string | undefined;
    const root = dirname(file);
    const absolute = (path: string | undefined) =>
      path === undefined || isAbsolute(path) ? path : `${root}/${path}`;
    for (const cluster of this.clusters) cluster.caFile = absolute(cluster.caFile);
    for (const user of this.users) {
      user.certFile = absolute(user.certFile);
      user.keyFile = absolute(user.keyFile);
    }
  }

  loadFromCluster(env: NodeJS.ProcessEnv = process.env): void {
    const host = env.KUBERNETES_SERVICE_HOST ?? "";
    const port = env.KUBERNETES_SERVICE_PORT ?? "443";
    this.clusters = [
      {
        name: "in-cluster",
        server: `https://${host.includes(":") ? `[${host}]` : host}:${port}`,
        caFile: `${SERVICE_ACCOUNT}/ca.crt`,
        skipTLSVerify: false,
      },
    ];
    this.users = [
      {
        name: "in-cluster",
        authProvider: { name: "tokenFile", config: { tokenFile: `${SERVICE_ACCOUNT}/token` } },
      },
    ];
    this.contexts = [{ name: "in-cluster", cluster: "in-cluster", user: "in-cluster" }];
    this.currentContext = "in-cluster";
  }

  getContexts(): Context[] {
    return this.contexts;
  }
  getUsers(): User[] {
    return this.users;
  }
  setCurrentContext(name: string): void {
    this.currentContext = name;
  }
  private context(): Context | undefined {
    return this.contexts.find((context) => context.name === this.currentContext);
  }
  getCurrentCluster(): Cluster | null {
    const context = this.context();
    return this.clusters.find((cluster) => cluster.name === context?.cluster) ?? null;
  }
  getCurrentUser(): User | null {
    const context = this.context();
    return this.users.find((user) => user.name === context?.user) ?? null;
  }

  /** TLS material for the current context (read once per client). */
  tlsOptions(): TlsOptions {
    const cluster = this.getCurrentCluster();
    const user = this.getCurrentUser();
    const read = (file: string | undefined, data: string | undefined) =>
      file ? readFileSync(file) : data ? Buffer.from(data, "base64") : undefined;
    const options: TlsOptions = {};
    const ca = read(cluster?.caFile, cluster?.caData);
    if (ca) options.ca = ca;
    const cert = read(user?.certFile, user?.certData);
    if (cert) options.cert = cert;
    const key = read(user?.keyFile, user?.keyData);
    if (key) options.key = key;
    if (cluster?.skipTLSVerify) options.rejectUnauthorized = false;
    if (cluster?.tlsServerName) options.servername = cluster.tlsServerName;
    return options;
  }

  /** Request headers carrying the current user's credentials; exec plugins are asked (and cached) here. */
  async authHeaders(): Promise<Record<string, string>> {
    const user = this.getCurrentUser();
    const options: { headers: Record<string, string> } = { headers: {} };
    if (!user) return options.headers;
    const authenticator = this.authenticators.find((candidate) => candidate.isAuthProvider(user));
    if (authenticator) await authenticator.applyAuthentication(user, options);
    if (user.token) options.headers.Authorization = `Bearer ${user.token}`;
    if (user.username) {
      options.headers.Authorization = `Basic ${Buffer.from(`${user.username}:${user.password ?? ""}`).toString("base64")}`;
    }
    if (user.impersonateUser) options.headers["Impersonate-User"] = user.impersonateUser;
    return options.headers;
  }
}

export interface LoadedKubeconfig {
  kc: KubeConfig;
  /** Where the config came from, safe to print. */
  source: string;
  /** Removes the temporary file written for inline content. Safe to call twice. */
  dispose(): void;
}

/**
 * Registers every credential a kubeconfig can hold so no log line can show it. Credentials are masked
 * field by field: masking every line of the file would also blank out harmless lines such as
 * `apiVersion: v1` wherever they appear in a log. Content that does not parse is masked whole, line by line.
 */
export function maskKubeconfigSecrets(content: string, mask: (secret: string) => void): void {
  let parsed: unknown;
  try {
    parsed = yaml.load(content);
  } catch {
    mask(content); // the loader reports the syntax error
    return;
  }
  const users = (parsed as { users?: { user?: Record<string, unknown> }[] } | undefined)?.users ?? [];
  for (const entry of users) {
    const user = entry?.user ?? {};
    for (const key of ["token", "client-key-data", "client-certificate-data", "password"]) {
      const value = user[key];
      if (typeof value === "string") {
        mask(value);
        if (key.endsWith("-data")) mask(Buffer.from(value, "base64").toString("utf8"));
      }
    }
    // Legacy auth providers (oidc, gcp, azure) keep tokens and client secrets in their config map.
    const providerConfig =
      (user["auth-provider"] as { config?: Record<string, unknown> } | undefined)?.config ?? {};
    for (const value of Object.values(providerConfig)) if (typeof value === "string") mask(value);
    // Exec plugins often get credentials through environment variables.
    const execEnv = (user.exec as { env?: { value?: unknown }[] } | undefined)?.env ?? [];
    for (const variable of execEnv) if (typeof variable?.value === "string") mask(variable.value);
  }
}

/**
 * Builds a KubeConfig from, in order: inline content (written 0600 under RUNNER_TEMP and removed by
 * dispose), an explicit path, KUBECONFIG, ~/.kube/config, or the in-cluster service account.
 */
export function loadKubeconfig(options: KubeconfigOptions): LoadedKubeconfig {
  const env = options.env ?? process.env;
  const kc = new KubeConfig();
  let source: string;
  let dispose = () => {};

  if (options.content !== undefined) {
    maskKubeconfigSecrets(options.content, options.mask);
    const base = env.RUNNER_TEMP && existsSync(env.RUNNER_TEMP) ? env.RUNNER_TEMP : tmpdir();
    const dir = mkdtempSync(join(base, "mesh-secure-"));
    const file = join(dir, `kubeconfig-${randomBytes(4).toString("hex")}`);
    writeFileSync(file, options.content, { mode: 0o600 });
    dispose = () => rmSync(dir, { recursive: true, force: true });
    try {
      kc.loadFromFile(file);
    } catch (error) {
      dispose();
      throw new InputError(
        "kubeconfig",
        `could not be parsed (${(error as Error).message.split("\n")[0]})`,
        "pass the full kubeconfig YAML, e.g. from a secret: kubeconfig: ${{ secrets.KUBECONFIG }}",
      );
    }
    source = "the kubeconfig input";
  } else if (options.path !== undefined || env.KUBECONFIG) {
    const path = options.path ?? env.KUBECONFIG!.split(":")[0]!;
    if (!existsSync(path)) {
      throw new InputError(
        options.path !== undefined ? "kubeconfig" : "KUBECONFIG",
        `names ${path}, which does not exist`,
        "point it at an existing kubeconfig file",
      );
    }
    try {
      kc.loadFromFile(path);
    } catch (error) {
      throw new InputError(
        "kubeconfig",
        `file ${path} could not be parsed (${(error as Error).message.split("\n")[0]})`,
        "check that it is a kubeconfig YAML file",
      );
    }
    source = path;
  } else if (env.KUBERNETES_SERVICE_HOST) {
    kc.loadFromCluster();
    source = "the in-cluster service account";
  } else if (existsSync(join(homedir(), ".kube", "config"))) {
    kc.loadFromFile(join(homedir(), ".kube", "config"));
    source = "~/.kube/config";
  } else {
    throw new InputError(
      "kubeconfig",
      "no cluster to talk to: the input is empty, KUBECONFIG is not set, there is no ~/.kube/config and this is not a pod",
      "pass kubeconfig: ${{ secrets.KUBECONFIG }} or set KUBECONFIG in an earlier step",
    );
  }

  for (const user of kc.getUsers()) {
    for (const value of [user.token, user.keyData, user.password]) if (value) options.mask(value);
    if (user.keyData) options.mask(Buffer.from(user.keyData, "base64").toString("utf8"));
  }

  if (options.context !== undefined) {
    const names = kc.getContexts().map((context) => context.name);
    if (!names.includes(options.context)) {
      dispose();
      throw new InputError(
        "context",
        `'${options.context}' is not a context in ${source}`,
        `use one of: ${names.join(", ") || "(none defined)"}`,
      );
    }
    kc.setCurrentContext(options.context);
  }
  if (kc.getCurrentCluster() === null) {
    dispose();
    throw new InputError(
      "kubeconfig",
      `${source} has no current context with a cluster`,
      "set current-context or pass the context input",
    );
  }
  let disposed = false;
  return {
    kc,
    source,
    dispose: () => {
      if (!disposed) dispose();
      disposed = true;
    },
  };
}
