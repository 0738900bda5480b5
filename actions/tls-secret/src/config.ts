/** The action's inputs, read and checked in one pass (every problem reported together, before any write). */
import { existsSync, readFileSync, statSync } from "node:fs";
import { isIP } from "node:net";
import type { InputProblems, Inputs, Reporter } from "@mesh-secure/action-runtime";
import type { PemInput } from "./certificate.ts";

export interface GatewayRef {
  namespace: string;
  name: string;
}

export interface TlsSecretConfig {
  namespace: string;
  secretName: string;
  /** Given PEMs; undefined with self-signed. */
  cert?: PemInput | undefined;
  key?: PemInput | undefined;
  ca?: PemInput | undefined;
  selfSigned: boolean;
  hosts: string[];
  organization: string;
  validityDays: number;
  minDaysValid: number;
  gateway?: GatewayRef | undefined;
  dryRun: boolean;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const HOST = /^(\*\.)?[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*\.?$/;

/** A PEM from `<name>` (content) or `<name>-file` (a path); both at once is an error. */
function readPem(
  given: { name: string; content: string | undefined; fileName: string; path: string | undefined },
  problems: InputProblems,
  secret: boolean,
  reporter: Reporter,
): PemInput | undefined {
  const { name, content, fileName, path } = given;
  // Mask first, before anything (even an error) could echo the value.
  if (secret) reporter.mask(content ?? "");
  if (content !== undefined && path !== undefined) {
    problems.add(
      fileName,
      `is given together with '${name}'`,
      `pass either ${name} (PEM content) or ${fileName} (a path), not both`,
    );
    return { input: name, text: content };
  }
  if (content !== undefined) return { input: name, text: content };
  if (path === undefined) return undefined;
  if (!existsSync(path) || !statSync(path).isFile()) {
    problems.add(
      fileName,
      `'${path}' is not a readable file`,
      "give the path of the PEM file, relative to the workspace or absolute",
    );
    return undefined;
  }
  const text = readFileSync(path, "utf8");
  if (secret) reporter.mask(text);
  return { input: fileName, text };
}

function parseGateway(value: string, problems: InputProblems): GatewayRef | undefined {
  const parts = value.split("/");
  if (parts.length !== 2 || !DNS_LABEL.test(parts[0]!) || !DNS_SUBDOMAIN.test(parts[1]!)) {
    problems.add(
      "gateway",
      `'${value}' is not namespace/name`,
      "give the Gateway as namespace/name, e.g. hands-on/hands-on-gw",
    );
    return undefined;
  }
  return { namespace: parts[0]!, name: parts[1]! };
}

export function readConfig(
  inputs: Inputs,
  reporter: Reporter,
  problems: InputProblems,
): TlsSecretConfig | undefined {
  const namespace = inputs.string("namespace", "istio-system");
  if (!DNS_LABEL.test(namespace) || namespace.length > 63) {
    problems.add(
      "namespace",
      `'${namespace}' is not a valid namespace name`,
      "use lower-case letters, digits and '-', e.g. istio-system",
    );
  }
  const secretName = inputs.string("secret-name", "istio-ingressgateway-certs");
  if (!DNS_SUBDOMAIN.test(secretName) || secretName.length > 253) {
    problems.add(
      "secret-name",
      `'${secretName}' is not a valid Secret name`,
      "use lower-case letters, digits, '-' and '.', e.g. minikube-me-tls",
    );
  }
  const selfSigned = problems.collect(() => inputs.boolean("self-signed", false)) ?? false;
  const cert = readPem(
    { name: "cert", content: inputs.raw("cert"), fileName: "cert-file", path: inputs.string("cert-file") },
    problems,
    false,
    reporter,
  );
  // The key is masked inside readPem before anything else happens with it.
  const key = readPem(
    { name: "key", content: inputs.raw("key"), fileName: "key-file", path: inputs.string("key-file") },
    problems,
    true,
    reporter,
  );
  const caText = inputs.raw("ca-cert");
  const ca = caText === undefined ? undefined : { input: "ca-cert", text: caText };

  const hosts = problems.collect(() => inputs.list("hosts")) ?? [];
  for (const host of hosts) {
    if (!HOST.test(host) && isIP(host) === 0) {
      problems.add(
        "hosts",
        `'${host}' is not a host name`,
        "give DNS names such as minikube.me or *.minikube.me (a wildcard only as the first label), or IP addresses",
      );
    }
  }
  const minDaysValid =
    problems.collect(() => inputs.integer("min-days-valid", 7, { min: 0, max: 3650 })) ?? 7;
  const validityDays =
    problems.collect(() => inputs.integer("validity-days", 365, { min: 1, max: 3650 })) ?? 365;
  const organization = inputs.string("organization") ?? hosts[0] ?? "";
  const gatewayValue = inputs.string("gateway");
  const gateway = gatewayValue === undefined ? undefined : parseGateway(gatewayValue, problems);
  const dryRun = problems.collect(() => inputs.boolean("dry-run", false)) ?? false;

  if (selfSigned) {
    for (const given of [cert, key]) {
      if (given)
        problems.add(
          given.input,
          "is given together with self-signed: true",
          `either pass ${given.input} or set self-signed: true, not both`,
        );
    }
    if (hosts.length === 0) {
      problems.add(
        "hosts",
        "is required with self-signed: true (the first host becomes the CN)",
        "list the host names the gateway serves, e.g. minikube.me",
      );
    }
    if (validityDays <= minDaysValid) {
      problems.add(
        "validity-days",
        `${validityDays} is not more than min-days-valid (${minDaysValid}), so the generated certificate would be refused`,
        "raise validity-days or lower min-days-valid",
      );
    }
  } else {
    if (!cert)
      problems.add(
        "cert",
        "no certificate was given",
        "pass cert (PEM) or cert-file, or set self-signed: true with hosts",
      );
    if (!key)
      problems.add(
        "key",
        "no private key was given",
        "pass key (PEM, from a secret) or key-file, or set self-signed: true with hosts",
      );
    if (inputs.has("organization"))
      problems.add(
        "organization",
        "only applies to a generated certificate",
        "remove organization, or set self-signed: true",
      );
  }
  if (gateway && hosts.length === 0) {
    problems.add(
      "hosts",
      "is required with gateway: it selects the Gateway servers to point at the secret",
      "list the host names of the Gateway's HTTPS servers, e.g. minikube.me",
    );
  }
  if (problems.errors.length > 0) return undefined;
  return {
    namespace,
    secretName,
    cert,
    key,
    ca,
    selfSigned,
    hosts,
    organization,
    validityDays,
    minDaysValid,
    gateway,
    dryRun,
  };
}
