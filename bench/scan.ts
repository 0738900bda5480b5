/**
 * Benchmark 3: verify's certificate (tls + expiry) check of 200 TLS endpoints on loopback against a
 * sequential `openssl s_client | openssl x509 -noout -enddate` loop, what shell-based expiry checkers run.
 */

import { writeFileSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createCertificate, createCertificateAuthority } from "../packages/fixtures/src/index.ts";
import {
  expectSuccess,
  mapLimit,
  mb,
  ratio,
  runAction,
  spread,
  stats,
  type Timed,
  table,
  timed,
} from "./lib.ts";
import type { BenchContext, Section } from "./run.ts";

export const ENDPOINTS = 200;

export interface TlsFleet {
  endpoints: { host: string; port: number; days: number }[];
  ca: string;
  close(): Promise<void>;
}

/** 200 HTTPS servers on 127.0.0.1, each with its own CA-signed certificate, 15 to 413 days from expiry. */
export async function startTlsFleet(count = ENDPOINTS): Promise<TlsFleet> {
  const ca = await createCertificateAuthority("CN=mesh-secure bench CA, O=mesh-secure");
  const servers: https.Server[] = [];
  const endpoints = await mapLimit(
    Array.from({ length: count }, (_, index) => index),
    8,
    async (index) => {
      const host = `svc-${index}.scan.bench`;
      const days = 15 + ((index * 37) % 399);
      const leaf = await createCertificate({ subject: `CN=${host}, O=mesh-secure bench`, issuer: ca, days });
      const server = https.createServer({ cert: leaf.chain, key: leaf.key }, (_request, response) => {
        response.end("ok\n");
      });
      servers.push(server);
      await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
      return { host, port: (server.address() as AddressInfo).port, days };
    },
  );
  return {
    endpoints,
    ca: ca.cert,
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((done) => {
              server.closeAllConnections();
              server.close(() => done());
            }),
        ),
      );
    },
  };
}

const OPENSSL_LOOP = `#!/usr/bin/env bash
# What shell-based expiry checkers do: one s_client + one x509 per endpoint, one after the other.
while read -r host port; do
  printf '%s:%s ' "$host" "$port"
  openssl s_client -connect "127.0.0.1:$port" -servername "$host" </dev/null 2>/dev/null | openssl x509 -noout -enddate
done < "$1"
`;

export async function benchExpiryScan(context: BenchContext): Promise<Section> {
  const runs = Math.max(3, Math.round(context.runs / 3));
  context.log(`3. expiry scan: ${ENDPOINTS} TLS endpoints, ${runs} interleaved runs`);
  const fleet = await startTlsFleet();
  try {
    const list = join(context.work, "endpoints.txt");
    writeFileSync(list, fleet.endpoints.map((e) => `${e.host} ${e.port}`).join("\n") + "\n");
    const script = join(context.work, "openssl-loop.sh");
    writeFileSync(script, OPENSSL_LOOP, { mode: 0o755 });
    const expectedMin = Math.min(...fleet.endpoints.map((e) => e.days));
    const inputs = {
      urls: fleet.endpoints.map((e) => `https://${e.host}:${e.port}/`).join("\n"),
      resolve: fleet.endpoints.map((e) => `${e.host}:${e.port}:127.0.0.1`).join("\n"),
      "ca-cert": fleet.ca,
      checks: "tls,expiry",
      "min-days-valid": "14",
      "warn-days": "30",
    };
    const variants = [
      { checks: "tls,expiry", runs: [] as Timed[] },
      { checks: "expiry", runs: [] as Timed[] },
    ];
    const theirs: Timed[] = [];
    const runOurs = async (variant: (typeof variants)[number]) => {
      const run = expectSuccess(
        `verify (${ENDPOINTS} endpoints, ${variant.checks})`,
        await runAction("verify", { ...inputs, checks: variant.checks }),
      );
      const days = Number(run.outputs.get("min-days-remaining"));
      if (run.outputs.get("passed") !== "true" || Math.abs(days - expectedMin) > 1) {
        throw new Error(
          `verify reported passed=${run.outputs.get("passed")}, min-days-remaining=${days}; expected ~${expectedMin}`,
        );
      }
      variant.runs.push(run);
    };
    const runTheirs = async () => {
      const run = await timed("bash", [script, list]);
      const found = run.stdout.split("\n").filter((line) => line.includes("notAfter=")).length;
      if (found !== ENDPOINTS) throw new Error(`the openssl loop read ${found} of ${ENDPOINTS} expiry dates`);
      theirs.push(run);
    };
    for (let index = 0; index < runs; index++) {
      if (index % 2 === 0) {
        for (const variant of variants) await runOurs(variant);
        await runTheirs();
      } else {
        await runTheirs();
        for (const variant of [...variants].reverse()) await runOurs(variant);
      }
    }
    const t = stats(theirs.map((run) => run.ms));
    const maxDays = Math.max(...fleet.endpoints.map((e) => e.days));
    const rows = variants.map((variant) => {
      const o = stats(variant.runs.map((run) => run.ms));
      const rss = stats(variant.runs.map((run) => run.maxRssKb));
      context.log(
        `expiry scan (${variant.checks}): verify ${Math.round(o.median)} ms, openssl loop ${Math.round(t.median)} ms, peak ${mb(rss.max)}`,
      );
      return { variant, o, rss, value: o.median / t.median };
    });
    return {
      title: `3. Expiry scan: ${ENDPOINTS} TLS endpoints`,
      headlines: rows.map(
        ({ variant, o, rss, value }) =>
          `Expiry scan of ${ENDPOINTS} endpoints, verify \`checks: ${variant.checks}\` / openssl loop = **${ratio(o.median, t.median)}** (target <= 0.05${value <= 0.05 ? ", met" : ", MISSED"}); peak RSS **${mb(rss.max)}** (target <= 150 MB${rss.max <= 150 * 1024 ? ", met" : ", MISSED"})`,
      ),
      markdown: [
        table(
          ["verify checks", "runs", "verify", "openssl loop", "ratio", "verify peak RSS (max)"],
          rows.map(({ variant, o, rss }) => [
            `\`${variant.checks}\``,
            String(o.n),
            spread(o),
            spread(t),
            `**${ratio(o.median, t.median)}**`,
            mb(rss.max),
          ]),
        ),
        "",
        `${ENDPOINTS} HTTPS servers on 127.0.0.1 in the bench process, each with its own CA-signed certificate ` +
          `(${expectedMin}–${maxDays} days left). Ours: the verify bundle with \`urls\` (${ENDPOINTS}), \`resolve\` ` +
          `(${ENDPOINTS} host:port:127.0.0.1 entries) and \`ca-cert\`; 16 endpoints in flight (verify's fixed bound). ` +
          "`checks: expiry` reads each certificate (one handshake) and judges days left against min-days-valid 14 / " +
          "warn-days 30, which is what the loop does; `checks: tls,expiry` adds the chain, hostname and a second " +
          "handshake per endpoint that must refuse TLS 1.1. Theirs: a bash loop of `openssl s_client -connect " +
          "127.0.0.1:<port> -servername <host> </dev/null | openssl x509 -noout -enddate` per endpoint (it prints the " +
          "date, no verdict). The bench checks that both read all 200 certificates (verify's `min-days-remaining`, " +
          "the loop's 200 `notAfter=` lines).",
      ].join("\n"),
    };
  } finally {
    await fleet.close();
  }
}
