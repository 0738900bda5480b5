/**
 * The shipped bundle against the real control plane: each test in a fresh namespace, the action run as GitHub
 * runs it (test/run-bundle.ts), the result read back from the API server and checked with independent parsers.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { after, describe, test } from "node:test";
import type { KubeObject } from "@mesh-secure/action-runtime";
import { createUserKubeconfig } from "@mesh-secure/control-plane";
import { clusterApi, clusterKubeconfig, createObjects, freshNamespace } from "../../../test/cluster.ts";
import { type BundleResult, runBundle } from "../../../test/run-bundle.ts";
import { renderSecret } from "../src/render.ts";
import { caChain, encryptedKeys, type Issued, issue } from "./fixtures.ts";

const api = clusterApi();
after(() => api.close());

function run(
  namespace: string,
  inputs: Record<string, string>,
  kubeconfig = clusterKubeconfig(),
): Promise<BundleResult> {
  return runBundle("tls-secret", { kubeconfig, namespace, ...inputs });
}

async function liveSecret(namespace: string, name = "istio-ingressgateway-certs"): Promise<KubeObject> {
  const secret = await api.get({ apiVersion: "v1", kind: "Secret", name, namespace });
  assert.ok(secret, `Secret ${namespace}/${name} should exist`);
  return secret;
}

function decoded(secret: KubeObject, key: string): string {
  return Buffer.from((secret.data as Record<string, string>)[key]!, "base64").toString("utf8");
}

/** The run's log as a person sees it: without the ::add-mask:: commands, which the runner consumes. */
function visibleLog(result: BundleResult): string {
  return `${result.stdout}\n${result.stderr}`
    .split("\n")
    .filter((line) => !line.startsWith("::add-mask::"))
    .join("\n");
}

function explain(result: BundleResult): string {
  return `exit ${result.code}\n${visibleLog(result)}\n${result.summary}`;
}

// Bad-input fixtures, built once: certificates are cheap but a table of them is not.
const good = await issue({ name: "CN=minikube.me", sans: ["minikube.me"] });
const other = await issue({ name: "CN=minikube.me", sans: ["minikube.me"] });
const expired = await issue({
  name: "CN=minikube.me",
  sans: ["minikube.me"],
  notBeforeDays: -400,
  notAfterDays: -2,
});
const weak = await issue({ name: "CN=minikube.me", sans: ["minikube.me"], key: "rsa1024" });
const { intermediate, leaf } = await caChain(["minikube.me"]);

const selfSigned = { "self-signed": "true", hosts: "minikube.me\n*.minikube.me" };
const given = (cert: Issued) => ({ cert: cert.certPem, key: cert.keyPem, hosts: "minikube.me" });

