/**
 * The demo's local edge: a TEST FIXTURE that stands in for Istio's ingress gateway and the protected
 * workload's sidecar, on loopback. It is not part of the product; it exists so the actions' effects can be
 * observed without a container runtime.
 *
 * It reads from the control plane, every 250 ms, what a real Istio data plane would be configured with:
 * - the TLS certificate of the Secret the Gateway names for the host (`credentialName`, SDS), or the
 *   file-mount secret `istio-ingressgateway-certs` when a server uses `serverCertificate` paths (or there is
 *   no Gateway, as old Istio mounted that secret regardless);
 * - JWT enforcement for the workload from a legacy `authentication.istio.io/v1alpha1` Policy with `origins`,
 *   or `RequestAuthentication` (+ an `AuthorizationPolicy` requiring request principals), answering with the
 *   statuses and bodies of /work/shared/ISTIO-FACTS.md (shared with the HTTPS fixtures: fixtures' decide());
 * - the workload's effective PeerAuthentication mode (the mtls action's own precedence code, plus the legacy
 *   Policy's `peers`): in STRICT its in-mesh port refuses plaintext by closing the connection.
 */
import { createHash, X509Certificate } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { AddressInfo, Socket } from "node:net";
import tls from "node:tls";
import {
  type EffectiveMode,
  effectiveMtlsMode,
  type PeerPolicy,
  peerPolicyOf,
} from "@mesh-secure/action-mtls/effective";
import type { KubeApi, KubeObject } from "@mesh-secure/action-runtime";
import { decide, type EdgePolicy, type EdgeRequest, type TrustedIssuer } from "@mesh-secure/fixtures";

type JSONWebKeySet = TrustedIssuer["jwks"];

export interface LocalEdgeOptions {
  api: KubeApi;
  /** The public host the gateway serves (reference: minikube.me). */
  host: string;
  gatewayNamespace: string;
  rootNamespace: string;
  workload: { namespace: string; name: string; labels: Record<string, string> };
  /**
   * The protected service's own trust (the reference app validates tokens itself with Spring Security, against
   * the auth server): used when no edge policy is in force, and on the in-mesh port.
   */
  serviceIssuers: TrustedIssuer[];
  /** Maps an in-cluster URL (a JWKS URI) to one this process can reach: the cluster's DNS, in miniature. */
  resolveUrl: (url: string) => string;
  /** Called when what the edge enforces changes. */
  onChange?: (description: string) => void;
  pollMs?: number;
}

interface EdgeState {
  certificate: { cert: string; key: string; fingerprint: string; source: string } | undefined;
  policy: EdgePolicy;
  policySource: string;
  mtls: EffectiveMode;
  mtlsSource: string;
}

interface JwtRule {
  issuer: string;
  jwksUri?: string;
  jwks?: string;
  audiences?: string[];
}

const FILE_MOUNT_SECRET = "istio-ingressgateway-certs";

function matches(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  return selector === undefined || Object.entries(selector).every(([key, value]) => labels[key] === value);
}

export class LocalEdge {
  private readonly options: LocalEdgeOptions;
  private state: EdgeState | undefined;
  private readonly jwksCache = new Map<string, JSONWebKeySet>();
  private readonly servedVersions = new Map<string, string | undefined>();
  private timer: NodeJS.Timeout | undefined;
  private httpsServer: https.Server | undefined;
  private meshServer: http.Server | undefined;
  private readonly sockets = new Set<Socket>();
  private lastDescription = "";
  private refreshing: Promise<void> | undefined;

  constructor(options: LocalEdgeOptions) {
    this.options = options;
  }

  get gatewayPort(): number {
    return (this.httpsServer!.address() as AddressInfo).port;
  }

  get meshPort(): number {
    return (this.meshServer!.address() as AddressInfo).port;
  }

  /** What the edge enforces now, in words. */
  describe(): string {
    const state = this.state;
    if (!state) return "not started";
    return [
      `TLS: ${state.certificate ? `${state.certificate.source} (SHA-256 ${state.certificate.fingerprint.slice(0, 23)}…)` : "no certificate: handshakes fail"}`,
      `JWT: ${state.policySource}`,
      `mTLS: ${state.mtls} (${state.mtlsSource})`,
    ].join("; ");
  }

