import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 655:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(687);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .eF)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 687:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  eF: () => (/* binding */ run)
});

// UNUSED EXPORTS: discoverApis, main

;// CONCATENATED MODULE: ../../packages/action-runtime/lib/errors.js
/**
 * Errors that reach users. Each one says what was wrong, where, and how to fix it, because the
 * person reading it is looking at a failed pipeline, not at our source.
 */
/** An input that cannot be used. Thrown before anything is written. */
class InputError extends Error {
    input;
    problem;
    fix;
    constructor(input, problem, fix) {
        super(`Input '${input}': ${problem}. Fix: ${fix}`);
        this.name = "InputError";
        this.input = input;
        this.problem = problem;
        this.fix = fix;
    }
}
/** Several input problems found in one pass, so a user fixes them all in one go. */
class InputErrors extends Error {
    errors;
    constructor(errors) {
        super(errors.length === 1
            ? errors[0].message
            : `${errors.length} inputs are invalid:\n${errors.map((e) => `- ${e.message}`).join("\n")}`);
        this.name = "InputErrors";
        this.errors = errors;
    }
}
/** Collects input problems; `throwIfAny` raises them together. */
class InputProblems {
    errors = [];
    add(input, problem, fix) {
        this.errors.push(new InputError(input, problem, fix));
    }
    /** Runs `check`, recording an InputError it throws instead of stopping at the first problem. */
    collect(check) {
        try {
            return check();
        }
        catch (error) {
            if (error instanceof InputError) {
                this.errors.push(error);
                return undefined;
            }
            if (error instanceof InputErrors) {
                this.errors.push(...error.errors);
                return undefined;
            }
            throw error;
        }
    }
    throwIfAny() {
        if (this.errors.length > 0)
            throw new InputErrors(this.errors);
    }
}
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: external "node:http2"
const external_node_http2_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
;// CONCATENATED MODULE: ../../packages/action-runtime/lib/kube-api.js



