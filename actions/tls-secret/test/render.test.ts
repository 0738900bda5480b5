import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  InputError,
  InputProblems,
  Inputs,
  type KubeObject,
  mapInputs,
  TerminalReporter,
} from "@mesh-secure/action-runtime";
import { readConfig } from "../src/config.ts";
import { type GatewayServer, pointGatewayAtSecret, renderSecret } from "../src/render.ts";
import { pemBlock } from "./fixtures.ts";

function gateway(servers: GatewayServer[]): KubeObject {
  return {
    apiVersion: "networking.istio.io/v1",
    kind: "Gateway",
    metadata: { name: "hands-on-gw", namespace: "hands-on", resourceVersion: "12" },
    spec: { selector: { istio: "ingressgateway" }, servers },
  };
}

const fileMountServer: GatewayServer = {
  port: { number: 443, name: "https", protocol: "HTTPS" },
  hosts: ["minikube.me"],
  tls: {
    mode: "SIMPLE",
    serverCertificate: "/etc/istio/ingressgateway-certs/tls.crt",
    privateKey: "/etc/istio/ingressgateway-certs/tls.key",
    minProtocolVersion: "TLSV1_2",
  },
};
const httpServer: GatewayServer = {
  port: { number: 80, name: "http", protocol: "HTTP" },
  hosts: ["minikube.me"],
};

describe("pointing a Gateway at the secret", () => {
  test("switches the HTTPS server for the host from file mount to credentialName and keeps its other TLS settings", () => {
    const { desired, changes } = pointGatewayAtSecret(
      gateway([httpServer, fileMountServer]),
      ["minikube.me"],
      "minikube-tls",
    );
    const servers = (desired.spec as { servers: GatewayServer[] }).servers;
    assert.deepEqual(servers[0], httpServer);
    assert.deepEqual(servers[1]!.tls, {
      mode: "SIMPLE",
      credentialName: "minikube-tls",
      minProtocolVersion: "TLSV1_2",
    });
    assert.deepEqual(
      changes.map((change) => [change.index, change.modeAfter, change.credentialBefore]),
      [[1, "SIMPLE", "file /etc/istio/ingressgateway-certs/tls.crt"]],
    );
  });

  test("applies the whole servers list (it is atomic) and nothing of the Gateway it does not own", () => {
    const { desired } = pointGatewayAtSecret(
      gateway([httpServer, fileMountServer]),
      ["minikube.me"],
      "minikube-tls",
    );
    assert.deepEqual(Object.keys(desired.spec as object), ["servers"]);
    assert.deepEqual(desired.metadata, { name: "hands-on-gw", namespace: "hands-on" });
    assert.equal((desired.spec as { servers: unknown[] }).servers.length, 2);
  });

  test("removes the certificate alternatives CEL forbids beside credentialName", () => {
    const server: GatewayServer = {
      port: { number: 443, name: "https", protocol: "HTTPS" },
      hosts: ["*"],
      tls: { mode: "SIMPLE", credentialNames: ["a", "b"] },
    };
    const { desired } = pointGatewayAtSecret(gateway([server]), ["minikube.me"], "minikube-tls");
    assert.deepEqual((desired.spec as { servers: GatewayServer[] }).servers[0]!.tls, {
      mode: "SIMPLE",
      credentialName: "minikube-tls",
    });
  });

  test("keeps MUTUAL mode, which reads ca.crt from the same secret", () => {
    const server: GatewayServer = { ...fileMountServer, tls: { mode: "MUTUAL", credentialName: "old" } };
    const { changes } = pointGatewayAtSecret(gateway([server]), ["minikube.me"], "new");
    assert.equal(changes[0]!.modeAfter, "MUTUAL");
  });

  test("matches servers by namespace-prefixed and wildcard hosts, and leaves other hosts alone", () => {
    const servers: GatewayServer[] = [
      { ...fileMountServer, hosts: ["hands-on/minikube.me"] },
      { ...fileMountServer, hosts: ["*.minikube.me"] },
      { ...fileMountServer, hosts: ["other.example"] },
    ];
    const { changes } = pointGatewayAtSecret(gateway(servers), ["minikube.me", "api.minikube.me"], "tls");
    assert.deepEqual(
      changes.map((change) => change.index),
      [0, 1],
    );
  });

  test("refuses a Gateway without an HTTPS server for the hosts, naming the gateway input", () => {
    assert.throws(
      () => pointGatewayAtSecret(gateway([httpServer]), ["minikube.me"], "tls"),
      (error: unknown) =>
        error instanceof InputError &&
        error.input === "gateway" &&
        /no HTTPS server for minikube\.me/.test(error.message),
    );
  });
});

