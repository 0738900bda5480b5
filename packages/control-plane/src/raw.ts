import { request as httpRequest } from "node:http";
import { request as httpsRequest, type RequestOptions } from "node:https";
import type { KubeConfig } from "@kubernetes/client-node";

export interface RawResponse {
  status: number;
  /** Parsed JSON when the body is JSON, else the text. */
  body: unknown;
  text: string;
}

/**
 * One request to the API server with the kubeconfig's credentials, for what the typed clients do not offer
 * (e.g. `?fieldValidation=Strict`, discovery documents). Never throws on HTTP errors: look at `status`.
 */
export async function kubeRequest(
  kc: KubeConfig,
  req: { method: string; path: string; body?: unknown; contentType?: string; timeoutMs?: number },
): Promise<RawResponse> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error("kubeconfig has no current cluster");
  const url = new URL(req.path, cluster.server);
  const opts: RequestOptions = { method: req.method, headers: { Accept: "application/json" } };
  await kc.applyToHTTPSOptions(opts);
  const payload =
    req.body === undefined ? undefined : typeof req.body === "string" ? req.body : JSON.stringify(req.body);
  if (payload !== undefined) {
    opts.headers = { ...opts.headers, "Content-Type": req.contentType ?? "application/json" };
  }
  return new Promise((resolvePromise, reject) => {
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const r = send(url, { ...opts, timeout: req.timeoutMs ?? 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON
        }
        resolvePromise({ status: res.statusCode ?? 0, body, text });
      });
    });
    r.on("timeout", () => r.destroy(new Error(`${req.method} ${url} timed out`)));
    r.on("error", reject);
    if (payload !== undefined) r.write(payload);
    r.end();
  });
}
