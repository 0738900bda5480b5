/**
 * The requests the checks make: a TLS handshake probe and plain HTTP(S) requests, both honouring `resolve`
 * (connect to the given address, keep the URL's host for SNI and the Host header, as curl --resolve does),
 * with a timeout per request and retries on transient network errors only (never on an answer).
 */

import type { X509Certificate } from "node:crypto";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import {
  checkServerIdentity,
  connect,
  createSecureContext,
  type PeerCertificate,
  type SecureContext,
  type SecureVersion,
  type TLSSocket,
} from "node:tls";
import { urlPort } from "./config.ts";

export interface Target {
  /** Where to connect (the `resolve` address, or the URL's host). */
  address: string;
  port: number;
  /** The name for SNI and the Host header; undefined for an IP literal (SNI must not carry one). */
  servername?: string;
  hostHeader: string;
}

export function targetOf(url: URL, resolve: ReadonlyMap<string, string>): Target {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const port = urlPort(url);
  const address = resolve.get(`${host.toLowerCase()}:${port}`) ?? host;
  return {
    address,
    port: Number(port),
    ...(isIP(host) === 0 ? { servername: host } : {}),
    hostHeader: url.host,
  };
}

export class NetworkError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "NetworkError";
    this.code = code;
  }
}

function networkError(error: unknown): NetworkError {
  if (error instanceof NetworkError) return error;
  const err = error as NodeJS.ErrnoException;
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

export async function withRetries<T>(
  attempt: () => Promise<T>,
  options: { retries?: number; retryOn?: ReadonlySet<string>; delayMs?: number } = {},
): Promise<T> {
  const retries = options.retries ?? 2;
  const retryOn = options.retryOn ?? TRANSIENT;
  for (let index = 0; ; index++) {
    try {
      return await attempt();
    } catch (error) {
      const failure = networkError(error);
      if (index >= retries || !retryOn.has(failure.code)) throw failure;
      await new Promise((resolve) => setTimeout(resolve, (options.delayMs ?? 300) * 2 ** index));
    }
  }
}

export interface TlsProbe {
  authorized: boolean;
  authorizationError?: string;
  protocol: string;
  cipher: string;
  certificate: X509Certificate;
  peer: PeerCertificate;
  /** The chain the server sent, leaf first (subjects only, for the report). */
  chainSubjects: string[];
}

export interface TlsOptions {
  ca?: string;
  timeoutMs: number;
  minVersion?: SecureVersion;
  maxVersion?: SecureVersion;
  ciphers?: string;
}

const secureContexts = new Map<string, SecureContext>();

/**
 * One SecureContext per set of TLS options: building one parses the CA bundle (or loads the system roots),
 * which would otherwise happen again for every endpoint of a large scan.
 */
function secureContextFor(options: TlsOptions): SecureContext {
  const key = JSON.stringify([
    options.ca ?? "",
    options.minVersion ?? "",
    options.maxVersion ?? "",
    options.ciphers ?? "",
  ]);
  let context = secureContexts.get(key);
  if (!context) {
    context = createSecureContext({
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
export function probeTls(target: Target, options: TlsOptions): Promise<TlsProbe> {
  return new Promise((resolve, reject) => {
    let socket: TLSSocket;
    try {
      socket = connect({
        host: target.address,
        port: target.port,
        ...(target.servername ? { servername: target.servername } : {}),
        secureContext: secureContextFor(options),
        rejectUnauthorized: false,
        // The probe only handshakes: identity is checked explicitly, against the URL's host.
        checkServerIdentity: () => undefined,
      });
    } catch (error) {
      reject(networkError(error));
      return;
    }
    const timer = setTimeout(
      () => socket.destroy(new NetworkError("ETIMEDOUT", `no TLS handshake within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    socket.once("secureConnect", () => {
      clearTimeout(timer);
      const peer = socket.getPeerCertificate(true);
      const certificate = socket.getPeerX509Certificate();
      const chainSubjects: string[] = [];
      let link: PeerCertificate | undefined = peer;
      const seen = new Set<string>();
      while (link?.fingerprint256 && !seen.has(link.fingerprint256)) {
        seen.add(link.fingerprint256);
        chainSubjects.push(
          Object.entries(link.subject ?? {})
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(", "),
        );
        link = (link as PeerCertificate & { issuerCertificate?: PeerCertificate }).issuerCertificate;
      }
      const result: TlsProbe = {
        authorized: socket.authorized,
        ...(socket.authorizationError ? { authorizationError: String(socket.authorizationError) } : {}),
        protocol: socket.getProtocol() ?? "unknown",
        cipher: socket.getCipher()?.name ?? "unknown",
        certificate: certificate!,
        peer,
        chainSubjects,
      };
      socket.destroy();
      if (!certificate) reject(new NetworkError("ENOCERT", "the server sent no certificate"));
      else resolve(result);
    });
    socket.once("error", (error) => {
      clearTimeout(timer);
      reject(networkError(error));
    });
  });
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** At most 4 KiB of the body. */
  body: string;
}

export interface HttpOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  ca?: string;
  /** Skip chain verification (allow-self-signed). */
  insecure?: boolean;
  timeoutMs: number;
}

export function httpCall(url: URL, target: Target, options: HttpOptions): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const https = url.protocol === "https:";
    const requestOptions = {
      host: target.address,
      port: target.port,
      path: `${url.pathname}${url.search}`,
      method: options.method ?? "GET",
      headers: { host: target.hostHeader, "user-agent": "mesh-secure-verify", ...options.headers },
      agent: false as const,
      ...(https
        ? {
            ...(target.servername ? { servername: target.servername } : {}),
            ...(options.ca ? { ca: options.ca } : {}),
            rejectUnauthorized: options.insecure !== true,
            // Verify the certificate against the URL's host, not the resolved address.
            checkServerIdentity: (_: string, cert: PeerCertificate) =>
              options.insecure ? undefined : checkIdentity(url, cert),
          }
        : {}),
    };
    const req = (https ? httpsRequest : httpRequest)(requestOptions, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        if (size < 4096) chunks.push(chunk);
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
    const timer = setTimeout(
      () => req.destroy(new NetworkError("ETIMEDOUT", `no answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(networkError(error));
    });
    req.end(options.body);
  });
}

/** Whether the certificate names the URL's host (SAN DNS or IP entries), as a browser would check. */
export function checkIdentity(url: URL, cert: PeerCertificate): Error | undefined {
  return checkServerIdentity(url.hostname.replace(/^\[|\]$/g, ""), cert);
}
