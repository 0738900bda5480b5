import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { describe, test } from "node:test";
import { InputErrors } from "@mesh-secure/action-runtime";
import { nameCovers, type ValidationRules, validateMaterial } from "../src/certificate.ts";
import { generateSelfSigned } from "../src/generate.ts";
import { caChain, encryptedKeys, issue, pemBlock } from "./fixtures.ts";

const rules = (overrides: Partial<ValidationRules> = {}): ValidationRules => ({
  hosts: ["minikube.me"],
  hostsInput: "hosts",
  minDaysValid: 7,
  now: new Date(),
  ...overrides,
});

/** Runs validateMaterial and returns the problems it reports as `input: message` lines. */
function problemsOf(
  cert: string,
  key: string,
  overrides: Partial<ValidationRules> = {},
  ca?: string,
): string[] {
  try {
    validateMaterial(
      { input: "cert", text: cert },
      { input: "key", text: key },
      ca === undefined ? undefined : { input: "ca-cert", text: ca },
      rules(overrides),
    );
  } catch (error) {
    assert.ok(error instanceof InputErrors, `expected InputErrors, got ${error}`);
    return error.errors.map((problem) => `${problem.input}: ${problem.message}`);
  }
  return [];
}

describe("host matching (RFC 6125)", () => {
  const cases: [string, string, boolean][] = [
    ["minikube.me", "minikube.me", true],
    ["MiniKube.ME", "minikube.me.", true],
    ["*.minikube.me", "api.minikube.me", true],
    ["*.minikube.me", "minikube.me", false],
    ["*.minikube.me", "a.b.minikube.me", false],
    ["*.minikube.me", "*.minikube.me", true],
    ["api.minikube.me", "*.minikube.me", false],
    ["f*.minikube.me", "foo.minikube.me", false],
    ["*.me", "minikube.me", false],
    ["api.*.me", "api.minikube.me", false],
    ["other.me", "minikube.me", false],
  ];
  for (const [name, host, expected] of cases) {
    test(`${name} ${expected ? "covers" : "does not cover"} ${host}`, () => {
      assert.equal(nameCovers(name, host), expected);
    });
  }
});

