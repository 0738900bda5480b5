import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 655:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(886);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 886:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// UNUSED EXPORTS: main

;// CONCATENATED MODULE: ../../packages/action-runtime/lib/errors.js
/**
 * Errors that reach users. Each one says what was wrong, where, and how to fix it, because the
 * person reading it is looking at a failed pipeline, not at our source.
 */
/** An input that cannot be used. Thrown before anything is written. */
class errors_InputError extends Error {
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
class errors_InputProblems {
    errors = [];
    add(input, problem, fix) {
        this.errors.push(new errors_InputError(input, problem, fix));
    }
    /** Runs `check`, recording an InputError it throws instead of stopping at the first problem. */
    collect(check) {
        try {
            return check();
        }
        catch (error) {
            if (error instanceof errors_InputError) {
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



function kube_api_refOf(object) {
    return {
        apiVersion: object.apiVersion,
        kind: object.kind,
        name: object.metadata.name,
        namespace: object.metadata.namespace,
    };
}
function kube_api_describeRef(ref) {
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
class kube_api_KubeApi {
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
            ? new https.Agent({ keepAlive: true, maxSockets: 16, ...kc.tlsOptions() })
            : new http.Agent({ keepAlive: true, maxSockets: 16 });
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
        const session = http2.connect(this.server, { ...this.kc.tlsOptions(), ALPNProtocols: ["h2"] });
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
        const transport = url.protocol === "https:" ? https : http;
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
            stream.setTimeout(30_000, () => stream.close(http2.constants.NGHTTP2_CANCEL));
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
            return (await this.request("GET", path, { what: kube_api_describeRef(ref), namespace: ref.namespace }))
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
        const path = await this.resourcePath(kube_api_refOf(object), object.metadata.name);
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
            what: kube_api_describeRef(kube_api_refOf(object)),
            namespace: object.metadata.namespace,
        });
        return body;
    }
    /** Replaces an object wholesale (used to restore an exact earlier state, managed fields included). */
    async replace(object, options) {
        const path = await this.resourcePath(kube_api_refOf(object), object.metadata.name);
        const query = new URLSearchParams({ fieldManager: options.fieldManager, fieldValidation: "Strict" });
        if (options.dryRun)
            query.set("dryRun", "All");
        const { body } = await this.request("PUT", `${path}?${query}`, {
            body: object,
            what: kube_api_describeRef(kube_api_refOf(object)),
            namespace: object.metadata.namespace,
        });
        return body;
    }
    async create(object, options) {
        const path = await this.resourcePath(kube_api_refOf(object));
        const query = new URLSearchParams({ fieldManager: options.fieldManager, fieldValidation: "Strict" });
        if (options.dryRun)
            query.set("dryRun", "All");
        const { body } = await this.request("POST", `${path}?${query}`, {
            body: object,
            what: kube_api_describeRef(kube_api_refOf(object)),
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
                what: kube_api_describeRef(ref),
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
function config_types_newClusters(a, opts) {
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
function config_types_newUsers(a, opts) {
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
            return fs.readFileSync(user['token-file']).toString();
        }
    }
}
function config_types_newContexts(a, opts) {
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

class exec_auth_ExecAuth {
    constructor() {
        this.tokenCache = {};
        this.execFn = child_process.spawn;
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

class file_auth_FileAuth {
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
        this.token = fs.readFileSync(filePath).toString('utf-8');
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
const js_yaml_yaml = /* @__PURE__ */ getDefaultExportFromCjs(jsYamlExports);
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
} = js_yaml_yaml;

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
        const parsed = yaml.load(readFileSync(file, "utf8"));
        if (!parsed || typeof parsed !== "object")
            throw new Error("the file is empty or not a YAML mapping");
        this.clusters = newClusters(parsed.clusters);
        this.users = newUsers(parsed.users);
        this.contexts = newContexts(parsed.contexts);
        this.currentContext = parsed["current-context"];
        const root = dirname(file);
        const absolute = (path) => path === undefined || isAbsolute(path) ? path : `${root}/${path}`;
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
        const read = (file, data) => file ? readFileSync(file) : data ? Buffer.from(data, "base64") : undefined;
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
function kubeconfig_loadKubeconfig(options) {
    const env = options.env ?? process.env;
    const kc = new KubeConfig();
    let source;
    let dispose = () => { };
    if (options.content !== undefined) {
        maskKubeconfigSecrets(options.content, options.mask);
        const base = env.RUNNER_TEMP && existsSync(env.RUNNER_TEMP) ? env.RUNNER_TEMP : tmpdir();
        const dir = mkdtempSync(join(base, "mesh-secure-"));
        const file = join(dir, `kubeconfig-${randomBytes(4).toString("hex")}`);
        writeFileSync(file, options.content, { mode: 0o600 });
        dispose = () => rmSync(dir, { recursive: true, force: true });
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
        if (!existsSync(path)) {
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
    else if (existsSync(join(homedir(), ".kube", "config"))) {
        kc.loadFromFile(join(homedir(), ".kube", "config"));
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
            throw new errors_InputError(name, "is required but was not given", hint);
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
        throw new errors_InputError(name, `'${value}' is not a boolean`, "use true or false");
    }
    integer(name, fallback, range = {}) {
        const value = this.string(name);
        if (value === undefined)
            return fallback;
        if (!/^-?\d+$/.test(value)) {
            throw new errors_InputError(name, `'${value}' is not a whole number`, "give a whole number such as 30");
        }
        const parsed = Number.parseInt(value, 10);
        if (range.min !== undefined && parsed < range.min) {
            throw new errors_InputError(name, `${parsed} is below the minimum ${range.min}`, `use ${range.min} or more`);
        }
        if (range.max !== undefined && parsed > range.max) {
            throw new errors_InputError(name, `${parsed} is above the maximum ${range.max}`, `use ${range.max} or less`);
        }
        return parsed;
    }
    number(name, fallback, range = {}) {
        const value = this.string(name);
        if (value === undefined)
            return fallback;
        const parsed = Number(value);
        if (!Number.isFinite(parsed)) {
            throw new errors_InputError(name, `'${value}' is not a number`, "give a number such as 2 or 0.5");
        }
        if (range.min !== undefined && parsed < range.min) {
            throw new errors_InputError(name, `${parsed} is below the minimum ${range.min}`, `use ${range.min} or more`);
        }
        if (range.max !== undefined && parsed > range.max) {
            throw new errors_InputError(name, `${parsed} is above the maximum ${range.max}`, `use ${range.max} or less`);
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
            throw new errors_InputError(name, `'${value}' is not one of ${choices.join(", ")}`, `use one of ${choices.join(", ")}`);
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
                parsed = js_yaml_yaml.load(trimmed);
            }
            catch (error) {
                throw new errors_InputError(name, `is not a valid YAML list (${error.message.split("\n")[0]})`, "give one item per line, comma-separated items, or a YAML list");
            }
            if (!Array.isArray(parsed) ||
                parsed.some((item) => typeof item !== "string" && typeof item !== "number")) {
                throw new errors_InputError(name, "must be a list of plain strings", "give one item per line, or a YAML list of strings");
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
            return js_yaml_yaml.load(value);
        }
        catch (error) {
            throw new errors_InputError(name, `is not valid YAML (${error.message.split("\n")[0]})`, "check the indentation and quoting of the value");
        }
    }
}
function splitList(value) {
    return value
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter((item) => item !== "" && !item.startsWith("#"));
}

;// CONCATENATED MODULE: ../../packages/action-runtime/lib/plan.js



const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
const MANAGED_BY_VALUE = "mesh-secure";
const volatileMetadata = (/* unused pure expression or super */ null && ([
    "managedFields",
    "resourceVersion",
    "generation",
    "creationTimestamp",
    "uid",
    "selfLink",
]));
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
        super(`Writing ${kube_api_describeRef(failed.ref)} failed: ${reason}\n` +
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
async function plan_restoreSnapshot(api, snapshot, current, options) {
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



const PREVIOUS_STATE_VERSION = 1;
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
    return { version: PREVIOUS_STATE_VERSION, action, objects, absent };
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
    if (parsed.version !== PREVIOUS_STATE_VERSION) {
        throw refuse(`has version ${String(parsed.version)}; this action reads version ${PREVIOUS_STATE_VERSION}`);
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
    if (error instanceof InputErrors || error instanceof errors_InputError) {
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
    if (!(error instanceof errors_InputError) &&
        !(error instanceof KubeApiError) &&
        !(error instanceof PartialApplyError) &&
        error instanceof Error &&
        error.stack) {
        reporter.debug(error.stack);
    }
    reporter.setFailed(message);
}

;// CONCATENATED MODULE: ../../packages/action-runtime/lib/index.js











;// CONCATENATED MODULE: ./lib/dn.js
/**
 * Distinguished names compared as sets of attribute=value pairs: `CN=minikube.me, O=minikube.me` equals
 * `O=minikube.me,CN=minikube.me` (keytool prints RFC 2253 order, openssl and Node the encoding order).
 */
const ALIASES = {
    COMMONNAME: "CN",
    ORGANIZATIONNAME: "O",
    ORGANIZATIONALUNITNAME: "OU",
    COUNTRYNAME: "C",
    STATEORPROVINCENAME: "ST",
    S: "ST",
    LOCALITYNAME: "L",
    EMAIL: "EMAILADDRESS",
    E: "EMAILADDRESS",
    "2.5.4.3": "CN",
    "2.5.4.10": "O",
    "2.5.4.11": "OU",
    "2.5.4.6": "C",
    "2.5.4.8": "ST",
    "2.5.4.7": "L",
};
function canonicalType(type) {
    const upper = type.trim().toUpperCase();
    return ALIASES[upper] ?? upper;
}
/** Splits on separators that are not escaped with a backslash. */
function splitUnescaped(text, separators) {
    const parts = [];
    let current = "";
    for (let index = 0; index < text.length; index++) {
        const char = text[index];
        if (char === "\\" && index + 1 < text.length) {
            current += text[++index];
        }
        else if (separators.includes(char)) {
            parts.push(current);
            current = "";
        }
        else {
            current += char;
        }
    }
    parts.push(current);
    return parts;
}
/**
 * Parses `CN=a, O=b`, `/CN=a/O=b` (openssl's one-line form) or Node's newline-separated form.
 * Throws a SyntaxError naming the part that is not `attribute=value`.
 */
function parseDn(text) {
    const trimmed = text.trim();
    const body = trimmed.startsWith("/") ? trimmed.slice(1) : trimmed;
    const separators = trimmed.startsWith("/") ? "/" : trimmed.includes("\n") ? "\n" : ",;+";
    const attributes = [];
    for (const part of splitUnescaped(body, separators)) {
        if (part.trim() === "")
            continue;
        const equals = part.indexOf("=");
        if (equals <= 0)
            throw new SyntaxError(`'${part.trim()}' is not attribute=value`);
        attributes.push({ type: canonicalType(part.slice(0, equals)), value: part.slice(equals + 1).trim() });
    }
    if (attributes.length === 0)
        throw new SyntaxError("no attribute=value pairs");
    return attributes;
}
/** Values compare case-insensitively with runs of spaces collapsed (X.520 caseIgnoreMatch). */
function key(attribute) {
    return `${attribute.type}=${attribute.value.replace(/\s+/g, " ").toLowerCase()}`;
}
function compareDn(expected, actual) {
    const remaining = actual.map(key);
    const missing = [];
    for (const attribute of expected) {
        const index = remaining.indexOf(key(attribute));
        if (index === -1)
            missing.push(attribute);
        else
            remaining.splice(index, 1);
    }
    const unexpected = actual.filter((attribute) => remaining.includes(key(attribute)));
    return { equal: missing.length === 0 && unexpected.length === 0, missing, unexpected };
}
/** `CN=minikube.me, O=minikube.me`, in the order given. */
function formatDn(attributes) {
    return attributes
        .map((attribute) => `${attribute.type}=${attribute.value.replace(/([,+;])/g, "\\$1")}`)
        .join(", ");
}

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
;// CONCATENATED MODULE: external "node:tls"
const external_node_tls_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");
;// CONCATENATED MODULE: ./lib/config.js
/**
 * The inputs, validated together before any request is made: every problem is reported at once, each
 * naming the input and how to fix it.
 */





const CHECKS = ["tls", "expiry", "auth", "attacks", "mtls"];
/** Everything secret among the inputs; main masks these before anything else happens. */
function secretInputs(inputs) {
    return [inputs.string("client-secret"), inputs.string("access-token")].filter((value) => value !== undefined);
}
function parseUrl(value, protocols) {
    try {
        const url = new URL(value);
        return protocols.includes(url.protocol) ? url : undefined;
    }
    catch {
        return undefined;
    }
}
function urlPort(url) {
    return url.port || (url.protocol === "https:" ? "443" : "80");
}
/** curl's `--resolve host:port:address` (an IPv6 address may be in brackets). */
function parseResolve(entry) {
    const match = /^([^:\s]+):(\d{1,5}):\[?([^\]\s]+)\]?$/.exec(entry.trim());
    if (!match)
        return undefined;
    const port = Number(match[2]);
    if (port < 1 || port > 65535 || (0,external_node_net_namespaceObject.isIP)(match[3]) === 0)
        return undefined;
    return { key: `${match[1].toLowerCase()}:${port}`, address: match[3] };
}
function readConfig(inputs) {
    const problems = new errors_InputProblems();
    const urls = [];
    const mtlsUrls = [];
    for (const value of problems.collect(() => inputs.list("mtls-urls")) ?? []) {
        const url = parseUrl(value, ["http:"]);
        if (url)
            mtlsUrls.push(url);
        else
            problems.add("mtls-urls", `'${value}' is not an http:// URL`, "give in-mesh plaintext addresses such as http://product-composite.hands-on:80/ (the check sends plaintext on purpose)");
    }
    const urlValues = problems.collect(() => inputs.list("urls")) ?? [];
    if (urlValues.length === 0 && mtlsUrls.length === 0) {
        problems.add("urls", "is required but was not given", "list the endpoints to check, e.g. urls: https://minikube.me/product-composite/2");
    }
    for (const value of urlValues) {
        const url = parseUrl(value, ["https:", "http:"]);
        if (url)
            urls.push(url);
        else
            problems.add("urls", `'${value}' is not an http(s) URL`, "give full URLs such as https://minikube.me/product-composite/2");
    }
    const resolve = new Map();
    for (const entry of problems.collect(() => inputs.list("resolve")) ?? []) {
        const parsed = parseResolve(entry);
        if (parsed)
            resolve.set(parsed.key, parsed.address);
        else
            problems.add("resolve", `'${entry}' is not host:port:address`, "write it as curl's --resolve, e.g. minikube.me:443:192.168.49.2");
    }
    let caCert;
    const caValue = inputs.raw("ca-cert")?.trim();
    if (caValue !== undefined) {
        const pem = caValue.includes("-----BEGIN")
            ? caValue
            : (0,external_node_fs_namespaceObject.existsSync)(caValue)
                ? (0,external_node_fs_namespaceObject.readFileSync)(caValue, "utf8")
                : undefined;
        if (pem === undefined) {
            problems.add("ca-cert", "is neither a PEM certificate nor a readable file", "give the CA certificate's PEM text or a path to it");
        }
        else {
            try {
                new external_node_crypto_namespaceObject.X509Certificate(pem);
                caCert = pem;
            }
            catch (error) {
                problems.add("ca-cert", `is not a valid PEM certificate (${error.message})`, "give the CA certificate in PEM");
            }
        }
    }
    const allowSelfSigned = problems.collect(() => inputs.boolean("allow-self-signed", false)) ?? false;
    const readDn = (name) => {
        const value = name === "expect-subject" ? inputs.string("expect-subject") : inputs.string("expect-issuer");
        if (value === undefined)
            return undefined;
        try {
            return parseDn(value);
        }
        catch (error) {
            problems.add(name, `'${value}' is not a distinguished name: ${error.message}`, "write it as CN=minikube.me, O=minikube.me");
            return undefined;
        }
    };
    const expectSubject = readDn("expect-subject");
    const expectIssuer = readDn("expect-issuer");
    const minDaysValid = problems.collect(() => inputs.integer("min-days-valid", 14, { min: 0 })) ?? 14;
    const warnDays = problems.collect(() => inputs.integer("warn-days", 30, { min: 0 })) ?? 30;
    if (warnDays < minDaysValid) {
        problems.add("warn-days", `${warnDays} is below min-days-valid (${minDaysValid})`, `use ${minDaysValid} or more, so the warning comes before the failure`);
    }
    const statusRange = { min: 100, max: 599 };
    const expectUnauthenticatedStatus = problems.collect(() => inputs.integer("expect-unauthenticated-status", 401, statusRange)) ?? 401;
    const expectUnauthenticatedBody = inputs.raw("expect-unauthenticated-body")?.trim();
    // An empty input counts as "not given" in GitHub Actions, so an empty body needs its own switch.
    const expectUnauthenticatedEmptyBody = problems.collect(() => inputs.boolean("expect-unauthenticated-empty-body", false)) ?? false;
    if (expectUnauthenticatedEmptyBody && expectUnauthenticatedBody !== undefined) {
        problems.add("expect-unauthenticated-empty-body", "was set together with expect-unauthenticated-body", "give either a text the body must contain, or expect-unauthenticated-empty-body: true");
    }
    const expectAuthenticatedStatus = problems.collect(() => inputs.integer("expect-authenticated-status", 200, statusRange)) ?? 200;
    const accessToken = inputs.string("access-token");
    const tokenUrlValue = inputs.string("token-url");
    const clientId = inputs.string("client-id");
    const clientSecret = inputs.string("client-secret");
    const scope = inputs.string("scope");
    let tokenRequest;
    if (accessToken !== undefined && tokenUrlValue !== undefined) {
        problems.add("access-token", "was given together with token-url", "give either access-token or token-url with client-id and client-secret");
    }
    else if (tokenUrlValue !== undefined) {
        const url = parseUrl(tokenUrlValue, ["https:", "http:"]);
        if (!url)
            problems.add("token-url", `'${tokenUrlValue}' is not an http(s) URL`, "give the token endpoint, e.g. https://minikube.me/oauth2/token");
        if (url && (url.username || url.password)) {
            problems.add("token-url", "carries credentials in the URL", "remove them from the URL and give client-id and client-secret instead");
        }
        if (clientId === undefined)
            problems.add("client-id", "is required with token-url", "give the OAuth client id, e.g. writer");
        if (clientSecret === undefined)
            problems.add("client-secret", "is required with token-url", "give the client secret from a repository secret, e.g. ${{ secrets.CLIENT_SECRET }}");
        if (url && clientId !== undefined && clientSecret !== undefined) {
            tokenRequest = { url, clientId, clientSecret, ...(scope ? { scope } : {}) };
        }
    }
    else if (clientId !== undefined || clientSecret !== undefined || scope !== undefined) {
        problems.add("token-url", "is required with client-id, client-secret or scope", "give the token endpoint, e.g. https://minikube.me/oauth2/token");
    }
    const tokenAvailable = accessToken !== undefined || tokenUrlValue !== undefined;
    const attackSuite = problems.collect(() => inputs.boolean("attack-suite", tokenAvailable)) ?? false;
    if (attackSuite && !tokenAvailable) {
        problems.add("attack-suite", "needs a valid token to forge from", "give access-token or token-url with client-id and client-secret, or set attack-suite: false");
    }
    let jwksUri;
    const jwksValue = inputs.string("jwks-uri");
    if (jwksValue !== undefined) {
        jwksUri = parseUrl(jwksValue, ["https:", "http:"]);
        if (!jwksUri)
            problems.add("jwks-uri", `'${jwksValue}' is not an http(s) URL`, "give the issuer's JWKS, e.g. https://minikube.me/.well-known/jwks.json");
    }
    const expectMtls = problems.collect(() => inputs.choice("expect-mtls", ["strict", "permissive"], "strict")) ??
        "strict";
    const waitTimeout = problems.collect(() => inputs.number("wait-timeout", 0, { min: 0, max: 3600 })) ?? 0;
    const interval = problems.collect(() => inputs.number("interval", 5, { min: 0.1, max: 600 })) ?? 5;
    const httpsUrls = urls.filter((url) => url.protocol === "https:");
    const possible = {
        tls: httpsUrls.length > 0 ? undefined : "needs at least one https:// URL in urls",
        expiry: httpsUrls.length > 0 ? undefined : "needs at least one https:// URL in urls",
        auth: urls.length > 0 ? undefined : "needs urls",
        attacks: urls.length === 0
            ? "needs urls"
            : attackSuite
                ? undefined
                : tokenAvailable
                    ? "is turned off by attack-suite: false"
                    : "needs a token (access-token, or token-url with client-id and client-secret)",
        mtls: mtlsUrls.length > 0 ? undefined : "needs mtls-urls",
    };
    const checks = new Set();
    const requested = problems.collect(() => inputs.list("checks")) ?? [];
    if (requested.length === 0) {
        for (const check of CHECKS)
            if (possible[check] === undefined)
                checks.add(check);
    }
    for (const value of requested) {
        const check = CHECKS.find((name) => name === value.toLowerCase());
        if (check === undefined) {
            problems.add("checks", `'${value}' is not a check`, `use some of ${CHECKS.join(", ")}`);
        }
        else if (possible[check] !== undefined) {
            problems.add("checks", `'${check}' ${possible[check]}`, "give the inputs it needs, or leave it out of checks");
        }
        else {
            checks.add(check);
        }
    }
    problems.throwIfAny();
    return {
        urls,
        resolve,
        ...(caCert ? { caCert } : {}),
        allowSelfSigned,
        ...(expectSubject ? { expectSubject } : {}),
        ...(expectIssuer ? { expectIssuer } : {}),
        minDaysValid,
        warnDays,
        expectUnauthenticatedStatus,
        ...(expectUnauthenticatedBody ? { expectUnauthenticatedBody } : {}),
        expectUnauthenticatedEmptyBody,
        expectAuthenticatedStatus,
        ...(accessToken ? { accessToken } : {}),
        ...(tokenRequest ? { tokenRequest } : {}),
        attackSuite,
        ...(jwksUri ? { jwksUri } : {}),
        mtlsUrls,
        expectMtls,
        waitTimeout,
        interval,
        checks,
        requestTimeoutMs: 10_000,
        // Endpoints in flight at once: TLS handshakes and requests are I/O-bound; 16 keeps a scan of hundreds quick
        // without opening hundreds of sockets.
        concurrency: 16,
    };
}

;// CONCATENATED MODULE: ./lib/net.js
/**
 * The requests the checks make: a TLS handshake probe and plain HTTP(S) requests, both honouring `resolve`
 * (connect to the given address, keep the URL's host for SNI and the Host header, as curl --resolve does),
 * with a timeout per request and retries on transient network errors only (never on an answer).
 */





function targetOf(url, resolve) {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const port = urlPort(url);
    const address = resolve.get(`${host.toLowerCase()}:${port}`) ?? host;
    return {
        address,
        port: Number(port),
        ...((0,external_node_net_namespaceObject.isIP)(host) === 0 ? { servername: host } : {}),
        hostHeader: url.host,
    };
}
class NetworkError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.name = "NetworkError";
        this.code = code;
    }
}
function networkError(error) {
    if (error instanceof NetworkError)
        return error;
    const err = error;
    return new NetworkError(err.code ?? "ERROR", err.message ?? String(error));
}
/** Errors that say nothing about the server's configuration: the connection could not be made or was lost. */
const TRANSIENT = new Set([
    "ECONNREFUSED",
    "ECONNRESET",
    "ETIMEDOUT",
    "EAI_AGAIN",
    "EPIPE",
    "ENETUNREACH",
    "EHOSTUNREACH",
    "ECONNABORTED",
]);
async function withRetries(attempt, options = {}) {
    const retries = options.retries ?? 2;
    const retryOn = options.retryOn ?? TRANSIENT;
    for (let index = 0;; index++) {
        try {
            return await attempt();
        }
        catch (error) {
            const failure = networkError(error);
            if (index >= retries || !retryOn.has(failure.code))
                throw failure;
            await new Promise((resolve) => setTimeout(resolve, (options.delayMs ?? 300) * 2 ** index));
        }
    }
}
const secureContexts = new Map();
/**
 * One SecureContext per set of TLS options: building one parses the CA bundle (or loads the system roots),
 * which would otherwise happen again for every endpoint of a large scan.
 */
function secureContextFor(options) {
    const key = JSON.stringify([
        options.ca ?? "",
        options.minVersion ?? "",
        options.maxVersion ?? "",
        options.ciphers ?? "",
    ]);
    let context = secureContexts.get(key);
    if (!context) {
        context = (0,external_node_tls_namespaceObject.createSecureContext)({
            ...(options.ca ? { ca: options.ca } : {}),
            ...(options.minVersion ? { minVersion: options.minVersion } : {}),
            ...(options.maxVersion ? { maxVersion: options.maxVersion } : {}),
            ...(options.ciphers ? { ciphers: options.ciphers } : {}),
        });
        secureContexts.set(key, context);
    }
    return context;
}
/** One TLS handshake; never rejects an untrusted chain (that is what it reports). */
function probeTls(target, options) {
    return new Promise((resolve, reject) => {
        let socket;
        try {
            socket = (0,external_node_tls_namespaceObject.connect)({
                host: target.address,
                port: target.port,
                ...(target.servername ? { servername: target.servername } : {}),
                secureContext: secureContextFor(options),
                rejectUnauthorized: false,
                // The probe only handshakes: identity is checked explicitly, against the URL's host.
                checkServerIdentity: () => undefined,
            });
        }
        catch (error) {
            reject(networkError(error));
            return;
        }
        const timer = setTimeout(() => socket.destroy(new NetworkError("ETIMEDOUT", `no TLS handshake within ${options.timeoutMs} ms`)), options.timeoutMs);
        socket.once("secureConnect", () => {
            clearTimeout(timer);
            const peer = socket.getPeerCertificate(true);
            const certificate = socket.getPeerX509Certificate();
            const chainSubjects = [];
            let link = peer;
            const seen = new Set();
            while (link?.fingerprint256 && !seen.has(link.fingerprint256)) {
                seen.add(link.fingerprint256);
                chainSubjects.push(Object.entries(link.subject ?? {})
                    .map(([k, v]) => `${k}=${String(v)}`)
                    .join(", "));
                link = link.issuerCertificate;
            }
            const result = {
                authorized: socket.authorized,
                ...(socket.authorizationError ? { authorizationError: String(socket.authorizationError) } : {}),
                protocol: socket.getProtocol() ?? "unknown",
                cipher: socket.getCipher()?.name ?? "unknown",
                certificate: certificate,
                peer,
                chainSubjects,
            };
            socket.destroy();
            if (!certificate)
                reject(new NetworkError("ENOCERT", "the server sent no certificate"));
            else
                resolve(result);
        });
        socket.once("error", (error) => {
            clearTimeout(timer);
            reject(networkError(error));
        });
    });
}
function httpCall(url, target, options) {
    return new Promise((resolve, reject) => {
        const https = url.protocol === "https:";
        const requestOptions = {
            host: target.address,
            port: target.port,
            path: `${url.pathname}${url.search}`,
            method: options.method ?? "GET",
            headers: { host: target.hostHeader, "user-agent": "mesh-secure-verify", ...options.headers },
            agent: false,
            ...(https
                ? {
                    ...(target.servername ? { servername: target.servername } : {}),
                    ...(options.ca ? { ca: options.ca } : {}),
                    rejectUnauthorized: options.insecure !== true,
                    // Verify the certificate against the URL's host, not the resolved address.
                    checkServerIdentity: (_, cert) => options.insecure ? undefined : checkIdentity(url, cert),
                }
                : {}),
        };
        const req = (https ? external_node_https_namespaceObject.request : external_node_http_namespaceObject.request)(requestOptions, (res) => {
            const chunks = [];
            let size = 0;
            res.on("data", (chunk) => {
                if (size < 4096)
                    chunks.push(chunk);
                size += chunk.length;
            });
            res.on("end", () => {
                clearTimeout(timer);
                resolve({
                    status: res.statusCode ?? 0,
                    headers: res.headers,
                    body: Buffer.concat(chunks).toString("utf8").slice(0, 4096),
                });
            });
            res.on("error", (error) => {
                clearTimeout(timer);
                reject(networkError(error));
            });
        });
        const timer = setTimeout(() => req.destroy(new NetworkError("ETIMEDOUT", `no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
        req.on("error", (error) => {
            clearTimeout(timer);
            reject(networkError(error));
        });
        req.end(options.body);
    });
}
/** Whether the certificate names the URL's host (SAN DNS or IP entries), as a browser would check. */
function checkIdentity(url, cert) {
    return (0,external_node_tls_namespaceObject.checkServerIdentity)(url.hostname.replace(/^\[|\]$/g, ""), cert);
}

;// CONCATENATED MODULE: ./lib/checks.js


const DAY_MS = 86_400_000;
function caseResult(name, expected, actual, outcome, detail, started) {
    return {
        name,
        expected,
        actual,
        passed: outcome !== "fail",
        outcome,
        detail,
        timing: { ms: Math.round(performance.now() - started) },
    };
}
function aggregate(check, cases, started, extra = {}) {
    const outcome = cases.some((c) => c.outcome === "fail")
        ? "fail"
        : cases.some((c) => c.outcome === "warn")
            ? "warn"
            : cases.every((c) => c.outcome === "skip")
                ? "skip"
                : "pass";
    const failed = cases.filter((c) => c.outcome === "fail");
    return {
        check,
        expected: cases.map((c) => (cases.length > 1 ? `${c.name}: ${c.expected}` : c.expected)).join("; "),
        actual: cases.map((c) => (cases.length > 1 ? `${c.name}: ${c.actual}` : c.actual)).join("; "),
        passed: failed.length === 0,
        outcome,
        detail: failed.length > 0
            ? failed.map((c) => `${c.name}: ${c.detail}`).join("; ")
            : `${cases.filter((c) => c.outcome !== "skip").length} of ${cases.length} held${cases.some((c) => c.outcome === "skip") ? ` (${cases.filter((c) => c.outcome === "skip").length} skipped)` : ""}`,
        timing: { ms: Math.round(performance.now() - started) },
        cases,
        ...extra,
    };
}
/** `401 "Origin authentication failed."` or `401 (empty body)`, one line, at most 100 characters of body. */
function describeAnswer(answer) {
    const body = answer.body.replace(/\s+/g, " ").trim();
    if (body === "")
        return `${answer.status} (empty body)`;
    return `${answer.status} "${body.length > 100 ? `${body.slice(0, 100)}…` : body}"`;
}
/** Node prints a DN one attribute per line in the certificate's order; shown comma-separated in that order. */
function nodeDn(text) {
    try {
        return formatDn(parseDn(text));
    }
    catch {
        return text.replace(/\n/g, ", ");
    }
}
const VALIDITY_ERRORS = new Set(["CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID"]);
const UNTRUSTED_ERRORS = new Set([
    "DEPTH_ZERO_SELF_SIGNED_CERT",
    "SELF_SIGNED_CERT_IN_CHAIN",
    "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    "UNABLE_TO_GET_ISSUER_CERT",
    "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
]);
function certificateReport(probe, trust) {
    const cert = probe.certificate;
    const validUntil = new Date(cert.validTo);
    return {
        owner: nodeDn(cert.subject),
        issuer: nodeDn(cert.issuer),
        sans: (cert.subjectAltName ?? "").split(/,\s*/).filter((name) => name !== ""),
        validFrom: new Date(cert.validFrom).toISOString(),
        validUntil: validUntil.toISOString(),
        daysRemaining: Math.floor((validUntil.getTime() - Date.now()) / DAY_MS),
        fingerprintSha256: cert.fingerprint256,
        chainTrust: trust,
        protocol: probe.protocol,
        cipher: probe.cipher,
        servedChain: probe.chainSubjects,
    };
}
/** The lines of `keytool -printcert -sslserver`, plus what keytool does not say. */
function renderCertificate(url, cert) {
    return [
        `Certificate of ${url}`,
        `Owner: ${cert.owner}`,
        `Issuer: ${cert.issuer}`,
        `SANs: ${cert.sans.join(", ") || "(none)"}`,
        `Valid from: ${cert.validFrom} until: ${cert.validUntil}`,
        `Days remaining: ${cert.daysRemaining}`,
        `SHA-256 fingerprint: ${cert.fingerprintSha256}`,
        `Chain: ${cert.chainTrust}`,
        `Protocol: ${cert.protocol}, cipher: ${cert.cipher}`,
    ].join("\n");
}
/** Offers only TLS 1.0/1.1: a handshake that succeeds means the server still accepts them. */
async function probeLegacyProtocols(target, config) {
    try {
        const probe = await probeTls(target, {
            ...(config.caCert ? { ca: config.caCert } : {}),
            timeoutMs: config.requestTimeoutMs,
            minVersion: "TLSv1",
            maxVersion: "TLSv1.1",
            // OpenSSL 3 will not even offer TLS 1.0/1.1 at its default security level.
            ciphers: "DEFAULT@SECLEVEL=0",
        });
        return {
            outcome: "accepted",
            detail: `the server completed a ${probe.protocol} handshake (${probe.cipher})`,
        };
    }
    catch (error) {
        const failure = error;
        const code = failure.code ?? "";
        if (/NO_PROTOCOLS_AVAILABLE|NO_CIPHERS_AVAILABLE|NO_SUITABLE|UNSUPPORTED_PROTOCOL_VERSION_BY_CLIENT/.test(code)) {
            return {
                outcome: "unknown",
                detail: `this runner's OpenSSL cannot offer TLS 1.1 (${code}), so it could not be checked`,
            };
        }
        if (/PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|WRONG_VERSION_NUMBER|HANDSHAKE_FAILURE|ECONNRESET|EPIPE/.test(code) ||
            /protocol version|hang up/i.test(failure.message)) {
            return { outcome: "refused", detail: `TLS 1.0/1.1 refused (${code || failure.message})` };
        }
        return {
            outcome: "unknown",
            detail: `the TLS 1.1 probe failed without a verdict (${code}: ${failure.message})`,
        };
    }
}
async function checkCertificate(url, config) {
    const target = targetOf(url, config.resolve);
    const started = performance.now();
    const results = [];
    // The TLS 1.0/1.1 probe is a handshake of its own: run it alongside the main one (it never rejects).
    const legacyVerdict = config.checks.has("tls") ? probeLegacyProtocols(target, config) : undefined;
    let probe;
    try {
        probe = await withRetries(() => probeTls(target, {
            ...(config.caCert ? { ca: config.caCert } : {}),
            timeoutMs: config.requestTimeoutMs,
        }));
    }
    catch (error) {
        const reason = `no TLS handshake with ${target.address}:${target.port}: ${error.message}`;
        for (const check of ["tls", "expiry"]) {
            if (config.checks.has(check)) {
                results.push(aggregate(check, [caseResult("handshake", "a TLS handshake", "no handshake", "fail", reason, started)], started));
            }
        }
        return { results };
    }
    const trustSource = config.caCert ? "ca-cert" : "the system's root CAs";
    const code = probe.authorizationError;
    const trust = probe.authorized
        ? `trusted by ${trustSource}`
        : `untrusted by ${trustSource}: ${code}${code && UNTRUSTED_ERRORS.has(code) && config.allowSelfSigned ? " (allowed by allow-self-signed)" : ""}`;
    const certificate = certificateReport(probe, trust);
    if (config.checks.has("tls")) {
        const cases = [];
        let t = performance.now();
        cases.push(caseResult("chain", config.allowSelfSigned
            ? `trusted by ${trustSource}, or self-signed (allow-self-signed)`
            : `trusted by ${trustSource}`, probe.authorized ? "trusted" : `untrusted (${code})`, probe.authorized || (code !== undefined && VALIDITY_ERRORS.has(code))
            ? "pass"
            : code !== undefined && UNTRUSTED_ERRORS.has(code) && config.allowSelfSigned
                ? "warn"
                : "fail", probe.authorized
            ? `served chain: ${probe.chainSubjects.join(" <- ")}`
            : code !== undefined && VALIDITY_ERRORS.has(code)
                ? "the chain is judged apart from its validity period, which the expiry check covers"
                : code !== undefined && UNTRUSTED_ERRORS.has(code)
                    ? config.allowSelfSigned
                        ? "untrusted chain reported, not failed (allow-self-signed: true)"
                        : "give the CA in ca-cert, or allow-self-signed: true for a dev certificate"
                    : `verification error ${code}`, t));
        t = performance.now();
        const identityError = checkIdentity(url, probe.peer);
        cases.push(caseResult("hostname", `certificate names ${url.hostname}`, certificate.sans.join(", ") || `CN only: ${certificate.owner}`, identityError ? "fail" : "pass", identityError ? identityError.message : `SNI ${target.servername ?? "(none: IP address)"} matches`, t));
        for (const [name, expected, actualText] of [
            ["owner", config.expectSubject, probe.certificate.subject],
            ["issuer", config.expectIssuer, probe.certificate.issuer],
        ]) {
            if (!expected)
                continue;
            t = performance.now();
            const comparison = compareDn(expected, parseDn(actualText));
            cases.push(caseResult(name, formatDn(expected), nodeDn(actualText), comparison.equal ? "pass" : "fail", comparison.equal
                ? "every attribute matches (order ignored)"
                : [
                    comparison.missing.length ? `missing ${formatDn(comparison.missing)}` : "",
                    comparison.unexpected.length ? `unexpected ${formatDn(comparison.unexpected)}` : "",
                ]
                    .filter(Boolean)
                    .join("; "), t));
        }
        t = performance.now();
        const modern = probe.protocol === "TLSv1.2" || probe.protocol === "TLSv1.3";
        const legacy = await (legacyVerdict ?? probeLegacyProtocols(target, config));
        cases.push(caseResult("protocol", "TLS 1.2 or newer only", `negotiated ${probe.protocol} (${probe.cipher}); TLS 1.1 ${legacy.outcome}`, !modern || legacy.outcome === "accepted" ? "fail" : legacy.outcome === "unknown" ? "warn" : "pass", legacy.detail, t));
        results.push(aggregate("tls", cases, started, { certificate }));
    }
    if (config.checks.has("expiry")) {
        const t = performance.now();
        const days = certificate.daysRemaining;
        const notYetValid = new Date(probe.certificate.validFrom).getTime() > Date.now();
        const outcome = notYetValid || days < config.minDaysValid ? "fail" : days < config.warnDays ? "warn" : "pass";
        results.push(aggregate("expiry", [
            caseResult("validity", `at least ${config.minDaysValid} days left (warning below ${config.warnDays})`, notYetValid
                ? `not valid before ${certificate.validFrom}`
                : days < 0
                    ? `expired ${-days} days ago (${certificate.validUntil})`
                    : `${days} days left (until ${certificate.validUntil})`, outcome, outcome === "fail"
                ? notYetValid
                    ? "the certificate is not valid yet"
                    : `below min-days-valid (${config.minDaysValid}): renew the certificate`
                : outcome === "warn"
                    ? `below warn-days (${config.warnDays}): plan the renewal`
                    : "valid long enough", t),
        ], t));
    }
    return { results, daysRemaining: certificate.daysRemaining };
}
async function request(url, config, token) {
    return withRetries(() => httpCall(url, targetOf(url, config.resolve), {
        headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
        ...(config.caCert ? { ca: config.caCert } : {}),
        insecure: config.allowSelfSigned,
        timeoutMs: config.requestTimeoutMs,
    }));
}
async function checkAuth(url, context) {
    const { config } = context;
    const started = performance.now();
    const cases = [];
    let t = performance.now();
    const expectedBody = config.expectUnauthenticatedBody;
    const emptyBody = config.expectUnauthenticatedEmptyBody;
    const expectation = `${config.expectUnauthenticatedStatus}${emptyBody
        ? " with an empty body"
        : expectedBody === undefined
            ? ""
            : ` with body containing "${expectedBody}"`}`;
    try {
        const answer = await request(url, config);
        const statusOk = answer.status === config.expectUnauthenticatedStatus;
        const bodyOk = emptyBody
            ? answer.body.trim() === ""
            : expectedBody === undefined || answer.body.includes(expectedBody);
        cases.push(caseResult("without token", expectation, describeAnswer(answer), statusOk && bodyOk ? "pass" : "fail", statusOk && bodyOk
            ? "refused as expected"
            : !statusOk
                ? answer.status >= 200 && answer.status < 300
                    ? "a request without a token got in: no JWT enforcement"
                    : `status ${answer.status}, expected ${config.expectUnauthenticatedStatus}`
                : emptyBody
                    ? "the body is not empty: the edge still answers for the service (is the policy still in force?)"
                    : `the body does not contain "${expectedBody}"${answer.body.trim() === "" ? " (empty body: the service answered, not the edge; is the policy deleted or not yet propagated?)" : ""}`, t));
    }
    catch (error) {
        cases.push(caseResult("without token", expectation, "no answer", "fail", error.message, t));
    }
    if (context.token !== undefined) {
        t = performance.now();
        const expected = `${config.expectAuthenticatedStatus}`;
        try {
            const answer = await request(url, config, context.token);
            const ok = answer.status === config.expectAuthenticatedStatus;
            cases.push(caseResult("with token", expected, describeAnswer(answer), ok ? "pass" : "fail", ok
                ? "the valid token is accepted"
                : `status ${answer.status}, expected ${expected}${answer.headers["www-authenticate"] ? ` (www-authenticate: ${String(answer.headers["www-authenticate"])})` : ""}`, t));
        }
        catch (error) {
            cases.push(caseResult("with token", expected, "no answer", "fail", error.message, t));
        }
    }
    return aggregate("auth", cases, started);
}
async function checkAttacks(url, context) {
    const started = performance.now();
    const cases = [];
    for (const forged of context.forged) {
        const t = performance.now();
        if (forged.error !== undefined) {
            cases.push(caseResult(forged.id, "refused", "not sent", "fail", forged.error, t));
            continue;
        }
        if (forged.token === undefined) {
            cases.push(caseResult(forged.id, "refused", "not sent", "skip", forged.skipped ?? "skipped", t));
            continue;
        }
        try {
            const answer = await request(url, context.config, forged.token);
            const accepted = answer.status >= 200 && answer.status < 300;
            cases.push(caseResult(forged.id, "refused (not 2xx)", describeAnswer(answer), accepted ? "fail" : "pass", accepted ? `the edge ACCEPTED a forged token: ${forged.title}` : `${forged.title}: refused`, t));
        }
        catch (error) {
            cases.push(caseResult(forged.id, "refused (not 2xx)", "no answer", "fail", `${forged.title}: ${error.message}`, t));
        }
    }
    return aggregate("attacks", cases, started);
}
/** Errors that mean the server cut a plaintext request off (STRICT mTLS), rather than being unreachable. */
const REFUSED = /ECONNRESET|EPIPE|HPE_|ECONNABORTED|socket hang up/;
async function checkMtls(url, config) {
    const started = performance.now();
    const strict = config.expectMtls === "strict";
    const expected = strict ? "plaintext refused (strict)" : "plaintext answered (permissive)";
    let actual;
    let refused;
    let detail;
    try {
        // Only an unreachable address is retried: a reset is the answer this check is looking for.
        const answer = await withRetries(() => httpCall(url, targetOf(url, config.resolve), { timeoutMs: config.requestTimeoutMs }), { retryOn: new Set(["ECONNREFUSED", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]) });
        refused =
            answer.status === 400 &&
                /plain HTTP request was sent to HTTPS|TLS required|client sent an HTTP request to an HTTPS server/i.test(answer.body);
        actual = refused ? `TLS required: ${describeAnswer(answer)}` : `answered ${describeAnswer(answer)}`;
        detail = refused
            ? "the server demands TLS"
            : strict
                ? "a plaintext request got an answer: mTLS is not enforced"
                : "plaintext is still accepted";
    }
    catch (error) {
        const failure = error;
        refused = REFUSED.test(`${failure.code} ${failure.message}`);
        actual = refused ? `connection cut (${failure.code})` : `unreachable (${failure.code})`;
        detail = refused
            ? "the plaintext connection was closed without an HTTP answer"
            : `${failure.message}: nothing answered, so mTLS could not be judged; check the address (mtls-urls) and that the runner is inside the cluster network`;
        if (!refused) {
            return aggregate("mtls", [caseResult("plaintext", expected, actual, "fail", detail, started)], started);
        }
    }
    const held = refused === strict;
    return aggregate("mtls", [caseResult("plaintext", expected, actual, held ? "pass" : "fail", detail, started)], started);
}
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}
/** One pass over every endpoint and every check. */
async function runRound(context) {
    const { config } = context;
    const jobs = [
        ...config.urls.map((url) => ({ url, kind: "http" })),
        ...(config.checks.has("mtls") ? config.mtlsUrls.map((url) => ({ url, kind: "mtls" })) : []),
    ];
    return mapLimit(jobs, config.concurrency, async ({ url, kind }) => {
        if (kind === "mtls")
            return { url: url.href, checks: [await checkMtls(url, config)] };
        const checks = [];
        let daysRemaining;
        if (url.protocol === "https:" && (config.checks.has("tls") || config.checks.has("expiry"))) {
            const certificate = await checkCertificate(url, config);
            checks.push(...certificate.results);
            daysRemaining = certificate.daysRemaining;
        }
        if (config.checks.has("auth"))
            checks.push(await checkAuth(url, context));
        if (config.checks.has("attacks"))
            checks.push(await checkAttacks(url, context));
        return { url: url.href, checks, ...(daysRemaining === undefined ? {} : { daysRemaining }) };
    });
}
function failures(endpoints) {
    return endpoints.flatMap((endpoint) => endpoint.checks.flatMap((check) => check.cases
        .filter((item) => item.outcome === "fail")
        .map((item) => ({ url: endpoint.url, check, item }))));
}


;// CONCATENATED MODULE: ./lib/report.js

/** Keeps every secret the run has seen, masks it at once, and scrubs text we write ourselves. */
class Secrets {
    values = new Set();
    reporter;
    constructor(reporter) {
        this.reporter = reporter;
    }
    add(value) {
        if (value === undefined || value.trim() === "")
            return value ?? "";
        this.reporter.mask(value);
        this.values.add(value.trim());
        return value;
    }
    redact(text) {
        let result = text;
        for (const secret of [...this.values].sort((a, b) => b.length - a.length)) {
            if (secret.length >= 4)
                result = result.split(secret).join("***");
        }
        return result;
    }
}
function minDaysRemaining(endpoints) {
    const days = endpoints
        .map((endpoint) => endpoint.daysRemaining)
        .filter((value) => value !== undefined);
    return days.length === 0 ? undefined : Math.min(...days);
}
function reportJson(outcome) {
    const endpoints = {};
    for (const endpoint of outcome.endpoints) {
        const entry = endpoints[endpoint.url] ?? {};
        endpoints[endpoint.url] = entry;
        for (const check of endpoint.checks) {
            const { check: name, ...rest } = check;
            entry[name] = rest;
        }
    }
    return JSON.stringify({
        passed: outcome.passed,
        attempts: outcome.attempts,
        heldAfterSeconds: outcome.heldAfterSeconds ?? null,
        waitTimeoutSeconds: outcome.waitTimeout,
        minDaysRemaining: outcome.minDaysRemaining ?? null,
        endpoints,
    });
}
const MARK = { pass: "✅ pass", fail: "❌ fail", warn: "⚠️ warn", skip: "⏭️ skip" };
function counts(outcome) {
    const cases = outcome.endpoints.flatMap((endpoint) => endpoint.checks.flatMap((check) => check.cases));
    return {
        total: cases.length,
        failed: cases.filter((item) => item.outcome === "fail").length,
        warned: cases.filter((item) => item.outcome === "warn").length,
    };
}
function headline(outcome) {
    const { total, failed, warned } = counts(outcome);
    const warnings = warned > 0 ? `, ${warned} with a warning` : "";
    return failed === 0
        ? `all ${total} checks held${warnings}`
        : `${failed} of ${total} checks failed${warnings}`;
}
function timingLine(outcome) {
    if (outcome.waitTimeout <= 0)
        return undefined;
    return outcome.heldAfterSeconds !== undefined
        ? `Held after ${outcome.heldAfterSeconds.toFixed(1)} s (attempt ${outcome.attempts}; wait-timeout ${outcome.waitTimeout} s).`
        : `Did not hold within wait-timeout ${outcome.waitTimeout} s (${outcome.attempts} attempts).`;
}
/** Writes the summary, the log lines and the annotations; every string passes through `secrets.redact`. */
function publish(reporter, outcome, secrets) {
    const clean = (text) => secrets.redact(text);
    const rows = [];
    for (const endpoint of outcome.endpoints) {
        for (const check of endpoint.checks) {
            for (const item of check.cases) {
                rows.push([
                    endpoint.url,
                    check.check,
                    item.name,
                    item.expected,
                    item.actual,
                    MARK[item.outcome],
                    item.detail,
                ].map(clean));
                const line = `${endpoint.url} ${check.check}/${item.name}: expected ${item.expected}; got ${item.actual} (${item.detail})`;
                if (item.outcome === "fail")
                    reporter.error(clean(line), { title: `verify: ${check.check} ${item.name}` });
                else if (item.outcome === "warn")
                    reporter.warning(clean(line), { title: `verify: ${check.check} ${item.name}` });
                else
                    reporter.info(clean(`${item.outcome === "skip" ? "skip" : "ok  "} ${line}`));
            }
        }
    }
    const summary = reporter.summary;
    summary.heading(`verify: ${headline(outcome)}`);
    const timing = timingLine(outcome);
    if (timing)
        summary.text(timing);
    if (outcome.minDaysRemaining !== undefined)
        summary.text(`Certificate days remaining (smallest): **${outcome.minDaysRemaining}**`);
    summary.table(["endpoint", "check", "case", "expected", "actual", "result", "evidence"], rows);
    for (const endpoint of outcome.endpoints) {
        for (const check of endpoint.checks) {
            if (check.certificate) {
                const text = clean(renderCertificate(endpoint.url, check.certificate));
                summary.details(`Certificate of ${endpoint.url}`, text);
                for (const line of text.split("\n"))
                    reporter.info(line);
            }
        }
    }
}
function failureMessage(outcome) {
    const failed = failures(outcome.endpoints);
    const names = failed.slice(0, 5).map(({ url, check, item }) => `${check.check}/${item.name} at ${url}`);
    return `${headline(outcome)}: ${names.join("; ")}${failed.length > 5 ? `; and ${failed.length - 5} more` : ""}. See the job summary for the evidence.`;
}

;// CONCATENATED MODULE: ./lib/tokens.js
/**
 * The access token (given, or from the client-credentials grant) and the forged tokens a correct edge must
 * refuse. Every token goes through `protect` (which masks it) the moment it exists.
 */


/** RFC 6749 2.3.1: the client id and secret are form-urlencoded before they go into HTTP basic auth. */
function basicAuthorization(clientId, clientSecret) {
    const encode = (value) => encodeURIComponent(value).replace(/%20/g, "+");
    return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString("base64")}`;
}
class TokenError extends Error {
    name = "TokenError";
}
async function fetchToken(request, context) {
    const body = new URLSearchParams({
        grant_type: "client_credentials",
        ...(request.scope ? { scope: request.scope } : {}),
    });
    const answer = await withRetries(() => httpCall(request.url, context.target(request.url), {
        method: "POST",
        headers: {
            authorization: basicAuthorization(request.clientId, request.clientSecret),
            "content-type": "application/x-www-form-urlencoded",
            accept: "application/json",
        },
        body: body.toString(),
        ...(context.ca ? { ca: context.ca } : {}),
        insecure: context.insecure,
        timeoutMs: context.timeoutMs,
    })).catch((error) => {
        throw new TokenError(`Could not reach token-url ${request.url.origin}${request.url.pathname}: ${error.message}. Fix: check token-url, resolve and ca-cert.`);
    });
    let parsed = {};
    try {
        parsed = JSON.parse(answer.body);
    }
    catch {
        // Reported below with the status.
    }
    if (typeof parsed.access_token === "string" && parsed.access_token !== "") {
        return context.protect(parsed.access_token);
    }
    const reason = typeof parsed.error === "string"
        ? `${parsed.error}${typeof parsed.error_description === "string" ? ` (${parsed.error_description})` : ""}`
        : "no access_token in the answer";
    const fix = answer.status === 401 || parsed.error === "invalid_client"
        ? "check client-id and client-secret"
        : parsed.error === "invalid_scope"
            ? "ask only for scopes the client may have (input scope)"
            : "check that token-url is the issuer's token endpoint and the client may use the client-credentials grant";
    throw new TokenError(`The token endpoint answered ${answer.status}: ${reason}. Fix: ${fix}.`);
}
function decodeJwt(token) {
    const parts = token.split(".");
    if (parts.length !== 3)
        return undefined;
    try {
        const header = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8"));
        const payload = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
        if (typeof header !== "object" || header === null || typeof payload !== "object" || payload === null)
            return undefined;
        return { header, payload, parts: parts };
    }
    catch {
        return undefined;
    }
}
const segment = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
const ATTACKS = [
    { id: "alg-none", title: "alg: none (unsigned)" },
    { id: "hs256-key-confusion", title: "HS256 signed with the issuer's public key" },
    { id: "payload-altered", title: "payload altered, signature kept" },
    { id: "signature-stripped", title: "signature stripped" },
    { id: "own-key-unknown-kid", title: "signed by our own key, unknown kid" },
    { id: "own-key-reused-kid", title: "signed by our own key, the issuer's kid" },
    { id: "garbage", title: "garbage" },
];
/** The issuer's public key in PEM, for the key-confusion case: the key matching the token's kid, else the first. */
function publicKeyPem(jwks, kid) {
    const keys = jwks?.keys;
    if (!Array.isArray(keys) || keys.length === 0)
        throw new Error("the JWKS has no keys");
    const usable = keys.filter((key) => key.kty === "RSA" || key.kty === "EC" || key.kty === "OKP");
    const key = usable.find((candidate) => candidate.kid === kid) ?? usable[0];
    if (!key)
        throw new Error("the JWKS has no RSA, EC or OKP key");
    return (0,external_node_crypto_namespaceObject.createPublicKey)({ key, format: "jwk" }).export({ type: "spki", format: "pem" }).toString();
}
/**
 * Builds every forged token from the valid one. `issuerKey` is the issuer's public key from jwks-uri
 * (undefined when no jwks-uri was given: that case alone is skipped).
 */
function forgeTokens(valid, issuerKey) {
    const jwt = decodeJwt(valid);
    const forged = [];
    const notJwt = "the access token is not a JWT, so there are no claims to forge from";
    const now = Math.floor(Date.now() / 1000);
    const claims = jwt ? { ...jwt.payload } : {};
    const ownKey = (0,external_node_crypto_namespaceObject.generateKeyPairSync)("rsa", { modulusLength: 2048 }).privateKey;
    const signRs256 = (header) => {
        const input = `${segment(header)}.${segment({ ...claims, iat: now, exp: now + 3600, jti: (0,external_node_crypto_namespaceObject.randomUUID)() })}`;
        return `${input}.${(0,external_node_crypto_namespaceObject.sign)("sha256", Buffer.from(input), ownKey).toString("base64url")}`;
    };
    for (const attack of ATTACKS) {
        const base = { id: attack.id, title: attack.title };
        if (attack.id === "garbage") {
            forged.push({
                ...base,
                token: [12, 24, 32].map((size) => (0,external_node_crypto_namespaceObject.randomBytes)(size).toString("base64url")).join("."),
            });
            continue;
        }
        if (!jwt) {
            forged.push({ ...base, skipped: notJwt });
            continue;
        }
        switch (attack.id) {
            case "alg-none":
                forged.push({ ...base, token: `${segment({ alg: "none", typ: "JWT" })}.${jwt.parts[1]}.` });
                break;
            case "hs256-key-confusion": {
                if (issuerKey === undefined) {
                    forged.push({ ...base, skipped: "no jwks-uri given, so the issuer's public key is unknown" });
                    break;
                }
                if ("error" in issuerKey) {
                    forged.push({ ...base, error: issuerKey.error });
                    break;
                }
                const issuerKeyPem = issuerKey.pem;
                const input = `${segment({ ...jwt.header, alg: "HS256" })}.${jwt.parts[1]}`;
                forged.push({
                    ...base,
                    token: `${input}.${(0,external_node_crypto_namespaceObject.createHmac)("sha256", issuerKeyPem).update(input).digest("base64url")}`,
                });
                break;
            }
            case "payload-altered": {
                const altered = {
                    ...jwt.payload,
                    sub: `${String(jwt.payload.sub ?? "")}-attacker`,
                    scope: "admin",
                    exp: now + 86_400,
                };
                forged.push({ ...base, token: `${jwt.parts[0]}.${segment(altered)}.${jwt.parts[2]}` });
                break;
            }
            case "signature-stripped":
                forged.push({ ...base, token: `${jwt.parts[0]}.${jwt.parts[1]}.` });
                break;
            case "own-key-unknown-kid":
                forged.push({
                    ...base,
                    token: signRs256({ alg: "RS256", typ: "JWT", kid: `mesh-secure-verify-${(0,external_node_crypto_namespaceObject.randomUUID)()}` }),
                });
                break;
            case "own-key-reused-kid":
                forged.push({
                    ...base,
                    token: signRs256({ ...jwt.header, alg: "RS256" }),
                });
                break;
        }
    }
    return forged;
}

;// CONCATENATED MODULE: ./lib/main.js






async function readIssuerKey(config, token) {
    if (!config.jwksUri)
        return undefined;
    const url = config.jwksUri;
    try {
        const answer = await withRetries(() => httpCall(url, targetOf(url, config.resolve), {
            headers: { accept: "application/json" },
            ...(config.caCert ? { ca: config.caCert } : {}),
            insecure: config.allowSelfSigned,
            timeoutMs: config.requestTimeoutMs,
        }));
        if (answer.status !== 200)
            return { error: `jwks-uri answered ${answer.status}; check the address` };
        return { pem: publicKeyPem(JSON.parse(answer.body), decodeJwt(token)?.header.kid) };
    }
    catch (error) {
        return {
            error: `could not read the issuer's key from jwks-uri ${url.href}: ${error.message}`,
        };
    }
}
function allHeld(endpoints) {
    return endpoints.every((endpoint) => endpoint.checks.every((check) => check.passed));
}
async function main({ inputs, reporter }) {
    const secrets = new Secrets(reporter);
    // Masked before anything else runs, so not even an input error could print them.
    for (const secret of secretInputs(inputs))
        secrets.add(secret);
    const config = readConfig(inputs);
    let token = config.accessToken;
    if (config.tokenRequest) {
        // A run that cannot even get a token has not passed: say so in the output a workflow's `if:` reads.
        reporter.setOutput("passed", "false");
        token = await fetchToken(config.tokenRequest, {
            target: (url) => targetOf(url, config.resolve),
            ...(config.caCert ? { ca: config.caCert } : {}),
            insecure: config.allowSelfSigned,
            timeoutMs: config.requestTimeoutMs,
            protect: (value) => secrets.add(value),
        });
        reporter.info(`Got an access token from ${config.tokenRequest.url.origin}${config.tokenRequest.url.pathname} (masked).`);
    }
    let forged = [];
    if (token !== undefined && config.checks.has("attacks")) {
        forged = forgeTokens(token, await readIssuerKey(config, token));
        for (const item of forged)
            secrets.add(item.token);
    }
    const started = performance.now();
    const deadline = started + config.waitTimeout * 1000;
    let attempts = 0;
    let endpoints;
    for (;;) {
        attempts++;
        endpoints = await runRound({ config, ...(token === undefined ? {} : { token }), forged });
        if (allHeld(endpoints))
            break;
        const remaining = deadline - performance.now();
        if (remaining < config.interval * 1000)
            break;
        const pending = endpoints.flatMap((endpoint) => endpoint.checks.filter((check) => !check.passed).map((check) => `${check.check} at ${endpoint.url}`));
        reporter.info(secrets.redact(`Attempt ${attempts}: not holding yet: ${pending.join(", ")}; next check in ${config.interval} s.`));
        await new Promise((resolve) => setTimeout(resolve, config.interval * 1000));
    }
    const passed = allHeld(endpoints);
    const days = minDaysRemaining(endpoints);
    const outcome = {
        endpoints,
        passed,
        attempts,
        waitTimeout: config.waitTimeout,
        ...(passed ? { heldAfterSeconds: Math.round(performance.now() - started) / 1000 } : {}),
        ...(days === undefined ? {} : { minDaysRemaining: days }),
    };
    publish(reporter, outcome, secrets);
    reporter.setOutput("passed", String(passed));
    reporter.setOutput("report", secrets.redact(reportJson(outcome)));
    reporter.setOutput("min-days-remaining", days === undefined ? "" : String(days));
    if (!passed)
        throw new Error(secrets.redact(failureMessage(outcome)));
}
function run(context) {
    return runStep("verify", main, context);
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