function refOf(object) {
    return {
        apiVersion: object.apiVersion,
        kind: object.kind,
        name: object.metadata.name,
        namespace: object.metadata.namespace,
    };
}
function describeRef(ref) {
    return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ""}${ref.name}`;
}
const verbWords = {
    GET: "get",
    LIST: "list",
    POST: "create",
    PUT: "update",
    PATCH: "patch",
    DELETE: "delete",
};
/** An error from the API server, explained in plain words with the verb and resource that failed. */
class KubeApiError extends Error {
    status;
    reason;
    verb;
    resource;
    serverMessage;
    constructor(options) {
        super(options.explanation);
        this.name = "KubeApiError";
        this.status = options.status;
        this.reason = options.reason;
        this.verb = options.verb;
        this.resource = options.resource;
        this.serverMessage = options.serverMessage;
    }
}
function explain(status, reason, verb, what, namespace, message) {
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
/**
 * A small Kubernetes REST client for what the actions do: discovery, get/list, server-side apply with
 * strict field validation and server dry-run, and delete. @kubernetes/client-node's generic object API
 * cannot send fieldValidation=Strict, so requests go out over https with the KubeConfig's credentials.
 */
class KubeApi {
    kc;
    server;
    resources = new Map();
    agent;
    session;
    inFlight = 0;
    /** HTTP/2 answered once: from then on its errors are real errors, not a server that only speaks HTTP/1.1. */
    http2Answered = false;
    http1Only = false;
    constructor(kc) {
        this.kc = kc;
        const cluster = kc.getCurrentCluster();
        if (!cluster)
            throw new Error("the kubeconfig has no current cluster");
        this.server = cluster.server.replace(/\/$/, "");
        this.agent = this.server.startsWith("https:")
            ? new external_node_https_namespaceObject.Agent({ keepAlive: true, maxSockets: 16, ...kc.tlsOptions() })
            : new external_node_http_namespaceObject.Agent({ keepAlive: true, maxSockets: 16 });
    }
    /** Releases pooled connections so the process can exit promptly. */
    async close() {
        this.agent.destroy();
        this.session?.close();
        this.session = undefined;
    }
    /**
     * One HTTP/2 connection for every request, as client-go does: concurrent requests share a single TLS
     * handshake instead of opening a connection each.
     */
    http2Session() {
        if (this.session && !this.session.closed && !this.session.destroyed)
            return this.session;
        const session = external_node_http2_namespaceObject.connect(this.server, { ...this.kc.tlsOptions(), ALPNProtocols: ["h2"] });
        // Errors surface on the requests; a broken session is replaced on the next request.
        session.on("error", () => { });
        session.on("close", () => {
            if (this.session === session)
                this.session = undefined;
        });
        session.unref();
        this.session = session;
        return session;
    }
    async request(method, path, options = {}) {
        const url = new URL(this.server + path);
        const agent = this.agent;
        const headers = {
            ...(await this.kc.authHeaders()),
            accept: "application/json",
        };
        let payload;
        if (options.body !== undefined) {
            payload = Buffer.from(JSON.stringify(options.body));
            headers["content-type"] = options.contentType ?? "application/json";
            headers["content-length"] = payload.length;
        }
        const transport = url.protocol === "https:" ? external_node_https_namespaceObject : external_node_http_namespaceObject;
        const verb = options.verb ?? verbWords[method] ?? method.toLowerCase();
        const what = options.what ?? path;
        const networkError = (error) => new KubeApiError({
            status: 0,
            reason: error.code ?? "NetworkError",
            verb,
            resource: what,
            serverMessage: error.message,
            explanation: `Cannot reach the Kubernetes API server at ${this.server} to ${verb} ${what}: ${error.code ?? ""} ${error.message}. Fix: check the kubeconfig's server address and that the runner can reach it (a hosted runner cannot reach a private cluster).`,
        });
        const exchangeHttp2 = () => new Promise((resolve, reject) => {
            const session = this.http2Session();
            this.inFlight++;
            if (this.inFlight === 1)
                session.ref();
            const done = () => {
                this.inFlight--;
                if (this.inFlight === 0 && !session.destroyed)
                    session.unref();
            };
            const lowerCased = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
            const stream = session.request({ ":method": method, ":path": url.pathname + url.search, ...lowerCased }, { endStream: payload === undefined });
            let status = 0;
            let retryAfter;
            const chunks = [];
            stream.setTimeout(30_000, () => stream.close(external_node_http2_namespaceObject.constants.NGHTTP2_CANCEL));
            stream.on("response", (responseHeaders) => {
                this.http2Answered = true;
                status = Number(responseHeaders[":status"] ?? 0);
                const value = responseHeaders["retry-after"];
                retryAfter = Array.isArray(value) ? value[0] : value;
            });
            stream.on("data", (chunk) => chunks.push(chunk));
            stream.on("end", () => {
                done();
                resolve({ status, text: Buffer.concat(chunks).toString("utf8"), retryAfter });
            });
            stream.on("error", (error) => {
                done();
                reject(networkError(error));
            });
            stream.on("close", () => {
                if (status === 0 && stream.rstCode) {
                    done();
                    reject(networkError(Object.assign(new Error(`stream closed (code ${stream.rstCode})`), { code: "ECONNRESET" })));
                }
            });
            if (payload)
                stream.end(payload);
        });
        const exchangeHttp1 = () => new Promise((resolve, reject) => {
            const req = transport.request(url, { method, headers, agent, timeout: 30_000 }, (res) => {
                const chunks = [];
                res.on("data", (chunk) => chunks.push(chunk));
                res.on("end", () => resolve({
                    status: res.statusCode ?? 0,
                    text: Buffer.concat(chunks).toString("utf8"),
                    retryAfter: res.headers["retry-after"],
                }));
                res.on("error", reject);
            });
            req.on("timeout", () => req.destroy(new Error("no answer within 30 s")));
            req.on("error", (error) => reject(networkError(error)));
            if (payload)
                req.write(payload);
            req.end();
        });
        // Like client-go: a 429 (or a 503 with Retry-After) means "come back shortly", e.g. while the storage
        // for a just-installed CRD initializes or API priority and fairness sheds load.
        // HTTP/2 as client-go uses it; a server (or an authenticating proxy in front of it) that only speaks
        // HTTP/1.1 refuses it during the TLS handshake, and then this client stays on HTTP/1.1.
        const unreachable = /^(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EAI_AGAIN)$/;
        const exchange = async () => {
            if (url.protocol !== "https:" || this.http1Only)
                return exchangeHttp1();
            try {
                return await exchangeHttp2();
            }
            catch (error) {
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
            if (!retryable)
                break;
            const seconds = Math.min(Number(answer.retryAfter ?? "1") || 1, 5);
            await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
            answer = await exchange();
        }
        const { status, text } = answer;
        let body = text;
        try {
            body = text === "" ? undefined : JSON.parse(text);
        }
        catch {
            // not JSON: keep text
        }
        if (status >= 400) {
            const statusBody = (body ?? {});
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
    discover(apiVersion) {
        let cached = this.resources.get(apiVersion);
        if (!cached) {
            const path = apiVersion.includes("/") ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
            cached = this.request("GET", path, { what: `the API group ${apiVersion}` })
                .then(({ body }) => {
                const map = new Map();
                for (const resource of body.resources) {
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
                .catch((error) => {
                if (error instanceof KubeApiError && error.status === 404)
                    return undefined;
                this.resources.delete(apiVersion);
                throw error;
            });
            this.resources.set(apiVersion, cached);
        }
        return cached;
    }
    /** Whether the server serves `kind` in `apiVersion` (asks discovery, never a version string). */
    async serves(apiVersion, kind) {
        return (await this.discover(apiVersion))?.has(kind) ?? false;
    }
    /** Forgets discovery results (after CRDs were installed or removed). */
    forgetDiscovery() {
        this.resources.clear();
    }
    async resourcePath(ref, name) {
        const info = (await this.discover(ref.apiVersion))?.get(ref.kind);
        if (!info) {
            throw new KubeApiError({
                status: 404,
                reason: "NotServed",
                verb: "find",
                resource: `${ref.kind} (${ref.apiVersion})`,
                serverMessage: "",
                explanation: `The cluster does not serve ${ref.kind} in ${ref.apiVersion}. Fix: ${ref.apiVersion.includes("istio.io")
                    ? "install Istio's CRDs (istioctl install, or the istio/base chart) or choose another api input"
                    : "check the apiVersion"}.`,
            });
        }
        const base = ref.apiVersion.includes("/") ? `/apis/${ref.apiVersion}` : `/api/${ref.apiVersion}`;
        const ns = info.namespaced ? `/namespaces/${encodeURIComponent(ref.namespace ?? "default")}` : "";
        return `${base}${ns}/${info.plural}${name ? `/${encodeURIComponent(name)}` : ""}`;
    }
    async get(ref) {
        const path = await this.resourcePath(ref, ref.name);
        try {
            return (await this.request("GET", path, { what: describeRef(ref), namespace: ref.namespace }))
                .body;
        }
        catch (error) {
            if (error instanceof KubeApiError && error.status === 404)
                return undefined;
            throw error;
        }
    }
    async list(apiVersion, kind, options = {}) {
        const base = await this.resourcePath({ apiVersion, kind, namespace: options.namespace });
        // Without a namespace, list across all namespaces.
        const path = options.namespace === undefined ? base.replace(/\/namespaces\/default\//, "/") : base;
        const items = [];
        let continueToken;
        do {
            const query = new URLSearchParams({ limit: "500" });
            if (options.labelSelector)
                query.set("labelSelector", options.labelSelector);
            if (continueToken)
                query.set("continue", continueToken);
            const { body } = await this.request("GET", `${path}?${query}`, {
                verb: "list",
                what: `${kind} objects`,
                namespace: options.namespace,
            });
            const page = body;
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
    async apply(object, options) {
        const path = await this.resourcePath(refOf(object), object.metadata.name);
        const query = new URLSearchParams({
            fieldManager: options.fieldManager,
            fieldValidation: "Strict",
            force: String(options.force ?? true),
        });
        if (options.dryRun)
            query.set("dryRun", "All");
        const { body } = await this.request("PATCH", `${path}?${query}`, {
            body: object,
            contentType: "application/apply-patch+yaml",
            verb: "apply",
            what: describeRef(refOf(object)),
            namespace: object.metadata.namespace,
        });
        return body;
    }
    /** Replaces an object wholesale (used to restore an exact earlier state, managed fields included). */
    async replace(object, options) {
        const path = await this.resourcePath(refOf(object), object.metadata.name);
        const query = new URLSearchParams({ fieldManager: options.fieldManager, fieldValidation: "Strict" });
        if (options.dryRun)
            query.set("dryRun", "All");
        const { body } = await this.request("PUT", `${path}?${query}`, {
            body: object,
            what: describeRef(refOf(object)),
            namespace: object.metadata.namespace,
        });
        return body;
    }
    async create(object, options) {
        const path = await this.resourcePath(refOf(object));
        const query = new URLSearchParams({ fieldManager: options.fieldManager, fieldValidation: "Strict" });
        if (options.dryRun)
            query.set("dryRun", "All");
        const { body } = await this.request("POST", `${path}?${query}`, {
            body: object,
            what: describeRef(refOf(object)),
            namespace: object.metadata.namespace,
        });
        return body;
    }
    /** Deletes an object; returns false when it was already gone. */
    async delete(ref, options = {}) {
        const path = await this.resourcePath(ref, ref.name);
        const query = new URLSearchParams();
        if (options.dryRun)
            query.set("dryRun", "All");
        try {
            await this.request("DELETE", `${path}${options.dryRun ? `?${query}` : ""}`, {
                what: describeRef(ref),
                namespace: ref.namespace,
            });
            return true;
        }
        catch (error) {
            if (error instanceof KubeApiError && error.status === 404)
                return false;
            throw error;
        }
    }
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ../../node_modules/.pnpm/@kubernetes+client-node@2.0.1_bare-buffer@3.7.3/node_modules/@kubernetes/client-node/dist/config_types.js

const ActionOnInvalid = {
    THROW: 'throw',
    FILTER: 'filter',
};
function defaultNewConfigOptions() {
    return {
        onInvalidEntry: ActionOnInvalid.THROW,
    };
}
function newClusters(a, opts) {
    if (!Array.isArray(a)) {
        return [];
    }
    const options = Object.assign(defaultNewConfigOptions(), opts || {});
    return a.map(clusterIterator(options.onInvalidEntry)).filter(Boolean);
}
function exportCluster(cluster) {
    return {
        name: cluster.name,
        cluster: {
            server: cluster.server,
            'certificate-authority-data': cluster.caData,
            'certificate-authority': cluster.caFile,
            'insecure-skip-tls-verify': cluster.skipTLSVerify,
            'tls-server-name': cluster.tlsServerName,
            'proxy-url': cluster.proxyUrl,
        },
    };
}
function clusterIterator(onInvalidEntry) {
    return (elt, i, list) => {
        try {
            if (!elt.name) {
                throw new Error(`clusters[${i}].name is missing`);
            }
            if (!elt.cluster) {
                throw new Error(`clusters[${i}].cluster is missing`);
            }
            if (!elt.cluster.server) {
                throw new Error(`clusters[${i}].cluster.server is missing`);
            }
            return {
                caData: elt.cluster['certificate-authority-data'],
                caFile: elt.cluster['certificate-authority'],
                name: elt.name,
                server: elt.cluster.server.replace(/\/$/, ''),
                skipTLSVerify: elt.cluster['insecure-skip-tls-verify'] === true,
                tlsServerName: elt.cluster['tls-server-name'],
                proxyUrl: elt.cluster['proxy-url'],
            };
        }
        catch (err) {
            switch (onInvalidEntry) {
                case ActionOnInvalid.FILTER:
                    return null;
                default:
                case ActionOnInvalid.THROW:
                    throw err;
            }
        }
    };
}
function newUsers(a, opts) {
    if (!Array.isArray(a)) {
        return [];
    }
    const options = Object.assign(defaultNewConfigOptions(), opts || {});
    return a.map(userIterator(options.onInvalidEntry)).filter(Boolean);
}
function exportUser(user) {
    return {
        name: user.name,
        user: {
            as: user.impersonateUser,
            'auth-provider': user.authProvider,
            'client-certificate-data': user.certData,
            'client-certificate': user.certFile,
            exec: user.exec,
            'client-key-data': user.keyData,
            'client-key': user.keyFile,
            token: user.token,
            password: user.password,
            username: user.username,
        },
    };
}
function userIterator(onInvalidEntry) {
    return (elt, i, list) => {
        try {
            if (!elt.name) {
                throw new Error(`users[${i}].name is missing`);
            }
            return {
                authProvider: elt.user ? elt.user['auth-provider'] : null,
                certData: elt.user ? elt.user['client-certificate-data'] : null,
                certFile: elt.user ? elt.user['client-certificate'] : null,
                exec: elt.user ? elt.user.exec : null,
                keyData: elt.user ? elt.user['client-key-data'] : null,
                keyFile: elt.user ? elt.user['client-key'] : null,
                name: elt.name,
                token: findToken(elt.user),
                password: elt.user ? elt.user.password : null,
                username: elt.user ? elt.user.username : null,
                impersonateUser: elt.user ? elt.user.as : null,
            };
        }
        catch (err) {
            switch (onInvalidEntry) {
                case ActionOnInvalid.FILTER:
                    return null;
                default:
                case ActionOnInvalid.THROW:
                    throw err;
            }
        }
    };
}
function findToken(user) {
    if (user) {
        if (user.token) {
            return user.token;
        }
        if (user['token-file']) {
            return external_node_fs_namespaceObject.readFileSync(user['token-file']).toString();
        }
    }
}
function newContexts(a, opts) {
    if (!Array.isArray(a)) {
        return [];
    }
    const options = Object.assign(defaultNewConfigOptions(), opts || {});
    return a.map(contextIterator(options.onInvalidEntry)).filter(Boolean);
}
function exportContext(ctx) {
    return {
        name: ctx.name,
        context: ctx,
    };
}
function contextIterator(onInvalidEntry) {
    return (elt, i, list) => {
        try {
            if (!elt.name) {
                throw new Error(`contexts[${i}].name is missing`);
            }
            if (!elt.context) {
                throw new Error(`contexts[${i}].context is missing`);
            }
            if (!elt.context.cluster) {
                throw new Error(`contexts[${i}].context.cluster is missing`);
            }
            return {
                cluster: elt.context.cluster,
                name: elt.name,
                user: elt.context.user || undefined,
                namespace: elt.context.namespace || undefined,
            };
        }
        catch (err) {
            switch (onInvalidEntry) {
                case ActionOnInvalid.FILTER:
                    return null;
                default:
                case ActionOnInvalid.THROW:
                    throw err;
            }
        }
    };
}
//# sourceMappingURL=config_types.js.map
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ../../node_modules/.pnpm/@kubernetes+client-node@2.0.1_bare-buffer@3.7.3/node_modules/@kubernetes/client-node/dist/exec_auth.js

class ExecAuth {
    constructor() {
        this.tokenCache = {};
        this.execFn = external_node_child_process_namespaceObject.spawn;
    }
    isAuthProvider(user) {
        if (!user) {
            return false;
        }
        if (user.exec) {
            return true;
        }
        if (!user.authProvider) {
            return false;
        }
        return (user.authProvider.name === 'exec' || !!(user.authProvider.config && user.authProvider.config.exec));
    }
    async applyAuthentication(user, opts) {
        const credential = await this.getCredential(user);
        if (!credential) {
            return;
        }
        if (credential.status.clientCertificateData) {
            opts.cert = credential.status.clientCertificateData;
        }
        if (credential.status.clientKeyData) {
            opts.key = credential.status.clientKeyData;
        }
        const token = this.getToken(credential);
        if (token) {
            if (!opts.headers) {
                opts.headers = {};
            }
            opts.headers['Authorization'] = `Bearer ${token}`;
        }
    }
    getToken(credential) {
        if (!credential) {
            return null;
        }
        if (credential.status.token) {
            return credential.status.token;
        }
        return null;
    }
    async getCredential(user) {
        // TODO: Add a unit test for token caching.
        const cachedToken = this.tokenCache[user.name];
        if (cachedToken) {
            if (!cachedToken.status.expirationTimestamp) {
                return cachedToken;
            }
            const date = Date.parse(cachedToken.status.expirationTimestamp);
            if (date > Date.now()) {
                return cachedToken;
            }
            this.tokenCache[user.name] = null;
        }
        let exec = null;
        if (user.authProvider && user.authProvider.config) {
            exec = user.authProvider.config.exec;
        }
        if (user.exec) {
            exec = user.exec;
        }
        if (!exec) {
            return null;
        }
        if (!exec.command) {
            throw new Error('No command was specified for exec authProvider!');
        }
        let opts = {};
        if (exec.env) {
            const env = { ...process.env };
            exec.env.forEach((elt) => (env[elt.name] = elt.value));
            opts = { ...opts, env };
        }
        return new Promise((resolve, reject) => {
            let stdoutData = '';
            let stderrData = '';
            let savedError = undefined;
            const subprocess = this.execFn(exec.command, exec.args, opts);
            subprocess.stdout.setEncoding('utf8');
            subprocess.stderr.setEncoding('utf8');
            subprocess.stdout.on('data', (data) => {
                stdoutData += data;
            });
            subprocess.stderr.on('data', (data) => {
                stderrData += data;
            });
            subprocess.on('error', (error) => {
                savedError = error;
            });
            subprocess.on('close', (code) => {
                if (savedError) {
                    reject(savedError);
                    return;
                }
                if (code !== 0) {
                    reject(new Error(stderrData));
                    return;
                }
                try {
                    const obj = JSON.parse(stdoutData);
                    this.tokenCache[user.name] = obj;
                    resolve(obj);
                }
                catch (error) {
                    reject(error);
                }
            });
        });
    }
}
//# sourceMappingURL=exec_auth.js.map
;// CONCATENATED MODULE: ../../node_modules/.pnpm/@kubernetes+client-node@2.0.1_bare-buffer@3.7.3/node_modules/@kubernetes/client-node/dist/file_auth.js

class FileAuth {
    constructor() {
        this.token = null;
        this.lastRead = null;
    }
    isAuthProvider(user) {
        return user.authProvider && user.authProvider.config && user.authProvider.config.tokenFile;
    }
    async applyAuthentication(user, opts) {
        if (this.token == null) {
            this.refreshToken(user.authProvider.config.tokenFile);
        }
        if (this.isTokenExpired()) {
            this.refreshToken(user.authProvider.config.tokenFile);
        }
        if (this.token) {
            opts.headers['Authorization'] = `Bearer ${this.token}`;
        }
    }
    refreshToken(filePath) {
        // TODO make this async?
        this.token = external_node_fs_namespaceObject.readFileSync(filePath).toString('utf-8');
        this.lastRead = new Date();
    }
    isTokenExpired() {
        if (this.lastRead === null) {
            return true;
        }
        const now = new Date();
        const delta = (now.getTime() - this.lastRead.getTime()) / 1000;
        // For now just refresh every 60 seconds. This is imperfect since the token
        // could be out of date for this time, but it is unlikely and it's also what
        // the client-go library does.
        // TODO: Use file notifications instead?
        return delta > 60;
    }
}
//# sourceMappingURL=file_auth.js.map
;// CONCATENATED MODULE: ../../node_modules/.pnpm/js-yaml@4.3.2/node_modules/js-yaml/dist/js-yaml.mjs
function getDefaultExportFromCjs(x) {
  return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, "default") ? x["default"] : x;
}
var jsYaml = {};
var loader = {};
var common = {};
var hasRequiredCommon;
function requireCommon() {
  if (hasRequiredCommon) return common;
  hasRequiredCommon = 1;
  function isNothing(subject) {
    return typeof subject === "undefined" || subject === null;
  }
  function isObject(subject) {
    return typeof subject === "object" && subject !== null;
  }
  function toArray(sequence) {
    if (Array.isArray(sequence)) return sequence;
    else if (isNothing(sequence)) return [];
    return [sequence];
  }
  function extend(target, source) {
    if (source) {
      const sourceKeys = Object.keys(source);
      for (let index = 0, length = sourceKeys.length; index < length; index += 1) {
        const key = sourceKeys[index];
        target[key] = source[key];
      }
    }
    return target;
  }
  function repeat(string, count) {
    let result = "";
    for (let cycle = 0; cycle < count; cycle += 1) {
      result += string;
    }
    return result;
  }
  function isNegativeZero(number) {
    return number === 0 && Number.NEGATIVE_INFINITY === 1 / number;
  }
  common.isNothing = isNothing;
  common.isObject = isObject;
  common.toArray = toArray;
  common.repeat = repeat;
  common.isNegativeZero = isNegativeZero;
  common.extend = extend;
  return common;
}
var exception;
var hasRequiredException;
function requireException() {
  if (hasRequiredException) return exception;
  hasRequiredException = 1;
  function formatError(exception2, compact) {
    let where = "";
    const message = exception2.reason || "(unknown reason)";
    if (!exception2.mark) return message;
    if (exception2.mark.name) {
      where += 'in "' + exception2.mark.name + '" ';
    }
    where += "(" + (exception2.mark.line + 1) + ":" + (exception2.mark.column + 1) + ")";
    if (!compact && exception2.mark.snippet) {
      where += "\n\n" + exception2.mark.snippet;
    }
    return message + " " + where;
  }
  function YAMLException2(reason, mark) {
    Error.call(this);
    this.name = "YAMLException";
    this.reason = reason;
    this.mark = mark;
    this.message = formatError(this, false);
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    } else {
      this.stack = new Error().stack || "";
    }
  }
  YAMLException2.prototype = Object.create(Error.prototype);
  YAMLException2.prototype.constructor = YAMLException2;
  YAMLException2.prototype.toString = function toString(compact) {
    return this.name + ": " + formatError(this, compact);
  };
  exception = YAMLException2;
  return exception;
}
var snippet;
var hasRequiredSnippet;
function requireSnippet() {
  if (hasRequiredSnippet) return snippet;
  hasRequiredSnippet = 1;
  const common2 = requireCommon();
  function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
    let head = "";
    let tail = "";
    const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
    if (position - lineStart > maxHalfLength) {
      head = " ... ";
      lineStart = position - maxHalfLength + head.length;
    }
    if (lineEnd - position > maxHalfLength) {
      tail = " ...";
      lineEnd = position + maxHalfLength - tail.length;
    }
    return {
      str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
      pos: position - lineStart + head.length
      // relative position
    };
  }
  function padStart(string, max) {
    return common2.repeat(" ", max - string.length) + string;
  }
  function makeSnippet(mark, options) {
    options = Object.create(options || null);
    if (!mark.buffer) return null;
    if (!options.maxLength) options.maxLength = 79;
    if (typeof options.indent !== "number") options.indent = 1;
    if (typeof options.linesBefore !== "number") options.linesBefore = 3;
    if (typeof options.linesAfter !== "number") options.linesAfter = 2;
    const re = /\r?\n|\r|\0/g;
    const lineStarts = [0];
    const lineEnds = [];
    let match;
    let foundLineNo = -1;
    while (match = re.exec(mark.buffer)) {
      lineEnds.push(match.index);
      lineStarts.push(match.index + match[0].length);
      if (mark.position <= match.index && foundLineNo < 0) {
        foundLineNo = lineStarts.length - 2;
      }
    }
    if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
    let result = "";
    const lineNoLength = Math.min(mark.line + options.linesAfter, lineEnds.length).toString().length;
    const maxLineLength = options.maxLength - (options.indent + lineNoLength + 3);
    for (let i = 1; i <= options.linesBefore; i++) {
      if (foundLineNo - i < 0) break;
      const line2 = getLine(
        mark.buffer,
        lineStarts[foundLineNo - i],
        lineEnds[foundLineNo - i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]),
        maxLineLength
      );
      result = common2.repeat(" ", options.indent) + padStart((mark.line - i + 1).toString(), lineNoLength) + " | " + line2.str + "\n" + result;
    }
    const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
    result += common2.repeat(" ", options.indent) + padStart((mark.line + 1).toString(), lineNoLength) + " | " + line.str + "\n";
    result += common2.repeat("-", options.indent + lineNoLength + 3 + line.pos) + "^\n";
    for (let i = 1; i <= options.linesAfter; i++) {
      if (foundLineNo + i >= lineEnds.length) break;
      const line2 = getLine(
        mark.buffer,
        lineStarts[foundLineNo + i],
        lineEnds[foundLineNo + i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]),
        maxLineLength
      );
      result += common2.repeat(" ", options.indent) + padStart((mark.line + i + 1).toString(), lineNoLength) + " | " + line2.str + "\n";
    }
    return result.replace(/\n$/, "");
  }
  snippet = makeSnippet;
  return snippet;
}
var type;
var hasRequiredType;
function requireType() {
  if (hasRequiredType) return type;
  hasRequiredType = 1;
  const YAMLException2 = requireException();
  const TYPE_CONSTRUCTOR_OPTIONS = [
    "kind",
    "multi",
    "resolve",
    "construct",
    "instanceOf",
    "predicate",
    "represent",
    "representName",
    "defaultStyle",
    "styleAliases"
  ];
  const YAML_NODE_KINDS = [
    "scalar",
    "sequence",
    "mapping"
  ];
  function compileStyleAliases(map2) {
    const result = {};
    if (map2 !== null) {
      Object.keys(map2).forEach(function(style) {
        map2[style].forEach(function(alias) {
          result[String(alias)] = style;
        });
      });
    }
    return result;
  }
  function Type2(tag, options) {
    options = options || {};
    Object.keys(options).forEach(function(name) {
      if (TYPE_CONSTRUCTOR_OPTIONS.indexOf(name) === -1) {
        throw new YAMLException2('Unknown option "' + name + '" is met in definition of "' + tag + '" YAML type.');
      }
    });
    this.options = options;
    this.tag = tag;
    this.kind = options["kind"] || null;
    this.resolve = options["resolve"] || function() {
      return true;
    };
    this.construct = options["construct"] || function(data) {
      return data;
    };
    this.instanceOf = options["instanceOf"] || null;
    this.predicate = options["predicate"] || null;
    this.represent = options["represent"] || null;
    this.representName = options["representName"] || null;
    this.defaultStyle = options["defaultStyle"] || null;
    this.multi = options["multi"] || false;
    this.styleAliases = compileStyleAliases(options["styleAliases"] || null);
    if (YAML_NODE_KINDS.indexOf(this.kind) === -1) {
      throw new YAMLException2('Unknown kind "' + this.kind + '" is specified for "' + tag + '" YAML type.');
    }
  }
  type = Type2;
  return type;
}
var schema;
var hasRequiredSchema;
function requireSchema() {
  if (hasRequiredSchema) return schema;
  hasRequiredSchema = 1;
  const YAMLException2 = requireException();
  const Type2 = requireType();
  function compileList(schema2, name) {
    const result = [];
    schema2[name].forEach(function(currentType) {
      let newIndex = result.length;
      result.forEach(function(previousType, previousIndex) {
        if (previousType.tag === currentType.tag && previousType.kind === currentType.kind && previousType.multi === currentType.multi) {
          newIndex = previousIndex;
        }
      });
      result[newIndex] = currentType;
    });
    return result;
  }
  function compileMap() {
    const result = {
      scalar: {},
      sequence: {},
      mapping: {},
      fallback: {},
      multi: {
        scalar: [],
        sequence: [],
        mapping: [],
        fallback: []
      }
    };
    function collectType(type2) {
      if (type2.multi) {
        result.multi[type2.kind].push(type2);
        result.multi["fallback"].push(type2);
      } else {
        result[type2.kind][type2.tag] = result["fallback"][type2.tag] = type2;
      }
    }
    for (let index = 0, length = arguments.length; index < length; index += 1) {
      arguments[index].forEach(collectType);
    }
    return result;
  }
  function Schema2(definition) {
    return this.extend(definition);
  }
  Schema2.prototype.extend = function extend(definition) {
    let implicit = [];
    let explicit = [];
    if (definition instanceof Type2) {
      explicit.push(definition);
    } else if (Array.isArray(definition)) {
      explicit = explicit.concat(definition);
    } else if (definition && (Array.isArray(definition.implicit) || Array.isArray(definition.explicit))) {
      if (definition.implicit) implicit = implicit.concat(definition.implicit);
      if (definition.explicit) explicit = explicit.concat(definition.explicit);
    } else {
      throw new YAMLException2("Schema.extend argument should be a Type, [ Type ], or a schema definition ({ implicit: [...], explicit: [...] })");
    }
    implicit.forEach(function(type2) {
      if (!(type2 instanceof Type2)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
      if (type2.loadKind && type2.loadKind !== "scalar") {
        throw new YAMLException2("There is a non-scalar type in the implicit list of a schema. Implicit resolving of such types is not supported.");
      }
      if (type2.multi) {
        throw new YAMLException2("There is a multi type in the implicit list of a schema. Multi tags can only be listed as explicit.");
      }
    });
    explicit.forEach(function(type2) {
      if (!(type2 instanceof Type2)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
    });
    const result = Object.create(Schema2.prototype);
    result.implicit = (this.implicit || []).concat(implicit);
    result.explicit = (this.explicit || []).concat(explicit);
    result.compiledImplicit = compileList(result, "implicit");
    result.compiledExplicit = compileList(result, "explicit");
    result.compiledTypeMap = compileMap(result.compiledImplicit, result.compiledExplicit);
    return result;
  };
  schema = Schema2;
  return schema;
}
var str;
var hasRequiredStr;
function requireStr() {
  if (hasRequiredStr) return str;
  hasRequiredStr = 1;
  const Type2 = requireType();
  str = new Type2("tag:yaml.org,2002:str", {
    kind: "scalar",
    construct: function(data) {
      return data !== null ? data : "";
    }
  });
  return str;
}
var seq;
var hasRequiredSeq;
function requireSeq() {
  if (hasRequiredSeq) return seq;
  hasRequiredSeq = 1;
  const Type2 = requireType();
  seq = new Type2("tag:yaml.org,2002:seq", {
    kind: "sequence",
    construct: function(data) {
      return data !== null ? data : [];
    }
  });
  return seq;
}
var map;
var hasRequiredMap;
function requireMap() {
  if (hasRequiredMap) return map;
  hasRequiredMap = 1;
  const Type2 = requireType();
  map = new Type2("tag:yaml.org,2002:map", {
    kind: "mapping",
    construct: function(data) {
      return data !== null ? data : {};
    }
  });
  return map;
}
var failsafe;
var hasRequiredFailsafe;
function requireFailsafe() {
  if (hasRequiredFailsafe) return failsafe;
  hasRequiredFailsafe = 1;
  const Schema2 = requireSchema();
  failsafe = new Schema2({
    explicit: [
      requireStr(),
      requireSeq(),
      requireMap()
    ]
  });
  return failsafe;
}
var _null;
var hasRequired_null;
function require_null() {
  if (hasRequired_null) return _null;
  hasRequired_null = 1;
  const Type2 = requireType();
  function resolveYamlNull(data) {
    if (data === null) return true;
    const max = data.length;
    return max === 1 && data === "~" || max === 4 && (data === "null" || data === "Null" || data === "NULL");
  }
  function constructYamlNull() {
    return null;
  }
  function isNull(object) {
    return object === null;
  }
  _null = new Type2("tag:yaml.org,2002:null", {
    kind: "scalar",
    resolve: resolveYamlNull,
    construct: constructYamlNull,
    predicate: isNull,
    represent: {
      canonical: function() {
        return "~";
      },
      lowercase: function() {
        return "null";
      },
      uppercase: function() {
        return "NULL";
      },
      camelcase: function() {
        return "Null";
      },
      empty: function() {
        return "";
      }
    },
    defaultStyle: "lowercase"
  });
  return _null;
}
var bool;
var hasRequiredBool;
function requireBool() {
  if (hasRequiredBool) return bool;
  hasRequiredBool = 1;
  const Type2 = requireType();
  function resolveYamlBoolean(data) {
    if (data === null) return false;
    const max = data.length;
    return max === 4 && (data === "true" || data === "True" || data === "TRUE") || max === 5 && (data === "false" || data === "False" || data === "FALSE");
  }
  function constructYamlBoolean(data) {
    return data === "true" || data === "True" || data === "TRUE";
  }
  function isBoolean(object) {
    return Object.prototype.toString.call(object) === "[object Boolean]";
  }
  bool = new Type2("tag:yaml.org,2002:bool", {
    kind: "scalar",
    resolve: resolveYamlBoolean,
    construct: constructYamlBoolean,
    predicate: isBoolean,
    represent: {
      lowercase: function(object) {
        return object ? "true" : "false";
      },
      uppercase: function(object) {
        return object ? "TRUE" : "FALSE";
      },
      camelcase: function(object) {
        return object ? "True" : "False";
      }
    },
    defaultStyle: "lowercase"
  });
  return bool;
}
var js_yaml_int;
var hasRequiredInt;
function requireInt() {
  if (hasRequiredInt) return js_yaml_int;
  hasRequiredInt = 1;
  const common2 = requireCommon();
  const Type2 = requireType();
  function isHexCode(c) {
    return c >= 48 && c <= 57 || c >= 65 && c <= 70 || c >= 97 && c <= 102;
  }
  function isOctCode(c) {
    return c >= 48 && c <= 55;
  }
  function isDecCode(c) {
    return c >= 48 && c <= 57;
  }
  function resolveYamlInteger(data) {
    if (data === null) return false;
    const max = data.length;
    let index = 0;
    let hasDigits = false;
    if (!max) return false;
    let ch = data[index];
    if (ch === "-" || ch === "+") {
      ch = data[++index];
    }
    if (ch === "0") {
      if (index + 1 === max) return true;
      ch = data[++index];
      if (ch === "b") {
        index++;
        for (; index < max; index++) {
          ch = data[index];
          if (ch !== "0" && ch !== "1") return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "x") {
        index++;
        for (; index < max; index++) {
          if (!isHexCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "o") {
        index++;
        for (; index < max; index++) {
          if (!isOctCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
    }
    for (; index < max; index++) {
      if (!isDecCode(data.charCodeAt(index))) {
        return false;
      }
      hasDigits = true;
    }
    if (!hasDigits) return false;
    return isFinite(parseYamlInteger(data));
  }
  function parseYamlInteger(data) {
    let value = data;
    let sign = 1;
    let ch = value[0];
    if (ch === "-" || ch === "+") {
      if (ch === "-") sign = -1;
      value = value.slice(1);
      ch = value[0];
    }
    if (value === "0") return 0;
    if (ch === "0") {
      if (value[1] === "b") return sign * parseInt(value.slice(2), 2);
      if (value[1] === "x") return sign * parseInt(value.slice(2), 16);
      if (value[1] === "o") return sign * parseInt(value.slice(2), 8);
    }
    return sign * parseInt(value, 10);
  }
  function constructYamlInteger(data) {
    return parseYamlInteger(data);
  }
  function isInteger(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 === 0 && !common2.isNegativeZero(object));
  }
  js_yaml_int = new Type2("tag:yaml.org,2002:int", {
    kind: "scalar",
    resolve: resolveYamlInteger,
    construct: constructYamlInteger,
    predicate: isInteger,
    represent: {
      binary: function(obj) {
        return obj >= 0 ? "0b" + obj.toString(2) : "-0b" + obj.toString(2).slice(1);
      },
      octal: function(obj) {
        return obj >= 0 ? "0o" + obj.toString(8) : "-0o" + obj.toString(8).slice(1);
      },
      decimal: function(obj) {
        return obj.toString(10);
      },
      hexadecimal: function(obj) {
        return obj >= 0 ? "0x" + obj.toString(16).toUpperCase() : "-0x" + obj.toString(16).toUpperCase().slice(1);
      }
    },
    defaultStyle: "decimal",
    styleAliases: {
      binary: [2, "bin"],
      octal: [8, "oct"],
      decimal: [10, "dec"],
      hexadecimal: [16, "hex"]
    }
  });
  return js_yaml_int;
}
var js_yaml_float;
var hasRequiredFloat;
function requireFloat() {
  if (hasRequiredFloat) return js_yaml_float;
  hasRequiredFloat = 1;
  const common2 = requireCommon();
  const Type2 = requireType();
  const YAML_FLOAT_PATTERN = new RegExp(
    // 2.5e4, 2.5 and integers
    "^(?:[-+]?(?:[0-9]+)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  const YAML_FLOAT_SPECIAL_PATTERN = new RegExp(
    "^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  function resolveYamlFloat(data) {
    if (data === null) return false;
    if (!YAML_FLOAT_PATTERN.test(data)) {
      return false;
    }
    if (isFinite(parseFloat(data, 10))) {
      return true;
    }
    return YAML_FLOAT_SPECIAL_PATTERN.test(data);
  }
  function constructYamlFloat(data) {
    let value = data.toLowerCase();
    const sign = value[0] === "-" ? -1 : 1;
    if ("+-".indexOf(value[0]) >= 0) {
      value = value.slice(1);
    }
    if (value === ".inf") {
      return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    } else if (value === ".nan") {
      return NaN;
    }
    return sign * parseFloat(value, 10);
  }
  const SCIENTIFIC_WITHOUT_DOT = /^[-+]?[0-9]+e/;
  function representYamlFloat(object, style) {
    if (isNaN(object)) {
      switch (style) {
        case "lowercase":
          return ".nan";
        case "uppercase":
          return ".NAN";
        case "camelcase":
          return ".NaN";
      }
    } else if (Number.POSITIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return ".inf";
        case "uppercase":
          return ".INF";
        case "camelcase":
          return ".Inf";
      }
    } else if (Number.NEGATIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return "-.inf";
        case "uppercase":
          return "-.INF";
        case "camelcase":
          return "-.Inf";
      }
    } else if (common2.isNegativeZero(object)) {
      return "-0.0";
    }
    const res = object.toString(10);
    return SCIENTIFIC_WITHOUT_DOT.test(res) ? res.replace("e", ".e") : res;
  }
  function isFloat(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 !== 0 || common2.isNegativeZero(object));
  }
  js_yaml_float = new Type2("tag:yaml.org,2002:float", {
    kind: "scalar",
    resolve: resolveYamlFloat,
    construct: constructYamlFloat,
    predicate: isFloat,
    represent: representYamlFloat,
    defaultStyle: "lowercase"
  });
  return js_yaml_float;
}
var json;
var hasRequiredJson;
function requireJson() {
  if (hasRequiredJson) return json;
  hasRequiredJson = 1;
  json = requireFailsafe().extend({
    implicit: [
      require_null(),
      requireBool(),
      requireInt(),
      requireFloat()
    ]
  });
  return json;
}
var core;
var hasRequiredCore;
function requireCore() {
  if (hasRequiredCore) return core;
  hasRequiredCore = 1;
  core = requireJson();
  return core;
}
var timestamp;
var hasRequiredTimestamp;
function requireTimestamp() {
  if (hasRequiredTimestamp) return timestamp;
  hasRequiredTimestamp = 1;
  const Type2 = requireType();
  const YAML_DATE_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$"
  );
  const YAML_TIMESTAMP_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$"
  );
  function resolveYamlTimestamp(data) {
    if (data === null) return false;
    if (YAML_DATE_REGEXP.exec(data) !== null) return true;
    if (YAML_TIMESTAMP_REGEXP.exec(data) !== null) return true;
    return false;
  }
  function constructYamlTimestamp(data) {
    let fraction = 0;
    let delta = null;
    let match = YAML_DATE_REGEXP.exec(data);
    if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(data);
    if (match === null) throw new Error("Date resolve error");
    const year = +match[1];
    const month = +match[2] - 1;
    const day = +match[3];
    if (!match[4]) {
      return new Date(Date.UTC(year, month, day));
    }
    const hour = +match[4];
    const minute = +match[5];
    const second = +match[6];
    if (match[7]) {
      fraction = match[7].slice(0, 3);
      while (fraction.length < 3) {
        fraction += "0";
      }
      fraction = +fraction;
    }
    if (match[9]) {
      const tzHour = +match[10];
      const tzMinute = +(match[11] || 0);
      delta = (tzHour * 60 + tzMinute) * 6e4;
      if (match[9] === "-") delta = -delta;
    }
    const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
    if (delta) date.setTime(date.getTime() - delta);
    return date;
  }
  function representYamlTimestamp(object) {
    return object.toISOString();
  }
  timestamp = new Type2("tag:yaml.org,2002:timestamp", {
    kind: "scalar",
    resolve: resolveYamlTimestamp,
    construct: constructYamlTimestamp,
    instanceOf: Date,
    represent: representYamlTimestamp
  });
  return timestamp;
}
var merge;
var hasRequiredMerge;
function requireMerge() {
  if (hasRequiredMerge) return merge;
  hasRequiredMerge = 1;
  const Type2 = requireType();
  function resolveYamlMerge(data) {
    return data === "<<" || data === null;
  }
  merge = new Type2("tag:yaml.org,2002:merge", {
    kind: "scalar",
    resolve: resolveYamlMerge
  });
  return merge;
}
var binary;
var hasRequiredBinary;
function requireBinary() {
  if (hasRequiredBinary) return binary;
  hasRequiredBinary = 1;
  const Type2 = requireType();
  const BASE64_MAP = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n\r";
  function resolveYamlBinary(data) {
    if (data === null) return false;
    let bitlen = 0;
    const max = data.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      const code = map2.indexOf(data.charAt(idx));
      if (code > 64) continue;
      if (code < 0) return false;
      bitlen += 6;
    }
    return bitlen % 8 === 0;
  }
  function constructYamlBinary(data) {
    const input = data.replace(/[\r\n=]/g, "");
    const max = input.length;
    const map2 = BASE64_MAP;
    let bits = 0;
    const result = [];
    for (let idx = 0; idx < max; idx++) {
      if (idx % 4 === 0 && idx) {
        result.push(bits >> 16 & 255);
        result.push(bits >> 8 & 255);
        result.push(bits & 255);
      }
      bits = bits << 6 | map2.indexOf(input.charAt(idx));
    }
    const tailbits = max % 4 * 6;
    if (tailbits === 0) {
      result.push(bits >> 16 & 255);
      result.push(bits >> 8 & 255);
      result.push(bits & 255);
    } else if (tailbits === 18) {
      result.push(bits >> 10 & 255);
      result.push(bits >> 2 & 255);
    } else if (tailbits === 12) {
      result.push(bits >> 4 & 255);
    }
    return new Uint8Array(result);
  }
  function representYamlBinary(object) {
    let result = "";
    let bits = 0;
    const max = object.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      if (idx % 3 === 0 && idx) {
        result += map2[bits >> 18 & 63];
        result += map2[bits >> 12 & 63];
        result += map2[bits >> 6 & 63];
        result += map2[bits & 63];
      }
      bits = (bits << 8) + object[idx];
    }
    const tail = max % 3;
    if (tail === 0) {
      result += map2[bits >> 18 & 63];
      result += map2[bits >> 12 & 63];
      result += map2[bits >> 6 & 63];
      result += map2[bits & 63];
    } else if (tail === 2) {
      result += map2[bits >> 10 & 63];
      result += map2[bits >> 4 & 63];
      result += map2[bits << 2 & 63];
      result += map2[64];
    } else if (tail === 1) {
      result += map2[bits >> 2 & 63];
      result += map2[bits << 4 & 63];
      result += map2[64];
      result += map2[64];
    }
    return result;
  }
  function isBinary(obj) {
    return Object.prototype.toString.call(obj) === "[object Uint8Array]";
  }
  binary = new Type2("tag:yaml.org,2002:binary", {
    kind: "scalar",
    resolve: resolveYamlBinary,
    construct: constructYamlBinary,
    predicate: isBinary,
    represent: representYamlBinary
  });
  return binary;
}
var omap;
var hasRequiredOmap;
function requireOmap() {
  if (hasRequiredOmap) return omap;
  hasRequiredOmap = 1;
  const Type2 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const _toString = Object.prototype.toString;
  function resolveYamlOmap(data) {
    if (data === null) return true;
    const objectKeys = {};
    const object = data;
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      let pairHasKey = false;
      if (_toString.call(pair) !== "[object Object]") return false;
      let pairKey;
      for (pairKey in pair) {
        if (_hasOwnProperty.call(pair, pairKey)) {
          if (!pairHasKey) pairHasKey = true;
          else return false;
        }
      }
      if (!pairHasKey) return false;
      if (_hasOwnProperty.call(objectKeys, pairKey)) return false;
      Object.defineProperty(objectKeys, pairKey, { value: true });
    }
    return true;
  }
  function constructYamlOmap(data) {
    return data !== null ? data : [];
  }
  omap = new Type2("tag:yaml.org,2002:omap", {
    kind: "sequence",
    resolve: resolveYamlOmap,
    construct: constructYamlOmap
  });
  return omap;
}
var pairs;
var hasRequiredPairs;
function requirePairs() {
  if (hasRequiredPairs) return pairs;
  hasRequiredPairs = 1;
  const Type2 = requireType();
  const _toString = Object.prototype.toString;
  function resolveYamlPairs(data) {
    if (data === null) return true;
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      if (_toString.call(pair) !== "[object Object]") return false;
      const keys = Object.keys(pair);
      if (keys.length !== 1) return false;
      result[index] = [keys[0], pair[keys[0]]];
    }
    return true;
  }
  function constructYamlPairs(data) {
    if (data === null) return [];
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      const keys = Object.keys(pair);
      result[index] = [keys[0], pair[keys[0]]];
    }
    return result;
  }
  pairs = new Type2("tag:yaml.org,2002:pairs", {
    kind: "sequence",
    resolve: resolveYamlPairs,
    construct: constructYamlPairs
  });
  return pairs;
}
var set;
var hasRequiredSet;
function requireSet() {
  if (hasRequiredSet) return set;
  hasRequiredSet = 1;
  const Type2 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  function resolveYamlSet(data) {
    if (data === null) return true;
    const object = data;
    for (const key in object) {
      if (_hasOwnProperty.call(object, key)) {
        if (object[key] !== null) return false;
      }
    }
    return true;
  }
  function constructYamlSet(data) {
    return data !== null ? data : {};
  }
  set = new Type2("tag:yaml.org,2002:set", {
    kind: "mapping",
    resolve: resolveYamlSet,
    construct: constructYamlSet
  });
  return set;
}
var _default;
var hasRequired_default;
function require_default() {
  if (hasRequired_default) return _default;
  hasRequired_default = 1;
  _default = requireCore().extend({
    implicit: [
      requireTimestamp(),
      requireMerge()
    ],
    explicit: [
      requireBinary(),
      requireOmap(),
      requirePairs(),
      requireSet()
    ]
  });
  return _default;
}
var hasRequiredLoader;
function requireLoader() {
  if (hasRequiredLoader) return loader;
  hasRequiredLoader = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const makeSnippet = requireSnippet();
  const DEFAULT_SCHEMA2 = require_default();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CONTEXT_FLOW_IN = 1;
  const CONTEXT_FLOW_OUT = 2;
  const CONTEXT_BLOCK_IN = 3;
  const CONTEXT_BLOCK_OUT = 4;
  const CHOMPING_CLIP = 1;
  const CHOMPING_STRIP = 2;
  const CHOMPING_KEEP = 3;
  const PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
  const PATTERN_NON_ASCII_LINE_BREAKS = /[\x85\u2028\u2029]/;
  const PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
  const PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
  const PATTERN_TAG_URI = /^(?:!|[^,\[\]{}])(?:%[0-9a-f]{2}|[0-9a-z\-#;/?:@&=+$,_.!~*'()\[\]])*$/i;
  function _class(obj) {
    return Object.prototype.toString.call(obj);
  }
  function isEol(c) {
    return c === 10 || c === 13;
  }
  function isWhiteSpace(c) {
    return c === 9 || c === 32;
  }
  function isWsOrEol(c) {
    return c === 9 || c === 32 || c === 10 || c === 13;
  }
  function isFlowIndicator(c) {
    return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
  }
  function fromHexCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    const lc = c | 32;
    if (lc >= 97 && lc <= 102) {
      return lc - 97 + 10;
    }
    return -1;
  }
  function escapedHexLen(c) {
    if (c === 120) {
      return 2;
    }
    if (c === 117) {
      return 4;
    }
    if (c === 85) {
      return 8;
    }
    return 0;
  }
  function fromDecimalCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    return -1;
  }
  function simpleEscapeSequence(c) {
    switch (c) {
      case 48:
        return "\0";
      case 97:
        return "\x07";
      case 98:
        return "\b";
      case 116:
        return "	";
      case 9:
        return "	";
      case 110:
        return "\n";
      case 118:
        return "\v";
      case 102:
        return "\f";
      case 114:
        return "\r";
      case 101:
        return "\x1B";
      case 32:
        return " ";
      case 34:
        return '"';
      case 47:
        return "/";
      case 92:
        return "\\";
      case 78:
        return "";
      case 95:
        return " ";
      case 76:
        return "\u2028";
      case 80:
        return "\u2029";
      default:
        return "";
    }
  }
  function charFromCodepoint(c) {
    if (c <= 65535) {
      return String.fromCharCode(c);
    }
    return String.fromCharCode(
      (c - 65536 >> 10) + 55296,
      (c - 65536 & 1023) + 56320
    );
  }
  function setProperty(object, key, value) {
    if (key === "__proto__") {
      Object.defineProperty(object, key, {
        configurable: true,
        enumerable: true,
        writable: true,
        value
      });
    } else {
      object[key] = value;
    }
  }
  const simpleEscapeCheck = new Array(256);
  const simpleEscapeMap = new Array(256);
  for (let i = 0; i < 256; i++) {
    simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
    simpleEscapeMap[i] = simpleEscapeSequence(i);
  }
  function State(input, options) {
    this.input = input;
    this.filename = options["filename"] || null;
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.onWarning = options["onWarning"] || null;
    this.legacy = options["legacy"] || false;
    this.json = options["json"] || false;
    this.listener = options["listener"] || null;
    this.maxDepth = typeof options["maxDepth"] === "number" ? options["maxDepth"] : 100;
    this.maxTotalMergeKeys = typeof options["maxTotalMergeKeys"] === "number" ? options["maxTotalMergeKeys"] : 1e4;
    this.implicitTypes = this.schema.compiledImplicit;
    this.typeMap = this.schema.compiledTypeMap;
    this.length = input.length;
    this.position = 0;
    this.line = 0;
    this.lineStart = 0;
    this.lineIndent = 0;
    this.depth = 0;
    this.totalMergeKeys = 0;
    this.firstTabInLine = -1;
    this.documents = [];
    this.anchorMapTransactions = [];
  }
  function generateError(state, message) {
    const mark = {
      name: state.filename,
      buffer: state.input.slice(0, -1),
      // omit trailing \0
      position: state.position,
      line: state.line,
      column: state.position - state.lineStart
    };
    mark.snippet = makeSnippet(mark);
    return new YAMLException2(message, mark);
  }
  function throwError(state, message) {
    throw generateError(state, message);
  }
  function throwWarning(state, message) {
    if (state.onWarning) {
      state.onWarning.call(null, generateError(state, message));
    }
  }
  function storeAnchor(state, name, value) {
    const transactions = state.anchorMapTransactions;
    if (transactions.length !== 0) {
      const transaction = transactions[transactions.length - 1];
      if (!_hasOwnProperty.call(transaction, name)) {
        transaction[name] = {
          existed: _hasOwnProperty.call(state.anchorMap, name),
          value: state.anchorMap[name]
        };
      }
    }
    state.anchorMap[name] = value;
  }
  function beginAnchorTransaction(state) {
    state.anchorMapTransactions.push(/* @__PURE__ */ Object.create(null));
  }
  function commitAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const transactions = state.anchorMapTransactions;
    if (transactions.length === 0) return;
    const parent = transactions[transactions.length - 1];
    const names = Object.keys(transaction);
    for (let index = 0, length = names.length; index < length; index += 1) {
      const name = names[index];
      if (!_hasOwnProperty.call(parent, name)) {
        parent[name] = transaction[name];
      }
    }
  }
  function rollbackAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const names = Object.keys(transaction);
    for (let index = names.length - 1; index >= 0; index -= 1) {
      const entry = transaction[names[index]];
      if (entry.existed) {
        state.anchorMap[names[index]] = entry.value;
      } else {
        delete state.anchorMap[names[index]];
      }
    }
  }
  function snapshotState(state) {
    return {
      position: state.position,
      line: state.line,
      lineStart: state.lineStart,
      lineIndent: state.lineIndent,
      firstTabInLine: state.firstTabInLine,
      tag: state.tag,
      anchor: state.anchor,
      kind: state.kind,
      result: state.result
    };
  }
  function restoreState(state, snapshot) {
    state.position = snapshot.position;
    state.line = snapshot.line;
    state.lineStart = snapshot.lineStart;
    state.lineIndent = snapshot.lineIndent;
    state.firstTabInLine = snapshot.firstTabInLine;
    state.tag = snapshot.tag;
    state.anchor = snapshot.anchor;
    state.kind = snapshot.kind;
    state.result = snapshot.result;
  }
  const directiveHandlers = {
    YAML: function handleYamlDirective(state, name, args) {
      if (state.version !== null) {
        throwError(state, "duplication of %YAML directive");
      }
      if (args.length !== 1) {
        throwError(state, "YAML directive accepts exactly one argument");
      }
      const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
      if (match === null) {
        throwError(state, "ill-formed argument of the YAML directive");
      }
      const major = parseInt(match[1], 10);
      const minor = parseInt(match[2], 10);
      if (major !== 1) {
        throwError(state, "unacceptable YAML version of the document");
      }
      state.version = args[0];
      state.checkLineBreaks = minor < 2;
      if (minor !== 1 && minor !== 2) {
        throwWarning(state, "unsupported YAML version of the document");
      }
    },
    TAG: function handleTagDirective(state, name, args) {
      let prefix;
      if (args.length !== 2) {
        throwError(state, "TAG directive accepts exactly two arguments");
      }
      const handle = args[0];
      prefix = args[1];
      if (!PATTERN_TAG_HANDLE.test(handle)) {
        throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
      }
      if (_hasOwnProperty.call(state.tagMap, handle)) {
        throwError(state, 'there is a previously declared suffix for "' + handle + '" tag handle');
      }
      if (!PATTERN_TAG_URI.test(prefix)) {
        throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
      }
      try {
        prefix = decodeURIComponent(prefix);
      } catch (err) {
        throwError(state, "tag prefix is malformed: " + prefix);
      }
      state.tagMap[handle] = prefix;
    }
  };
  function captureSegment(state, start, end, checkJson) {
    if (start < end) {
      const _result = state.input.slice(start, end);
      if (checkJson) {
        for (let _position = 0, _length = _result.length; _position < _length; _position += 1) {
          const _character = _result.charCodeAt(_position);
          if (!(_character === 9 || _character >= 32 && _character <= 1114111)) {
            throwError(state, "expected valid JSON character");
          }
        }
      } else if (PATTERN_NON_PRINTABLE.test(_result)) {
        throwError(state, "the stream contains non-printable characters");
      }
      state.result += _result;
    }
  }
  function chargeMergeWork(state) {
    state.totalMergeKeys++;
    if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) {
      throwError(state, "merge keys exceeded maxTotalMergeKeys (" + state.maxTotalMergeKeys + ")");
    }
  }
  function mergeMappings(state, destination, source, overridableKeys) {
    if (!common2.isObject(source)) {
      throwError(state, "cannot merge mappings; the provided source object is unacceptable");
    }
    chargeMergeWork(state);
    const sourceKeys = Object.keys(source);
    for (let index = 0, quantity = sourceKeys.length; index < quantity; index += 1) {
      const key = sourceKeys[index];
      chargeMergeWork(state);
      if (!_hasOwnProperty.call(destination, key)) {
        setProperty(destination, key, source[key]);
        overridableKeys[key] = true;
      }
    }
  }
  function storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, startLine, startLineStart, startPos) {
    if (Array.isArray(keyNode)) {
      keyNode = Array.prototype.slice.call(keyNode);
      for (let index = 0, quantity = keyNode.length; index < quantity; index += 1) {
        if (Array.isArray(keyNode[index])) {
          throwError(state, "nested arrays are not supported inside keys");
        }
        if (typeof keyNode === "object" && _class(keyNode[index]) === "[object Object]") {
          keyNode[index] = "[object Object]";
        }
      }
    }
    if (typeof keyNode === "object" && _class(keyNode) === "[object Object]") {
      keyNode = "[object Object]";
    }
    keyNode = String(keyNode);
    if (_result === null) {
      _result = {};
    }
    if (keyTag === "tag:yaml.org,2002:merge") {
      if (Array.isArray(valueNode)) {
        if (valueNode.length > 100) {
          throwError(state, "abnormal merge sequence size");
        }
        for (let index = 0, quantity = valueNode.length; index < quantity; index += 1) {
          mergeMappings(state, _result, valueNode[index], overridableKeys);
        }
      } else {
        mergeMappings(state, _result, valueNode, overridableKeys);
      }
    } else {
      if (!state.json && !_hasOwnProperty.call(overridableKeys, keyNode) && _hasOwnProperty.call(_result, keyNode)) {
        state.line = startLine || state.line;
        state.lineStart = startLineStart || state.lineStart;
        state.position = startPos || state.position;
        throwError(state, "duplicated mapping key");
      }
      setProperty(_result, keyNode, valueNode);
      delete overridableKeys[keyNode];
    }
    return _result;
  }
  function readLineBreak(state) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 10) {
      state.position++;
    } else if (ch === 13) {
      state.position++;
      if (state.input.charCodeAt(state.position) === 10) {
        state.position++;
      }
    } else {
      throwError(state, "a line break is expected");
    }
    state.line += 1;
    state.lineStart = state.position;
    state.firstTabInLine = -1;
  }
  function skipSeparationSpace(state, allowComments, checkIndent) {
    let lineBreaks = 0;
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      while (isWhiteSpace(ch)) {
        if (ch === 9 && state.firstTabInLine === -1) {
          state.firstTabInLine = state.position;
        }
        ch = state.input.charCodeAt(++state.position);
      }
      if (allowComments && ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (ch !== 10 && ch !== 13 && ch !== 0);
      }
      if (isEol(ch)) {
        readLineBreak(state);
        ch = state.input.charCodeAt(state.position);
        lineBreaks++;
        state.lineIndent = 0;
        while (ch === 32) {
          state.lineIndent++;
          ch = state.input.charCodeAt(++state.position);
        }
      } else {
        break;
      }
    }
    if (checkIndent !== -1 && lineBreaks !== 0 && state.lineIndent < checkIndent) {
      throwWarning(state, "deficient indentation");
    }
    return lineBreaks;
  }
  function testDocumentSeparator(state) {
    let _position = state.position;
    let ch = state.input.charCodeAt(_position);
    if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(_position + 1) && ch === state.input.charCodeAt(_position + 2)) {
      _position += 3;
      ch = state.input.charCodeAt(_position);
      if (ch === 0 || isWsOrEol(ch)) {
        return true;
      }
    }
    return false;
  }
  function writeFoldedLines(state, count) {
    if (count === 1) {
      state.result += " ";
    } else if (count > 1) {
      state.result += common2.repeat("\n", count - 1);
    }
  }
  function readPlainScalar(state, nodeIndent, withinFlowCollection) {
    let captureStart;
    let captureEnd;
    let hasPendingContent;
    let _line;
    let _lineStart;
    let _lineIndent;
    const _kind = state.kind;
    const _result = state.result;
    let ch = state.input.charCodeAt(state.position);
    if (isWsOrEol(ch) || isFlowIndicator(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96) {
      return false;
    }
    if (ch === 63 || ch === 45) {
      const following = state.input.charCodeAt(state.position + 1);
      if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
        return false;
      }
    }
    state.kind = "scalar";
    state.result = "";
    captureStart = captureEnd = state.position;
    hasPendingContent = false;
    while (ch !== 0) {
      if (ch === 58) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
          break;
        }
      } else if (ch === 35) {
        const preceding = state.input.charCodeAt(state.position - 1);
        if (isWsOrEol(preceding)) {
          break;
        }
      } else if (state.position === state.lineStart && testDocumentSeparator(state) || withinFlowCollection && isFlowIndicator(ch)) {
        break;
      } else if (isEol(ch)) {
        _line = state.line;
        _lineStart = state.lineStart;
        _lineIndent = state.lineIndent;
        skipSeparationSpace(state, false, -1);
        if (state.lineIndent >= nodeIndent) {
          hasPendingContent = true;
          ch = state.input.charCodeAt(state.position);
          continue;
        } else {
          state.position = captureEnd;
          state.line = _line;
          state.lineStart = _lineStart;
          state.lineIndent = _lineIndent;
          break;
        }
      }
      if (hasPendingContent) {
        captureSegment(state, captureStart, captureEnd, false);
        writeFoldedLines(state, state.line - _line);
        captureStart = captureEnd = state.position;
        hasPendingContent = false;
      }
      if (!isWhiteSpace(ch)) {
        captureEnd = state.position + 1;
      }
      ch = state.input.charCodeAt(++state.position);
    }
    captureSegment(state, captureStart, captureEnd, false);
    if (state.result) {
      return true;
    }
    state.kind = _kind;
    state.result = _result;
    return false;
  }
  function readSingleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 39) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 39) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (ch === 39) {
          captureStart = state.position;
          state.position++;
          captureEnd = state.position;
        } else {
          return true;
        }
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a single quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a single quoted scalar");
  }
  function readDoubleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 34) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 34) {
        captureSegment(state, captureStart, state.position, true);
        state.position++;
        return true;
      } else if (ch === 92) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (isEol(ch)) {
          skipSeparationSpace(state, false, nodeIndent);
        } else if (ch < 256 && simpleEscapeCheck[ch]) {
          state.result += simpleEscapeMap[ch];
          state.position++;
        } else if ((tmp = escapedHexLen(ch)) > 0) {
          let hexLength = tmp;
          let hexResult = 0;
          for (; hexLength > 0; hexLength--) {
            ch = state.input.charCodeAt(++state.position);
            if ((tmp = fromHexCode(ch)) >= 0) {
              hexResult = (hexResult << 4) + tmp;
            } else {
              throwError(state, "expected hexadecimal character");
            }
          }
          state.result += charFromCodepoint(hexResult);
          state.position++;
        } else {
          throwError(state, "unknown escape sequence");
        }
        captureStart = captureEnd = state.position;
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a double quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a double quoted scalar");
  }
  function readFlowCollection(state, nodeIndent) {
    let readNext = true;
    let _line;
    let _lineStart;
    let _pos;
    const _tag = state.tag;
    let _result;
    const _anchor = state.anchor;
    let terminator;
    let isPair;
    let isExplicitPair;
    let isMapping;
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyNode;
    let keyTag;
    let valueNode;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 91) {
      terminator = 93;
      isMapping = false;
      _result = [];
    } else if (ch === 123) {
      terminator = 125;
      isMapping = true;
      _result = {};
    } else {
      return false;
    }
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    ch = state.input.charCodeAt(++state.position);
    while (ch !== 0) {
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === terminator) {
        state.position++;
        state.tag = _tag;
        state.anchor = _anchor;
        state.kind = isMapping ? "mapping" : "sequence";
        state.result = _result;
        return true;
      } else if (!readNext) {
        throwError(state, "missed comma between flow collection entries");
      } else if (ch === 44) {
        throwError(state, "expected the node content, but found ','");
      }
      keyTag = keyNode = valueNode = null;
      isPair = isExplicitPair = false;
      if (ch === 63) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following)) {
          isPair = isExplicitPair = true;
          state.position++;
          skipSeparationSpace(state, true, nodeIndent);
        }
      }
      _line = state.line;
      _lineStart = state.lineStart;
      _pos = state.position;
      composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
      keyTag = state.tag;
      keyNode = state.result;
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if ((isExplicitPair || state.line === _line) && ch === 58) {
        isPair = true;
        ch = state.input.charCodeAt(++state.position);
        skipSeparationSpace(state, true, nodeIndent);
        composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
        valueNode = state.result;
      }
      if (isMapping) {
        storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos);
      } else if (isPair) {
        _result.push(storeMappingPair(state, null, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos));
      } else {
        _result.push(keyNode);
      }
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === 44) {
        readNext = true;
        ch = state.input.charCodeAt(++state.position);
      } else {
        readNext = false;
      }
    }
    throwError(state, "unexpected end of the stream within a flow collection");
  }
  function readBlockScalar(state, nodeIndent) {
    let folding;
    let chomping = CHOMPING_CLIP;
    let didReadContent = false;
    let detectedIndent = false;
    let textIndent = nodeIndent;
    let emptyLines = 0;
    let atMoreIndented = false;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 124) {
      folding = false;
    } else if (ch === 62) {
      folding = true;
    } else {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    while (ch !== 0) {
      ch = state.input.charCodeAt(++state.position);
      if (ch === 43 || ch === 45) {
        if (CHOMPING_CLIP === chomping) {
          chomping = ch === 43 ? CHOMPING_KEEP : CHOMPING_STRIP;
        } else {
          throwError(state, "repeat of a chomping mode identifier");
        }
      } else if ((tmp = fromDecimalCode(ch)) >= 0) {
        if (tmp === 0) {
          throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
        } else if (!detectedIndent) {
          textIndent = nodeIndent + tmp - 1;
          detectedIndent = true;
        } else {
          throwError(state, "repeat of an indentation width identifier");
        }
      } else {
        break;
      }
    }
    if (isWhiteSpace(ch)) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (isWhiteSpace(ch));
      if (ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (!isEol(ch) && ch !== 0);
      }
    }
    while (ch !== 0) {
      readLineBreak(state);
      state.lineIndent = 0;
      ch = state.input.charCodeAt(state.position);
      while ((!detectedIndent || state.lineIndent < textIndent) && ch === 32) {
        state.lineIndent++;
        ch = state.input.charCodeAt(++state.position);
      }
      if (!detectedIndent && state.lineIndent > textIndent) {
        textIndent = state.lineIndent;
      }
      if (isEol(ch)) {
        emptyLines++;
        continue;
      }
      if (!detectedIndent && textIndent === 0) {
        throwError(state, "missing indentation for block scalar");
      }
      if (state.lineIndent < textIndent) {
        if (chomping === CHOMPING_KEEP) {
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (chomping === CHOMPING_CLIP) {
          if (didReadContent) {
            state.result += "\n";
          }
        }
        break;
      }
      if (folding) {
        if (isWhiteSpace(ch)) {
          atMoreIndented = true;
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (atMoreIndented) {
          atMoreIndented = false;
          state.result += common2.repeat("\n", emptyLines + 1);
        } else if (emptyLines === 0) {
          if (didReadContent) {
            state.result += " ";
          }
        } else {
          state.result += common2.repeat("\n", emptyLines);
        }
      } else {
        state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
      }
      didReadContent = true;
      detectedIndent = true;
      emptyLines = 0;
      const captureStart = state.position;
      while (!isEol(ch) && ch !== 0) {
        ch = state.input.charCodeAt(++state.position);
      }
      captureSegment(state, captureStart, state.position, false);
    }
    return true;
  }
  function readBlockSequence(state, nodeIndent) {
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = [];
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      if (ch !== 45) {
        break;
      }
      const following = state.input.charCodeAt(state.position + 1);
      if (!isWsOrEol(following)) {
        break;
      }
      detected = true;
      state.position++;
      if (skipSeparationSpace(state, true, -1)) {
        if (state.lineIndent <= nodeIndent) {
          _result.push(null);
          ch = state.input.charCodeAt(state.position);
          continue;
        }
      }
      const _line = state.line;
      composeNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
      _result.push(state.result);
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a sequence entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "sequence";
      state.result = _result;
      return true;
    }
    return false;
  }
  function readBlockMapping(state, nodeIndent, flowIndent) {
    let allowCompact;
    let _keyLine;
    let _keyLineStart;
    let _keyPos;
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = {};
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyTag = null;
    let keyNode = null;
    let valueNode = null;
    let atExplicitKey = false;
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (!atExplicitKey && state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      const following = state.input.charCodeAt(state.position + 1);
      const _line = state.line;
      if ((ch === 63 || ch === 58) && isWsOrEol(following)) {
        if (ch === 63) {
          if (atExplicitKey) {
            storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
            keyTag = keyNode = valueNode = null;
          }
          detected = true;
          atExplicitKey = true;
          allowCompact = true;
        } else if (atExplicitKey) {
          atExplicitKey = false;
          allowCompact = true;
        } else {
          throwError(state, "incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line");
        }
        state.position += 1;
        ch = following;
      } else {
        _keyLine = state.line;
        _keyLineStart = state.lineStart;
        _keyPos = state.position;
        if (!composeNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) {
          break;
        }
        if (state.line === _line) {
          ch = state.input.charCodeAt(state.position);
          while (isWhiteSpace(ch)) {
            ch = state.input.charCodeAt(++state.position);
          }
          if (ch === 58) {
            ch = state.input.charCodeAt(++state.position);
            if (!isWsOrEol(ch)) {
              throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
            }
            if (atExplicitKey) {
              storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
              keyTag = keyNode = valueNode = null;
            }
            detected = true;
            atExplicitKey = false;
            allowCompact = false;
            keyTag = state.tag;
            keyNode = state.result;
          } else if (detected) {
            throwError(state, "can not read an implicit mapping pair; a colon is missed");
          } else {
            state.tag = _tag;
            state.anchor = _anchor;
            return true;
          }
        } else if (detected) {
          throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
        } else {
          state.tag = _tag;
          state.anchor = _anchor;
          return true;
        }
      }
      if (state.line === _line || state.lineIndent > nodeIndent) {
        if (atExplicitKey) {
          _keyLine = state.line;
          _keyLineStart = state.lineStart;
          _keyPos = state.position;
        }
        if (composeNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, allowCompact)) {
          if (atExplicitKey) {
            keyNode = state.result;
          } else {
            valueNode = state.result;
          }
        }
        if (!atExplicitKey) {
          storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _keyLine, _keyLineStart, _keyPos);
          keyTag = keyNode = valueNode = null;
        }
        skipSeparationSpace(state, true, -1);
        ch = state.input.charCodeAt(state.position);
      }
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a mapping entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (atExplicitKey) {
      storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "mapping";
      state.result = _result;
    }
    return detected;
  }
  function readTagProperty(state) {
    let isVerbatim = false;
    let isNamed = false;
    let tagHandle;
    let tagName;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 33) return false;
    if (state.tag !== null) {
      throwError(state, "duplication of a tag property");
    }
    ch = state.input.charCodeAt(++state.position);
    if (ch === 60) {
      isVerbatim = true;
      ch = state.input.charCodeAt(++state.position);
    } else if (ch === 33) {
      isNamed = true;
      tagHandle = "!!";
      ch = state.input.charCodeAt(++state.position);
    } else {
      tagHandle = "!";
    }
    let _position = state.position;
    if (isVerbatim) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (ch !== 0 && ch !== 62);
      if (state.position < state.length) {
        tagName = state.input.slice(_position, state.position);
        ch = state.input.charCodeAt(++state.position);
      } else {
        throwError(state, "unexpected end of the stream within a verbatim tag");
      }
    } else {
      while (ch !== 0 && !isWsOrEol(ch)) {
        if (ch === 33) {
          if (!isNamed) {
            tagHandle = state.input.slice(_position - 1, state.position + 1);
            if (!PATTERN_TAG_HANDLE.test(tagHandle)) {
              throwError(state, "named tag handle cannot contain such characters");
            }
            isNamed = true;
            _position = state.position + 1;
          } else {
            throwError(state, "tag suffix cannot contain exclamation marks");
          }
        }
        ch = state.input.charCodeAt(++state.position);
      }
      tagName = state.input.slice(_position, state.position);
      if (PATTERN_FLOW_INDICATORS.test(tagName)) {
        throwError(state, "tag suffix cannot contain flow indicator characters");
      }
    }
    if (tagName && !PATTERN_TAG_URI.test(tagName)) {
      throwError(state, "tag name cannot contain such characters: " + tagName);
    }
    try {
      tagName = decodeURIComponent(tagName);
    } catch (err) {
      throwError(state, "tag name is malformed: " + tagName);
    }
    if (isVerbatim) {
      state.tag = tagName;
    } else if (_hasOwnProperty.call(state.tagMap, tagHandle)) {
      state.tag = state.tagMap[tagHandle] + tagName;
    } else if (tagHandle === "!") {
      state.tag = "!" + tagName;
    } else if (tagHandle === "!!") {
      state.tag = "tag:yaml.org,2002:" + tagName;
    } else {
      throwError(state, 'undeclared tag handle "' + tagHandle + '"');
    }
    return true;
  }
  function readAnchorProperty(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 38) return false;
    if (state.anchor !== null) {
      throwError(state, "duplication of an anchor property");
    }
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an anchor node must contain at least one character");
    }
    state.anchor = state.input.slice(_position, state.position);
    return true;
  }
  function readAlias(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 42) return false;
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an alias node must contain at least one character");
    }
    const alias = state.input.slice(_position, state.position);
    if (!_hasOwnProperty.call(state.anchorMap, alias)) {
      throwError(state, 'unidentified alias "' + alias + '"');
    }
    state.result = state.anchorMap[alias];
    skipSeparationSpace(state, true, -1);
    return true;
  }
  function tryReadBlockMappingFromProperty(state, propertyStart, nodeIndent, flowIndent) {
    const fallbackState = snapshotState(state);
    beginAnchorTransaction(state);
    restoreState(state, propertyStart);
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    if (readBlockMapping(state, nodeIndent, flowIndent) && state.kind === "mapping") {
      commitAnchorTransaction(state);
      return true;
    }
    rollbackAnchorTransaction(state);
    restoreState(state, fallbackState);
    return false;
  }
  function composeNode(state, parentIndent, nodeContext, allowToSeek, allowCompact) {
    let allowBlockScalars;
    let allowBlockCollections;
    let indentStatus = 1;
    let atNewLine = false;
    let hasContent = false;
    let propertyStart = null;
    let type2;
    let flowIndent;
    let blockIndent;
    if (state.depth >= state.maxDepth) {
      throwError(state, "nesting exceeded maxDepth (" + state.maxDepth + ")");
    }
    state.depth += 1;
    if (state.listener !== null) {
      state.listener("open", state);
    }
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    const allowBlockStyles = allowBlockScalars = allowBlockCollections = CONTEXT_BLOCK_OUT === nodeContext || CONTEXT_BLOCK_IN === nodeContext;
    if (allowToSeek) {
      if (skipSeparationSpace(state, true, -1)) {
        atNewLine = true;
        if (state.lineIndent > parentIndent) {
          indentStatus = 1;
        } else if (state.lineIndent === parentIndent) {
          indentStatus = 0;
        } else if (state.lineIndent < parentIndent) {
          indentStatus = -1;
        }
      }
    }
    if (indentStatus === 1) {
      while (true) {
        const ch = state.input.charCodeAt(state.position);
        const propertyState = snapshotState(state);
        if (atNewLine && (ch === 33 && state.tag !== null || ch === 38 && state.anchor !== null)) {
          break;
        }
        if (!readTagProperty(state) && !readAnchorProperty(state)) {
          break;
        }
        if (propertyStart === null) {
          propertyStart = propertyState;
        }
        if (skipSeparationSpace(state, true, -1)) {
          atNewLine = true;
          allowBlockCollections = allowBlockStyles;
          if (state.lineIndent > parentIndent) {
            indentStatus = 1;
          } else if (state.lineIndent === parentIndent) {
            indentStatus = 0;
          } else if (state.lineIndent < parentIndent) {
            indentStatus = -1;
          }
        } else {
          allowBlockCollections = false;
        }
      }
    }
    if (allowBlockCollections) {
      allowBlockCollections = atNewLine || allowCompact;
    }
    if (indentStatus === 1 || CONTEXT_BLOCK_OUT === nodeContext) {
      if (CONTEXT_FLOW_IN === nodeContext || CONTEXT_FLOW_OUT === nodeContext) {
        flowIndent = parentIndent;
      } else {
        flowIndent = parentIndent + 1;
      }
      blockIndent = state.position - state.lineStart;
      if (indentStatus === 1) {
        if (allowBlockCollections && (readBlockSequence(state, blockIndent) || readBlockMapping(state, blockIndent, flowIndent)) || readFlowCollection(state, flowIndent)) {
          hasContent = true;
        } else {
          const ch = state.input.charCodeAt(state.position);
          if (propertyStart !== null && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62 && tryReadBlockMappingFromProperty(
            state,
            propertyStart,
            propertyStart.position - propertyStart.lineStart,
            flowIndent
          )) {
            hasContent = true;
          } else if (allowBlockScalars && readBlockScalar(state, flowIndent) || readSingleQuotedScalar(state, flowIndent) || readDoubleQuotedScalar(state, flowIndent)) {
            hasContent = true;
          } else if (readAlias(state)) {
            hasContent = true;
            if (state.tag !== null || state.anchor !== null) {
              throwError(state, "alias node should not have any properties");
            }
          } else if (readPlainScalar(state, flowIndent, CONTEXT_FLOW_IN === nodeContext)) {
            hasContent = true;
            if (state.tag === null) {
              state.tag = "?";
            }
          }
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
        }
      } else if (indentStatus === 0) {
        hasContent = allowBlockCollections && readBlockSequence(state, blockIndent);
      }
    }
    if (state.tag === null) {
      if (state.anchor !== null) {
        storeAnchor(state, state.anchor, state.result);
      }
    } else if (state.tag === "?") {
      if (state.result !== null && state.kind !== "scalar") {
        throwError(state, 'unacceptable node kind for !<?> tag; it should be "scalar", not "' + state.kind + '"');
      }
      for (let typeIndex = 0, typeQuantity = state.implicitTypes.length; typeIndex < typeQuantity; typeIndex += 1) {
        type2 = state.implicitTypes[typeIndex];
        if (type2.resolve(state.result)) {
          state.result = type2.construct(state.result);
          state.tag = type2.tag;
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
          break;
        }
      }
    } else if (state.tag !== "!") {
      if (_hasOwnProperty.call(state.typeMap[state.kind || "fallback"], state.tag)) {
        type2 = state.typeMap[state.kind || "fallback"][state.tag];
      } else {
        type2 = null;
        const typeList = state.typeMap.multi[state.kind || "fallback"];
        for (let typeIndex = 0, typeQuantity = typeList.length; typeIndex < typeQuantity; typeIndex += 1) {
          if (state.tag.slice(0, typeList[typeIndex].tag.length) === typeList[typeIndex].tag) {
            type2 = typeList[typeIndex];
            break;
          }
        }
      }
      if (!type2) {
        throwError(state, "unknown tag !<" + state.tag + ">");
      }
      if (state.result !== null && type2.kind !== state.kind) {
        throwError(state, "unacceptable node kind for !<" + state.tag + '> tag; it should be "' + type2.kind + '", not "' + state.kind + '"');
      }
      if (!type2.resolve(state.result, state.tag)) {
        throwError(state, "cannot resolve a node with !<" + state.tag + "> explicit tag");
      } else {
        state.result = type2.construct(state.result, state.tag);
        if (state.anchor !== null) {
          storeAnchor(state, state.anchor, state.result);
        }
      }
    }
    if (state.listener !== null) {
      state.listener("close", state);
    }
    state.depth -= 1;
    return state.tag !== null || state.anchor !== null || hasContent;
  }
  function readDocument(state) {
    const documentStart = state.position;
    let hasDirectives = false;
    let ch;
    state.version = null;
    state.checkLineBreaks = state.legacy;
    state.tagMap = /* @__PURE__ */ Object.create(null);
    state.anchorMap = /* @__PURE__ */ Object.create(null);
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if (state.lineIndent > 0 || ch !== 37) {
        break;
      }
      hasDirectives = true;
      ch = state.input.charCodeAt(++state.position);
      let _position = state.position;
      while (ch !== 0 && !isWsOrEol(ch)) {
        ch = state.input.charCodeAt(++state.position);
      }
      const directiveName = state.input.slice(_position, state.position);
      const directiveArgs = [];
      if (directiveName.length < 1) {
        throwError(state, "directive name must not be less than one character in length");
      }
      while (ch !== 0) {
        while (isWhiteSpace(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        if (ch === 35) {
          do {
            ch = state.input.charCodeAt(++state.position);
          } while (ch !== 0 && !isEol(ch));
          break;
        }
        if (isEol(ch)) break;
        _position = state.position;
        while (ch !== 0 && !isWsOrEol(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        directiveArgs.push(state.input.slice(_position, state.position));
      }
      if (ch !== 0) readLineBreak(state);
      if (_hasOwnProperty.call(directiveHandlers, directiveName)) {
        directiveHandlers[directiveName](state, directiveName, directiveArgs);
      } else {
        throwWarning(state, 'unknown document directive "' + directiveName + '"');
      }
    }
    skipSeparationSpace(state, true, -1);
    if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45) {
      state.position += 3;
      skipSeparationSpace(state, true, -1);
    } else if (hasDirectives) {
      throwError(state, "directives end mark is expected");
    }
    composeNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, true);
    skipSeparationSpace(state, true, -1);
    if (state.checkLineBreaks && PATTERN_NON_ASCII_LINE_BREAKS.test(state.input.slice(documentStart, state.position))) {
      throwWarning(state, "non-ASCII line breaks are interpreted as content");
    }
    state.documents.push(state.result);
    if (state.position === state.lineStart && testDocumentSeparator(state)) {
      if (state.input.charCodeAt(state.position) === 46) {
        state.position += 3;
        skipSeparationSpace(state, true, -1);
      }
      return;
    }
    if (state.position < state.length - 1) {
      throwError(state, "end of the stream or a document separator is expected");
    }
  }
  function loadDocuments(input, options) {
    input = String(input);
    options = options || {};
    if (input.length !== 0) {
      if (input.charCodeAt(input.length - 1) !== 10 && input.charCodeAt(input.length - 1) !== 13) {
        input += "\n";
      }
      if (input.charCodeAt(0) === 65279) {
        input = input.slice(1);
      }
    }
    const state = new State(input, options);
    const nullpos = input.indexOf("\0");
    if (nullpos !== -1) {
      state.position = nullpos;
      throwError(state, "null byte is not allowed in input");
    }
    state.input += "\0";
    while (state.input.charCodeAt(state.position) === 32) {
      state.lineIndent += 1;
      state.position += 1;
    }
    while (state.position < state.length - 1) {
      readDocument(state);
    }
    return state.documents;
  }
  function loadAll2(input, iterator, options) {
    if (iterator !== null && typeof iterator === "object" && typeof options === "undefined") {
      options = iterator;
      iterator = null;
    }
    const documents = loadDocuments(input, options);
    if (typeof iterator !== "function") {
      return documents;
    }
    for (let index = 0, length = documents.length; index < length; index += 1) {
      iterator(documents[index]);
    }
  }
  function load2(input, options) {
    const documents = loadDocuments(input, options);
    if (documents.length === 0) {
      return void 0;
    } else if (documents.length === 1) {
      return documents[0];
    }
    throw new YAMLException2("expected a single document in the stream, but found more");
  }
  loader.loadAll = loadAll2;
  loader.load = load2;
  return loader;
}
var dumper = {};
var hasRequiredDumper;
function requireDumper() {
  if (hasRequiredDumper) return dumper;
  hasRequiredDumper = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const DEFAULT_SCHEMA2 = require_default();
  const _toString = Object.prototype.toString;
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CHAR_BOM = 65279;
  const CHAR_TAB = 9;
  const CHAR_LINE_FEED = 10;
  const CHAR_CARRIAGE_RETURN = 13;
  const CHAR_SPACE = 32;
  const CHAR_EXCLAMATION = 33;
  const CHAR_DOUBLE_QUOTE = 34;
  const CHAR_SHARP = 35;
  const CHAR_PERCENT = 37;
  const CHAR_AMPERSAND = 38;
  const CHAR_SINGLE_QUOTE = 39;
  const CHAR_ASTERISK = 42;
  const CHAR_COMMA = 44;
  const CHAR_MINUS = 45;
  const CHAR_COLON = 58;
  const CHAR_EQUALS = 61;
  const CHAR_GREATER_THAN = 62;
  const CHAR_QUESTION = 63;
  const CHAR_COMMERCIAL_AT = 64;
  const CHAR_LEFT_SQUARE_BRACKET = 91;
  const CHAR_RIGHT_SQUARE_BRACKET = 93;
  const CHAR_GRAVE_ACCENT = 96;
  const CHAR_LEFT_CURLY_BRACKET = 123;
  const CHAR_VERTICAL_LINE = 124;
  const CHAR_RIGHT_CURLY_BRACKET = 125;
  const ESCAPE_SEQUENCES = {};
  ESCAPE_SEQUENCES[0] = "\\0";
  ESCAPE_SEQUENCES[7] = "\\a";
  ESCAPE_SEQUENCES[8] = "\\b";
  ESCAPE_SEQUENCES[9] = "\\t";
  ESCAPE_SEQUENCES[10] = "\\n";
  ESCAPE_SEQUENCES[11] = "\\v";
  ESCAPE_SEQUENCES[12] = "\\f";
  ESCAPE_SEQUENCES[13] = "\\r";
  ESCAPE_SEQUENCES[27] = "\\e";
  ESCAPE_SEQUENCES[34] = '\\"';
  ESCAPE_SEQUENCES[92] = "\\\\";
  ESCAPE_SEQUENCES[133] = "\\N";
  ESCAPE_SEQUENCES[160] = "\\_";
  ESCAPE_SEQUENCES[8232] = "\\L";
  ESCAPE_SEQUENCES[8233] = "\\P";
  const DEPRECATED_BOOLEANS_SYNTAX = [
    "y",
    "Y",
    "yes",
    "Yes",
    "YES",
    "on",
    "On",
    "ON",
    "n",
    "N",
    "no",
    "No",
    "NO",
    "off",
    "Off",
    "OFF"
  ];
  const DEPRECATED_BASE60_SYNTAX = /^[-+]?[0-9_]+(?::[0-9_]+)+(?:\.[0-9_]*)?$/;
  function compileStyleMap(schema2, map2) {
    if (map2 === null) return {};
    const result = {};
    const keys = Object.keys(map2);
    for (let index = 0, length = keys.length; index < length; index += 1) {
      let tag = keys[index];
      let style = String(map2[tag]);
      if (tag.slice(0, 2) === "!!") {
        tag = "tag:yaml.org,2002:" + tag.slice(2);
      }
      const type2 = schema2.compiledTypeMap["fallback"][tag];
      if (type2 && _hasOwnProperty.call(type2.styleAliases, style)) {
        style = type2.styleAliases[style];
      }
      result[tag] = style;
    }
    return result;
  }
  function encodeHex(character) {
    let handle;
    let length;
    const string = character.toString(16).toUpperCase();
    if (character <= 255) {
      handle = "x";
      length = 2;
    } else if (character <= 65535) {
      handle = "u";
      length = 4;
    } else if (character <= 4294967295) {
      handle = "U";
      length = 8;
    } else {
      throw new YAMLException2("code point within a string may not be greater than 0xFFFFFFFF");
    }
    return "\\" + handle + common2.repeat("0", length - string.length) + string;
  }
  const QUOTING_TYPE_SINGLE = 1;
  const QUOTING_TYPE_DOUBLE = 2;
  function State(options) {
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.indent = Math.max(1, options["indent"] || 2);
    this.noArrayIndent = options["noArrayIndent"] || false;
    this.skipInvalid = options["skipInvalid"] || false;
    this.flowLevel = common2.isNothing(options["flowLevel"]) ? -1 : options["flowLevel"];
    this.styleMap = compileStyleMap(this.schema, options["styles"] || null);
    this.sortKeys = options["sortKeys"] || false;
    this.lineWidth = options["lineWidth"] || 80;
    this.noRefs = options["noRefs"] || false;
    this.noCompatMode = options["noCompatMode"] || false;
    this.condenseFlow = options["condenseFlow"] || false;
    this.quotingType = options["quotingType"] === '"' ? QUOTING_TYPE_DOUBLE : QUOTING_TYPE_SINGLE;
    this.forceQuotes = options["forceQuotes"] || false;
    this.replacer = typeof options["replacer"] === "function" ? options["replacer"] : null;
    this.implicitTypes = this.schema.compiledImplicit;
    this.explicitTypes = this.schema.compiledExplicit;
    this.tag = null;
    this.result = "";
    this.duplicates = [];
    this.usedDuplicates = null;
  }
  function indentString(string, spaces) {
    const ind = common2.repeat(" ", spaces);
    let position = 0;
    let result = "";
    const length = string.length;
    while (position < length) {
      let line;
      const next = string.indexOf("\n", position);
      if (next === -1) {
        line = string.slice(position);
        position = length;
      } else {
        line = string.slice(position, next + 1);
        position = next + 1;
      }
      if (line.length && line !== "\n") result += ind;
      result += line;
    }
    return result;
  }
  function generateNextLine(state, level) {
    return "\n" + common2.repeat(" ", state.indent * level);
  }
  function testImplicitResolving(state, str2) {
    for (let index = 0, length = state.implicitTypes.length; index < length; index += 1) {
      const type2 = state.implicitTypes[index];
      if (type2.resolve(str2)) {
        return true;
      }
    }
    return false;
  }
  function isWhitespace(c) {
    return c === CHAR_SPACE || c === CHAR_TAB;
  }
  function isPrintable(c) {
    return c >= 32 && c <= 126 || c >= 161 && c <= 55295 && c !== 8232 && c !== 8233 || c >= 57344 && c <= 65533 && c !== CHAR_BOM || c >= 65536 && c <= 1114111;
  }
  function isNsCharOrWhitespace(c) {
    return isPrintable(c) && c !== CHAR_BOM && // - b-char
    c !== CHAR_CARRIAGE_RETURN && c !== CHAR_LINE_FEED;
  }
  function isPlainSafe(c, prev, inblock) {
    const cIsNsCharOrWhitespace = isNsCharOrWhitespace(c);
    const cIsNsChar = cIsNsCharOrWhitespace && !isWhitespace(c);
    return (
      // ns-plain-safe
      (inblock ? cIsNsCharOrWhitespace : cIsNsCharOrWhitespace && // - c-flow-indicator
      c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET) && // ns-plain-char
      c !== CHAR_SHARP && // false on '#'
      !(prev === CHAR_COLON && !cIsNsChar) || // false on ': '
      isNsCharOrWhitespace(prev) && !isWhitespace(prev) && c === CHAR_SHARP || // change to true on '[^ ]#'
      prev === CHAR_COLON && cIsNsChar
    );
  }
  function isPlainSafeFirst(c) {
    return isPrintable(c) && c !== CHAR_BOM && !isWhitespace(c) && // - s-white
    // - (c-indicator ::=
    // “-” | “?” | “:” | “,” | “[” | “]” | “{” | “}”
    c !== CHAR_MINUS && c !== CHAR_QUESTION && c !== CHAR_COLON && c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET && // | “#” | “&” | “*” | “!” | “|” | “=” | “>” | “'” | “"”
    c !== CHAR_SHARP && c !== CHAR_AMPERSAND && c !== CHAR_ASTERISK && c !== CHAR_EXCLAMATION && c !== CHAR_VERTICAL_LINE && c !== CHAR_EQUALS && c !== CHAR_GREATER_THAN && c !== CHAR_SINGLE_QUOTE && c !== CHAR_DOUBLE_QUOTE && // | “%” | “@” | “`”)
    c !== CHAR_PERCENT && c !== CHAR_COMMERCIAL_AT && c !== CHAR_GRAVE_ACCENT;
  }
  function isPlainSafeLast(c) {
    return !isWhitespace(c) && c !== CHAR_COLON;
  }
  function codePointAt(string, pos) {
    const first = string.charCodeAt(pos);
    let second;
    if (first >= 55296 && first <= 56319 && pos + 1 < string.length) {
      second = string.charCodeAt(pos + 1);
      if (second >= 56320 && second <= 57343) {
        return (first - 55296) * 1024 + second - 56320 + 65536;
      }
    }
    return first;
  }
  function needIndentIndicator(string) {
    const leadingSpaceRe = /^\n* /;
    return leadingSpaceRe.test(string);
  }
  const STYLE_PLAIN = 1;
  const STYLE_SINGLE = 2;
  const STYLE_LITERAL = 3;
  const STYLE_FOLDED = 4;
  const STYLE_DOUBLE = 5;
  function chooseScalarStyle(string, singleLineOnly, indentPerLevel, lineWidth, testAmbiguousType, quotingType, forceQuotes, inblock) {
    let i;
    let char = 0;
    let prevChar = null;
    let hasLineBreak = false;
    let hasFoldableLine = false;
    const shouldTrackWidth = lineWidth !== -1;
    let previousLineBreak = -1;
    let plain = isPlainSafeFirst(codePointAt(string, 0)) && isPlainSafeLast(codePointAt(string, string.length - 1));
    if (singleLineOnly || forceQuotes) {
      for (i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string, i);
        if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
    } else {
      for (i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string, i);
        if (char === CHAR_LINE_FEED) {
          hasLineBreak = true;
          if (shouldTrackWidth) {
            hasFoldableLine = hasFoldableLine || // Foldable line = too long, and not more-indented.
            i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ";
            previousLineBreak = i;
          }
        } else if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
      hasFoldableLine = hasFoldableLine || shouldTrackWidth && (i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ");
    }
    if (!hasLineBreak && !hasFoldableLine) {
      if (plain && !forceQuotes && !testAmbiguousType(string)) {
        return STYLE_PLAIN;
      }
      return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
    }
    if (indentPerLevel > 9 && needIndentIndicator(string)) {
      return STYLE_DOUBLE;
    }
    if (!forceQuotes) {
      return hasFoldableLine ? STYLE_FOLDED : STYLE_LITERAL;
    }
    return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
  }
  function writeScalar(state, string, level, iskey, inblock) {
    state.dump = (function() {
      if (string.length === 0) {
        return state.quotingType === QUOTING_TYPE_DOUBLE ? '""' : "''";
      }
      if (!state.noCompatMode) {
        if (DEPRECATED_BOOLEANS_SYNTAX.indexOf(string) !== -1 || DEPRECATED_BASE60_SYNTAX.test(string)) {
          return state.quotingType === QUOTING_TYPE_DOUBLE ? '"' + string + '"' : "'" + string + "'";
        }
      }
      const indent = state.indent * Math.max(1, level);
      const lineWidth = state.lineWidth === -1 ? -1 : Math.max(Math.min(state.lineWidth, 40), state.lineWidth - indent);
      const singleLineOnly = iskey || // No block styles in flow mode.
      state.flowLevel > -1 && level >= state.flowLevel;
      function testAmbiguity(string2) {
        return testImplicitResolving(state, string2);
      }
      switch (chooseScalarStyle(
        string,
        singleLineOnly,
        state.indent,
        lineWidth,
        testAmbiguity,
        state.quotingType,
        state.forceQuotes && !iskey,
        inblock
      )) {
        case STYLE_PLAIN:
          return string;
        case STYLE_SINGLE:
          return "'" + string.replace(/'/g, "''") + "'";
        case STYLE_LITERAL:
          return "|" + blockHeader(string, state.indent) + dropEndingNewline(indentString(string, indent));
        case STYLE_FOLDED:
          return ">" + blockHeader(string, state.indent) + dropEndingNewline(indentString(foldString(string, lineWidth), indent));
        case STYLE_DOUBLE:
          return '"' + escapeString(string) + '"';
        default:
          throw new YAMLException2("impossible error: invalid scalar style");
      }
    })();
  }
  function blockHeader(string, indentPerLevel) {
    const indentIndicator = needIndentIndicator(string) ? String(indentPerLevel) : "";
    const clip = string[string.length - 1] === "\n";
    const keep = clip && (string[string.length - 2] === "\n" || string === "\n");
    const chomp = keep ? "+" : clip ? "" : "-";
    return indentIndicator + chomp + "\n";
  }
  function dropEndingNewline(string) {
    return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
  }
  function foldString(string, width) {
    const lineRe = /(\n+)([^\n]*)/g;
    let result = (function() {
      let nextLF = string.indexOf("\n");
      nextLF = nextLF !== -1 ? nextLF : string.length;
      lineRe.lastIndex = nextLF;
      return foldLine(string.slice(0, nextLF), width);
    })();
    let prevMoreIndented = string[0] === "\n" || string[0] === " ";
    let moreIndented;
    let match;
    while (match = lineRe.exec(string)) {
      const prefix = match[1];
      const line = match[2];
      moreIndented = line[0] === " ";
      result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
      prevMoreIndented = moreIndented;
    }
    return result;
  }
  function foldLine(line, width) {
    if (line === "" || line[0] === " ") return line;
    const breakRe = / [^ ]/g;
    let match;
    let start = 0;
    let end;
    let curr = 0;
    let next = 0;
    let result = "";
    while (match = breakRe.exec(line)) {
      next = match.index;
      if (next - start > width) {
        end = curr > start ? curr : next;
        result += "\n" + line.slice(start, end);
        start = end + 1;
      }
      curr = next;
    }
    result += "\n";
    if (line.length - start > width && curr > start) {
      result += line.slice(start, curr) + "\n" + line.slice(curr + 1);
    } else {
      result += line.slice(start);
    }
    return result.slice(1);
  }
  function escapeString(string) {
    let result = "";
    let char = 0;
    for (let i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
      char = codePointAt(string, i);
      const escapeSeq = ESCAPE_SEQUENCES[char];
      if (!escapeSeq && isPrintable(char)) {
        result += string[i];
        if (char >= 65536) result += string[i + 1];
      } else {
        result += escapeSeq || encodeHex(char);
      }
    }
    return result;
  }
  function writeFlowSequence(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level, value, false, false) || typeof value === "undefined" && writeNode(state, level, null, false, false)) {
        if (_result !== "") _result += "," + (!state.condenseFlow ? " " : "");
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = "[" + _result + "]";
  }
  function writeBlockSequence(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level + 1, value, true, true, false, true) || typeof value === "undefined" && writeNode(state, level + 1, null, true, true, false, true)) {
        if (!compact || _result !== "") {
          _result += generateNextLine(state, level);
        }
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          _result += "-";
        } else {
          _result += "- ";
        }
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = _result || "[]";
  }
  function writeFlowMapping(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (_result !== "") pairBuffer += ", ";
      if (state.condenseFlow) pairBuffer += '"';
      const objectKey = objectKeyList[index];
      let objectValue = object[objectKey];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey, objectValue);
      }
      if (!writeNode(state, level, objectKey, false, false)) {
        continue;
      }
      if (state.dump.length > 1024) pairBuffer += "? ";
      pairBuffer += state.dump + (state.condenseFlow ? '"' : "") + ":" + (state.condenseFlow ? "" : " ");
      if (!writeNode(state, level, objectValue, false, false)) {
        continue;
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = "{" + _result + "}";
  }
  function writeBlockMapping(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    if (state.sortKeys === true) {
      objectKeyList.sort();
    } else if (typeof state.sortKeys === "function") {
      objectKeyList.sort(state.sortKeys);
    } else if (state.sortKeys) {
      throw new YAMLException2("sortKeys must be a boolean or a function");
    }
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (!compact || _result !== "") {
        pairBuffer += generateNextLine(state, level);
      }
      const objectKey = objectKeyList[index];
      let objectValue = object[objectKey];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey, objectValue);
      }
      if (!writeNode(state, level + 1, objectKey, true, true, true)) {
        continue;
      }
      const explicitPair = state.tag !== null && state.tag !== "?" || state.dump && state.dump.length > 1024;
      if (explicitPair) {
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          pairBuffer += "?";
        } else {
          pairBuffer += "? ";
        }
      }
      pairBuffer += state.dump;
      if (explicitPair) {
        pairBuffer += generateNextLine(state, level);
      }
      if (!writeNode(state, level + 1, objectValue, true, explicitPair)) {
        continue;
      }
      if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
        pairBuffer += ":";
      } else {
        pairBuffer += ": ";
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = _result || "{}";
  }
  function detectType(state, object, explicit) {
    const typeList = explicit ? state.explicitTypes : state.implicitTypes;
    for (let index = 0, length = typeList.length; index < length; index += 1) {
      const type2 = typeList[index];
      if ((type2.instanceOf || type2.predicate) && (!type2.instanceOf || typeof object === "object" && object instanceof type2.instanceOf) && (!type2.predicate || type2.predicate(object))) {
        if (explicit) {
          if (type2.multi && type2.representName) {
            state.tag = type2.representName(object);
          } else {
            state.tag = type2.tag;
          }
        } else {
          state.tag = "?";
        }
        if (type2.represent) {
          const style = state.styleMap[type2.tag] || type2.defaultStyle;
          let _result;
          if (_toString.call(type2.represent) === "[object Function]") {
            _result = type2.represent(object, style);
          } else if (_hasOwnProperty.call(type2.represent, style)) {
            _result = type2.represent[style](object, style);
          } else {
            throw new YAMLException2("!<" + type2.tag + '> tag resolver accepts not "' + style + '" style');
          }
          state.dump = _result;
        }
        return true;
      }
    }
    return false;
  }
  function writeNode(state, level, object, block, compact, iskey, isblockseq) {
    state.tag = null;
    state.dump = object;
    if (!detectType(state, object, false)) {
      detectType(state, object, true);
    }
    const type2 = _toString.call(state.dump);
    const inblock = block;
    if (block) {
      block = state.flowLevel < 0 || state.flowLevel > level;
    }
    const objectOrArray = type2 === "[object Object]" || type2 === "[object Array]";
    let duplicateIndex;
    let duplicate;
    if (objectOrArray) {
      duplicateIndex = state.duplicates.indexOf(object);
      duplicate = duplicateIndex !== -1;
    }
    if (state.tag !== null && state.tag !== "?" || duplicate || state.indent !== 2 && level > 0) {
      compact = false;
    }
    if (duplicate && state.usedDuplicates[duplicateIndex]) {
      state.dump = "*ref_" + duplicateIndex;
    } else {
      if (objectOrArray && duplicate && !state.usedDuplicates[duplicateIndex]) {
        state.usedDuplicates[duplicateIndex] = true;
      }
      if (type2 === "[object Object]") {
        if (block && Object.keys(state.dump).length !== 0) {
          writeBlockMapping(state, level, state.dump, compact);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowMapping(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object Array]") {
        if (block && state.dump.length !== 0) {
          if (state.noArrayIndent && !isblockseq && level > 0) {
            writeBlockSequence(state, level - 1, state.dump, compact);
          } else {
            writeBlockSequence(state, level, state.dump, compact);
          }
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowSequence(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object String]") {
        if (state.tag !== "?") {
          writeScalar(state, state.dump, level, iskey, inblock);
        }
      } else if (type2 === "[object Undefined]") {
        return false;
      } else {
        if (state.skipInvalid) return false;
        throw new YAMLException2("unacceptable kind of an object to dump " + type2);
      }
      if (state.tag !== null && state.tag !== "?") {
        let tagStr = encodeURI(
          state.tag[0] === "!" ? state.tag.slice(1) : state.tag
        ).replace(/!/g, "%21");
        if (state.tag[0] === "!") {
          tagStr = "!" + tagStr;
        } else if (tagStr.slice(0, 18) === "tag:yaml.org,2002:") {
          tagStr = "!!" + tagStr.slice(18);
        } else {
          tagStr = "!<" + tagStr + ">";
        }
        state.dump = tagStr + " " + state.dump;
      }
    }
    return true;
  }
  function getDuplicateReferences(object, state) {
    const objects = [];
    const duplicatesIndexes = [];
    inspectNode(object, objects, duplicatesIndexes);
    const length = duplicatesIndexes.length;
    for (let index = 0; index < length; index += 1) {
      state.duplicates.push(objects[duplicatesIndexes[index]]);
    }
    state.usedDuplicates = new Array(length);
  }
  function inspectNode(object, objects, duplicatesIndexes) {
    if (object !== null && typeof object === "object") {
      const index = objects.indexOf(object);
      if (index !== -1) {
        if (duplicatesIndexes.indexOf(index) === -1) {
          duplicatesIndexes.push(index);
        }
      } else {
        objects.push(object);
        if (Array.isArray(object)) {
          for (let i = 0, length = object.length; i < length; i += 1) {
            inspectNode(object[i], objects, duplicatesIndexes);
          }
        } else {
          const objectKeyList = Object.keys(object);
          for (let i = 0, length = objectKeyList.length; i < length; i += 1) {
            inspectNode(object[objectKeyList[i]], objects, duplicatesIndexes);
          }
        }
      }
    }
  }
  function dump2(input, options) {
    options = options || {};
    const state = new State(options);
    if (!state.noRefs) getDuplicateReferences(input, state);
    let value = input;
    if (state.replacer) {
      value = state.replacer.call({ "": value }, "", value);
    }
    if (writeNode(state, 0, value, true, true)) return state.dump + "\n";
    return "";
  }
  dumper.dump = dump2;
  return dumper;
}
var hasRequiredJsYaml;
function requireJsYaml() {
  if (hasRequiredJsYaml) return jsYaml;
  hasRequiredJsYaml = 1;
  const loader2 = requireLoader();
  const dumper2 = requireDumper();
  function renamed(from, to) {
    return function() {
      throw new Error("Function yaml." + from + " is removed in js-yaml 4. Use yaml." + to + " instead, which is now safe by default.");
    };
  }
  jsYaml.Type = requireType();
  jsYaml.Schema = requireSchema();
  jsYaml.FAILSAFE_SCHEMA = requireFailsafe();
  jsYaml.JSON_SCHEMA = requireJson();
  jsYaml.CORE_SCHEMA = requireCore();
  jsYaml.DEFAULT_SCHEMA = require_default();
  jsYaml.load = loader2.load;
  jsYaml.loadAll = loader2.loadAll;
  jsYaml.dump = dumper2.dump;
  jsYaml.YAMLException = requireException();
  jsYaml.types = {
    binary: requireBinary(),
    float: requireFloat(),
    map: requireMap(),
    null: require_null(),
    pairs: requirePairs(),
    set: requireSet(),
    timestamp: requireTimestamp(),
    bool: requireBool(),
    int: requireInt(),
    merge: requireMerge(),
    omap: requireOmap(),
    seq: requireSeq(),
    str: requireStr()
  };
  jsYaml.safeLoad = renamed("safeLoad", "load");
  jsYaml.safeLoadAll = renamed("safeLoadAll", "loadAll");
  jsYaml.safeDump = renamed("safeDump", "dump");
  return jsYaml;
}
var jsYamlExports = requireJsYaml();
const yaml = /* @__PURE__ */ getDefaultExportFromCjs(jsYamlExports);
const {
  Type,
  Schema,
  FAILSAFE_SCHEMA,
  JSON_SCHEMA,
  CORE_SCHEMA,
  DEFAULT_SCHEMA,
  load,
  loadAll,
  dump,
  YAMLException,
  types,
  safeLoad,
  safeLoadAll,
  safeDump
} = yaml;

//# sourceMappingURL=js-yaml.mjs.map

;// CONCATENATED MODULE: ../../packages/action-runtime/lib/kubeconfig.js




// Deep imports on purpose: the package index (and its KubeConfig) pulls in every generated API client,
// 16 MB in each bundle. These modules are client-node's own kubeconfig parser and its exec and token-file
// authenticators, so kubeconfigs behave as with kubectl (exec plugins for EKS/GKE/AKS included).





const SERVICE_ACCOUNT = "/var/run/secrets/kubernetes.io/serviceaccount";
/** A parsed kubeconfig: clusters, users and contexts, the current context, and its credentials. */
class KubeConfig {
    clusters = [];
    users = [];
    contexts = [];
    currentContext;
    authenticators = [new ExecAuth(), new FileAuth()];
    loadFromFile(file) {
        const parsed = yaml.load((0,external_node_fs_namespaceObject.readFileSync)(file, "utf8"));
        if (!parsed || typeof parsed !== "object")
            throw new Error("the file is empty or not a YAML mapping");
        this.clusters = newClusters(parsed.clusters);
        this.users = newUsers(parsed.users);
        this.contexts = newContexts(parsed.contexts);
        this.currentContext = parsed["current-context"];
        const root = (0,external_node_path_namespaceObject.dirname)(file);
        const absolute = (path) => path === undefined || (0,external_node_path_namespaceObject.isAbsolute)(path) ? path : `${root}/${path}`;
        for (const cluster of this.clusters)
            cluster.caFile = absolute(cluster.caFile);
        for (const user of this.users) {
            user.certFile = absolute(user.certFile);
            user.keyFile = absolute(user.keyFile);
        }
    }
    loadFromCluster(env = process.env) {
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
    getContexts() {
        return this.contexts;
    }
    getUsers() {
        return this.users;
    }
    setCurrentContext(name) {
        this.currentContext = name;
    }
    context() {
        return this.contexts.find((context) => context.name === this.currentContext);
    }
    getCurrentCluster() {
        const context = this.context();
        return this.clusters.find((cluster) => cluster.name === context?.cluster) ?? null;
    }
    getCurrentUser() {
        const context = this.context();
        return this.users.find((user) => user.name === context?.user) ?? null;
    }
    /** TLS material for the current context (read once per client). */
    tlsOptions() {
        const cluster = this.getCurrentCluster();
        const user = this.getCurrentUser();
        const read = (file, data) => file ? (0,external_node_fs_namespaceObject.readFileSync)(file) : data ? Buffer.from(data, "base64") : undefined;
        const options = {};
        const ca = read(cluster?.caFile, cluster?.caData);
        if (ca)
            options.ca = ca;
        const cert = read(user?.certFile, user?.certData);
        if (cert)
            options.cert = cert;
        const key = read(user?.keyFile, user?.keyData);
        if (key)
            options.key = key;
        if (cluster?.skipTLSVerify)
            options.rejectUnauthorized = false;
        if (cluster?.tlsServerName)
            options.servername = cluster.tlsServerName;
        return options;
    }
    /** Request headers carrying the current user's credentials; exec plugins are asked (and cached) here. */
    async authHeaders() {
        const user = this.getCurrentUser();
        const options = { headers: {} };
        if (!user)
            return options.headers;
        const authenticator = this.authenticators.find((candidate) => candidate.isAuthProvider(user));
        if (authenticator)
            await authenticator.applyAuthentication(user, options);
        if (user.token)
            options.headers.Authorization = `Bearer ${user.token}`;
        if (user.username) {
            options.headers.Authorization = `Basic ${Buffer.from(`${user.username}:${user.password ?? ""}`).toString("base64")}`;
        }
        if (user.impersonateUser)
            options.headers["Impersonate-User"] = user.impersonateUser;
        return options.headers;
    }
}
/**
 * Registers every credential a kubeconfig can hold so no log line can show it. Credentials are masked
 * field by field: masking every line of the file would also blank out harmless lines such as
 * `apiVersion: v1` wherever they appear in a log. Content that does not parse is masked whole, line by line.
 */
function maskKubeconfigSecrets(content, mask) {
    let parsed;
    try {
        parsed = yaml.load(content);
    }
    catch {
        mask(content); // the loader reports the syntax error
        return;
    }
    const users = parsed?.users ?? [];
    for (const entry of users) {
        const user = entry?.user ?? {};
        for (const key of ["token", "client-key-data", "client-certificate-data", "password"]) {
            const value = user[key];
            if (typeof value === "string") {
                mask(value);
                if (key.endsWith("-data"))
                    mask(Buffer.from(value, "base64").toString("utf8"));
            }
        }
        // Legacy auth providers (oidc, gcp, azure) keep tokens and client secrets in their config map.
        const providerConfig = user["auth-provider"]?.config ?? {};
        for (const value of Object.values(providerConfig))
            if (typeof value === "string")
                mask(value);
        // Exec plugins often get credentials through environment variables.
        const execEnv = user.exec?.env ?? [];
        for (const variable of execEnv)
            if (typeof variable?.value === "string")
                mask(variable.value);
    }
}
/**
 * Builds a KubeConfig from, in order: inline content (written 0600 under RUNNER_TEMP and removed by
 * dispose), an explicit path, KUBECONFIG, ~/.kube/config, or the in-cluster service account.
 */
function loadKubeconfig(options) {
    const env = options.env ?? process.env;
    const kc = new KubeConfig();
    let source;
    let dispose = () => { };
    if (options.content !== undefined) {
        maskKubeconfigSecrets(options.content, options.mask);
        const base = env.RUNNER_TEMP && (0,external_node_fs_namespaceObject.existsSync)(env.RUNNER_TEMP) ? env.RUNNER_TEMP : (0,external_node_os_namespaceObject.tmpdir)();
        const dir = (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)(base, "mesh-secure-"));
        const file = (0,external_node_path_namespaceObject.join)(dir, `kubeconfig-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString("hex")}`);
        (0,external_node_fs_namespaceObject.writeFileSync)(file, options.content, { mode: 0o600 });
        dispose = () => (0,external_node_fs_namespaceObject.rmSync)(dir, { recursive: true, force: true });
        try {
            kc.loadFromFile(file);
        }
        catch (error) {
            dispose();
            throw new InputError("kubeconfig", `could not be parsed (${error.message.split("\n")[0]})`, "pass the full kubeconfig YAML, e.g. from a secret: kubeconfig: ${{ secrets.KUBECONFIG }}");
        }
        source = "the kubeconfig input";
    }
    else if (options.path !== undefined || env.KUBECONFIG) {
        const path = options.path ?? env.KUBECONFIG.split(":")[0];
        if (!(0,external_node_fs_namespaceObject.existsSync)(path)) {
            throw new InputError(options.path !== undefined ? "kubeconfig" : "KUBECONFIG", `names ${path}, which does not exist`, "point it at an existing kubeconfig file");
        }
        try {
            kc.loadFromFile(path);
        }
        catch (error) {
            throw new InputError("kubeconfig", `file ${path} could not be parsed (${error.message.split("\n")[0]})`, "check that it is a kubeconfig YAML file");
        }
        source = path;
    }
    else if (env.KUBERNETES_SERVICE_HOST) {
        kc.loadFromCluster();
        source = "the in-cluster service account";
    }
    else if ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.homedir)(), ".kube", "config"))) {
        kc.loadFromFile((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.homedir)(), ".kube", "config"));
        source = "~/.kube/config";
    }
    else {
        throw new InputError("kubeconfig", "no cluster to talk to: the input is empty, KUBECONFIG is not set, there is no ~/.kube/config and this is not a pod", "pass kubeconfig: ${{ secrets.KUBECONFIG }} or set KUBECONFIG in an earlier step");
    }
    for (const user of kc.getUsers()) {
        for (const value of [user.token, user.keyData, user.password])
            if (value)
                options.mask(value);
        if (user.keyData)
            options.mask(Buffer.from(user.keyData, "base64").toString("utf8"));
    }
    if (options.context !== undefined) {
        const names = kc.getContexts().map((context) => context.name);
        if (!names.includes(options.context)) {
            dispose();
            throw new InputError("context", `'${options.context}' is not a context in ${source}`, `use one of: ${names.join(", ") || "(none defined)"}`);
        }
        kc.setCurrentContext(options.context);
    }
    if (kc.getCurrentCluster() === null) {
        dispose();
        throw new InputError("kubeconfig", `${source} has no current context with a cluster`, "set current-context or pass the context input");
    }
    let disposed = false;
    return {
        kc,
        source,
        dispose: () => {
            if (!disposed)
                dispose();
            disposed = true;
        },
    };
}