  async start(): Promise<void> {
    await this.refresh();
    this.httpsServer = https.createServer(
      {
        minVersion: "TLSv1.2",
        SNICallback: (_servername, callback) => {
          const certificate = this.state?.certificate;
          if (!certificate) return callback(new Error("no certificate configured for the gateway"));
          callback(null, tls.createSecureContext({ cert: certificate.cert, key: certificate.key }));
        },
      },
      (request, response) => void this.answer(request, response, "https", this.state?.policy),
    );
    this.meshServer = http.createServer(
      (request, response) =>
        void this.answer(request, response, "http", {
          mode: "deleted",
          issuers: this.state?.policy.issuers ?? [],
        }),
    );
    // A sidecar in STRICT mode only speaks mutual TLS: plaintext connections are closed at once.
    this.meshServer.on("connection", (socket: Socket) => {
      if (this.state?.mtls === "STRICT") socket.destroy();
    });
    for (const server of [this.httpsServer, this.meshServer]) {
      server.on("connection", (socket: Socket) => {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    }
    this.timer = setInterval(() => void this.refresh().catch(() => {}), this.options.pollMs ?? 250);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.refreshing;
    for (const socket of this.sockets) socket.destroy();
    await Promise.all(
      [this.httpsServer, this.meshServer].map(
        (server) => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
      ),
    );
  }

  private async answer(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    scheme: string,
    policy: EdgePolicy | undefined,
  ): Promise<void> {
    const edgeRequest: EdgeRequest = {
      method: request.method ?? "GET",
      path: request.url ?? "/",
      headers: request.headers,
      scheme,
    };
    try {
      const decision = await decide(
        edgeRequest,
        policy ?? { mode: "deleted", issuers: this.options.serviceIssuers },
      );
      response.writeHead(decision.status, decision.headers);
      response.end(decision.body);
    } catch (error) {
      response.writeHead(500, { "content-type": "text/plain" });
      response.end(`local edge error: ${(error as Error).message}`);
    }
  }

  /** Reads the cluster and swaps in the new state; a failed read keeps the last good state. */
  refresh(): Promise<void> {
    this.refreshing ??= this.read()
      .then((state) => {
        this.state = state;
        const description = this.describe();
        if (description !== this.lastDescription) {
          this.lastDescription = description;
          this.options.onChange?.(description);
        }
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  private async served(group: string, kind: string, versions: string[]): Promise<string | undefined> {
    const key = `${group}/${kind}`;
    if (!this.servedVersions.has(key)) {
      let found: string | undefined;
      for (const version of versions) {
        if (await this.options.api.serves(`${group}/${version}`, kind)) {
          found = `${group}/${version}`;
          break;
        }
      }
      this.servedVersions.set(key, found);
    }
    return this.servedVersions.get(key);
  }

  private async list(
    group: string,
    kind: string,
    versions: string[],
    namespace?: string,
  ): Promise<KubeObject[]> {
    const apiVersion = await this.served(group, kind, versions);
    if (!apiVersion) return [];
    return this.options.api.list(apiVersion, kind, namespace === undefined ? {} : { namespace });
  }

  private async read(): Promise<EdgeState> {
    const { workload, gatewayNamespace, rootNamespace } = this.options;
    const [certificate, legacyPolicies, requestAuthentications, authorizationPolicies, peerAuthentications] =
      await Promise.all([
        this.readCertificate(),
        this.list("authentication.istio.io", "Policy", ["v1alpha1"], workload.namespace),
        this.list("security.istio.io", "RequestAuthentication", ["v1", "v1beta1"]),
        this.list("security.istio.io", "AuthorizationPolicy", ["v1", "v1beta1"], workload.namespace),
        this.list("security.istio.io", "PeerAuthentication", ["v1", "v1beta1"]),
      ]);
    const spec = (object: KubeObject) => (object.spec ?? {}) as Record<string, unknown>;

    // Legacy Policy: one targeting the service by name wins over the namespace-wide one (named `default`,
    // no targets), as a whole: old Istio did not merge the two.
    const targetsOf = (policy: KubeObject) => (spec(policy).targets as { name: string }[] | undefined) ?? [];
    const legacy =
      legacyPolicies.find((policy) => targetsOf(policy).some((target) => target.name === workload.name)) ??
      legacyPolicies.find((policy) => targetsOf(policy).length === 0 && policy.metadata.name === "default");
    let policy: EdgePolicy = { mode: "deleted", issuers: this.options.serviceIssuers };
    let policySource = "none: the service answers for itself";
    const legacyOrigins =
      (legacy ? (spec(legacy).origins as { jwt: JwtRule }[] | undefined) : undefined) ?? [];
    if (legacy && legacyOrigins.length > 0) {
      policy = { mode: "legacy", issuers: await this.issuers(legacyOrigins.map((origin) => origin.jwt)) };
      policySource = `legacy Policy ${workload.namespace}/${legacy.metadata.name}`;
    } else {
      const selectorOf = (object: KubeObject) =>
        (spec(object).selector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels;
      const applicable = requestAuthentications.filter(
        (ra) =>
          (ra.metadata.namespace === workload.namespace && matches(selectorOf(ra), workload.labels)) ||
          (ra.metadata.namespace === rootNamespace && selectorOf(ra) === undefined),
      );
      if (applicable.length > 0) {
        const rules = applicable.flatMap((ra) => (spec(ra).jwtRules as JwtRule[] | undefined) ?? []);
        const requiresPrincipal = authorizationPolicies.some((ap) => {
          const apSpec = spec(ap) as {
            action?: string;
            rules?: { from?: { source?: { requestPrincipals?: string[] } }[] }[];
          };
          return (
            (apSpec.action ?? "ALLOW") === "ALLOW" &&
            matches(selectorOf(ap), workload.labels) &&
            (apSpec.rules ?? []).some((rule) =>
              (rule.from ?? []).some((from) => (from.source?.requestPrincipals ?? []).length > 0),
            )
          );
        });
        policy = {
          mode: requiresPrincipal ? "modern" : "request-authentication-only",
          issuers: await this.issuers(rules),
        };
        policySource = `RequestAuthentication ${applicable.map((ra) => `${ra.metadata.namespace}/${ra.metadata.name}`).join(", ")}${
          requiresPrincipal
            ? " + AuthorizationPolicy requiring a request principal"
            : " (no AuthorizationPolicy: requests without a token pass)"
        }`;
      }
    }

    let mtls: EffectiveMode;
    let mtlsSource: string;
    const legacyPeers = legacy
      ? (spec(legacy).peers as { mtls?: { mode?: string } | null }[] | undefined)
      : undefined;
    if (legacy && legacyPeers && legacyPeers.length > 0) {
      // Old Istio: `peers: [{mtls: {}}]` means STRICT unless the mode says PERMISSIVE.
      mtls = legacyPeers.some((peer) => (peer.mtls?.mode ?? "STRICT") === "STRICT") ? "STRICT" : "PERMISSIVE";
      mtlsSource = `legacy Policy ${workload.namespace}/${legacy.metadata.name} peers`;
    } else {
      const policies: PeerPolicy[] = peerAuthentications.map((object) => peerPolicyOf(object));
      const result = effectiveMtlsMode(
        policies,
        { namespace: workload.namespace, labels: workload.labels },
        rootNamespace,
      );
      mtls = result.mode;
      mtlsSource = result.decidedBy ? `PeerAuthentication ${result.decidedBy}` : "Istio's default";
    }
    void gatewayNamespace;
    return { certificate, policy, policySource, mtls, mtlsSource };
  }

  private async issuers(rules: JwtRule[]): Promise<TrustedIssuer[]> {
    const issuers: TrustedIssuer[] = [];
    for (const rule of rules) {
      let jwks: JSONWebKeySet | undefined;
      if (rule.jwks) jwks = JSON.parse(rule.jwks) as JSONWebKeySet;
      else if (rule.jwksUri) jwks = await this.fetchJwks(rule.jwksUri);
      // Like istiod when a JWKS cannot be fetched: an empty key set, so every token fails with "no key".
      issuers.push({
        issuer: rule.issuer,
        jwks: jwks ?? { keys: [] },
        ...(rule.audiences ? { audiences: rule.audiences } : {}),
      });
    }
    return issuers;
  }

  private async fetchJwks(uri: string): Promise<JSONWebKeySet | undefined> {
    const cached = this.jwksCache.get(uri);
    if (cached) return cached;
    try {
      const response = await fetch(this.options.resolveUrl(uri), { signal: AbortSignal.timeout(2000) });
      if (!response.ok) return undefined;
      const jwks = (await response.json()) as JSONWebKeySet;
      this.jwksCache.set(uri, jwks);
      return jwks;
    } catch {
      return undefined;
    }
  }

  private async readCertificate(): Promise<EdgeState["certificate"]> {
    const { api, gatewayNamespace, host } = this.options;
    const gateways = await this.list(
      "networking.istio.io",
      "Gateway",
      ["v1", "v1beta1", "v1alpha3"],
      gatewayNamespace,
    );
    let secretName = FILE_MOUNT_SECRET;
    let source = `file-mount secret ${gatewayNamespace}/${FILE_MOUNT_SECRET}`;
    for (const gateway of gateways) {
      const servers = ((gateway.spec as { servers?: unknown[] } | undefined)?.servers ?? []) as {
        hosts?: string[];
        tls?: { credentialName?: string; serverCertificate?: string };
      }[];
      const server = servers.find(
        (candidate) =>
          candidate.tls &&
          (candidate.hosts ?? []).some((name) => name === host || name === "*" || name === `*/${host}`),
      );
      if (server?.tls?.credentialName) {
        secretName = server.tls.credentialName;
        source = `Gateway ${gatewayNamespace}/${gateway.metadata.name} credentialName ${secretName}`;
        break;
      }
      if (server?.tls?.serverCertificate) {
        source = `Gateway ${gatewayNamespace}/${gateway.metadata.name} file mount (${FILE_MOUNT_SECRET})`;
        break;
      }
    }
    const secret = await api.get<KubeObject & { data?: Record<string, string> }>({
      apiVersion: "v1",
      kind: "Secret",
      namespace: gatewayNamespace,
      name: secretName,
    });
    const decode = (key: string) =>
      secret?.data?.[key] ? Buffer.from(secret.data[key], "base64").toString("utf8") : undefined;
    const cert = decode("tls.crt") ?? decode("cert");
    const key = decode("tls.key") ?? decode("key");
    if (!cert || !key) return undefined;
    const fingerprint = createHash("sha256")
      .update(new X509Certificate(cert).raw)
      .digest("hex")
      .toUpperCase()
      .replace(/(..)(?!$)/g, "$1:");
    return { cert, key, fingerprint, source };
  }
}