describe("tls-secret against the control plane", () => {
  test("generates a self-signed certificate with Owner = Issuer = O=<organization>, CN=<first host> and every host in the SANs", async () => {
    const namespace = await freshNamespace(api, "tls-generate");
    const result = await run(namespace, {
      ...selfSigned,
      organization: "minikube.me",
      "validity-days": "90",
    });
    assert.equal(result.code, 0, explain(result));

    const secret = await liveSecret(namespace);
    assert.equal(secret.type, "kubernetes.io/tls");
    assert.equal(secret.metadata.labels?.["app.kubernetes.io/managed-by"], "mesh-secure");
    const openssl = spawnSync(
      "openssl",
      ["x509", "-noout", "-subject", "-issuer", "-ext", "subjectAltName", "-nameopt", "RFC2253"],
      {
        input: decoded(secret, "tls.crt"),
        encoding: "utf8",
      },
    );
    assert.equal(openssl.status, 0, openssl.stderr);
    assert.match(openssl.stdout, /^subject=CN=minikube\.me,O=minikube\.me$/m);
    assert.match(openssl.stdout, /^issuer=CN=minikube\.me,O=minikube\.me$/m);
    assert.match(openssl.stdout, /DNS:minikube\.me, DNS:\*\.minikube\.me/);
    assert.ok(
      new X509Certificate(decoded(secret, "tls.crt")).checkPrivateKey(
        (await import("node:crypto")).createPrivateKey(decoded(secret, "tls.key")),
      ),
    );

    const cert = new X509Certificate(decoded(secret, "tls.crt"));
    assert.equal(result.outputs.get("changed"), "true");
    assert.equal(result.outputs.get("secret"), `${namespace}/istio-ingressgateway-certs`);
    assert.equal(result.outputs.get("fingerprint-sha256"), cert.fingerprint256);
    assert.equal(result.outputs.get("subject"), "O=minikube.me, CN=minikube.me");
    assert.equal(result.outputs.get("issuer"), "O=minikube.me, CN=minikube.me");
    assert.equal(result.outputs.get("not-after"), new Date(cert.validTo).toISOString());
    assert.equal(result.outputs.get("not-before"), new Date(cert.validFrom).toISOString());
    assert.equal(result.outputs.get("days-remaining"), "90");
    assert.equal(result.outputs.get("hosts"), '["minikube.me","*.minikube.me"]');
    assert.match(result.summary, /\| Owner \| O=minikube\.me, CN=minikube\.me \|/);
    assert.match(result.summary, /\| Issuer \| O=minikube\.me, CN=minikube\.me \|/);
    assert.match(result.summary, /\| Subject alternative names \| minikube\.me, \*\.minikube\.me \|/);
    assert.match(result.summary, new RegExp(`\\| SHA-256 fingerprint \\| ${cert.fingerprint256} \\|`));
  });

  test("a re-run with the same inputs keeps the still-valid generated certificate and writes nothing", async () => {
    const namespace = await freshNamespace(api, "tls-rerun");
    const first = await run(namespace, selfSigned);
    assert.equal(first.code, 0, explain(first));
    const before = await liveSecret(namespace);

    const second = await run(namespace, selfSigned);
    assert.equal(second.code, 0, explain(second));
    const afterRerun = await liveSecret(namespace);
    assert.equal(afterRerun.metadata.resourceVersion, before.metadata.resourceVersion);
    assert.deepEqual(afterRerun.data, before.data);
    assert.equal(second.outputs.get("changed"), "false");
    assert.equal(second.outputs.get("fingerprint-sha256"), first.outputs.get("fingerprint-sha256"));
    assert.match(second.summary, /unchanged/);
    assert.match(second.summary, /so it was kept \(no rotation\)/);
  });

  test("regenerates the self-signed certificate when a host is added, reporting the rotation", async () => {
    const namespace = await freshNamespace(api, "tls-regen");
    const first = await run(namespace, selfSigned);
    assert.equal(first.code, 0, explain(first));
    const second = await run(namespace, { "self-signed": "true", hosts: "minikube.me\napi.example.com" });
    assert.equal(second.code, 0, explain(second));
    assert.equal(second.outputs.get("changed"), "true");
    assert.notEqual(second.outputs.get("fingerprint-sha256"), first.outputs.get("fingerprint-sha256"));
    assert.match(second.summary, /rotated/);
    assert.match(
      second.summary,
      /because the live certificate fails a check \(.*'api\.example\.com' is not covered/,
    );
    assert.equal(
      new X509Certificate(decoded(await liveSecret(namespace), "tls.crt")).subjectAltName,
      "DNS:minikube.me, DNS:api.example.com",
    );
  });

  test("rotates to a newly given certificate and reports the old and new fingerprints and expiry dates", async () => {
    const namespace = await freshNamespace(api, "tls-rotate");
    const old = await issue({ name: "CN=minikube.me", sans: ["minikube.me"], notAfterDays: 30 });
    const renewed = await issue({ name: "CN=minikube.me", sans: ["minikube.me"], notAfterDays: 400 });
    assert.equal((await run(namespace, given(old))).code, 0);

    const result = await run(namespace, given(renewed));
    assert.equal(result.code, 0, explain(result));
    assert.equal(decoded(await liveSecret(namespace), "tls.crt"), renewed.certPem);
    const oldCert = new X509Certificate(old.certPem);
    const newCert = new X509Certificate(renewed.certPem);
    assert.equal(result.outputs.get("changed"), "true");
    assert.match(result.summary, /TLS secret .*: rotated/);
    assert.match(
      result.summary,
      new RegExp(`\\| old \\| ${oldCert.fingerprint256} \\| ${new Date(oldCert.validTo).toISOString()} \\|`),
    );
    assert.match(
      result.summary,
      new RegExp(`\\| new \\| ${newCert.fingerprint256} \\| ${new Date(newCert.validTo).toISOString()} \\|`),
    );
    assert.match(
      visibleLog(result),
      new RegExp(`Rotation: ${oldCert.fingerprint256} .* -> ${newCert.fingerprint256}`),
    );
  });

  test("a re-run with the same given certificate reports changed=false and keeps the resourceVersion", async () => {
    const namespace = await freshNamespace(api, "tls-same");
    const cert = await issue({ name: "CN=minikube.me", sans: ["minikube.me"] });
    assert.equal((await run(namespace, given(cert))).code, 0);
    const before = await liveSecret(namespace);
    const result = await run(namespace, given(cert));
    assert.equal(result.code, 0, explain(result));
    assert.equal(result.outputs.get("changed"), "false");
    assert.equal((await liveSecret(namespace)).metadata.resourceVersion, before.metadata.resourceVersion);
    assert.match(visibleLog(result), /Nothing to change/);
  });

  test("stores a CA-issued chain leaf first and the ca-cert as ca.crt", async () => {
    const namespace = await freshNamespace(api, "tls-chain");
    const { root, intermediate, leaf } = await caChain(["minikube.me"]);
    const result = await run(namespace, {
      cert: leaf.certPem + intermediate.certPem,
      key: leaf.keyPem,
      "ca-cert": root.certPem,
      hosts: "minikube.me",
      "secret-name": "minikube-tls",
    });
    assert.equal(result.code, 0, explain(result));
    const secret = await liveSecret(namespace, "minikube-tls");
    assert.equal(decoded(secret, "tls.crt"), leaf.certPem + intermediate.certPem);
    assert.equal(decoded(secret, "ca.crt"), root.certPem);
    assert.equal(result.outputs.get("issuer"), "O=Test Root, CN=Test Intermediate");
  });

  test("points the Gateway's HTTPS server at the secret with credentialName (SDS), and a re-run changes nothing", async () => {
    const namespace = await freshNamespace(api, "tls-gateway");
    const gateway: KubeObject = {
      apiVersion: "networking.istio.io/v1",
      kind: "Gateway",
      metadata: { name: "hands-on-gw", namespace },
      spec: {
        selector: { istio: "ingressgateway" },
        servers: [
          { port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["minikube.me"] },
          {
            port: { number: 443, name: "https", protocol: "HTTPS" },
            hosts: ["minikube.me"],
            tls: {
              mode: "SIMPLE",
              serverCertificate: "/etc/istio/ingressgateway-certs/tls.crt",
              privateKey: "/etc/istio/ingressgateway-certs/tls.key",
            },
          },
        ],
      },
    };
    await createObjects(api, [gateway]);
    const inputs = { ...selfSigned, "secret-name": "minikube-me-tls", gateway: `${namespace}/hands-on-gw` };
    const result = await run(namespace, inputs);
    assert.equal(result.code, 0, explain(result));

    const live = await api.get({
      apiVersion: "networking.istio.io/v1",
      kind: "Gateway",
      name: "hands-on-gw",
      namespace,
    });
    assert.ok(live);
    const servers = (live.spec as { servers: { tls?: unknown }[] }).servers;
    assert.equal(servers.length, 2);
    assert.equal(servers[0]!.tls, undefined);
    assert.deepEqual(servers[1]!.tls, { mode: "SIMPLE", credentialName: "minikube-me-tls" });
    assert.deepEqual((live.spec as { selector: unknown }).selector, { istio: "ingressgateway" });
    assert.match(result.summary, /Gateway .*hands-on-gw: updated/);
    assert.match(
      result.summary,
      /file \/etc\/istio\/ingressgateway-certs\/tls\.crt \| credentialName minikube-me-tls/,
    );

    const again = await run(namespace, inputs);
    assert.equal(again.code, 0, explain(again));
    assert.equal(again.outputs.get("changed"), "false");
    assert.match(again.summary, /already points at the secret/);
    const unchanged = await api.get({
      apiVersion: "networking.istio.io/v1",
      kind: "Gateway",
      name: "hands-on-gw",
      namespace,
    });
    assert.equal(unchanged?.metadata.resourceVersion, live.metadata.resourceVersion);
  });

  test("refuses a MUTUAL gateway server without a CA to verify clients, writing nothing", async () => {
    const namespace = await freshNamespace(api, "tls-mutual");
    const gateway: KubeObject = {
      apiVersion: "networking.istio.io/v1",
      kind: "Gateway",
      metadata: { name: "mutual-gw", namespace },
      spec: {
        selector: { istio: "ingressgateway" },
        servers: [
          {
            port: { number: 443, name: "https", protocol: "HTTPS" },
            hosts: ["minikube.me"],
            tls: { mode: "MUTUAL", credentialName: "old-credential" },
          },
        ],
      },
    };
    await createObjects(api, [gateway]);
    const result = await run(namespace, {
      ...selfSigned,
      "secret-name": "minikube-me-tls",
      gateway: `${namespace}/mutual-gw`,
    });
    assert.notEqual(result.code, 0);
    assert.match(visibleLog(result), /input 'ca-cert'.*MUTUAL server 443\/HTTPS/);
    assert.equal(
      await api.get({ apiVersion: "v1", kind: "Secret", namespace, name: "minikube-me-tls" }),
      undefined,
    );
    const live = await api.get({
      apiVersion: "networking.istio.io/v1",
      kind: "Gateway",
      name: "mutual-gw",
      namespace,
    });
    assert.ok(live);
    assert.deepEqual((live.spec as { servers: { tls: unknown }[] }).servers[0]!.tls, {
      mode: "MUTUAL",
      credentialName: "old-credential",
    });

    const withCa = await run(namespace, {
      ...selfSigned,
      "secret-name": "minikube-me-tls",
      gateway: `${namespace}/mutual-gw`,
      "ca-cert": intermediate.certPem,
    });
    assert.equal(withCa.code, 0, explain(withCa));
  });

  test("a dry run validates and reports what would change but writes nothing", async () => {
    const namespace = await freshNamespace(api, "tls-dryrun");
    const old = await issue({ name: "CN=minikube.me", sans: ["minikube.me"] });
    const renewed = await issue({ name: "CN=minikube.me", sans: ["minikube.me"] });
    assert.equal((await run(namespace, given(old))).code, 0);
    const before = await liveSecret(namespace);

    const result = await run(namespace, { ...given(renewed), "dry-run": "true" });
    assert.equal(result.code, 0, explain(result));
    const afterDryRun = await liveSecret(namespace);
    assert.equal(afterDryRun.metadata.resourceVersion, before.metadata.resourceVersion);
    assert.deepEqual(afterDryRun.data, before.data);
    assert.equal(result.outputs.get("changed"), "true");
    assert.match(result.summary, /would be rotated \(dry run\)/);

    const fresh = await freshNamespace(api, "tls-dryrun-new");
    const create = await run(fresh, { ...selfSigned, "dry-run": "true" });
    assert.equal(create.code, 0, explain(create));
    assert.equal(
      await api.get({
        apiVersion: "v1",
        kind: "Secret",
        name: "istio-ingressgateway-certs",
        namespace: fresh,
      }),
      undefined,
    );
    assert.match(create.summary, /would be created/);
  });

  describe("refuses bad input with an error naming the input, and leaves the live secret untouched", () => {
    const cases: { name: string; inputs: Record<string, string>; input: string; problem: RegExp }[] = [
      {
        name: "a key that does not match the certificate",
        inputs: { cert: good.certPem, key: other.keyPem },
        input: "key",
        problem: /do not match/,
      },
      { name: "an expired certificate", inputs: given(expired), input: "cert", problem: /expired on/ },
      {
        name: "a host the certificate does not cover",
        inputs: { ...given(good), hosts: "minikube.me\napi.example.com" },
        input: "hosts",
        problem: /'api\.example\.com' is not covered/,
      },
      {
        name: "a garbage PEM certificate",
        inputs: { cert: "hello, I am not a certificate", key: good.keyPem },
        input: "cert",
        problem: /no PEM block/,
      },
      { name: "a weak RSA 1024 key", inputs: given(weak), input: "key", problem: /weak 1024-bit RSA key/ },
      {
        name: "an encrypted key",
        inputs: { cert: good.certPem, key: encryptedKeys(good.keyPem).pkcs8 },
        input: "key",
        problem: /encrypted private key.*openssl pkey/,
      },
      {
        name: "a chain in the wrong order",
        inputs: { cert: intermediate.certPem + leaf.certPem, key: leaf.keyPem },
        input: "cert",
        problem: /out of order/,
      },
    ];
    for (const bad of cases) {
      test(`${bad.name} fails naming '${bad.input}', and the live secret keeps its resourceVersion and data`, async () => {
        const namespace = await freshNamespace(api, "tls-bad");
        await createObjects(api, [
          renderSecret(namespace, "istio-ingressgateway-certs", {
            chainPem: good.certPem,
            keyPem: good.keyPem,
          }),
        ]);
        const before = await liveSecret(namespace);

        const result = await run(namespace, bad.inputs);
        assert.notEqual(result.code, 0, explain(result));
        const annotation = result.stdout
          .split("\n")
          .find((line) => line.startsWith(`::error title=tls-secret%3A input '${bad.input}'`));
        assert.ok(annotation, `no error annotation for input '${bad.input}':\n${explain(result)}`);
        assert.match(annotation, bad.problem);
        assert.match(annotation, /Fix: /);
        assert.match(result.summary, /invalid input, nothing was written/);
        assert.equal(result.outputs.size, 0);
        const untouched = await liveSecret(namespace);
        assert.equal(untouched.metadata.resourceVersion, before.metadata.resourceVersion);
        assert.deepEqual(untouched.data, before.data);
      });
    }
  });

  test("refuses to change a live secret of another type, explaining that the type is immutable", async () => {
    const namespace = await freshNamespace(api, "tls-opaque");
    await createObjects(api, [
      {
        apiVersion: "v1",
        kind: "Secret",
        metadata: { name: "istio-ingressgateway-certs", namespace },
        type: "Opaque",
        data: { a: "Yg==" },
      },
    ]);
    const before = await liveSecret(namespace);
    const result = await run(namespace, selfSigned);
    assert.notEqual(result.code, 0);
    assert.match(
      visibleLog(result),
      /::error title=tls-secret%3A input 'secret-name'::.*type 'Opaque'.*cannot be changed in place.*Fix: use another secret-name, or delete the old secret yourself/,
    );
    assert.equal((await liveSecret(namespace)).metadata.resourceVersion, before.metadata.resourceVersion);
  });

  test("explains a missing namespace in plain words", async () => {
    const result = await run("no-such-namespace-tls", selfSigned);
    assert.notEqual(result.code, 0);
    assert.match(
      visibleLog(result),
      /Namespace 'no-such-namespace-tls' does not exist.*Fix: create the namespace first/,
    );
  });

  test("explains an RBAC refusal with the verb and resource that failed", async () => {
    const namespace = await freshNamespace(api, "tls-rbac");
    const kubeconfig = readFileSync(await createUserKubeconfig("tls-secret-nobody"), "utf8");
    const result = await run(namespace, selfSigned, kubeconfig);
    assert.notEqual(result.code, 0);
    assert.match(
      visibleLog(result),
      /Forbidden: the kubeconfig's identity may not get Secret .*istio-ingressgateway-certs in namespace/,
    );
  });

  test("no key material reaches the log, the job summary or the outputs", async () => {
    const namespace = await freshNamespace(api, "tls-leak");
    const cert = await issue({ name: "CN=minikube.me", sans: ["minikube.me"] });
    const other = await issue({ name: "CN=minikube.me", sans: ["minikube.me"] });
    const runs = [
      await run(namespace, given(cert)),
      await run(namespace, { ...given(other), "dry-run": "true" }),
      await run(namespace, { cert: cert.certPem, key: other.keyPem }),
      await run(namespace, { ...selfSigned, "secret-name": "generated" }),
      await run(namespace, { ...selfSigned, "secret-name": "generated" }),
    ];
    const generatedKey = decoded(await liveSecret(namespace, "generated"), "tls.key");
    const secrets = [cert.keyPem, other.keyPem, generatedKey].flatMap((pem) => {
      const body = pem.split("\n").filter((line) => line !== "" && !line.startsWith("-----"));
      return [...body, Buffer.from(pem).toString("base64").slice(80, 160), body.join("")];
    });
    for (const [index, result] of runs.entries()) {
      const seen = [visibleLog(result), result.summary, [...result.outputs.values()].join("\n")].join("\n");
      for (const secret of secrets)
        assert.ok(
          !seen.includes(secret),
          `run #${index + 1} printed key material (${secret.slice(0, 8)}...)`,
        );
      assert.doesNotMatch(seen, /BEGIN (EC |RSA )?PRIVATE KEY/);
    }
    assert.equal(runs[2]!.code, 1, "the mismatched key run fails");
  });
});