;// CONCATENATED MODULE: ../../packages/action-runtime/lib/connect.js



/**
 * Reads the `kubeconfig` and `context` inputs and connects. Masks credentials first; the temporary
 * kubeconfig file is removed by close(), which every caller runs in a finally block.
 */
function connectCluster(inputs, reporter, problems) {
    const collect = problems ?? new InputProblems();
    const loaded = collect.collect(() => loadKubeconfig({
        content: inputs.raw("kubeconfig"),
        path: inputs.string("kubeconfig-path"),
        context: inputs.string("context"),
        mask: (secret) => reporter.mask(secret),
    }));
    if (!problems)
        collect.throwIfAny();
    if (!loaded)
        return undefined;
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

;// CONCATENATED MODULE: ../../packages/action-runtime/lib/inputs.js


/** GitHub's convention: `INPUT_` + the name upper-cased with spaces as underscores; hyphens are kept. */
function actionsInputName(name) {
    return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}
function environmentInputs(env = process.env) {
    return (name) => {
        const value = env[actionsInputName(name)];
        return value === undefined || value.trim() === "" ? undefined : value;
    };
}
function mapInputs(values) {
    return (name) => {
        const value = values[name];
        return value === undefined || value.trim() === "" ? undefined : value;
    };
}
/** Typed readers over an InputSource. Every error names the input and says how to fix it. */
class Inputs {
    source;
    constructor(source) {
        this.source = source;
    }
    has(name) {
        return this.source(name) !== undefined;
    }
    /** The raw value, untrimmed (PEM and YAML content keep their layout). */
    raw(name) {
        return this.source(name);
    }
    string(name, fallback) {
        const value = this.source(name)?.trim();
        return value === undefined ? fallback : value;
    }
    required(name, hint) {
        const value = this.source(name)?.trim();
        if (value === undefined) {
            throw new InputError(name, "is required but was not given", hint);
        }
        return value;
    }
    boolean(name, fallback) {
        const value = this.string(name);
        if (value === undefined)
            return fallback;
        // The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
        if (["true", "True", "TRUE"].includes(value))
            return true;
        if (["false", "False", "FALSE"].includes(value))
            return false;
        throw new InputError(name, `'${value}' is not a boolean`, "use true or false");
    }
    integer(name, fallback, range = {}) {
        const value = this.string(name);
        if (value === undefined)
            return fallback;
        if (!/^-?\d+$/.test(value)) {
            throw new InputError(name, `'${value}' is not a whole number`, "give a whole number such as 30");
        }
        const parsed = Number.parseInt(value, 10);
        if (range.min !== undefined && parsed < range.min) {
            throw new InputError(name, `${parsed} is below the minimum ${range.min}`, `use ${range.min} or more`);
        }
        if (range.max !== undefined && parsed > range.max) {
            throw new InputError(name, `${parsed} is above the maximum ${range.max}`, `use ${range.max} or less`);
        }
        return parsed;
    }
    number(name, fallback, range = {}) {
        const value = this.string(name);
        if (value === undefined)
            return fallback;
        const parsed = Number(value);
        if (!Number.isFinite(parsed)) {
            throw new InputError(name, `'${value}' is not a number`, "give a number such as 2 or 0.5");
        }
        if (range.min !== undefined && parsed < range.min) {
            throw new InputError(name, `${parsed} is below the minimum ${range.min}`, `use ${range.min} or more`);
        }
        if (range.max !== undefined && parsed > range.max) {
            throw new InputError(name, `${parsed} is above the maximum ${range.max}`, `use ${range.max} or less`);
        }
        return parsed;
    }
    /** One of a fixed set of words; matching ignores case, the canonical spelling is returned. */
    choice(name, choices, fallback) {
        const value = this.string(name);
        if (value === undefined)
            return fallback;
        const match = choices.find((choice) => choice.toLowerCase() === value.toLowerCase());
        if (match === undefined) {
            throw new InputError(name, `'${value}' is not one of ${choices.join(", ")}`, `use one of ${choices.join(", ")}`);
        }
        return match;
    }
    /** A list given one per line or comma-separated (both are common in workflow files). */
    list(name) {
        const value = this.source(name);
        if (value === undefined)
            return [];
        const trimmed = value.trim();
        if (trimmed.startsWith("[") || trimmed.startsWith("- ")) {
            let parsed;
            try {
                parsed = yaml.load(trimmed);
            }
            catch (error) {
                throw new InputError(name, `is not a valid YAML list (${error.message.split("\n")[0]})`, "give one item per line, comma-separated items, or a YAML list");
            }
            if (!Array.isArray(parsed) ||
                parsed.some((item) => typeof item !== "string" && typeof item !== "number")) {
                throw new InputError(name, "must be a list of plain strings", "give one item per line, or a YAML list of strings");
            }
            return parsed.map((item) => String(item).trim()).filter((item) => item !== "");
        }
        return splitList(value);
    }
    /** A YAML (or JSON) document. */
    yaml(name) {
        const value = this.source(name);
        if (value === undefined)
            return undefined;
        try {
            return yaml.load(value);
        }
        catch (error) {
            throw new InputError(name, `is not valid YAML (${error.message.split("\n")[0]})`, "check the indentation and quoting of the value");
        }
    }
}
function splitList(value) {
    return value
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter((item) => item !== "" && !item.startsWith("#"));
}

;// CONCATENATED MODULE: ../../node_modules/.pnpm/diff@9.0.0/node_modules/diff/libesm/diff/base.js
class Diff {
    diff(oldStr, newStr, 
    // Type below is not accurate/complete - see above for full possibilities - but it compiles
    options = {}) {
        let callback;
        if (typeof options === 'function') {
            callback = options;
            options = {};
        }
        else if ('callback' in options) {
            callback = options.callback;
        }
        // Allow subclasses to massage the input prior to running
        const oldString = this.castInput(oldStr, options);
        const newString = this.castInput(newStr, options);
        const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
        const newTokens = this.removeEmpty(this.tokenize(newString, options));
        return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
    }
    diffWithOptionsObj(oldTokens, newTokens, options, callback) {
        var _a;
        const done = (value) => {
            value = this.postProcess(value, options);
            if (callback) {
                setTimeout(function () { callback(value); }, 0);
                return undefined;
            }
            else {
                return value;
            }
        };
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let editLength = 1;
        let maxEditLength = newLen + oldLen;
        if (options.maxEditLength != null) {
            maxEditLength = Math.min(maxEditLength, options.maxEditLength);
        }
        const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
        const abortAfterTimestamp = Date.now() + maxExecutionTime;
        const bestPath = [{ oldPos: -1, lastComponent: undefined }];
        // Seed editLength = 0, i.e. the content starts with the same values
        let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
        if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
            // Identity per the equality and tokenizer
            return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
        }
        // Once we hit the right edge of the edit graph on some diagonal k, we can
        // definitely reach the end of the edit graph in no more than k edits, so
        // there's no point in considering any moves to diagonal k+1 any more (from
        // which we're guaranteed to need at least k+1 more edits).
        // Similarly, once we've reached the bottom of the edit graph, there's no
        // point considering moves to lower diagonals.
        // We record this fact by setting minDiagonalToConsider and
        // maxDiagonalToConsider to some finite value once we've hit the edge of
        // the edit graph.
        // This optimization is not faithful to the original algorithm presented in
        // Myers's paper, which instead pointlessly extends D-paths off the end of
        // the edit graph - see page 7 of Myers's paper which notes this point
        // explicitly and illustrates it with a diagram. This has major performance
        // implications for some common scenarios. For instance, to compute a diff
        // where the new text simply appends d characters on the end of the
        // original text of length n, the true Myers algorithm will take O(n+d^2)
        // time while this optimization needs only O(n+d) time.
        let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
        // Main worker method. checks all permutations of a given edit length for acceptance.
        const execEditLength = () => {
            for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
                let basePath;
                const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
                if (removePath) {
                    // No one else is going to attempt to use this value, clear it
                    // @ts-expect-error - perf optimisation. This type-violating value will never be read.
                    bestPath[diagonalPath - 1] = undefined;
                }
                let canAdd = false;
                if (addPath) {
                    // what newPos will be after we do an insertion:
                    const addPathNewPos = addPath.oldPos - diagonalPath;
                    canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
                }
                const canRemove = removePath && removePath.oldPos + 1 < oldLen;
                if (!canAdd && !canRemove) {
                    // If this path is a terminal then prune
                    // @ts-expect-error - perf optimisation. This type-violating value will never be read.
                    bestPath[diagonalPath] = undefined;
                    continue;
                }
                // Select the diagonal that we want to branch from. We select the prior
                // path whose position in the old string is the farthest from the origin
                // and does not pass the bounds of the diff graph
                if (!canRemove || (canAdd && removePath.oldPos < addPath.oldPos)) {
                    basePath = this.addToPath(addPath, true, false, 0, options);
                }
                else {
                    basePath = this.addToPath(removePath, false, true, 1, options);
                }
                newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
                if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
                    // If we have hit the end of both strings, then we are done
                    return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
                }
                else {
                    bestPath[diagonalPath] = basePath;
                    if (basePath.oldPos + 1 >= oldLen) {
                        maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
                    }
                    if (newPos + 1 >= newLen) {
                        minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
                    }
                }
            }
            editLength++;
        };
        // Performs the length of edit iteration. Is a bit fugly as this has to support the
        // sync and async mode which is never fun. Loops over execEditLength until a value
        // is produced, or until the edit length exceeds options.maxEditLength (if given),
        // in which case it will return undefined.
        if (callback) {
            (function exec() {
                setTimeout(function () {
                    if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
                        return callback(undefined);
                    }
                    if (!execEditLength()) {
                        exec();
                    }
                }, 0);
            }());
        }
        else {
            while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
                const ret = execEditLength();
                if (ret) {
                    return ret;
                }
            }
        }
    }
    addToPath(path, added, removed, oldPosInc, options) {
        const last = path.lastComponent;
        if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
            return {
                oldPos: path.oldPos + oldPosInc,
                lastComponent: { count: last.count + 1, added: added, removed: removed, previousComponent: last.previousComponent }
            };
        }
        else {
            return {
                oldPos: path.oldPos + oldPosInc,
                lastComponent: { count: 1, added: added, removed: removed, previousComponent: last }
            };
        }
    }
    extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
        while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
            newPos++;
            oldPos++;
            commonCount++;
            if (options.oneChangePerToken) {
                basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
            }
        }
        if (commonCount && !options.oneChangePerToken) {
            basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
        }
        basePath.oldPos = oldPos;
        return newPos;
    }
    equals(left, right, options) {
        if (options.comparator) {
            return options.comparator(left, right);
        }
        else {
            return left === right
                || (!!options.ignoreCase && left.toLowerCase() === right.toLowerCase());
        }
    }
    removeEmpty(array) {
        const ret = [];
        for (let i = 0; i < array.length; i++) {
            if (array[i]) {
                ret.push(array[i]);
            }
        }
        return ret;
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    castInput(value, options) {
        return value;
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    tokenize(value, options) {
        return Array.from(value);
    }
    join(chars) {
        // Assumes ValueT is string, which is the case for most subclasses.
        // When it's false, e.g. in diffArrays, this method needs to be overridden (e.g. with a no-op)
        // Yes, the casts are verbose and ugly, because this pattern - of having the base class SORT OF
        // assume tokens and values are strings, but not completely - is weird and janky.
        return chars.join('');
    }
    postProcess(changeObjects, 
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    options) {
        return changeObjects;
    }
    get useLongestToken() {
        return false;
    }
    buildValues(lastComponent, newTokens, oldTokens) {
        // First we convert our linked list of components in reverse order to an
        // array in the right order:
        const components = [];
        let nextComponent;
        while (lastComponent) {
            components.push(lastComponent);
            nextComponent = lastComponent.previousComponent;
            delete lastComponent.previousComponent;
            lastComponent = nextComponent;
        }
        components.reverse();
        const componentLen = components.length;
        let componentPos = 0, newPos = 0, oldPos = 0;
        for (; componentPos < componentLen; componentPos++) {
            const component = components[componentPos];
            if (!component.removed) {
                if (!component.added && this.useLongestToken) {
                    let value = newTokens.slice(newPos, newPos + component.count);
                    value = value.map(function (value, i) {
                        const oldValue = oldTokens[oldPos + i];
                        return oldValue.length > value.length ? oldValue : value;
                    });
                    component.value = this.join(value);
                }
                else {
                    component.value = this.join(newTokens.slice(newPos, newPos + component.count));
                }
                newPos += component.count;
                // Common case
                if (!component.added) {
                    oldPos += component.count;
                }
            }
            else {
                component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
                oldPos += component.count;
            }
        }
        return components;
    }
}

;// CONCATENATED MODULE: ../../node_modules/.pnpm/diff@9.0.0/node_modules/diff/libesm/diff/line.js


class LineDiff extends Diff {
    constructor() {
        super(...arguments);
        this.tokenize = tokenize;
    }
    equals(left, right, options) {
        // If we're ignoring whitespace, we need to normalise lines by stripping
        // whitespace before checking equality. (This has an annoying interaction
        // with newlineIsToken that requires special handling: if newlines get their
        // own token, then we DON'T want to trim the *newline* tokens down to empty
        // strings, since this would cause us to treat whitespace-only line content
        // as equal to a separator between lines, which would be weird and
        // inconsistent with the documented behavior of the options.)
        if (options.ignoreWhitespace) {
            if (!options.newlineIsToken || !left.includes('\n')) {
                left = left.trim();
            }
            if (!options.newlineIsToken || !right.includes('\n')) {
                right = right.trim();
            }
        }
        else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
            if (left.endsWith('\n')) {
                left = left.slice(0, -1);
            }
            if (right.endsWith('\n')) {
                right = right.slice(0, -1);
            }
        }
        return super.equals(left, right, options);
    }
}
const lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
    return lineDiff.diff(oldStr, newStr, options);
}
function diffTrimmedLines(oldStr, newStr, options) {
    options = generateOptions(options, { ignoreWhitespace: true });
    return lineDiff.diff(oldStr, newStr, options);
}
// Exported standalone so it can be used from jsonDiff too.
function tokenize(value, options) {
    if (options.stripTrailingCr) {
        // remove one \r before \n to match GNU diff's --strip-trailing-cr behavior
        value = value.replace(/\r\n/g, '\n');
    }
    const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
    // Ignore the final empty token that occurs if the string ends with a new line
    if (!linesAndNewlines[linesAndNewlines.length - 1]) {
        linesAndNewlines.pop();
    }
    // Merge the content and line separators into single tokens
    for (let i = 0; i < linesAndNewlines.length; i++) {
        const line = linesAndNewlines[i];
        if (i % 2 && !options.newlineIsToken) {
            retLines[retLines.length - 1] += line;
        }
        else {
            retLines.push(line);
        }
    }
    return retLines;
}

