/**
 * Benchmark 4: each bundle's size, its cold start to the first network request, its time to exit on a minimal
 * valid run, and its peak memory. The first request is observed by a TCP relay in front of the API server (or
 * by the TLS endpoint verify checks): the moment the action opens its first connection.
 */
import { readdirSync, statSync } from "node:fs";
import net from "node:net";
import { join } from "node:path";
import { createNamespaces } from "./apply.ts";
import {
  expectSuccess,
  mb,
  node24,
  repoRoot,
  runAction,
  spread,
  stats,
  type Timed,
  table,
  timed,
} from "./lib.ts";
import type { BenchContext, Section } from "./run.ts";
import { startTlsFleet } from "./scan.ts";

/** A TCP relay to `target` that records when each connection arrives. */
async function relay(
  targetPort: number,
): Promise<{ port: number; arrivals: number[]; close(): Promise<void> }> {
  const arrivals: number[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    arrivals.push(performance.now());
    const upstream = net.connect(targetPort, "127.0.0.1");
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    port: (server.address() as net.AddressInfo).port,
    arrivals,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

interface Row {
  name: string;
  bytes: number;
  runs: Timed[];
  firstRequest: number[];
}

export async function benchStartup(context: BenchContext): Promise<Section> {
  const runs = Math.max(5, Math.round((context.runs * 2) / 3));
  context.log(`4. start-up: ${runs} runs per bundle`);
  const server = new URL(context.api.server);
  const apiRelay = await relay(Number(server.port));
  const kubeconfig = context.kubeconfig.replaceAll(server.origin, `https://127.0.0.1:${apiRelay.port}`);
  if (kubeconfig === context.kubeconfig) throw new Error(`the kubeconfig does not name ${server.origin}`);
  const tlsFleet = await startTlsFleet(1);
  const endpoint = tlsFleet.endpoints[0]!;
  const tlsRelay = await relay(endpoint.port);
  await createNamespaces(context.api, ["b4-jwt", "b4-mtls", "b4-tls"]);
  const scenarios: Record<string, { inputs: Record<string, string>; relay: typeof apiRelay }> = {
    "jwt-policy": {
      relay: apiRelay,
      inputs: {
        kubeconfig,
        namespace: "b4-jwt",
        targets: "product-composite",
        issuer: "http://auth-server.local",
        "jwks-uri": "http://auth-server.hands-on.svc.cluster.local/.well-known/jwks.json",
      },
    },
    mtls: { relay: apiRelay, inputs: { kubeconfig, namespace: "b4-mtls", mode: "STRICT" } },
    "tls-secret": {
      relay: apiRelay,
      inputs: {
        kubeconfig,
        namespace: "b4-tls",
        "secret-name": "bench-tls",
        "self-signed": "true",
        hosts: "minikube.me",
      },
    },
    // verify connects where resolve points: the relay in front of the TLS endpoint.
    verify: {
      relay: tlsRelay,
      inputs: {
        urls: `https://${endpoint.host}:${tlsRelay.port}/`,
        resolve: `${endpoint.host}:${tlsRelay.port}:127.0.0.1`,
        "ca-cert": tlsFleet.ca,
        checks: "tls,expiry",
      },
    },
  };

  const rows: Row[] = [];
  try {
    const bare: Timed[] = [];
    for (let index = 0; index < runs; index++) bare.push(await timed(node24, ["-e", "0"]));
    for (const action of readdirSync(join(repoRoot, "actions")).sort()) {
      const bundle = join(repoRoot, "actions", action, "dist", "index.js");
      const bytes = statSync(bundle, { throwIfNoEntry: false })?.size ?? 0;
      const scenario = scenarios[action];
      const row: Row = { name: action, bytes, runs: [], firstRequest: [] };
      rows.push(row);
      if (!scenario) continue;
      for (let index = 0; index < runs; index++) {
        const seen = scenario.relay.arrivals.length;
        const run = expectSuccess(`${action} (start-up run)`, await runAction(action, scenario.inputs));
        const first = scenario.relay.arrivals[seen];
        if (first === undefined) throw new Error(`${action} made no request through the relay`);
        row.runs.push(run);
        row.firstRequest.push(first - run.startedAt);
      }
      context.log(
        `${action}: first request ${Math.round(stats(row.firstRequest).median)} ms, exit ${Math.round(stats(row.runs.map((r) => r.ms)).median)} ms`,
      );
    }
    const bareStats = stats(bare.map((run) => run.ms));
    const tableRows = rows.map((row) =>
      row.runs.length === 0
        ? [
            `${row.name}`,
            `${(row.bytes / 1024).toFixed(0)} KiB`,
            "–",
            "–",
            "–",
            "not run: it downloads istioctl (no network here)",
          ]
        : [
            row.name,
            `${(row.bytes / 1024).toFixed(0)} KiB`,
            spread(stats(row.firstRequest)),
            spread(stats(row.runs.map((run) => run.ms))),
            mb(stats(row.runs.map((run) => run.maxRssKb)).max),
            action(row.name),
          ],
    );
    tableRows.push([
      "(baseline) `node -e 0`",
      "–",
      "–",
      spread(bareStats),
      mb(stats(bare.map((run) => run.maxRssKb)).max),
      "Node 24 itself: the floor for any JavaScript action",
    ]);
    const largest = Math.max(...rows.map((row) => row.bytes));
    const startMedians = rows
      .filter((row) => row.runs.length > 0)
      .map((row) => stats(row.firstRequest).median);
    return {
      title: "4. Start-up, size and memory of each bundle",
      headlines: [
        `Start-up: first API/network request ${Math.round(Math.min(...startMedians))}–${Math.round(Math.max(...startMedians))} ms after spawn (bare Node 24: ${Math.round(bareStats.median)} ms to exit); bundles ${(Math.min(...rows.map((r) => r.bytes)) / 1024).toFixed(0)}–${(largest / 1024).toFixed(0)} KiB`,
      ],
      markdown: [
        table(
          [
            "bundle",
            "dist/index.js",
            `first request after spawn (${runs} runs)`,
            "spawn to exit",
            "peak RSS (max)",
            "minimal run",
          ],
          tableRows,
        ),
        "",
        "First request: when the action opens its first connection (to the API server through a TCP relay, or to the " +
          "TLS endpoint for verify), measured from the spawn; everything before it is Node's start-up, loading and " +
          "compiling the bundle, reading and validating inputs and masking the kubeconfig.",
      ].join("\n"),
    };
  } finally {
    await apiRelay.close();
    await tlsRelay.close();
    await tlsFleet.close();
  }
}

function action(name: string): string {
  switch (name) {
    case "jwt-policy":
      return "re-run, unchanged (RequestAuthentication + AuthorizationPolicy)";
    case "mtls":
      return "re-run, unchanged (PeerAuthentication STRICT, sidecar pre-flight)";
    case "tls-secret":
      return "self-signed certificate for minikube.me into a Secret (a new key each run)";
    case "verify":
      return "one HTTPS endpoint, checks tls,expiry";
    default:
      return "";
  }
}