describe("validating a given certificate and key", () => {
  test("accepts a CA-issued chain in order and describes its leaf", async () => {
    const { intermediate, leaf } = await caChain(["minikube.me", "*.minikube.me"]);
    const material = validateMaterial(
      { input: "cert", text: leaf.certPem + intermediate.certPem },
      { input: "key", text: leaf.keyPem },
      undefined,
      rules({ hosts: ["minikube.me", "api.minikube.me"] }),
    );
    assert.equal(material.chain.length, 2);
    assert.equal(material.leaf.subject, "CN=minikube.me");
    assert.equal(material.leaf.issuer, "O=Test Root, CN=Test Intermediate");
    assert.deepEqual(material.leaf.sans, ["minikube.me", "*.minikube.me"]);
    assert.equal(material.keyDescription, "EC P-256");
    assert.equal(material.leaf.selfSigned, false);
  });

  test("refuses a key that does not belong to the certificate, naming the key input", async () => {
    const one = await issue({ name: "CN=minikube.me", sans: ["minikube.me"] });
    const other = await issue({ name: "CN=minikube.me", sans: ["minikube.me"] });
    const problems = problemsOf(one.certPem, other.keyPem);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^key: .*do not match.*Fix: pass the key the certificate was issued for/);
  });

  test("refuses an expired certificate", async () => {
    const expired = await issue({
      name: "CN=minikube.me",
      sans: ["minikube.me"],
      notBeforeDays: -400,
      notAfterDays: -35,
    });
    assert.deepEqual(
      problemsOf(expired.certPem, expired.keyPem).map((line) => line.replace(/ on .*/, "")),
      ["cert: Input 'cert': the certificate expired"],
    );
  });

  test("refuses a certificate that expires sooner than min-days-valid", async () => {
    const soon = await issue({ name: "CN=minikube.me", sans: ["minikube.me"], notAfterDays: 3 });
    const [problem, ...rest] = problemsOf(soon.certPem, soon.keyPem, { minDaysValid: 7 });
    assert.equal(rest.length, 0);
    assert.match(problem!, /^cert: .*in 2 day\(s\), sooner than min-days-valid \(7\)/);
    assert.deepEqual(problemsOf(soon.certPem, soon.keyPem, { minDaysValid: 1 }), []);
  });

  test("refuses a certificate that is not yet valid", async () => {
    const future = await issue({ name: "CN=minikube.me", sans: ["minikube.me"], notBeforeDays: 2 });
    assert.match(problemsOf(future.certPem, future.keyPem)[0]!, /^cert: .*is not valid before/);
  });

  test("refuses a certificate that does not cover a host, naming the hosts input and the SANs", async () => {
    const cert = await issue({ name: "CN=minikube.me", sans: ["minikube.me"] });
    const problems = problemsOf(cert.certPem, cert.keyPem, { hosts: ["minikube.me", "api.minikube.me"] });
    assert.equal(problems.length, 1);
    assert.match(
      problems[0]!,
      /^hosts: .*'api\.minikube\.me' is not covered by the certificate \(its SANs: minikube\.me\)/,
    );
  });

  test("refuses a certificate without SANs even when its CN is the host", async () => {
    const cert = await issue({ name: "CN=minikube.me" });
    assert.match(
      problemsOf(cert.certPem, cert.keyPem)[0]!,
      /^hosts: .*no subject alternative names.*ignore the CN/,
    );
  });

  test("refuses garbage instead of a PEM certificate", async () => {
    const key = await issue({ name: "CN=minikube.me", sans: ["minikube.me"] });
    const problems = problemsOf("not a certificate", key.keyPem);
    assert.deepEqual(problems.length, 1);
    assert.match(problems[0]!, /^cert: .*contains no PEM block/);
  });

  test("refuses a PEM certificate block whose body is corrupt", async () => {
    const cert = await issue({ name: "CN=minikube.me", sans: ["minikube.me"] });
    const corrupt = cert.certPem.replace(/\n[A-Za-z0-9+/]{20}/, "\nAAAAAAAAAAAAAAAAAAAA");
    assert.match(
      problemsOf(corrupt, cert.keyPem)[0]!,
      /^cert: .*certificate #1 is not a valid X\.509 certificate/,
    );
  });

  test("refuses a garbage private key", async () => {
    const cert = await issue({ name: "CN=minikube.me", sans: ["minikube.me"] });
    const garbage = pemBlock("PRIVATE KEY", "AAAA");
    assert.match(problemsOf(cert.certPem, garbage)[0]!, /^key: .*is not a valid private key/);
  });

  test("refuses a weak RSA 1024 key", async () => {
    const weak = await issue({ name: "CN=minikube.me", sans: ["minikube.me"], key: "rsa1024" });
    const problems = problemsOf(weak.certPem, weak.keyPem);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^key: .*weak 1024-bit RSA key \(at least 2048 bits are required\)/);
  });

  test("accepts an RSA 2048 key", async () => {
    const rsa = await issue({ name: "CN=minikube.me", sans: ["minikube.me"], key: "rsa2048" });
    assert.deepEqual(problemsOf(rsa.certPem, rsa.keyPem), []);
  });

  test("refuses an encrypted PKCS#8 key and says how to decrypt it", async () => {
    const cert = await issue({ name: "CN=minikube.me", sans: ["minikube.me"] });
    const problems = problemsOf(cert.certPem, encryptedKeys(cert.keyPem).pkcs8);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^key: .*encrypted private key.*openssl pkey -in key\.pem -out plain\.pem/);
  });

  test("refuses a legacy OpenSSL-encrypted key (Proc-Type: 4,ENCRYPTED)", async () => {
    const cert = await issue({ name: "CN=minikube.me", sans: ["minikube.me"] });
    const legacy = encryptedKeys(cert.keyPem).legacy;
    assert.match(legacy, /Proc-Type: 4,ENCRYPTED/);
    assert.match(problemsOf(cert.certPem, legacy)[0]!, /^key: .*encrypted private key/);
  });

  test("refuses a chain with the intermediate before the leaf", async () => {
    const { intermediate, leaf } = await caChain(["minikube.me"]);
    const problems = problemsOf(intermediate.certPem + leaf.certPem, leaf.keyPem);
    assert.equal(problems.length, 1);
    assert.match(
      problems[0]!,
      /^cert: .*out of order: the key belongs to certificate #2 \(CN=minikube\.me\), but the leaf must come first/,
    );
  });

  test("refuses a chain whose second certificate did not issue the first", async () => {
    const { root, leaf } = await caChain(["minikube.me"]);
    const problems = problemsOf(leaf.certPem + root.certPem, leaf.keyPem);
    assert.equal(problems.length, 1);
    assert.match(
      problems[0]!,
      /^cert: .*out of order: certificate #1 \(CN=minikube\.me\) is not issued by certificate #2/,
    );
  });

  test("spots a key passed as the certificate", async () => {
    const cert = await issue({ name: "CN=minikube.me", sans: ["minikube.me"] });
    assert.match(
      problemsOf(cert.keyPem, cert.keyPem)[0]!,
      /^cert: .*'PRIVATE KEY', not a CERTIFICATE.*swapped/,
    );
  });

  test("reports every problem of one run together", async () => {
    const weak = await issue({
      name: "CN=other.me",
      sans: ["other.me"],
      key: "rsa1024",
      notBeforeDays: -30,
      notAfterDays: -1,
    });
    const inputs = problemsOf(weak.certPem, weak.keyPem).map((line) => line.split(":")[0]);
    assert.deepEqual(inputs.sort(), ["cert", "hosts", "key"]);
  });
});