;// CONCATENATED MODULE: ../../node_modules/.pnpm/diff@9.0.0/node_modules/diff/libesm/patch/create.js

/**
 * Returns true if the filename contains characters that require C-style
 * quoting (as used by Git and GNU diffutils in diff output).
 */
function needsQuoting(s) {
    for (let i = 0; i < s.length; i++) {
        if (s[i] < '\x20' || s[i] > '\x7e' || s[i] === '"' || s[i] === '\\') {
            return true;
        }
    }
    return false;
}
/**
 * C-style quotes a filename, encoding special characters as escape sequences
 * and non-ASCII bytes as octal escapes. This is the inverse of
 * `parseQuotedFileName` in parse.ts.
 *
 * Non-ASCII bytes are encoded as UTF-8 before being emitted as octal escapes.
 * This matches the behaviour of both Git and GNU diffutils, which always emit
 * UTF-8 octal escapes regardless of the underlying filesystem encoding (e.g.
 * Git for Windows converts from NTFS's UTF-16 to UTF-8 internally).
 *
 * If the filename doesn't need quoting, returns it as-is.
 */
function quoteFileNameIfNeeded(s) {
    if (!needsQuoting(s)) {
        return s;
    }
    let result = '"';
    const bytes = new TextEncoder().encode(s);
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        // See https://en.wikipedia.org/wiki/Escape_sequences_in_C#Escape_sequences
        if (b === 0x07) {
            result += '\\a';
        }
        else if (b === 0x08) {
            result += '\\b';
        }
        else if (b === 0x09) {
            result += '\\t';
        }
        else if (b === 0x0a) {
            result += '\\n';
        }
        else if (b === 0x0b) {
            result += '\\v';
        }
        else if (b === 0x0c) {
            result += '\\f';
        }
        else if (b === 0x0d) {
            result += '\\r';
        }
        else if (b === 0x22) {
            result += '\\"';
        }
        else if (b === 0x5c) {
            result += '\\\\';
        }
        else if (b >= 0x20 && b <= 0x7e) {
            // Just a printable ASCII character that is neither a double quote nor a
            // backslash; no need to escape it.
            result += String.fromCharCode(b);
        }
        else {
            // Either part of a non-ASCII character or a control character without a
            // special escape sequence; needs escaping as a 3-digit octal escape
            result += '\\' + b.toString(8).padStart(3, '0');
        }
        i++;
    }
    result += '"';
    return result;
}
const INCLUDE_HEADERS = {
    includeIndex: true,
    includeUnderline: true,
    includeFileHeaders: true
};
const FILE_HEADERS_ONLY = {
    includeIndex: false,
    includeUnderline: false,
    includeFileHeaders: true
};
const OMIT_HEADERS = {
    includeIndex: false,
    includeUnderline: false,
    includeFileHeaders: false
};
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
    let optionsObj;
    if (!options) {
        optionsObj = {};
    }
    else if (typeof options === 'function') {
        optionsObj = { callback: options };
    }
    else {
        optionsObj = options;
    }
    if (typeof optionsObj.context === 'undefined') {
        optionsObj.context = 4;
    }
    // We copy this into its own variable to placate TypeScript, which thinks
    // optionsObj.context might be undefined in the callbacks below.
    const context = optionsObj.context;
    // @ts-expect-error (runtime check for something that is correctly a static type error)
    if (optionsObj.newlineIsToken) {
        throw new Error('newlineIsToken may not be used with patch-generation functions, only with diffing functions');
    }
    if (!optionsObj.callback) {
        return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
    }
    else {
        const { callback } = optionsObj;
        diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
                const patch = diffLinesResultToPatch(diff);
                // TypeScript is unhappy without the cast because it does not understand that `patch` may
                // be undefined here only if `callback` is StructuredPatchCallbackAbortable:
                callback(patch);
            } }));
    }
    function diffLinesResultToPatch(diff) {
        // STEP 1: Build up the patch with no "\ No newline at end of file" lines and with the arrays
        //         of lines containing trailing newline characters. We'll tidy up later...
        if (!diff) {
            return;
        }
        diff.push({ value: '', lines: [] }); // Append an empty value to make cleanup easier
        function contextLines(lines) {
            return lines.map(function (entry) { return ' ' + entry; });
        }
        const hunks = [];
        let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
        for (let i = 0; i < diff.length; i++) {
            const current = diff[i], lines = current.lines || splitLines(current.value);
            current.lines = lines;
            if (current.added || current.removed) {
                // If we have previous context, start with that
                if (!oldRangeStart) {
                    const prev = diff[i - 1];
                    oldRangeStart = oldLine;
                    newRangeStart = newLine;
                    if (prev) {
                        curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
                        oldRangeStart -= curRange.length;
                        newRangeStart -= curRange.length;
                    }
                }
                // Output our changes
                for (const line of lines) {
                    curRange.push((current.added ? '+' : '-') + line);
                }
                // Track the updated file position
                if (current.added) {
                    newLine += lines.length;
                }
                else {
                    oldLine += lines.length;
                }
            }
            else {
                // Identical context lines. Track line changes
                if (oldRangeStart) {
                    // Close out any changes that have been output (or join overlapping)
                    if (lines.length <= context * 2 && i < diff.length - 2) {
                        // Overlapping
                        for (const line of contextLines(lines)) {
                            curRange.push(line);
                        }
                    }
                    else {
                        // end the range and output
                        const contextSize = Math.min(lines.length, context);
                        for (const line of contextLines(lines.slice(0, contextSize))) {
                            curRange.push(line);
                        }
                        const hunk = {
                            oldStart: oldRangeStart,
                            oldLines: (oldLine - oldRangeStart + contextSize),
                            newStart: newRangeStart,
                            newLines: (newLine - newRangeStart + contextSize),
                            lines: curRange
                        };
                        hunks.push(hunk);
                        oldRangeStart = 0;
                        newRangeStart = 0;
                        curRange = [];
                    }
                }
                oldLine += lines.length;
                newLine += lines.length;
            }
        }
        // Step 2: eliminate the trailing `\n` from each line of each hunk, and, where needed, add
        //         "\ No newline at end of file".
        for (const hunk of hunks) {
            for (let i = 0; i < hunk.lines.length; i++) {
                if (hunk.lines[i].endsWith('\n')) {
                    hunk.lines[i] = hunk.lines[i].slice(0, -1);
                }
                else {
                    hunk.lines.splice(i + 1, 0, '\\ No newline at end of file');
                    i++; // Skip the line we just added, then continue iterating
                }
            }
        }
        return {
            oldFileName: oldFileName, newFileName: newFileName,
            oldHeader: oldHeader, newHeader: newHeader,
            hunks: hunks
        };
    }
}
/**
 * creates a unified diff patch.
 *
 * @param patch either a single structured patch object (as returned by `structuredPatch`) or an
 *   array of them (as returned by `parsePatch`).
 * @param headerOptions behaves the same as the `headerOptions` option of `createTwoFilesPatch`.
 *   Ignored for patches where `isGit` is `true`.
 *
 * When a patch has `isGit: true`, `formatPatch` output is changed to more closely match Git's
 * output: it emits a `diff --git` header, emits Git extended headers as appropriate based on
 * properties like `isRename`, `isCreate`, `newMode`, etc, and will omit `---`/`+++` file
 * headers for patches with no hunks (e.g. renames without content changes).
 */
