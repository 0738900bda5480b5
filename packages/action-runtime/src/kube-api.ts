import http from "node:http";
import http2 from "node:http2";
import https from "node:https";
import type { KubeConfig } from "./kubeconfig.ts";

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    resourceVersion?: string;
    uid?: string;
    creationTimestamp?: string;
    generation?: number;
    managedFields?: unknown[];
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string | undefined;
}

export function refOf(object: KubeObject): ObjectRef {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.metadata.name,
    namespace: object.metadata.namespace,
  };
}

export function describeRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ""}${ref.name}`;
}

interface ResourceInfo {
  plural: string;
  namespaced: boolean;
  verbs: string[];
}

const verbWords: Record<string, string> = {
  GET: "get",
  LIST: "list",
  POST: "create",
  PUT: "update",
  PATCH: "patch",
  DELETE: "delete",
};

/** An error from the API server, explained in plain words with the verb and resource that failed. */
export class KubeApiError extends Error {
  readonly status: number;
  readonly reason: string;
  readonly verb: string;
  readonly resource: string;
  readonly serverMessage: string;

  constructor(options: {
    status: number;
    reason: string;
    verb: string;
    resource: string;
    serverMessage: string;
    explanation: string;
  }) {
    super(options.explanation);
    this.name = "KubeApiError";
    this.status = options.status;
    this.reason = options.reason;
    this.verb = options.verb;
    this.resource = options.resource;
    this.serverMessage = options.serverMessage;
  }
}

function explain(
  status: number,
  reason: string,
  verb: string,
  what: string,
  namespace: string | undefined,
  message: string,
): string {
  const where = namespace ? ` in namespace '${namespace}'` : "";
  switch (status) {
    case 401:
      return `The API server rejected the credentials (401 Unauthorized) when trying to ${verb} ${what}. Fix: refresh the kubeconfig's token or client certificate.`;
    case 403:
      return `Forbidden: the kubeconfig's identity may not ${verb} ${what}${where} (RBAC). Fix: grant it '${verb}' on that resource with a Role/RoleBinding (the action's README lists the rules it needs). Server said: ${message}`;
    case 404:
      if (/namespaces? "[^"]+" not found/.test(message)) {
        return `Namespace '${namespace}' does not exist, so ${what} cannot be ${verb === "get" ? "read" : "written"}. Fix: create the namespace first (kubectl create namespace ${namespace}) or correct the namespace input.`;
      }
      return `Not found: could not ${verb} ${what}${where}. Server said: ${message}`;
    case 409:
      return `Conflict while trying to ${verb} ${what}${where}: ${message}. Fix: another field manager owns these fields; re-run, or take ownership deliberately.`;
    case 422:
    case 400:
      return `The API server refused ${what}${where} as invalid (${reason || status}): ${message}`;
    default:
      // Server-side apply reports a field outside the schema as a 500 "failed to create typed patch object".
      if (/field not declared in schema|unknown field/.test(message)) {
        return `The API server refused ${what}${where}: it has a field the schema does not know (strict field validation): ${message}. Fix: remove or correct that field.`;
      }
      return `The API server answered ${status} ${reason} when trying to ${verb} ${what}${where}: ${message}`;
  }
}

export interface ApplyOptions {
  fieldManager: string;
  dryRun?: boolean;
  /** Take ownership of fields another manager set (default true: the action is the source of truth). */
  force?: boolean;
}

/**
 * A small Kubernetes REST client for what the actions do: discovery, get/list, server-side apply with
 * strict field validation and server dry-run, and delete. @kubernetes/client-node's generic object API
 * cannot send fieldValidation=Strict, so requests go out over https with the KubeConfig's credentials.
 */
export class KubeApi {
  readonly kc: KubeConfig;
  readonly server: string;
  private readonly resources = new Map<string, Promise<Map<string, ResourceInfo> | undefined>>();
  private readonly agent: https.Agent | http.Agent;
  private session: http2.ClientHttp2Session | undefined;
  private inFlight = 0;
  /** HTTP/2 answered once: from then on its errors are real errors, not a server that only speaks HTTP/1.1. */
  private http2Answered = false;
  private http1Only = false;