describe("generating the self-signed development certificate", () => {
  test("makes Owner = Issuer = O=<organization>, CN=<first host> with every host in the SANs, as openssl reads it", async () => {
    const generated = await generateSelfSigned({
      hosts: ["minikube.me", "*.minikube.me"],
      organization: "minikube.me",
      validityDays: 365,
      now: new Date(),
    });
    const openssl = spawnSync(
      "openssl",
      ["x509", "-noout", "-subject", "-issuer", "-ext", "subjectAltName", "-nameopt", "RFC2253"],
      {
        input: generated.certPem,
        encoding: "utf8",
      },
    );
    assert.equal(openssl.status, 0, openssl.stderr);
    assert.match(openssl.stdout, /^subject=CN=minikube\.me,O=minikube\.me$/m);
    assert.match(openssl.stdout, /^issuer=CN=minikube\.me,O=minikube\.me$/m);
    assert.match(openssl.stdout, /DNS:minikube\.me, DNS:\*\.minikube\.me/);
  });

  test("uses an EC P-256 key that matches the certificate, valid for validity-days", async () => {
    const now = new Date();
    const generated = await generateSelfSigned({
      hosts: ["minikube.me"],
      organization: "Acme",
      validityDays: 30,
      now,
    });
    const material = validateMaterial(
      { input: "cert", text: generated.certPem },
      { input: "key", text: generated.keyPem },
      undefined,
      rules({ now }),
    );
    assert.equal(material.keyDescription, "EC P-256");
    assert.equal(material.leaf.subject, "O=Acme, CN=minikube.me");
    assert.equal(material.leaf.selfSigned, true);
    const days = (material.leaf.notAfter.getTime() - now.getTime()) / 86_400_000;
    assert.ok(days >= 30 && days < 30.001, `valid for ${days} days`);
    assert.ok(new X509Certificate(generated.certPem).checkPrivateKey(material.key));
  });

  test("escapes an organization with a comma so it stays one attribute", async () => {
    const generated = await generateSelfSigned({
      hosts: ["minikube.me"],
      organization: "Acme, Inc.",
      validityDays: 30,
      now: new Date(),
    });
    const subject = new X509Certificate(generated.certPem).subject.split("\n");
    assert.deepEqual(subject, ["O=Acme\\, Inc.", "CN=minikube.me"]);
  });
});