function formatPatch(patch, headerOptions) {
    var _a, _b, _c, _d, _e, _f;
    if (!headerOptions) {
        headerOptions = INCLUDE_HEADERS;
    }
    if (Array.isArray(patch)) {
        if (patch.length > 1 && !headerOptions.includeFileHeaders && !patch.every(p => p.isGit)) {
            throw new Error('Cannot omit file headers on a multi-file patch. '
                + '(The result would be unparseable; how would a tool trying to apply '
                + 'the patch know which changes are to which file?)');
        }
        return patch.map(p => formatPatch(p, headerOptions)).join('\n');
    }
    const ret = [];
    // Git patches have a fixed header format (diff --git, extended headers,
    // and ---/+++ when hunks are present), so headerOptions is ignored.
    if (patch.isGit) {
        headerOptions = INCLUDE_HEADERS;
        // Emit Git-style diff --git header and extended headers.
        // Git never puts /dev/null in the "diff --git" line; for file
        // creations/deletions it uses the real filename on both sides.
        if (!patch.oldFileName) {
            throw new Error('oldFileName must be specified for Git patches');
        }
        if (!patch.newFileName) {
            throw new Error('newFileName must be specified for Git patches');
        }
        let gitOldName = patch.oldFileName;
        let gitNewName = patch.newFileName;
        if (patch.isCreate && gitOldName === '/dev/null') {
            gitOldName = gitNewName.replace(/^b\//, 'a/');
        }
        else if (patch.isDelete && gitNewName === '/dev/null') {
            gitNewName = gitOldName.replace(/^a\//, 'b/');
        }
        ret.push('diff --git ' + quoteFileNameIfNeeded(gitOldName) + ' ' + quoteFileNameIfNeeded(gitNewName));
        if (patch.isDelete) {
            ret.push('deleted file mode ' + ((_a = patch.oldMode) !== null && _a !== void 0 ? _a : '100644'));
        }
        if (patch.isCreate) {
            ret.push('new file mode ' + ((_b = patch.newMode) !== null && _b !== void 0 ? _b : '100644'));
        }
        if (patch.oldMode && patch.newMode && !patch.isDelete && !patch.isCreate) {
            ret.push('old mode ' + patch.oldMode);
            ret.push('new mode ' + patch.newMode);
        }
        if (patch.isRename) {
            ret.push('rename from ' + quoteFileNameIfNeeded(((_c = patch.oldFileName) !== null && _c !== void 0 ? _c : '').replace(/^a\//, '')));
            ret.push('rename to ' + quoteFileNameIfNeeded(((_d = patch.newFileName) !== null && _d !== void 0 ? _d : '').replace(/^b\//, '')));
        }
        if (patch.isCopy) {
            ret.push('copy from ' + quoteFileNameIfNeeded(((_e = patch.oldFileName) !== null && _e !== void 0 ? _e : '').replace(/^a\//, '')));
            ret.push('copy to ' + quoteFileNameIfNeeded(((_f = patch.newFileName) !== null && _f !== void 0 ? _f : '').replace(/^b\//, '')));
        }
    }
    else {
        if (headerOptions.includeIndex && patch.oldFileName == patch.newFileName && patch.oldFileName !== undefined) {
            ret.push('Index: ' + patch.oldFileName);
        }
        if (headerOptions.includeUnderline) {
            ret.push('===================================================================');
        }
    }
    // Emit --- / +++ file headers. For Git patches with no hunks (e.g.
    // pure renames, mode-only changes), Git omits these, so we do too.
    const hasHunks = patch.hunks.length > 0;
    if (headerOptions.includeFileHeaders && patch.oldFileName !== undefined && patch.newFileName !== undefined
        && (!patch.isGit || hasHunks)) {
        ret.push('--- ' + quoteFileNameIfNeeded(patch.oldFileName) + (patch.oldHeader ? '\t' + patch.oldHeader : ''));
        ret.push('+++ ' + quoteFileNameIfNeeded(patch.newFileName) + (patch.newHeader ? '\t' + patch.newHeader : ''));
    }
    for (let i = 0; i < patch.hunks.length; i++) {
        const hunk = patch.hunks[i];
        // Unified Diff Format quirk: If the chunk size is 0,
        // the first number is one lower than one would expect.
        // https://www.artima.com/weblogs/viewpost.jsp?thread=164293
        const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
        const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
        ret.push('@@ -' + oldStart + ',' + hunk.oldLines
            + ' +' + newStart + ',' + hunk.newLines
            + ' @@');
        for (const line of hunk.lines) {
            ret.push(line);
        }
    }
    return ret.join('\n') + '\n';
}
function createTwoFilesPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
    if (typeof options === 'function') {
        options = { callback: options };
    }
    if (!(options === null || options === void 0 ? void 0 : options.callback)) {
        const patchObj = structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options);
        if (!patchObj) {
            return;
        }
        return formatPatch(patchObj, options === null || options === void 0 ? void 0 : options.headerOptions);
    }
    else {
        const { callback } = options;
        structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, Object.assign(Object.assign({}, options), { callback: patchObj => {
                if (!patchObj) {
                    callback(undefined);
                }
                else {
                    callback(formatPatch(patchObj, options.headerOptions));
                }
            } }));
    }
}
function createPatch(fileName, oldStr, newStr, oldHeader, newHeader, options) {
    return createTwoFilesPatch(fileName, fileName, oldStr, newStr, oldHeader, newHeader, options);
}
/**
 * Split `text` into an array of lines, including the trailing newline character (where present)
 */
function splitLines(text) {
    const hasTrailingNl = text.endsWith('\n');
    const result = text.split('\n').map(line => line + '\n');
    if (hasTrailingNl) {
        result.pop();
    }
    else {
        result.push(result.pop().slice(0, -1));
    }
    return result;
}

;// CONCATENATED MODULE: ../../packages/action-runtime/lib/plan.js



const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
const MANAGED_BY_VALUE = "mesh-secure";
const volatileMetadata = [
    "managedFields",
    "resourceVersion",
    "generation",
    "creationTimestamp",
    "uid",
    "selfLink",
];
/** The part of an object its owner decides: what a re-run compares and a diff shows. */
function comparable(object) {
    if (!object)
        return undefined;
    const { status: _status, metadata, ...rest } = object;
    const meta = {};
    for (const [key, value] of Object.entries(metadata)) {
        if (!volatileMetadata.includes(key))
            meta[key] = value;
    }
    const annotations = meta.annotations;
    if (annotations) {
        const { "kubectl.kubernetes.io/last-applied-configuration": _last, ...kept } = annotations;
        if (Object.keys(kept).length === 0)
            delete meta.annotations;
        else
            meta.annotations = kept;
    }
    return { ...rest, metadata: meta };
}
function canonical(value) {
    if (Array.isArray(value))
        return value.map(canonical);
    if (value && typeof value === "object") {
        return Object.fromEntries(Object.keys(value)
            .sort()
            .map((key) => [key, canonical(value[key])]));
    }
    return value;
}
function sameContent(a, b) {
    return JSON.stringify(canonical(comparable(a))) === JSON.stringify(canonical(comparable(b)));
}
/** Renders an object as YAML with secret data replaced, for diffs and summaries. */
function toDisplayYaml(object, redactData) {
    if (!object)
        return "";
    const shown = canonical(comparable(object));
    if (redactData) {
        for (const field of ["data", "stringData"]) {
            const data = shown[field];
            if (data) {
                shown[field] = Object.fromEntries(Object.keys(data).map((key) => [key, `<redacted, ${String(data[key]).length} chars>`]));
            }
        }
    }
    return yaml.dump(shown, { lineWidth: 120, noRefs: true });
}
function diffObjects(before, after) {
    const redact = (before ?? after)?.kind === "Secret";
    const left = toDisplayYaml(before, redact);
    const right = toDisplayYaml(after, redact);
    if (left === right)
        return "";
    const name = describeRef(refOf((after ?? before)));
    return createTwoFilesPatch(`${name} (live)`, `${name} (desired)`, left, right, "", "", { context: 3 })
        .split("\n")
        .slice(1) // drop the "=====" separator line
        .join("\n");
}
function makePlan(changes) {
    return {
        changes,
        get changed() {
            return changes.some((change) => change.action !== "unchanged" && change.action !== "absent");
        },
    };
}
/**
 * Works out what applying `apply` and removing `remove` would change, without writing: every object goes
 * through a server-side dry-run apply, so the API server validates it (schemas, CEL rules, admission)
 * before the first real write, and the comparison is against what the server would actually store.
 */
async function planChanges(api, desired, fieldManager) {
    const changes = await Promise.all(desired.apply.map(async (object) => {
        const ref = refOf(object);
        const [before, after] = await Promise.all([
            api.get(ref),
            api.apply(object, { fieldManager, dryRun: true }),
        ]);
        const action = before === undefined ? "create" : sameContent(before, after) ? "unchanged" : "update";
        return {
            ref,
            action,
            before,
            after,
            desired: object,
            diff: action === "unchanged" ? "" : diffObjects(before, after),
        };
    }));
    const removals = await Promise.all((desired.remove ?? []).map(async (ref) => {
        const before = await api.get(ref);
        if (before === undefined)
            return { ref, action: "absent", diff: "" };
        await api.delete(ref, { dryRun: true });
        return { ref, action: "delete", before, diff: diffObjects(before, undefined) };
    }));
    return makePlan([...changes, ...removals]);
}
function restorable(object, keepVersion) {
    const { status: _status, ...rest } = object;
    const metadata = { ...object.metadata };
    delete metadata.resourceVersion;
    if (!keepVersion) {
        delete metadata.uid;
        delete metadata.creationTimestamp;
        delete metadata.generation;
        delete metadata.managedFields;
    }
    return { ...rest, metadata };
}
class PartialApplyError extends Error {
    cause;
    rolledBack;
    rollbackFailures;
    constructor(cause, failed, rolledBack, rollbackFailures) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        super(`Writing ${describeRef(failed.ref)} failed: ${reason}\n` +
            (rollbackFailures.length === 0
                ? `Every earlier write of this run was undone (${rolledBack.length} object(s) restored); the cluster is as it was before.`
                : `Undoing earlier writes failed for: ${rollbackFailures.join("; ")}. Inspect these objects by hand.`));
        this.name = "PartialApplyError";
        this.cause = cause;
        this.rolledBack = rolledBack;
        this.rollbackFailures = rollbackFailures;
    }
}
/**
 * Carries out a plan. If a write fails midway, the writes already made are undone in reverse order
 * (created objects deleted, updated ones put back exactly, deleted ones re-created), so nothing partial is left.
 */
async function executePlan(api, plan, options) {
    const writes = plan.changes.filter((change) => change.action === "create" || change.action === "update" || change.action === "delete");
    /** Successful writes in the order they completed. */
    const done = [];
    let failed;
    let next = 0;
    let queue = [];
    const worker = async () => {
        while (failed === undefined && next < queue.length) {
            const change = queue[next++];
            try {
                if (change.action === "delete") {
                    await api.delete(change.ref);
                }
                else {
                    change.after = await api.apply(change.desired, { fieldManager: options.fieldManager });
                }
                done.push(change);
                options.onWrite?.(change);
            }
            catch (error) {
                failed ??= { error, change };
            }
        }
    };
    const limit = Number.isFinite(options.concurrency) ? Math.floor(options.concurrency) : 1;
    // Applies first, deletions after: a policy being replaced (renamed, or moved to another API) is removed
    // only once its successor exists, so there is no moment without protection.
    const applies = writes.filter((change) => change.action !== "delete");
    const deletions = writes.filter((change) => change.action === "delete");
    for (const phase of [applies, deletions]) {
        if (failed || phase.length === 0)
            continue;
        queue = phase;
        next = 0;
        await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, phase.length)) }, worker));
    }
    if (failed) {
        const rolledBack = [];
        const failures = [];
        for (const previous of done.reverse()) {
            try {
                await undo(api, previous, options.fieldManager);
                rolledBack.push(describeRef(previous.ref));
            }
            catch (undoError) {
                failures.push(`${describeRef(previous.ref)}: ${undoError.message}`);
            }
        }
        throw new PartialApplyError(failed.error, failed.change, rolledBack, failures);
    }
}
async function undo(api, change, fieldManager) {
    if (change.action === "create") {
        await api.delete(change.ref);
    }
    else if (change.action === "update") {
        // A PUT of a custom resource must name the version it replaces; take the live one (ours, just written).
        const live = await api.get(change.ref);
        const previous = restorable(change.before, true);
        await api.replace({
            ...previous,
            metadata: { ...previous.metadata, resourceVersion: live?.metadata.resourceVersion },
        }, { fieldManager });
    }
    else if (change.action === "delete") {
        await api.create(restorable(change.before, false), { fieldManager });
    }
}
/**
 * Puts objects back to an earlier snapshot: each snapshot object is restored exactly (replace, or create when
 * it is gone), and each object in `current` that the snapshot did not hold is deleted.
 */
async function restoreSnapshot(api, snapshot, current, options) {
    const key = (ref) => `${ref.apiVersion}/${ref.kind}/${ref.namespace ?? ""}/${ref.name}`;
    const wanted = new Map(snapshot.map((object) => [key(refOf(object)), object]));
    const changes = [];
    for (const object of snapshot) {
        const ref = refOf(object);
        const live = await api.get(ref);
        if (live && sameContent(live, object)) {
            changes.push({ ref, action: "unchanged", before: live, after: live, diff: "" });
            continue;
        }
        const restored = live
            ? await api.replace({
                ...restorable(object, true),
                metadata: {
                    ...restorable(object, true).metadata,
                    resourceVersion: live.metadata.resourceVersion,
                },
            }, options)
            : await api.create(restorable(object, false), options);
        changes.push({
            ref,
            action: live ? "update" : "create",
            before: live,
            after: restored,
            diff: diffObjects(live, restored),
        });
    }
    for (const ref of current) {
        if (wanted.has(key(ref)))
            continue;
        const live = await api.get(ref);
        if (!live)
            continue;
        await api.delete(ref, options.dryRun ? { dryRun: true } : {});
        changes.push({ ref, action: "delete", before: live, diff: diffObjects(live, undefined) });
    }
    return changes;
}
function describeChanges(changes) {
    return changes.map((change) => [
        change.ref.kind,
        `${change.ref.namespace ?? "(cluster)"}/${change.ref.name}`,
        change.action,
    ]);
}

;// CONCATENATED MODULE: ../../packages/action-runtime/lib/previous-state.js
/**
 * The `previous-state` output and `rollback` input that actions share: the live objects a run manages,
 * exactly as they were before it (spec, labels, annotations), and the ones that did not exist (a rollback
 * deletes those). Each action names the kinds it manages; a snapshot holding anything else is refused.
 */



const previous_state_PREVIOUS_STATE_VERSION = 1;
/** The part of a live object a rollback restores: identity, labels, annotations and every top-level field but status. */
function snapshotOf(object) {
    const { status: _status, metadata, ...rest } = object;
    const kept = { name: metadata.name };
    if (metadata.namespace !== undefined)
        kept.namespace = metadata.namespace;
    if (metadata.labels && Object.keys(metadata.labels).length > 0)
        kept.labels = { ...metadata.labels };
    if (metadata.annotations && Object.keys(metadata.annotations).length > 0) {
        kept.annotations = { ...metadata.annotations };
    }
    return { ...rest, metadata: kept };
}
/** The previous state from what a run found before writing: `before` undefined means the object was absent. */
function buildPreviousState(action, entries) {
    const objects = [];
    const absent = [];
    for (const { ref, before } of entries) {
        if (before)
            objects.push(snapshotOf(before));
        else {
            const entry = { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name };
            if (ref.namespace !== undefined)
                entry.namespace = ref.namespace;
            absent.push(entry);
        }
    }
    return { version: previous_state_PREVIOUS_STATE_VERSION, action, objects, absent };
}
function isRecord(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/** Validates a `rollback` input before anything is touched; every refusal names the input, the problem and the fix. */
function parsePreviousState(raw, schema) {
    const refuse = (problem) => new InputError(schema.input ?? "rollback", problem, schema.fix);
    const clusterScoped = new Set(schema.clusterScoped ?? []);
    const checkRef = (where, ref) => {
        const { apiVersion, kind, name, namespace } = ref;
        if (typeof kind !== "string" || !Object.hasOwn(schema.kinds, kind)) {
            throw refuse(`${where}: kind '${String(kind)}' is not one this action manages (${Object.keys(schema.kinds).join(", ")})`);
        }
        const versions = schema.kinds[kind];
        if (typeof apiVersion !== "string" || !versions.includes(apiVersion)) {
            throw refuse(`${where}: apiVersion '${String(apiVersion)}' is not one of ${versions.join(", ")} for ${kind}`);
        }
        if (typeof name !== "string" || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) {
            throw refuse(`${where}: name '${String(name)}' is not a valid object name`);
        }
        if (clusterScoped.has(kind)) {
            if (namespace !== undefined)
                throw refuse(`${where}: a ${kind} is cluster-scoped and has no namespace`);
        }
        else if (typeof namespace !== "string" || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) {
            throw refuse(`${where}: namespace '${String(namespace)}' is missing or not a valid namespace name`);
        }
    };
    let parsed;
    try {
        parsed = JSON.parse(raw);
    }
    catch (error) {
        throw refuse(`is not valid JSON (${error.message})`);
    }
    if (!isRecord(parsed))
        throw refuse("must be a JSON object");
    if (parsed.action !== schema.action) {
        throw refuse(`comes from action '${String(parsed.action)}', not ${schema.action}`);
    }
    if (parsed.version !== previous_state_PREVIOUS_STATE_VERSION) {
        throw refuse(`has version ${String(parsed.version)}; this action reads version ${previous_state_PREVIOUS_STATE_VERSION}`);
    }
    const { objects, absent } = parsed;
    if (!Array.isArray(objects) || !Array.isArray(absent)) {
        throw refuse("must have the lists 'objects' and 'absent'");
    }
    const seen = new Set();
    const key = (ref) => `${ref.apiVersion}/${ref.kind}/${ref.namespace ?? ""}/${ref.name}`;
    for (const [index, object] of objects.entries()) {
        const where = `objects[${index}]`;
        if (!isRecord(object) || !isRecord(object.metadata)) {
            throw refuse(`${where} is not a Kubernetes object with metadata`);
        }
        const metadata = object.metadata;
        checkRef(where, {
            apiVersion: object.apiVersion,
            kind: object.kind,
            name: metadata.name,
            namespace: metadata.namespace,
        });
        const allowed = ["name", "namespace", "labels", "annotations"];
        const extra = Object.keys(metadata).filter((field) => !allowed.includes(field));
        if (extra.length > 0) {
            throw refuse(`${where}.metadata has fields a snapshot never holds: ${extra.join(", ")}`);
        }
        for (const field of ["labels", "annotations"]) {
            const map = metadata[field];
            if (map !== undefined && (!isRecord(map) || Object.values(map).some((v) => typeof v !== "string"))) {
                throw refuse(`${where}.metadata.${field} must map strings to strings`);
            }
        }
        if (!isRecord(object.spec))
            throw refuse(`${where} has no spec object`);
        const id = key({ ...object, ...metadata });
        if (seen.has(id))
            throw refuse(`${where} appears twice`);
        seen.add(id);
    }
    for (const [index, ref] of absent.entries()) {
        const where = `absent[${index}]`;
        if (!isRecord(ref))
            throw refuse(`${where} is not an object reference`);
        checkRef(where, ref);
        const id = key(ref);
        if (seen.has(id))
            throw refuse(`${where} also appears as an object to restore`);
        seen.add(id);
    }
    return parsed;
}
/**
 * Restores a validated snapshot and nothing else: the live objects it names are read (for the rollback's own
 * previous-state), then every write goes through a server-side dry run before the first real one.
 */
async function rollbackToPreviousState(api, state, options) {
    const refs = [...state.objects.map(refOf), ...state.absent];
    const before = await Promise.all(refs.map(async (ref) => ({ ref, before: await api.get(ref) })));
    const previous = buildPreviousState(state.action, before);
    const validated = await restoreSnapshot(api, state.objects, state.absent, {
        fieldManager: options.fieldManager,
        dryRun: true,
    });
    const changes = options.dryRun
        ? validated
        : await restoreSnapshot(api, state.objects, state.absent, { fieldManager: options.fieldManager });
    return { changes, changed: changes.some((change) => change.action !== "unchanged"), previous };
}

;// CONCATENATED MODULE: ../../packages/action-runtime/lib/summary.js
class summary_Summary {
    blocks = [];
    heading(text, level = 2) {
        this.blocks.push({ kind: "heading", text, level });
        return this;
    }
    text(text) {
        this.blocks.push({ kind: "text", text });
        return this;
    }
    table(header, rows) {
        this.blocks.push({ kind: "table", header, rows });
        return this;
    }
    list(items) {
        if (items.length > 0)
            this.blocks.push({ kind: "list", items });
        return this;
    }
    code(text, lang) {
        this.blocks.push(lang === undefined ? { kind: "code", text } : { kind: "code", text, lang });
        return this;
    }
    details(title, text, lang) {
        this.blocks.push(lang === undefined ? { kind: "details", title, text } : { kind: "details", title, text, lang });
        return this;
    }
    get empty() {
        return this.blocks.length === 0;
    }
}
function escapeCell(value) {
    return value.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
function renderMarkdown(blocks) {
    const out = [];
    for (const block of blocks) {
        switch (block.kind) {
            case "heading":
                out.push(`${"#".repeat(block.level)} ${block.text}`);
                break;
            case "text":
                out.push(block.text);
                break;
            case "table":
                out.push(`| ${block.header.map(escapeCell).join(" | ")} |`);
                out.push(`| ${block.header.map(() => "---").join(" | ")} |`);
                for (const row of block.rows)
                    out.push(`| ${row.map(escapeCell).join(" | ")} |`);
                break;
            case "list":
                for (const item of block.items)
                    out.push(`- ${item}`);
                break;
            case "code":
                out.push(`\`\`\`${block.lang ?? ""}\n${block.text.replace(/\n$/, "")}\n\`\`\``);
                break;
            case "details":
                out.push(`<details><summary>${block.title}</summary>\n\n\`\`\`${block.lang ?? ""}\n${block.text.replace(/\n$/, "")}\n\`\`\`\n\n</details>`);
                break;
        }
        out.push("");
    }
    return out.join("\n");
}
/** Display width, ignoring ANSI colour codes. */
function width(value) {
    return [...value.replace(/\u001b\[[0-9;]*m/g, "")].length;
}
function pad(value, size) {
    return value + " ".repeat(Math.max(0, size - width(value)));
}
function renderTextTable(header, rows) {
    const columns = header.length;
    const sizes = header.map((cell, index) => Math.max(width(cell), ...rows.map((row) => Math.max(...(row[index] ?? "").split("\n").map(width)))));
    const line = (left, mid, right) => left + sizes.map((size) => "─".repeat(size + 2)).join(mid) + right;
    const out = [line("┌", "┬", "┐")];
    out.push(`│ ${header.map((cell, index) => pad(cell, sizes[index])).join(" │ ")} │`);
    out.push(line("├", "┼", "┤"));
    for (const row of rows) {
        const cells = Array.from({ length: columns }, (_, index) => (row[index] ?? "").split("\n"));
        const height = Math.max(...cells.map((cell) => cell.length));
        for (let lineIndex = 0; lineIndex < height; lineIndex++) {
            out.push(`│ ${cells.map((cell, index) => pad(cell[lineIndex] ?? "", sizes[index])).join(" │ ")} │`);
        }
    }
    out.push(line("└", "┴", "┘"));
    return out.join("\n");
}
function summary_renderText(blocks) {
    const out = [];
    for (const block of blocks) {
        switch (block.kind) {
            case "heading":
                out.push(block.level === 1 ? `\n${block.text}\n${"═".repeat(width(block.text))}` : `\n${block.text}`);
                break;
            case "text":
                out.push(block.text.replace(/<br>/g, "\n").replace(/\*\*|`/g, ""));
                break;
            case "table":
                out.push(renderTextTable(block.header, block.rows));
                break;
            case "list":
                for (const item of block.items)
                    out.push(`  • ${item.replace(/`/g, "")}`);
                break;
            case "code":
            case "details":
                if (block.kind === "details")
                    out.push(block.title);
                out.push(block.text
                    .replace(/\n$/, "")
                    .split("\n")
                    .map((line) => `    ${line}`)
                    .join("\n"));
                break;
        }
    }
    return out.join("\n");
}
/**
 * Parses the Markdown we write back into blocks, so a terminal can show a job summary file that a bundled
 * action wrote (the demo does this). It understands exactly the subset renderMarkdown produces.
 */
function parseMarkdown(markdown) {
    const blocks = [];
    const lines = markdown.split("\n");
    const cells = (line) => line
        .trim()
        .replace(/^\||\|$/g, "")
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/\\\|/g, "|").replace(/<br>/g, "\n"));
    for (let index = 0; index < lines.length; index++) {
        const line = lines[index];
        const heading = /^(#{1,3}) (.*)$/.exec(line);
        if (heading) {
            blocks.push({ kind: "heading", level: heading[1].length, text: heading[2] });
        }
        else if (line.startsWith("|") && lines[index + 1]?.startsWith("| ---")) {
            const header = cells(line);
            const rows = [];
            index += 2;
            while (index < lines.length && lines[index].startsWith("|"))
                rows.push(cells(lines[index++]));
            index--;
            blocks.push({ kind: "table", header, rows });
        }
        else if (line.startsWith("- ")) {
            const items = [];
            while (index < lines.length && lines[index].startsWith("- "))
                items.push(lines[index++].slice(2));
            index--;
            blocks.push({ kind: "list", items });
        }
        else if (line.startsWith("```")) {
            const body = [];
            index++;
            while (index < lines.length && !lines[index].startsWith("```"))
                body.push(lines[index++]);
            blocks.push({ kind: "code", text: body.join("\n") });
        }
        else if (line.startsWith("<details><summary>")) {
            const title = line.replace(/<\/?details>|<\/?summary>/g, "");
            const body = [];
            index++;
            while (index < lines.length && !lines[index].startsWith("</details>")) {
                if (!lines[index].startsWith("```") && lines[index] !== "")
                    body.push(lines[index]);
                index++;
            }
            blocks.push({ kind: "details", title, text: body.join("\n") });
        }
        else if (line.trim() !== "") {
            blocks.push({ kind: "text", text: line });
        }
    }
    return blocks;
}

;// CONCATENATED MODULE: ../../packages/action-runtime/lib/workflow-commands.js
/**
 * GitHub's runner protocol: workflow commands on stdout (`::error title=…::message`) and the environment
 * files (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY). This is what @actions/core writes, byte for byte (a test
 * compares the two), without the OIDC client that @actions/core's index loads on import: that client and
 * its HTTP stack are 1 MB of every bundle and about 40 ms of every run (docs/adr/0005).
 */



function escapeData(value) {
    return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
/** Formats one workflow command, e.g. `::warning title=x::message`. */
function formatCommand(command, properties, message) {
    const props = Object.entries(properties)
        .filter(([, value]) => Boolean(value))
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(",");
    return `::${command}${props ? ` ${props}` : ""}::${escapeData(message)}`;
}
function issueCommand(command, properties, message) {
    process.stdout.write(formatCommand(command, properties, message) + external_node_os_namespaceObject.EOL);
}
/** A `name<<delimiter` block for GITHUB_OUTPUT, as @actions/core's prepareKeyValueMessage. */
function keyValueBlock(name, value, delimiter = `ghadelimiter_${(0,external_node_crypto_namespaceObject.randomUUID)()}`) {
    if (name.includes(delimiter))
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    if (value.includes(delimiter))
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    return `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`;
}
function appendToFile(variable, content) {
    const path = process.env[variable];
    if (!path)
        return false;
    if (!(0,external_node_fs_namespaceObject.existsSync)(path))
        throw new Error(`Missing file at path: ${path} (${variable})`);
    (0,external_node_fs_namespaceObject.appendFileSync)(path, content, { encoding: "utf8" });
    return true;
}
function setOutput(name, value) {
    if (!appendToFile("GITHUB_OUTPUT", keyValueBlock(name, value))) {
        // Outside a runner (or an old one): the deprecated command, as @actions/core falls back to.
        process.stdout.write(external_node_os_namespaceObject.EOL);
        issueCommand("set-output", { name }, value);
    }
}
function appendSummary(markdown) {
    appendToFile("GITHUB_STEP_SUMMARY", markdown);
}

;// CONCATENATED MODULE: ../../packages/action-runtime/lib/reporter.js



/** Masks a secret and each of its lines: GitHub masks multi-line values line by line. */
function registerSecret(register, secret) {
    if (secret === undefined)
        return;
    const trimmed = secret.trim();
    if (trimmed.length < 4)
        return; // masking tiny strings would blank out ordinary words
    register(trimmed);
    const lines = new Set(trimmed.split(/\r?\n/).map((line) => line.trim()));
    lines.delete(trimmed);
    for (const value of lines) {
        // PEM armour lines are public and masking them would make every certificate unreadable.
        if (value.length >= 8 && !/^-----(BEGIN|END) [A-Z0-9 ]+-----$/.test(value))
            register(value);
    }
}
/** Reports to GitHub's runner: workflow commands on stdout, outputs and the job summary in its files. */
class ActionsReporter {
    summary = new summary_Summary();
    info(message) {
        process.stdout.write(message + external_node_os_namespaceObject.EOL);
    }
    debug(message) {
        issueCommand("debug", {}, message);
    }
    notice(message, annotation = {}) {
        issueCommand("notice", annotation, message);
    }
    warning(message, annotation = {}) {
        issueCommand("warning", annotation, message);
    }
    error(message, annotation = {}) {
        issueCommand("error", annotation, message);
    }
    async group(name, fn) {
        issueCommand("group", {}, name);
        try {
            return await fn();
        }
        finally {
            issueCommand("endgroup", {}, "");
        }
    }
    mask(secret) {
        registerSecret((value) => issueCommand("add-mask", {}, value), secret);
    }
    setOutput(name, value) {
        setOutput(name, value);
    }
    async flushSummary() {
        if (this.summary.empty || !process.env.GITHUB_STEP_SUMMARY)
            return;
        appendSummary(renderMarkdown(this.summary.blocks));
    }
    setFailed(message) {
        process.exitCode = 1;
        this.error(message);
    }
}
/**
 * A plain-terminal reporter for the CLI. It redacts registered secrets itself, since no runner does it here.
 */
class TerminalReporter {
    summary = new Summary();
    outputs = {};
    secrets = new Set();
    out;
    color;
    verbose;
    failed;
    constructor(options = {}) {
        this.out = options.out ?? process.stdout;
        this.color = options.color ?? false;
        this.verbose = options.verbose ?? false;
    }
    redact(text) {
        let result = text;
        for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
            result = result.split(secret).join("***");
        }
        return result;
    }
    write(line) {
        this.out.write(`${this.redact(line)}\n`);
    }
    paint(code, text) {
        return this.color ? `\u001b[${code}m${text}\u001b[0m` : text;
    }
    info(message) {
        this.write(message);
    }
    debug(message) {
        if (this.verbose)
            this.write(this.paint(90, message));
    }
    notice(message, annotation = {}) {
        this.write(`${this.paint(36, "notice")}${annotation.title ? ` ${annotation.title}:` : ":"} ${message}`);
    }
    warning(message, annotation = {}) {
        this.write(`${this.paint(33, "warning")}${annotation.title ? ` ${annotation.title}:` : ":"} ${message}`);
    }
    error(message, annotation = {}) {
        this.write(`${this.paint(31, "error")}${annotation.title ? ` ${annotation.title}:` : ":"} ${message}`);
    }
    async group(name, fn) {
        this.write(this.paint(1, `▸ ${name}`));
        return fn();
    }
    mask(secret) {
        registerSecret((value) => this.secrets.add(value), secret);
    }
    setOutput(name, value) {
        this.outputs[name] = this.redact(value);
    }
    async flushSummary() {
        if (!this.summary.empty)
            this.write(renderText(this.summary.blocks));
    }
    setFailed(message) {
        this.failed = this.redact(message);
        this.error(message);
    }
}

;// CONCATENATED MODULE: ../../packages/action-runtime/lib/step.js





/**
 * The one place an action's failure is turned into an annotation and a non-zero exit. Every action's
 * entry point is `runStep("name", main)`; main throws, this reports.
 */
async function runStep(title, main, context = { inputs: new Inputs(environmentInputs()), reporter: new ActionsReporter() }) {
    const { reporter } = context;
    try {
        await main(context);
        return true;
    }
    catch (error) {
        reportFailure(reporter, title, error);
        return false;
    }
    finally {
        try {
            await reporter.flushSummary();
        }
        catch (error) {
            reporter.warning(`Could not write the job summary: ${errorMessage(error)}`);
        }
    }
}
function reportFailure(reporter, title, error) {
    if (error instanceof InputErrors || error instanceof InputError) {
        const errors = error instanceof InputErrors ? error.errors : [error];
        for (const problem of errors)
            reporter.error(problem.message, { title: `${title}: input '${problem.input}'` });
        reporter.summary.heading(`${title}: invalid input, nothing was written`).table(["input", "problem", "fix"], errors.map((problem) => [problem.input, problem.problem, problem.fix]));
        reporter.setFailed(errors.length === 1
            ? errors[0].message
            : `${errors.length} inputs are invalid; nothing was written. See the annotations.`);
        return;
    }
    const message = errorMessage(error);
    const kind = error instanceof KubeApiError
        ? "Kubernetes API"
        : error instanceof PartialApplyError
            ? "apply failed"
            : "failed";
    reporter.summary.heading(`${title}: ${kind}`).text(message.replace(/\n/g, "<br>"));
    if (!(error instanceof InputError) &&
        !(error instanceof KubeApiError) &&
        !(error instanceof PartialApplyError) &&
        error instanceof Error &&
        error.stack) {
        reporter.debug(error.stack);
    }
    reporter.setFailed(message);
}

;// CONCATENATED MODULE: ../../packages/action-runtime/lib/index.js











;// CONCATENATED MODULE: ./lib/config.js
/** Inputs -> a validated configuration. Every problem is collected, so a user fixes them all in one go. */

const SCOPES = ["namespace", "mesh", "workload"];
const APPLY_MODES = ["STRICT", "PERMISSIVE", "DISABLE"];
const PORT_MODES = ["UNSET", "DISABLE", "PERMISSIVE", "STRICT"];
const APIS = [
    "auto",
    "security.istio.io/v1",
    "security.istio.io/v1beta1",
    "authentication.istio.io/v1alpha1",
];
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;
const HOST = /^(\*|\*\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$/;
function isNamespaceName(value) {
    return value.length <= 63 && DNS_LABEL.test(value);
}
/** `app=product-composite,version=v1` (or one per line, or a YAML map) -> matchLabels. */
function parseSelector(raw, parsed) {
    if (raw === undefined)
        return {};
    const labels = {};
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
        for (const [key, value] of Object.entries(parsed)) {
            if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
                throw new Error(`label '${key}' must have a plain value`);
            }
            labels[key] = String(value);
        }
    }
    else {
        for (const item of raw.split(/[\n,]/).map((part) => part.trim())) {
            if (item === "")
                continue;
            const match = /^([^=\s]+)\s*=\s*(\S*)$/.exec(item);
            if (!match)
                throw new Error(`'${item}' is not key=value`);
            labels[match[1]] = match[2];
        }
    }
    for (const [key, value] of Object.entries(labels)) {
        if (!LABEL_KEY.test(key) || key.length > 316)
            throw new Error(`'${key}' is not a valid label key`);
        if (!LABEL_VALUE.test(value) || value.length > 63) {
            throw new Error(`'${value}' (label ${key}) is not a valid label value`);
        }
        if (value === "")
            throw new Error(`label '${key}' has an empty value; PeerAuthentication matches exact values`);
    }
    return labels;
}
/** `8080=PERMISSIVE` lines (or comma-separated), or a YAML map `{8080: PERMISSIVE}` -> port -> mode. */
function parsePortModes(raw, parsed) {
    if (raw === undefined)
        return {};
    let entries;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
        entries = Object.entries(parsed);
    }
    else {
        entries = [];
        for (const item of raw.split(/[\n,]/).map((part) => part.trim())) {
            if (item === "" || item.startsWith("#"))
                continue;
            const match = /^([^=:\s]+)\s*[=:]\s*(\S+)$/.exec(item);
            if (!match)
                throw new Error(`'${item}' is not port=MODE`);
            entries.push([match[1], match[2]]);
        }
    }
    const result = {};
    for (const [port, mode] of entries) {
        if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
            throw new Error(`'${port}' is not a port number between 1 and 65535 (use the pod's port, not the Service's)`);
        }
        const canonical = PORT_MODES.find((m) => m === String(mode).toUpperCase());
        if (canonical === undefined) {
            throw new Error(`port ${port}: '${String(mode)}' is not one of ${PORT_MODES.join(", ")}`);
        }
        result[String(Number(port))] = canonical;
    }
    return result;
}
function readConfig(inputs, problems = new InputProblems()) {
    const scope = problems.collect(() => inputs.choice("scope", SCOPES, "namespace"));
    const mode = problems.collect(() => inputs.choice("mode", APPLY_MODES, "STRICT"));
    const api = problems.collect(() => inputs.choice("api", APIS, "auto"));
    const state = problems.collect(() => inputs.choice("state", ["present", "absent"], "present"));
    const dryRun = problems.collect(() => inputs.boolean("dry-run", false));
    const namespaces = problems.collect(() => inputs.list("namespace")) ?? [];
    const rootNamespace = inputs.string("root-namespace", "istio-system");
    const name = inputs.string("name", "default");
    const destinationRules = problems.collect(() => inputs.list("destination-rules")) ?? [];
    for (const namespace of namespaces) {
        if (!isNamespaceName(namespace)) {
            problems.add("namespace", `'${namespace}' is not a valid namespace name`, "use lower-case letters, digits and '-', at most 63 characters, e.g. hands-on");
        }
    }
    if (new Set(namespaces).size !== namespaces.length) {
        problems.add("namespace", "names a namespace more than once", "list each namespace once");
    }
    if (!isNamespaceName(rootNamespace)) {
        problems.add("root-namespace", `'${rootNamespace}' is not a valid namespace name`, "give Istio's root namespace (meshConfig.rootNamespace), usually istio-system");
    }
    if (name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
        problems.add("name", `'${name}' is not a valid object name`, "use lower-case letters, digits, '-' and '.', e.g. default");
    }
    const selector = problems.collect(() => {
        try {
            return parseSelector(inputs.raw("selector"), inputs.raw("selector") === undefined ? undefined : safeYaml(inputs, "selector"));
        }
        catch (error) {
            problems.add("selector", error.message, "give workload labels as key=value pairs, e.g. app=product-composite");
            return undefined;
        }
    });
    const portModes = problems.collect(() => {
        try {
            return parsePortModes(inputs.raw("port-modes"), inputs.raw("port-modes") === undefined ? undefined : safeYaml(inputs, "port-modes"));
        }
        catch (error) {
            problems.add("port-modes", error.message, "give one port=MODE per line (e.g. 8080=PERMISSIVE) or a YAML map of pod port to mode");
            return undefined;
        }
    });
    for (const host of destinationRules) {
        if (!HOST.test(host) || host.length > 253) {
            problems.add("destination-rules", `'${host}' is not a host name`, "give service hosts such as product-composite, product-composite.hands-on.svc.cluster.local or *.local");
        }
    }
    const hasSelector = selector !== undefined && Object.keys(selector).length > 0;
    const hasPorts = portModes !== undefined && Object.keys(portModes).length > 0;
    if (scope === "workload" && selector !== undefined && !hasSelector) {
        problems.add("selector", "is required for scope workload", "give the workload's labels, e.g. app=product-composite");
    }
    if (scope !== undefined && scope !== "workload" && hasSelector) {
        problems.add("selector", `applies only to scope workload, but scope is ${scope}`, scope === "mesh"
            ? "remove the selector: Istio ignores root-namespace policies that have one"
            : "set scope: workload, or remove the selector");
    }
    if (hasPorts && scope !== "workload") {
        problems.add("port-modes", "needs a workload selector (Istio's portLevelMtls requires one)", "set scope: workload and selector, e.g. app=product-composite");
    }
    if ((scope === "namespace" || scope === "workload") && namespaces.length === 0) {
        problems.add("namespace", `is required for scope ${scope}`, "name the namespace(s), e.g. namespace: hands-on");
    }
    if (scope !== undefined && scope !== "mesh" && namespaces.includes(rootNamespace)) {
        problems.add("namespace", `'${rootNamespace}' is the root namespace, where a policy is mesh-wide${scope === "workload" ? " and one with a selector is ignored by Istio" : ""}`, "use scope: mesh for a mesh-wide policy, or name another namespace");
    }
    if (api === "authentication.istio.io/v1alpha1") {
        if (scope === "workload") {
            problems.add("scope", "workload scope is not supported with the legacy authentication.istio.io/v1alpha1 API (its Policy targets Services by name)", "use scope namespace or mesh with the legacy API, or api: security.istio.io/v1beta1");
        }
        if (name !== "default") {
            problems.add("name", `'${name}': Istio <= 1.5 honours a namespace-wide Policy and the MeshPolicy only when named 'default'`, "leave name at its default, 'default'");
        }
    }
    if (state === "absent" && hasPorts) {
        problems.add("port-modes", "has no meaning with state absent", "remove port-modes, or use state present");
    }
    const requireSidecars = problems.collect(() => inputs.boolean("require-sidecars", state === "present" && (mode === "STRICT" || Object.values(portModes ?? {}).includes("STRICT"))));
    if (problems.errors.length > 0)
        return undefined;
    return {
        scope: scope,
        namespaces,
        selector: hasSelector ? selector : undefined,
        rootNamespace,
        mode: mode,
        portModes: portModes ?? {},
        requireSidecars: requireSidecars,
        destinationRules,
        api: api,
        name,
        state: state,
        dryRun: dryRun,
    };
}
/** YAML when it parses to a map, otherwise undefined (the line format is parsed instead). */
function safeYaml(inputs, name) {
    try {
        return inputs.yaml(name);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./lib/effective.js
/**
 * Istio's PeerAuthentication precedence, as pure code. It mirrors istiod's ComposePeerAuthentication
 * (istio/istio pilot/pkg/security/authn/policy_applier.go) and the rules in istio/api
 * security/v1beta1/peer_authentication.proto:
 *
 * - a policy without a selector (or with empty matchLabels) in the root namespace is mesh-wide; in any other
 *   namespace it is namespace-wide; with a selector outside the root namespace it is workload-level;
 * - a policy with a selector in the root namespace is ignored (istio/api PR #3604);
 * - several mesh-wide or namespace-wide policies: the oldest (creationTimestamp) is used, newer ones are
 *   ignored; several workload policies match one workload: the oldest wins. istiod compares timestamps with
 *   a strict "before" over a list sorted by creation time, then name, so on equal timestamps (1 s resolution)
 *   the name that sorts first wins; we do the same;
 * - workload > namespace > mesh; UNSET (or no mtls block) inherits from the level above; with nothing set
 *   (or a mesh-wide UNSET) the mode is PERMISSIVE;
 * - portLevelMtls of the winning workload policy overrides per pod port; an UNSET port inherits the
 *   workload's effective mode.
 */
const MTLS_MODES = ["UNSET", "DISABLE", "PERMISSIVE", "STRICT"];
function policyId(policy) {
    return `${policy.namespace}/${policy.name}`;
}
function hasSelector(policy) {
    return policy.selector !== undefined && Object.keys(policy.selector).length > 0;
}
/** istiod's order: creation time, then name, then namespace. */
function olderFirst(a, b) {
    const ta = Date.parse(a.creationTimestamp);
    const tb = Date.parse(b.creationTimestamp);
    if (ta !== tb)
        return ta - tb;
    if (a.name !== b.name)
        return a.name < b.name ? -1 : 1;
    return a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0;
}
function selects(selector, labels) {
    return Object.entries(selector).every(([key, value]) => labels[key] === value);
}
function isUnset(mode) {
    return mode === undefined || mode === "UNSET";
}
/** Picks the oldest policy of one level; the others are reported as ignored with `why`. */
function oldest(candidates, why, ignored) {
    const sorted = [...candidates].sort(olderFirst);
    const winner = sorted[0];
    if (winner) {
        for (const loser of sorted.slice(1))
            ignored.push({ policy: policyId(loser), reason: why(winner) });
    }
    return winner;
}
/** The effective mTLS mode of a namespace (no labels) or a workload (its labels), with the reasons. */
function effectiveMtlsMode(policies, target, rootNamespace) {
    const ignored = [];
    const mesh = [];
    const namespaceWide = [];
    const workload = [];
    for (const policy of policies) {
        if (policy.namespace === rootNamespace) {
            if (!hasSelector(policy))
                mesh.push(policy);
            else if (target.labels === undefined
                ? target.namespace === rootNamespace
                : selects(policy.selector, target.labels)) {
                // Reported where a reader would expect it to act: the root namespace's own view, and each
                // workload its selector matches.
                ignored.push({
                    policy: policyId(policy),
                    reason: `it has a selector but lives in the root namespace '${rootNamespace}', and Istio ignores such policies (move it to the workload's namespace)`,
                });
            }
        }
        else if (policy.namespace === target.namespace) {
            if (!hasSelector(policy))
                namespaceWide.push(policy);
            else if (target.labels !== undefined && selects(policy.selector, target.labels))
                workload.push(policy);
        }
    }
    const meshWinner = oldest(mesh, (winner) => `a newer mesh-wide policy; Istio uses only the oldest one, ${policyId(winner)} (delete or merge the newer one)`, ignored);
    const namespaceWinner = oldest(namespaceWide, (winner) => `a newer namespace-wide policy; Istio uses only the oldest one, ${policyId(winner)} (delete or merge the newer one)`, ignored);
    const workloadWinner = oldest(workload, (winner) => `another workload policy selecting the same workload is older and wins: ${policyId(winner)} (make the selectors disjoint)`, ignored);
    let mode = "PERMISSIVE";
    let decidedBy;
    let level = "default";
    for (const [winner, winnerLevel] of [
        [meshWinner, "mesh"],
        [namespaceWinner, "namespace"],
        [workloadWinner, "workload"],
    ]) {
        if (winner && !isUnset(winner.mode)) {
            mode = winner.mode;
            decidedBy = policyId(winner);
            level = winnerLevel;
        }
    }
    const ports = {};
    for (const [port, portMode] of Object.entries(workloadWinner?.portLevelMtls ?? {})) {
        ports[port] = isUnset(portMode) ? mode : portMode;
    }
    const winners = {};
    if (meshWinner)
        winners.mesh = policyId(meshWinner);
    if (namespaceWinner)
        winners.namespace = policyId(namespaceWinner);
    if (workloadWinner)
        winners.workload = policyId(workloadWinner);
    return { mode, decidedBy, level, ports, ignored, winners };
}
/** Whether a policy is one the given result uses (the winner of its level) rather than ignores. */
function isUsed(result, policy) {
    const id = policyId(policy);
    return Object.values(result.winners).includes(id);
}
/** Reads a PeerAuthentication object (v1 or v1beta1) into the fields precedence needs. */
function peerPolicyOf(object) {
    const spec = (object.spec ?? {});
    const asMode = (value) => MTLS_MODES.includes(value ?? "") ? value : undefined;
    const portLevelMtls = spec.portLevelMtls
        ? Object.fromEntries(Object.entries(spec.portLevelMtls).map(([port, m]) => [port, asMode(m?.mode)]))
        : undefined;
    return {
        namespace: object.metadata.namespace ?? "",
        name: object.metadata.name,
        creationTimestamp: object.metadata.creationTimestamp ?? new Date(0).toISOString(),
        selector: spec.selector?.matchLabels,
        mode: asMode(spec.mtls?.mode),
        portLevelMtls,
    };
}

;// CONCATENATED MODULE: ./lib/legacy.js
function modeOf(object) {
    const peers = (object.spec?.peers ?? []).filter((peer) => peer.mtls !== undefined);
    if (peers.length === 0)
        return "DISABLE";
    return peers[0].mtls?.mode === "PERMISSIVE" ? "PERMISSIVE" : "STRICT";
}
function isNamespaceWide(object) {
    const targets = object.spec?.targets;
    return object.metadata.name === "default" && (targets === undefined || targets.length === 0);
}
function legacyEffectiveMode(policies, namespace) {
    if (namespace !== undefined) {
        const own = policies.find((object) => object.kind === "Policy" && object.metadata.namespace === namespace && isNamespaceWide(object));
        if (own)
            return { mode: modeOf(own), decidedBy: `${namespace}/${own.metadata.name}` };
    }
    const mesh = policies.find((object) => object.kind === "MeshPolicy" && object.metadata.name === "default");
    if (mesh)
        return { mode: modeOf(mesh), decidedBy: `MeshPolicy/${mesh.metadata.name}` };
    return { mode: "DISABLE", decidedBy: undefined };
}
/**
 * Service-targeted Policies whose peers differ from the namespace's effective mode: in Istio <= 1.5 such a
 * Policy (e.g. the reference JWT policy with `peers: [{mtls: {mode: PERMISSIVE}}]`) decides mTLS for its
 * services instead of the namespace's `default`, so those services do not get the namespace's mode.
 */
function serviceTargetedOverrides(policies, namespace, namespaceMode) {
    return policies
        .filter((object) => object.kind === "Policy" && object.metadata.namespace === namespace)
        .filter((object) => (object.spec?.targets ?? []).length > 0)
        .filter((object) => modeOf(object) !== namespaceMode)
        .map((object) => {
        const targets = (object.spec.targets ?? [])
            .map((target) => target.name)
            .join(", ");
        return `Policy ${namespace}/${object.metadata.name} targets ${targets} with peers ${modeOf(object)}: in Istio <= 1.5 it overrides the namespace's ${namespaceMode} for those services. Add the same peers mode to that Policy (for jwt-policy's legacy Policy, it is PERMISSIVE by design) if they must be ${namespaceMode} too.`;
    });
}

;// CONCATENATED MODULE: ./lib/preflight.js
const SYSTEM_NAMESPACES = ["kube-system", "kube-public", "kube-node-lease"];
const INJECT_ANNOTATION = "sidecar.istio.io/inject";
/** A pod has a sidecar when it runs an `istio-proxy` container, or a native sidecar (init container with restartPolicy Always, Istio >= 1.19). */
function hasSidecarContainer(pod) {
    if ((pod.spec?.containers ?? []).some((container) => container.name === "istio-proxy"))
        return true;
    return (pod.spec?.initContainers ?? []).some((container) => container.name === "istio-proxy" && container.restartPolicy === "Always");
}
/** Why a pod is not (or will not stay) in the mesh, or undefined when it is. */
function sidecarProblem(pod) {
    const reasons = [];
    if (!hasSidecarContainer(pod))
        reasons.push("no istio-proxy container");
    if (pod.metadata.annotations?.[INJECT_ANNOTATION] === "false") {
        reasons.push(`annotated ${INJECT_ANNOTATION}: "false"`);
    }
    else if (pod.metadata.labels?.[INJECT_ANNOTATION] === "false") {
        reasons.push(`labelled ${INJECT_ANNOTATION}=false`);
    }
    return reasons.length === 0 ? undefined : reasons.join(", ");
}
/** Finished pods (Jobs) take no traffic; they do not block STRICT. */
function isFinished(pod) {
    return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}
function podsWithoutSidecar(pods) {
    return pods
        .filter((pod) => !isFinished(pod))
        .flatMap((pod) => {
        const reason = sidecarProblem(pod);
        return reason === undefined
            ? []
            : [{ namespace: pod.metadata.namespace ?? "", pod: pod.metadata.name, reason }];
    })
        .sort((a, b) => `${a.namespace}/${a.pod}`.localeCompare(`${b.namespace}/${b.pod}`));
}
/** A namespace injects sidecars when labelled `istio-injection=enabled` or with a revision (`istio.io/rev`). */
function injectionProblem(namespace) {
    const labels = namespace.metadata.labels ?? {};
    if (labels["istio-injection"] === "enabled" || (labels["istio.io/rev"] ?? "") !== "")
        return undefined;
    if (labels["istio-injection"] !== undefined)
        return `labelled istio-injection=${labels["istio-injection"]}`;
    return "no istio-injection=enabled or istio.io/rev label";
}
function namespacesWithoutInjection(namespaces) {
    return namespaces.flatMap((namespace) => {
        const reason = injectionProblem(namespace);
        return reason === undefined ? [] : [{ namespace: namespace.metadata.name, reason }];
    });
}
/** The refusal message: names every pod and namespace, says why and how to proceed. */
function preflightMessage(pods, namespaces, mode) {
    const lines = [
        `Sidecar pre-flight failed: ${mode} mutual TLS would cut off workloads that are not in the mesh, so nothing was applied.`,
    ];
    for (const pod of pods)
        lines.push(`- pod ${pod.namespace}/${pod.pod}: ${pod.reason}`);
    for (const namespace of namespaces)
        lines.push(`- namespace ${namespace.namespace}: ${namespace.reason}`);
    lines.push("Fix: label the namespaces (kubectl label namespace <ns> istio-injection=enabled) and restart their pods so they get a sidecar, " +
        "or migrate with mode: PERMISSIVE first; set require-sidecars: false only if you accept cutting these workloads off.");
    return lines.join("\n");
}

;// CONCATENATED MODULE: ./lib/render.js
/** Pure builders: validated config + the API the cluster serves -> the objects to apply or remove. */

const ACTION_LABEL = "mesh-secure.io/action";
const NAME_LABEL = "mesh-secure.io/name";
const FIELD_MANAGER = "mesh-secure/mtls";
function ownedLabels(name) {
    return { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE, [ACTION_LABEL]: "mtls", [NAME_LABEL]: name };
}
/** Where the policy objects go: one per namespace in scope, or the root namespace for mesh scope. */
function policyNamespaces(config) {
    return config.scope === "mesh" ? [config.rootNamespace] : config.namespaces;
}
function isLegacy(apis) {
    return apis.policy === "authentication.istio.io/v1alpha1";
}
function renderPeerAuthentication(config, apiVersion, namespace) {
    const spec = {};
    if (config.scope === "workload" && config.selector)
        spec.selector = { matchLabels: { ...config.selector } };
    spec.mtls = { mode: config.mode };
    const ports = Object.entries(config.portModes);
    if (ports.length > 0) {
        spec.portLevelMtls = Object.fromEntries(ports.sort(([a], [b]) => Number(a) - Number(b)).map(([port, mode]) => [port, { mode }]));
    }
    return {
        apiVersion,
        kind: "PeerAuthentication",
        metadata: { name: config.name, namespace, labels: ownedLabels(config.name) },
        spec,
    };
}
/** Legacy (Istio <= 1.5) server side: `peers: [{mtls: {mode}}]`; DISABLE is a policy without peers. */
function renderLegacyPolicy(config, namespace) {
    const spec = config.mode === "DISABLE" ? {} : { peers: [{ mtls: { mode: config.mode } }] };
    return {
        apiVersion: "authentication.istio.io/v1alpha1",
        kind: namespace === undefined ? "MeshPolicy" : "Policy",
        metadata: {
            name: "default",
            ...(namespace === undefined ? {} : { namespace }),
            labels: ownedLabels(config.name),
        },
        spec,
    };
}
/** A DNS-1123 object name for a DestinationRule host: `*.local` -> `wildcard-local`. */
function destinationRuleName(host) {
    return host
        .replace(/^\*$/, "wildcard")
        .replace(/^\*\./, "wildcard.")
        .replace(/[^a-z0-9.-]/g, "-")
        .slice(0, 253);
}
/** Client side: ISTIO_MUTUAL (also for PERMISSIVE: clients send mTLS while servers still accept plaintext). */
function destinationRuleTlsMode(mode) {
    return mode === "DISABLE" ? "DISABLE" : "ISTIO_MUTUAL";
}
function renderDestinationRule(config, apiVersion, namespace, host) {
    return {
        apiVersion,
        kind: "DestinationRule",
        metadata: { name: destinationRuleName(host), namespace, labels: ownedLabels(config.name) },
        spec: { host, trafficPolicy: { tls: { mode: destinationRuleTlsMode(config.mode) } } },
    };
}
/** Every object this configuration manages, whether it is to be applied or removed. */
function renderObjects(config, apis) {
    const objects = [];
    for (const namespace of policyNamespaces(config)) {
        if (isLegacy(apis)) {
            objects.push(renderLegacyPolicy(config, config.scope === "mesh" ? undefined : namespace));
        }
        else {
            objects.push(renderPeerAuthentication(config, apis.policy, namespace));
        }
        if (apis.destinationRule) {
            for (const host of config.destinationRules) {
                objects.push(renderDestinationRule(config, apis.destinationRule, namespace, host));
            }
        }
    }
    return objects;
}
function refKey(ref) {
    return `${ref.apiVersion}/${ref.kind}/${ref.namespace ?? ""}/${ref.name}`;
}

;// CONCATENATED MODULE: ./lib/scope.js

const ISTIO_DEFAULT = "(Istio default: PERMISSIVE)";
/** The workload a pod belongs to: its controller's name (Deployment for ReplicaSet pods), else the pod's. */
function workloadName(pod) {
    const owner = pod.metadata.ownerReferences;
    const controller = owner?.find((ref) => ref.controller) ?? owner?.[0];
    if (!controller?.name)
        return pod.metadata.name;
    const hash = pod.metadata.labels?.["pod-template-hash"];
    if (controller.kind === "ReplicaSet" && hash && controller.name.endsWith(`-${hash}`)) {
        return controller.name.slice(0, -hash.length - 1);
    }
    return controller.name;
}
function groupWorkloads(pods) {
    const byKey = new Map();
    for (const pod of pods) {
        const namespace = pod.metadata.namespace ?? "";
        const name = workloadName(pod);
        const key = `${namespace}/${name}`;
        const existing = byKey.get(key);
        if (existing)
            existing.pods.push(pod.metadata.name);
        else {
            const { "pod-template-hash": _hash, ...labels } = pod.metadata.labels ?? {};
            byKey.set(key, { namespace, name, labels, pods: [pod.metadata.name] });
        }
    }
    return [...byKey.values()].sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
}
function entry(base, before, after) {
    return {
        ...base,
        mode: after.mode,
        previousMode: before.mode,
        policy: after.decidedBy ?? ISTIO_DEFAULT,
        ports: after.ports,
        ignored: after.ignored,
    };
}
/** Every namespace/workload in scope with its effective mode before and after this run. */
function effectiveReport(scope, before, after) {
    const entries = [];
    const view = (policies, namespace, labels) => effectiveMtlsMode(policies, { namespace, labels }, scope.rootNamespace);
    if (scope.mesh) {
        entries.push(entry({ namespace: scope.rootNamespace, level: "mesh" }, view(before, scope.rootNamespace), view(after, scope.rootNamespace)));
    }
    for (const namespace of scope.namespaces) {
        entries.push(entry({ namespace, level: "namespace" }, view(before, namespace), view(after, namespace)));
    }
    for (const workload of scope.workloads) {
        entries.push(entry({ namespace: workload.namespace, workload: workload.name, level: "workload" }, view(before, workload.namespace, workload.labels), view(after, workload.namespace, workload.labels)));
    }
    return entries;
}
/** The policies Istio would see after the plan: created/updated objects replace live ones, removed ones go. */
function policiesAfter(live, written, removed, now) {
    const key = (object) => `${object.kind}/${object.namespace ?? ""}/${object.name}`;
    const gone = new Set(removed.map(key));
    const replaced = new Map(written.map((object) => [
        key({ kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace }),
        object,
    ]));
    const result = [];
    for (const object of live) {
        const id = key({ kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace });
        if (gone.has(id))
            continue;
        const next = replaced.get(id);
        replaced.delete(id);
        result.push(next
            ? { ...next, metadata: { ...next.metadata, creationTimestamp: object.metadata.creationTimestamp } }
            : object);
    }
    for (const object of replaced.values()) {
        result.push({
            ...object,
            metadata: { ...object.metadata, creationTimestamp: object.metadata.creationTimestamp ?? now },
        });
    }
    return result;
}

;// CONCATENATED MODULE: ./lib/state.js
/**
 * The `previous-state` output and the `rollback` input: the live objects this run manages, exactly as they
 * were before it (spec, labels, annotations), and the ones that did not exist (rollback deletes those).
 * The format and its validation are shared with the other actions (action-runtime's previous-state.ts);
 * this file names what mtls manages.
 */


const STATE_VERSION = (/* unused pure expression or super */ null && (PREVIOUS_STATE_VERSION));
const MANAGED_KINDS = {
    PeerAuthentication: ["security.istio.io/v1", "security.istio.io/v1beta1"],
    Policy: ["authentication.istio.io/v1alpha1"],
    MeshPolicy: ["authentication.istio.io/v1alpha1"],
    DestinationRule: ["networking.istio.io/v1", "networking.istio.io/v1beta1", "networking.istio.io/v1alpha3"],
};
function state_buildPreviousState(entries) {
    return buildPreviousState("mtls", entries);
}
/** Validates a `rollback` input before anything is touched. */
function state_parsePreviousState(raw) {
    return parsePreviousState(raw, {
        action: "mtls",
        kinds: MANAGED_KINDS,
        clusterScoped: ["MeshPolicy"],
        fix: "pass the previous-state output of an earlier mtls step unchanged, e.g. rollback: ${{ steps.mtls.outputs.previous-state }}",
    });
}

;// CONCATENATED MODULE: ./lib/summary.js
/** The job summary: the migration view (who changes mode), ignored policies, the pre-flight, and the writes. */

function scopeText(config) {
    if (config.scope === "mesh")
        return `mesh-wide (root namespace ${config.rootNamespace})`;
    const where = config.namespaces.join(", ");
    if (config.scope === "workload") {
        const labels = Object.entries(config.selector ?? {})
            .map(([key, value]) => `${key}=${value}`)
            .join(",");
        return `workloads ${labels} in ${where}`;
    }
    return `namespace${config.namespaces.length > 1 ? "s" : ""} ${where}`;
}
function migrationRows(effective) {
    return effective.map((entry) => {
        const what = entry.level === "mesh"
            ? "(mesh-wide)"
            : entry.workload === undefined
                ? "(namespace-wide)"
                : entry.workload;
        const change = entry.mode === entry.previousMode
            ? `${entry.mode} (unchanged)`
            : `${entry.previousMode} -> ${entry.mode}`;
        const ports = Object.entries(entry.ports)
            .map(([port, mode]) => `${port}: ${mode}`)
            .join(", ");
        return [entry.namespace, what, change, entry.policy, ports];
    });
}
function writeSummary(summary, facts) {
    const { config, plan } = facts;
    const action = config.state === "absent" ? "remove" : config.mode;
    summary.heading(`mtls: ${action} for ${scopeText(config)}${config.dryRun ? " (dry run)" : ""}`);
    summary.text(`API: \`${facts.apis.policy}\`${facts.apis.destinationRule ? `, DestinationRule \`${facts.apis.destinationRule}\`` : ""}`);
    if (facts.refused) {
        summary.heading("Sidecar pre-flight failed: nothing was applied", 3);
        summary.text(`${config.mode} would cut these off from the mesh:`);
    }
    else if (facts.withoutSidecar.length > 0 || facts.withoutInjection.length > 0) {
        summary.heading("Not in the mesh (require-sidecars is false)", 3);
    }
    if (facts.withoutSidecar.length > 0) {
        summary.table(["namespace", "pod", "problem"], facts.withoutSidecar.map((pod) => [pod.namespace, pod.pod, pod.reason]));
    }
    if (facts.withoutInjection.length > 0) {
        summary.table(["namespace", "problem"], facts.withoutInjection.map((ns) => [ns.namespace, ns.reason]));
    }
    const changing = facts.effective.filter((entry) => entry.mode !== entry.previousMode);
    summary.heading(facts.refused ? "Effective mTLS mode (unchanged: nothing applied)" : "Effective mTLS mode", 3);
    summary.text(changing.length === 0
        ? "No namespace or workload changes mode."
        : `${changing.length} namespace(s)/workload(s) ${facts.refused ? "would change" : "change"} mode: ${changing
            .map((entry) => `${entry.namespace}${entry.workload ? `/${entry.workload}` : ""} ${entry.previousMode} -> ${entry.mode}`)
            .join("; ")}.`);
    summary.table(["namespace", "workload", "mode", "decided by", "ports"], migrationRows(facts.effective));
    if (facts.warnings.length > 0) {
        summary.heading("Warnings", 3);
        summary.list(facts.warnings);
    }
    if (!facts.refused) {
        summary.heading("Objects", 3);
        if (!plan.changed)
            summary.text("Everything is already as requested; nothing was written.");
        summary.table(["kind", "object", facts.config.dryRun ? "would" : "action"], plan.changes.map((change) => [
            change.ref.kind,
            `${change.ref.namespace ? `${change.ref.namespace}/` : ""}${change.ref.name}`,
            change.action,
        ]));
        for (const change of plan.changes) {
            if (change.diff)
                summary.details(`diff: ${describeRef(change.ref)}`, change.diff, "diff");
        }
    }
}

;// CONCATENATED MODULE: ./lib/main.js









const PA = "PeerAuthentication";
/** Decides the API from discovery (never from a version string), or refuses the `api` input the cluster lacks. */
async function discoverApis(api, config) {
    const candidates = config.api === "auto"
        ? ["security.istio.io/v1", "security.istio.io/v1beta1", "authentication.istio.io/v1alpha1"]
        : [config.api];
    // Ask discovery about every candidate at once; the first served one in preference order wins.
    const served = await Promise.all(candidates.map((candidate) => api.serves(candidate, candidate === "authentication.istio.io/v1alpha1" ? "Policy" : PA)));
    const policy = candidates.find((_, index) => served[index]);
    if (policy === undefined) {
        throw new InputError("api", config.api === "auto"
            ? "the cluster serves neither PeerAuthentication (security.istio.io/v1, v1beta1) nor the legacy Policy (authentication.istio.io/v1alpha1)"
            : `the cluster does not serve ${config.api === "authentication.istio.io/v1alpha1" ? "Policy" : PA} in ${config.api}`, "install Istio (its CRDs) in the cluster, or choose the API it serves, or use api: auto");
    }
    const meshPolicy = policy === "authentication.istio.io/v1alpha1" && (await api.serves(policy, "MeshPolicy"));
    let destinationRule;
    if (config.destinationRules.length > 0) {
        for (const version of [
            "networking.istio.io/v1",
            "networking.istio.io/v1beta1",
            "networking.istio.io/v1alpha3",
        ]) {
            if (await api.serves(version, "DestinationRule")) {
                destinationRule = version;
                break;
            }
        }
        if (destinationRule === undefined) {
            throw new InputError("destination-rules", "the cluster does not serve DestinationRule (networking.istio.io)", "install Istio's networking CRDs, or remove destination-rules");
        }
    }
    if (isLegacy({ policy, meshPolicy, destinationRule }) && config.scope === "mesh" && !meshPolicy) {
        throw new InputError("scope", "mesh scope with the legacy API needs the MeshPolicy kind (authentication.istio.io/v1alpha1), which this cluster does not serve", "use scope: namespace for each namespace, or install the MeshPolicy CRD");
    }
    return { policy, meshPolicy, destinationRule };
}
async function existingNamespaces(api, names, input) {
    const found = await Promise.all(names.map((name) => api.get({ apiVersion: "v1", kind: "Namespace", name })));
    const missing = names.filter((_, index) => found[index] === undefined);
    if (missing.length > 0) {
        throw new InputError(input, `namespace${missing.length > 1 ? "s" : ""} ${missing.map((n) => `'${n}'`).join(", ")} do${missing.length > 1 ? "" : "es"} not exist`, "create the namespace first, or correct the name");
    }
    return found;
}
/** Reads what is in scope: namespaces, pods (grouped into workloads) and the policies that govern them. */
async function observe(api, config, apis) {
    let namespaces;
    if (config.scope === "mesh") {
        await existingNamespaces(api, [config.rootNamespace], "root-namespace");
        if (config.namespaces.length > 0)
            namespaces = await existingNamespaces(api, config.namespaces, "namespace");
        else {
            // Mesh scope covers every namespace but Kubernetes' own and the root namespace, which holds istiod
            // (no sidecar by design) and the gateways (their own proxy, not injected by a namespace label).
            const excluded = new Set([...SYSTEM_NAMESPACES, config.rootNamespace]);
            namespaces = (await api.list("v1", "Namespace")).filter((ns) => !excluded.has(ns.metadata.name));
        }
    }
    else {
        namespaces = await existingNamespaces(api, config.namespaces, "namespace");
    }
    namespaces.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    const labelSelector = config.scope === "workload" && config.selector
        ? Object.entries(config.selector)
            .map(([key, value]) => `${key}=${value}`)
            .join(",")
        : undefined;
    const policyNamespaces = [...new Set([config.rootNamespace, ...namespaces.map((ns) => ns.metadata.name)])];
    const policyKind = isLegacy(apis) ? "Policy" : PA;
    // Pods and policies are independent reads: one round of concurrent requests.
    const [podLists, policyLists, meshPolicies] = await Promise.all([
        Promise.all(namespaces.map((ns) => api.list("v1", "Pod", {
            namespace: ns.metadata.name,
            ...(labelSelector ? { labelSelector } : {}),
        }))),
        Promise.all(policyNamespaces.map((namespace) => api.list(apis.policy, policyKind, { namespace }))),
        isLegacy(apis) && apis.meshPolicy ? api.list(apis.policy, "MeshPolicy") : Promise.resolve([]),
    ]);
    const pods = podLists.flat();
    const policies = [...policyLists.flat(), ...meshPolicies];
    const running = pods.filter((pod) => pod.status?.phase !== "Succeeded" && pod.status?.phase !== "Failed");
    return { namespaces, pods, workloads: groupWorkloads(running), policies };
}
function isOwned(object) {
    return (object.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY_VALUE &&
        object.metadata.labels?.[ACTION_LABEL] === "mtls");
}
function canonicalJson(value) {
    const sort = (input) => Array.isArray(input)
        ? input.map(sort)
        : input && typeof input === "object"
            ? Object.fromEntries(Object.keys(input)
                .sort()
                .map((key) => [key, sort(input[key])]))
            : input;
    return JSON.stringify(sort(value ?? {}));
}
/** Server-side apply keeps fields another manager set; refuse when that would leave a spec we did not ask for. */
function checkNoForeignFields(plan) {
    for (const change of plan.changes) {
        if (!change.desired || !change.after)
            continue;
        const desired = (change.desired.spec ?? {});
        const after = (change.after.spec ?? {});
        if (canonicalJson(desired) === canonicalJson(after))
            continue;
        const fields = [...new Set([...Object.keys(desired), ...Object.keys(after)])]
            .filter((key) => canonicalJson(desired[key]) !== canonicalJson(after[key]))
            .map((key) => `spec.${key}`);
        throw new Error(`${describeRef(change.ref)} already holds fields another tool set (${fields.join(", ")}), which server-side apply would keep, ` +
            "so the result would not be the requested policy. Nothing was applied. " +
            `Fix: remove those fields or the object (kubectl -n ${change.ref.namespace ?? ""} edit ${change.ref.kind.toLowerCase()} ${change.ref.name}), or use another name input.`);
    }
}
function effectiveFromPeerPolicies(config, observed, after) {
    return effectiveReport({
        rootNamespace: config.rootNamespace,
        mesh: config.scope === "mesh",
        namespaces: config.scope === "workload" ? [] : observed.namespaces.map((ns) => ns.metadata.name),
        workloads: observed.workloads,
    }, observed.policies.map(peerPolicyOf), after.map(peerPolicyOf));
}
function effectiveFromLegacy(config, observed, after) {
    const entries = [];
    const add = (namespace, level) => {
        const before = legacyEffectiveMode(observed.policies, namespace);
        const now = legacyEffectiveMode(after, namespace);
        entries.push({
            namespace: namespace ?? config.rootNamespace,
            level,
            mode: now.mode,
            previousMode: before.mode,
            policy: now.decidedBy ?? "(no policy: plaintext)",
            ports: {},
            ignored: [],
        });
    };
    if (config.scope === "mesh")
        add(undefined, "mesh");
    for (const ns of observed.namespaces)
        add(ns.metadata.name, "namespace");
    return entries;
}
/** The mode this run is about: one namespace, the workload selector, or the mesh. Empty when targets differ. */
function headlineMode(config, entries, after, legacy) {
    if (config.scope === "mesh")
        return entries.find((entry) => entry.level === "mesh")?.mode ?? "";
    let modes;
    if (config.scope === "workload" && !legacy) {
        const policies = after.map(peerPolicyOf);
        modes = config.namespaces.map((namespace) => effectiveMtlsMode(policies, { namespace, labels: config.selector }, config.rootNamespace).mode);
    }
    else {
        modes = entries.filter((entry) => entry.level === "namespace").map((entry) => entry.mode);
    }
    return modes.length > 0 && modes.every((mode) => mode === modes[0]) ? modes[0] : "";
}
/** Our own policy must be the one Istio uses at its level; a newer duplicate would be silently ignored. */
function checkOwnPoliciesUsed(config, plan, after) {
    const policies = after.map(peerPolicyOf);
    for (const change of plan.changes) {
        if (change.ref.kind !== PA || !change.desired)
            continue;
        const namespace = change.ref.namespace;
        const result = effectiveMtlsMode(policies, { namespace, labels: config.scope === "workload" ? config.selector : undefined }, config.rootNamespace);
        if (isUsed(result, { namespace, name: change.ref.name }))
            continue;
        const reason = result.ignored.find((item) => item.policy === policyId({ namespace, name: change.ref.name }));
        throw new Error(`${describeRef(change.ref)} would be ignored by Istio: ${reason?.reason ?? "another policy takes precedence"}. Nothing was applied. ` +
            `Fix: pass name: ${(result.winners.workload ?? result.winners.namespace ?? result.winners.mesh ?? "").split("/")[1] ?? "<the older policy>"} to manage the policy Istio uses, or delete the older one.`);
    }
}
function setOutputs(reporter, values) {
    reporter.setOutput("changed", String(values.changed));
    reporter.setOutput("effective-mode", values.effectiveMode);
    reporter.setOutput("effective", JSON.stringify(values.effective));
    reporter.setOutput("workloads-without-sidecar", JSON.stringify(values.withoutSidecar));
    reporter.setOutput("previous-state", JSON.stringify(values.previous));
}
function warnIgnored(reporter, entries) {
    const warnings = new Map();
    for (const entry of entries) {
        for (const item of entry.ignored)
            warnings.set(item.policy, `${item.policy} is ignored: ${item.reason}`);
    }
    for (const warning of warnings.values())
        reporter.warning(warning, { title: "mtls: ignored policy" });
    return [...warnings.values()];
}
async function apply(api, reporter, config) {
    const apis = await discoverApis(api, config);
    const legacy = isLegacy(apis);
    const observed = await observe(api, config, apis);
    const withoutSidecar = podsWithoutSidecar(observed.pods);
    const withoutInjection = config.scope === "workload" ? [] : namespacesWithoutInjection(observed.namespaces);
    const rendered = renderObjects(config, apis);
    const skipped = [];
    let plan;
    if (config.state === "present") {
        plan = await planChanges(api, { apply: rendered }, FIELD_MANAGER);
    }
    else {
        const remove = [];
        for (const object of rendered) {
            const live = await api.get(refOf(object));
            if (live && !isOwned(live))
                skipped.push(describeRef(refOf(object)));
            else
                remove.push(refOf(object));
        }
        plan = await planChanges(api, { apply: [], remove }, FIELD_MANAGER);
    }
    const previous = state_buildPreviousState(plan.changes);
    const written = plan.changes.flatMap((change) => change.action === "create" || change.action === "update" || change.action === "unchanged"
        ? [change.after]
        : []);
    const removed = plan.changes.filter((change) => change.action === "delete").map((change) => change.ref);
    const policiesNow = policiesAfter(observed.policies, written, removed, new Date().toISOString());
    const effective = legacy
        ? effectiveFromLegacy(config, observed, policiesNow)
        : effectiveFromPeerPolicies(config, observed, policiesNow);
    const effectiveMode = headlineMode(config, effective, policiesNow, legacy);
    const warnings = warnIgnored(reporter, effective);
    if (legacy) {
        for (const entry of effective) {
            if (entry.workload !== undefined || entry.namespace === undefined)
                continue;
            for (const warning of serviceTargetedOverrides(policiesNow, entry.namespace, entry.mode)) {
                reporter.warning(warning, { title: "mtls: a service-targeted Policy overrides the namespace" });
                warnings.push(warning);
            }
        }
    }
    for (const ref of skipped) {
        const warning = `${ref} exists but was not created by mesh-secure/mtls (no ${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE} label); state absent leaves it alone.`;
        reporter.warning(warning, { title: "mtls: not removed" });
        warnings.push(warning);
    }
    const failOnSidecars = config.requireSidecars && (withoutSidecar.length > 0 || withoutInjection.length > 0);
    const outputs = { effectiveMode, effective, withoutSidecar, previous };
    writeSummary(reporter.summary, {
        config,
        apis,
        plan,
        effective,
        withoutSidecar,
        withoutInjection,
        warnings,
        refused: failOnSidecars,
    });
    if (failOnSidecars) {
        // Nothing is applied, so the outputs report the modes as they are, not as they would be.
        const current = legacy
            ? effectiveFromLegacy(config, observed, observed.policies)
            : effectiveFromPeerPolicies(config, observed, observed.policies);
        setOutputs(reporter, {
            ...outputs,
            effective: current,
            effectiveMode: headlineMode(config, current, observed.policies, legacy),
            changed: false,
        });
        throw new Error(preflightMessage(withoutSidecar, withoutInjection, config.mode));
    }
    for (const pod of withoutSidecar) {
        reporter.warning(`pod ${pod.namespace}/${pod.pod}: ${pod.reason} (require-sidecars is false)`, {
            title: "mtls: workload not in the mesh",
        });
    }
    for (const ns of withoutInjection) {
        reporter.warning(`namespace ${ns.namespace}: ${ns.reason} (require-sidecars is false)`, {
            title: "mtls: namespace not injected",
        });
    }
    if (config.state === "present") {
        checkNoForeignFields(plan);
        if (!legacy)
            checkOwnPoliciesUsed(config, plan, policiesNow);
    }
    if (config.scope === "workload" && observed.workloads.length === 0) {
        reporter.warning(`selector ${Object.entries(config.selector ?? {})
            .map(([k, v]) => `${k}=${v}`)
            .join(",")} matches no pod in ${config.namespaces.join(", ")} (cf. istioctl analyze IST0127).`, { title: "mtls: no matching workload" });
    }
    if (!plan.changed) {
        reporter.info("Everything is already as requested; nothing was written.");
    }
    else if (config.dryRun) {
        reporter.info("Dry run: the API server validated every object; nothing was written.");
    }
    else {
        await executePlan(api, plan, {
            fieldManager: FIELD_MANAGER,
            // Independent objects (one per namespace): written concurrently; a failure undoes every write that succeeded.
            concurrency: 8,
            onWrite: (change) => reporter.info(`${change.action}: ${describeRef(change.ref)}`),
        });
    }
    // In a dry run `changed` means "would change", as in the other actions (the PR plan reads it).
    setOutputs(reporter, { ...outputs, changed: plan.changed });
}
/** Restores a previous-state snapshot and nothing else: a server dry run first, then for real. */
async function rollback(api, reporter, state, dryRun, rootNamespace) {
    const refs = [...state.objects.map(refOf), ...state.absent];
    const { changes, changed, previous } = await rollbackToPreviousState(api, state, {
        fieldManager: FIELD_MANAGER,
        dryRun,
    });
    // The modes the restored objects decide, namespace by namespace.
    const effective = [];
    const namespaces = [
        ...new Set(refs.map((ref) => ref.namespace).filter((ns) => ns !== undefined)),
    ];
    const paVersion = refs.find((ref) => ref.kind === PA)?.apiVersion;
    if (paVersion && !dryRun) {
        const policies = (await Promise.all([...new Set([rootNamespace, ...namespaces])].map((namespace) => api.list(paVersion, PA, { namespace }))))
            .flat()
            .map(peerPolicyOf);
        for (const namespace of namespaces) {
            const result = effectiveMtlsMode(policies, { namespace }, rootNamespace);
            effective.push({
                namespace,
                level: namespace === rootNamespace ? "mesh" : "namespace",
                mode: result.mode,
                previousMode: result.mode,
                policy: result.decidedBy ?? ISTIO_DEFAULT,
                ports: result.ports,
                ignored: result.ignored,
            });
        }
    }
    const summary = reporter.summary;
    summary.heading(`mtls: rollback${dryRun ? " (dry run)" : ""}`);
    summary.text(changed
        ? `${dryRun ? "Would restore" : "Restored"} ${changes.filter((c) => c.action !== "unchanged").length} object(s) to the previous state.`
        : "The objects already match the previous state; nothing was written.");
    summary.table(["kind", "object", "action"], changes.map((change) => [
        change.ref.kind,
        `${change.ref.namespace ? `${change.ref.namespace}/` : ""}${change.ref.name}`,
        change.action,
    ]));
    for (const change of changes) {
        if (change.diff)
            summary.details(`diff: ${describeRef(change.ref)}`, change.diff, "diff");
    }
    for (const change of changes) {
        if (change.action !== "unchanged")
            reporter.info(`${dryRun ? "would " : ""}${change.action}: ${describeRef(change.ref)}`);
    }
    setOutputs(reporter, {
        changed,
        effectiveMode: effective.length === 1 ? effective[0].mode : "",
        effective,
        withoutSidecar: [],
        previous,
    });
}
async function main({ inputs, reporter }) {
    const problems = new InputProblems();
    const rollbackInput = inputs.raw("rollback");
    let state;
    let config;
    let dryRun = false;
    if (rollbackInput !== undefined) {
        state = problems.collect(() => state_parsePreviousState(rollbackInput));
        dryRun = problems.collect(() => inputs.boolean("dry-run", false)) ?? false;
    }
    else {
        config = readConfig(inputs, problems);
    }
    const connection = connectCluster(inputs, reporter, problems);
    problems.throwIfAny();
    try {
        if (state) {
            await rollback(connection.api, reporter, state, dryRun, inputs.string("root-namespace", "istio-system"));
        }
        else {
            await apply(connection.api, reporter, config);
        }
    }
    finally {
        await connection?.close();
    }
}
function run(context) {
    return runStep("mtls", main, context);
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(655);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