  constructor(kc: KubeConfig) {
    this.kc = kc;
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new Error("the kubeconfig has no current cluster");
    this.server = cluster.server.replace(/\/$/, "");
    this.agent = this.server.startsWith("https:")
      ? new https.Agent({ keepAlive: true, maxSockets: 16, ...kc.tlsOptions() })
      : new http.Agent({ keepAlive: true, maxSockets: 16 });
  }

  /** Releases pooled connections so the process can exit promptly. */
  async close(): Promise<void> {
    this.agent.destroy();
    this.session?.close();
    this.session = undefined;
  }

  /**
   * One HTTP/2 connection for every request, as client-go does: concurrent requests share a single TLS
   * handshake instead of opening a connection each.
   */
  private http2Session(): http2.ClientHttp2Session {
    if (this.session && !this.session.closed && !this.session.destroyed) return this.session;
    const session = http2.connect(this.server, { ...this.kc.tlsOptions(), ALPNProtocols: ["h2"] });
    // Errors surface on the requests; a broken session is replaced on the next request.
    session.on("error", () => {});
    session.on("close", () => {
      if (this.session === session) this.session = undefined;
    });
    session.unref();
    this.session = session;
    return session;
  }

  async request(
    method: string,
    path: string,
    options: {
      body?: unknown;
      contentType?: string;
      verb?: string;
      what?: string;
      namespace?: string | undefined;
    } = {},
  ): Promise<{ status: number; body: unknown }> {
    const url = new URL(this.server + path);
    const agent = this.agent;
    const headers: http.OutgoingHttpHeaders = {
      ...(await this.kc.authHeaders()),
      accept: "application/json",
    };
    let payload: Buffer | undefined;
    if (options.body !== undefined) {
      payload = Buffer.from(JSON.stringify(options.body));
      headers["content-type"] = options.contentType ?? "application/json";
      headers["content-length"] = payload.length;
    }
    const transport = url.protocol === "https:" ? https : http;
    const verb = options.verb ?? verbWords[method] ?? method.toLowerCase();
    const what = options.what ?? path;
    const networkError = (error: NodeJS.ErrnoException) =>
      new KubeApiError({
        status: 0,
        reason: error.code ?? "NetworkError",
        verb,
        resource: what,
        serverMessage: error.message,
        explanation: `Cannot reach the Kubernetes API server at ${this.server} to ${verb} ${what}: ${error.code ?? ""} ${error.message}. Fix: check the kubeconfig's server address and that the runner can reach it (a hosted runner cannot reach a private cluster).`,
      });
    const exchangeHttp2 = () =>
      new Promise<{ status: number; text: string; retryAfter: string | undefined }>((resolve, reject) => {
        const session = this.http2Session();
        this.inFlight++;
        if (this.inFlight === 1) session.ref();
        const done = () => {
          this.inFlight--;
          if (this.inFlight === 0 && !session.destroyed) session.unref();
        };
        const lowerCased = Object.fromEntries(
          Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value as string | number]),
        );
        const stream = session.request(
          { ":method": method, ":path": url.pathname + url.search, ...lowerCased },
          { endStream: payload === undefined },
        );
        let status = 0;
        let retryAfter: string | undefined;
        const chunks: Buffer[] = [];
        stream.setTimeout(30_000, () => stream.close(http2.constants.NGHTTP2_CANCEL));
        stream.on("response", (responseHeaders) => {
          this.http2Answered = true;
          status = Number(responseHeaders[":status"] ?? 0);
          const value = responseHeaders["retry-after"];
          retryAfter = Array.isArray(value) ? value[0] : value;
        });
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          done();
          resolve({ status, text: Buffer.concat(chunks).toString("utf8"), retryAfter });
        });
        stream.on("error", (error: NodeJS.ErrnoException) => {
          done();
          reject(networkError(error));
        });
        stream.on("close", () => {
          if (status === 0 && stream.rstCode) {
            done();
            reject(
              networkError(
                Object.assign(new Error(`stream closed (code ${stream.rstCode})`), { code: "ECONNRESET" }),
              ),
            );
          }
        });
        if (payload) stream.end(payload);
      });
    const exchangeHttp1 = () =>
      new Promise<{ status: number; text: string; retryAfter: string | undefined }>((resolve, reject) => {
        const req = transport.request(url, { method, headers, agent, timeout: 30_000 }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString("utf8"),
              retryAfter: res.headers["retry-after"],
            }),
          );
          res.on("error", reject);
        });
        req.on("timeout", () => req.destroy(new Error("no answer within 30 s")));
        req.on("error", (error: NodeJS.ErrnoException) => reject(networkError(error)));
        if (payload) req.write(payload);
        req.end();
      });
    // Like client-go: a 429 (or a 503 with Retry-After) means "come back shortly", e.g. while the storage
    // for a just-installed CRD initializes or API priority and fairness sheds load.
    // HTTP/2 as client-go uses it; a server (or an authenticating proxy in front of it) that only speaks
    // HTTP/1.1 refuses it during the TLS handshake, and then this client stays on HTTP/1.1.
    const unreachable = /^(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EAI_AGAIN)$/;
    const exchange = async () => {
      if (url.protocol !== "https:" || this.http1Only) return exchangeHttp1();
      try {
        return await exchangeHttp2();
      } catch (error) {
        if (this.http2Answered || !(error instanceof KubeApiError) || unreachable.test(error.reason))
          throw error;
        this.http1Only = true;
        this.session?.destroy();
        this.session = undefined;
        return exchangeHttp1();
      }
    };
    let answer = await exchange();
    for (let attempt = 1; attempt < 6; attempt++) {
      const retryable = answer.status === 429 || (answer.status === 503 && answer.retryAfter !== undefined);
      if (!retryable) break;
      const seconds = Math.min(Number(answer.retryAfter ?? "1") || 1, 5);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      answer = await exchange();
    }
    const { status, text } = answer;
    let body: unknown = text;
    try {
      body = text === "" ? undefined : JSON.parse(text);
    } catch {
      // not JSON: keep text
    }
    if (status >= 400) {
      const statusBody = (body ?? {}) as { message?: string; reason?: string };
      const message = typeof body === "string" ? body.trim() : (statusBody.message ?? "");
      throw new KubeApiError({
        status,
        reason: statusBody.reason ?? "",
        verb,
        resource: what,
        serverMessage: message,
        explanation: explain(status, statusBody.reason ?? "", verb, what, options.namespace, message),
      });
    }
    return { status, body };
  }

  /** The resources one group/version serves, or undefined when the server does not serve it. */
  private discover(apiVersion: string): Promise<Map<string, ResourceInfo> | undefined> {
    let cached = this.resources.get(apiVersion);
    if (!cached) {
      const path = apiVersion.includes("/") ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
      cached = this.request("GET", path, { what: `the API group ${apiVersion}` })
        .then(({ body }) => {
          const map = new Map<string, ResourceInfo>();
          for (const resource of (
            body as { resources: { name: string; kind: string; namespaced: boolean; verbs: string[] }[] }
          ).resources) {
            if (!resource.name.includes("/")) {
              map.set(resource.kind, {
                plural: resource.name,
                namespaced: resource.namespaced,
                verbs: resource.verbs,
              });
            }
          }
          return map;
        })
        .catch((error: unknown) => {
          if (error instanceof KubeApiError && error.status === 404) return undefined;
          this.resources.delete(apiVersion);
          throw error;
        });
      this.resources.set(apiVersion, cached);
    }
    return cached;
  }

  /** Whether the server serves `kind` in `apiVersion` (asks discovery, never a version string). */
  async serves(apiVersion: string, kind: string): Promise<boolean> {
    return (await this.discover(apiVersion))?.has(kind) ?? false;
  }

  /** Forgets discovery results (after CRDs were installed or removed). */
  forgetDiscovery(): void {
    this.resources.clear();
  }

  private async resourcePath(
    ref: { apiVersion: string; kind: string; namespace?: string | undefined },
    name?: string,
  ): Promise<string> {
    const info = (await this.discover(ref.apiVersion))?.get(ref.kind);
    if (!info) {
      throw new KubeApiError({
        status: 404,
        reason: "NotServed",
        verb: "find",
        resource: `${ref.kind} (${ref.apiVersion})`,
        serverMessage: "",
        explanation: `The cluster does not serve ${ref.kind} in ${ref.apiVersion}. Fix: ${
          ref.apiVersion.includes("istio.io")
            ? "install Istio's CRDs (istioctl install, or the istio/base chart) or choose another api input"
            : "check the apiVersion"
        }.`,
      });
    }
    const base = ref.apiVersion.includes("/") ? `/apis/${ref.apiVersion}` : `/api/${ref.apiVersion}`;
    const ns = info.namespaced ? `/namespaces/${encodeURIComponent(ref.namespace ?? "default")}` : "";
    return `${base}${ns}/${info.plural}${name ? `/${encodeURIComponent(name)}` : ""}`;
  }

  async get<T extends KubeObject = KubeObject>(ref: ObjectRef): Promise<T | undefined> {
    const path = await this.resourcePath(ref, ref.name);
    try {
      return (await this.request("GET", path, { what: describeRef(ref), namespace: ref.namespace }))
        .body as T;
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  async list<T extends KubeObject = KubeObject>(
    apiVersion: string,
    kind: string,
    options: { namespace?: string | undefined; labelSelector?: string } = {},
  ): Promise<T[]> {
    const base = await this.resourcePath({ apiVersion, kind, namespace: options.namespace });
    // Without a namespace, list across all namespaces.
    const path = options.namespace === undefined ? base.replace(/\/namespaces\/default\//, "/") : base;
    const items: T[] = [];
    let continueToken: string | undefined;
    do {
      const query = new URLSearchParams({ limit: "500" });
      if (options.labelSelector) query.set("labelSelector", options.labelSelector);
      if (continueToken) query.set("continue", continueToken);
      const { body } = await this.request("GET", `${path}?${query}`, {
        verb: "list",
        what: `${kind} objects`,
        namespace: options.namespace,
      });
      const page = body as { items: T[]; metadata?: { continue?: string } };
      for (const item of page.items) {
        item.apiVersion ??= apiVersion;
        item.kind ??= kind;
      }
      items.push(...page.items);
      continueToken = page.metadata?.continue || undefined;
    } while (continueToken);
    return items;
  }

  /** Server-side apply with fieldValidation=Strict: unknown or duplicate fields are errors, not warnings. */
  async apply<T extends KubeObject = KubeObject>(object: KubeObject, options: ApplyOptions): Promise<T> {
    const path = await this.resourcePath(refOf(object), object.metadata.name);
    const query = new URLSearchParams({
      fieldManager: options.fieldManager,
      fieldValidation: "Strict",
      force: String(options.force ?? true),
    });
    if (options.dryRun) query.set("dryRun", "All");
    const { body } = await this.request("PATCH", `${path}?${query}`, {
      body: object,
      contentType: "application/apply-patch+yaml",
      verb: "apply",
      what: describeRef(refOf(object)),
      namespace: object.metadata.namespace,
    });
    return body as T;
  }

  /** Replaces an object wholesale (used to restore an exact earlier state, managed fields included). */
  async replace<T extends KubeObject = KubeObject>(
    object: KubeObject,
    options: { dryRun?: boolean; fieldManager: string },
  ): Promise<T> {
    const path = await this.resourcePath(refOf(object), object.metadata.name);
    const query = new URLSearchParams({ fieldManager: options.fieldManager, fieldValidation: "Strict" });
    if (options.dryRun) query.set("dryRun", "All");
    const { body } = await this.request("PUT", `${path}?${query}`, {
      body: object,
      what: describeRef(refOf(object)),
      namespace: object.metadata.namespace,
    });
    return body as T;
  }

  async create<T extends KubeObject = KubeObject>(
    object: KubeObject,
    options: { dryRun?: boolean; fieldManager: string },
  ): Promise<T> {
    const path = await this.resourcePath(refOf(object));
    const query = new URLSearchParams({ fieldManager: options.fieldManager, fieldValidation: "Strict" });
    if (options.dryRun) query.set("dryRun", "All");
    const { body } = await this.request("POST", `${path}?${query}`, {
      body: object,
      what: describeRef(refOf(object)),
      namespace: object.metadata.namespace,
    });
    return body as T;
  }

  /** Deletes an object; returns false when it was already gone. */
  async delete(ref: ObjectRef, options: { dryRun?: boolean } = {}): Promise<boolean> {
    const path = await this.resourcePath(ref, ref.name);
    const query = new URLSearchParams();
    if (options.dryRun) query.set("dryRun", "All");
    try {
      await this.request("DELETE", `${path}${options.dryRun ? `?${query}` : ""}`, {
        what: describeRef(ref),
        namespace: ref.namespace,
      });
      return true;
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 404) return false;
      throw error;
    }
  }
}