describe("the rendered Secret", () => {
  test("is a kubernetes.io/tls secret with tls.crt, tls.key, ca.crt and the managed-by label", () => {
    const secret = renderSecret("istio-system", "istio-ingressgateway-certs", {
      chainPem: "C",
      keyPem: "K",
      caPem: "A",
    });
    assert.equal(secret.type, "kubernetes.io/tls");
    assert.deepEqual(secret.data, { "tls.crt": "Qw==", "tls.key": "Sw==", "ca.crt": "QQ==" });
    assert.equal(secret.metadata.labels?.["app.kubernetes.io/managed-by"], "mesh-secure");
  });

  test("has no ca.crt when no CA is given", () => {
    const secret = renderSecret("istio-system", "x", { chainPem: "C", keyPem: "K" });
    assert.deepEqual(Object.keys(secret.data as object), ["tls.crt", "tls.key"]);
  });
});

describe("reading the inputs", () => {
  function problemsFor(values: Record<string, string>): string[] {
    const problems = new InputProblems();
    readConfig(new Inputs(mapInputs(values)), new TerminalReporter({ out: process.stderr }), problems);
    return problems.errors.map((error) => `${error.input}: ${error.problem}`);
  }

  test("requires hosts with self-signed", () => {
    assert.deepEqual(problemsFor({ "self-signed": "true" }), [
      "hosts: is required with self-signed: true (the first host becomes the CN)",
    ]);
  });

  test("refuses a given key together with self-signed", () => {
    assert.deepEqual(problemsFor({ "self-signed": "true", hosts: "minikube.me", key: "k" }), [
      "key: is given together with self-signed: true",
    ]);
  });

  test("refuses cert and cert-file together", () => {
    assert.deepEqual(problemsFor({ cert: "c", "cert-file": "/tmp/x.pem", key: "k" }), [
      "cert-file: is given together with 'cert'",
    ]);
  });

  test("refuses a gateway that is not namespace/name", () => {
    assert.deepEqual(problemsFor({ "self-signed": "true", hosts: "minikube.me", gateway: "hands-on-gw" }), [
      "gateway: 'hands-on-gw' is not namespace/name",
    ]);
  });

  test("refuses a validity shorter than min-days-valid", () => {
    assert.deepEqual(problemsFor({ "self-signed": "true", hosts: "minikube.me", "validity-days": "5" }), [
      "validity-days: 5 is not more than min-days-valid (7), so the generated certificate would be refused",
    ]);
  });

  test("refuses a host with a wildcard in the middle", () => {
    assert.deepEqual(problemsFor({ "self-signed": "true", hosts: "api.*.minikube.me" }), [
      "hosts: 'api.*.minikube.me' is not a host name",
    ]);
  });

  test("reads cert-file and key-file from paths and masks the key file's lines", () => {
    const dir = mkdtempSync(join(tmpdir(), "tls-files-"));
    const keyLine = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgSECRETSECRET";
    writeFileSync(join(dir, "tls.crt"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    writeFileSync(join(dir, "tls.key"), pemBlock("PRIVATE KEY", keyLine));
    const reporter = new TerminalReporter({ out: process.stderr });
    const problems = new InputProblems();
    const config = readConfig(
      new Inputs(mapInputs({ "cert-file": join(dir, "tls.crt"), "key-file": join(dir, "tls.key") })),
      reporter,
      problems,
    );
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(problems.errors, []);
    assert.equal(config?.cert?.input, "cert-file");
    assert.equal(config?.key?.input, "key-file");
    assert.equal(reporter.redact(`line ${keyLine}`), "line ***");
  });

  test("defaults to the file-mount secret in istio-system with the organization set to the first host", () => {
    const problems = new InputProblems();
    const config = readConfig(
      new Inputs(mapInputs({ "self-signed": "true", hosts: "minikube.me\n*.minikube.me" })),
      new TerminalReporter({ out: process.stderr }),
      problems,
    );
    assert.deepEqual(problems.errors, []);
    assert.equal(config?.namespace, "istio-system");
    assert.equal(config?.secretName, "istio-ingressgateway-certs");
    assert.equal(config?.organization, "minikube.me");
    assert.deepEqual(config?.hosts, ["minikube.me", "*.minikube.me"]);
  });
});

describe("the reference manifests", () => {
  test("show the secret with placeholders instead of key material, and the Gateway pointed at it", async () => {
    const { referenceManifests } = await import("../src/reference.ts");
    const files = referenceManifests();
    assert.deepEqual(Object.keys(files).sort(), ["gateway-sds.yaml", "secret.yaml"]);
    assert.doesNotMatch(files["secret.yaml"]!, /BEGIN|LS0t/);
    assert.match(files["secret.yaml"]!, /type: kubernetes\.io\/tls/);
    assert.match(files["gateway-sds.yaml"]!, /credentialName: istio-ingressgateway-certs\n\s+mode: SIMPLE/);
    assert.doesNotMatch(files["gateway-sds.yaml"]!, /serverCertificate|privateKey/);
  });
});
