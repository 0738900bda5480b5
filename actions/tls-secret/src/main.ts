import { X509Certificate } from "node:crypto";
import {
  type Change,
  connectCluster,
  executePlan,
  InputError,
  InputProblems,
  type KubeApi,
  type KubeObject,
  planChanges,
  runStep,
  type StepContext,
} from "@mesh-secure/action-runtime";
import {
  type CertificateFacts,
  describeCertificate,
  type ValidatedMaterial,
  validateMaterial,
} from "./certificate.ts";
import { type GatewayRef, readConfig, type TlsSecretConfig } from "./config.ts";
import { generateSelfSigned } from "./generate.ts";
import {
  describeGateway,
  FIELD_MANAGER,
  GATEWAY_VERSIONS,
  pointGatewayAtSecret,
  renderSecret,
  type ServerChange,
  secretEntry,
  TLS_SECRET_TYPE,
} from "./render.ts";
import { actionSentence, type MaterialSource, type RunReport, setOutputs, writeSummary } from "./report.ts";

function rulesOf(config: TlsSecretConfig, now: Date) {
  return { hosts: config.hosts, hostsInput: "hosts", minDaysValid: config.minDaysValid, now };
}

/** A self-signed certificate and key for the config, validated by the same rules as a given one. */
async function generateMaterial(
  config: TlsSecretConfig,
  now: Date,
  mask: (secret: string) => void,
): Promise<ValidatedMaterial> {
  const generated = await generateSelfSigned({
    hosts: config.hosts,
    organization: config.organization,
    validityDays: config.validityDays,
    now,
  });
  mask(generated.keyPem);
  mask(Buffer.from(generated.keyPem).toString("base64"));
  return validateMaterial(
    { input: "self-signed", text: generated.certPem },
    { input: "self-signed", text: generated.keyPem },
    config.ca,
    rulesOf(config, now),
  );
}

/**
 * Whether the live secret holds a generated certificate that still does the job: it passes every check (key
 * matches, hosts covered, at least min-days-valid left) and is self-signed with the organization and CN asked
 * for. Keeping it makes a re-run with the same inputs a no-op instead of a rotation on every deploy.
 */
function reusableGenerated(
  live: KubeObject | undefined,
  candidate: ValidatedMaterial,
  config: TlsSecretConfig,
  now: Date,
): { material?: ValidatedMaterial; reason?: string } {
  const cert = secretEntry(live, "tls.crt");
  const key = secretEntry(live, "tls.key");
  if (!live) return {};
  if (cert === undefined || key === undefined) return { reason: "the live secret holds no tls.crt/tls.key" };
  let material: ValidatedMaterial;
  try {
    material = validateMaterial(
      { input: "live tls.crt", text: cert },
      { input: "live tls.key", text: key },
      config.ca,
      rulesOf(config, now),
    );
  } catch (error) {
    return { reason: `the live certificate fails a check (${(error as Error).message.replace(/\n/g, " ")})` };
  }
  if (!material.leaf.selfSigned || material.chain.length !== 1) {
    return { reason: "the live certificate is not self-signed" };
  }
  if (material.leaf.subject !== candidate.leaf.subject || material.leaf.issuer !== candidate.leaf.issuer) {
    return {
      reason: `the live certificate's owner is ${material.leaf.subject}, not ${candidate.leaf.subject}`,
    };
  }
  return { material };
}

function liveCertificate(live: KubeObject | undefined): CertificateFacts | undefined {
  const pem = secretEntry(live, "tls.crt");
  if (!pem) return undefined;
  try {
    return describeCertificate(new X509Certificate(pem));
  } catch {
    return undefined;
  }
}

async function servedGatewayVersion(api: KubeApi): Promise<string> {
  for (const version of GATEWAY_VERSIONS) {
    if (await api.serves(version, "Gateway")) return version;
  }
  throw new InputError(
    "gateway",
    "the cluster does not serve Istio's Gateway (networking.istio.io v1, v1beta1 or v1alpha3)",
    "install Istio's CRDs (istioctl install, or the istio/base chart), or leave gateway empty",
  );
}

async function readGateway(api: KubeApi, ref: GatewayRef): Promise<KubeObject> {
  const apiVersion = await servedGatewayVersion(api);
  const gateway = await api.get({ apiVersion, kind: "Gateway", name: ref.name, namespace: ref.namespace });
  if (!gateway) {
    throw new InputError(
      "gateway",
      `Gateway ${describeGateway(ref)} does not exist`,
      "create the Gateway first (with an HTTPS server for the hosts), or correct the gateway input",
    );
  }
  gateway.apiVersion ??= apiVersion;
  gateway.kind ??= "Gateway";
  return gateway;
}

export async function main({ inputs, reporter }: StepContext): Promise<void> {
  const now = new Date();
  const mask = (secret: string) => reporter.mask(secret);
  const problems = new InputProblems();
  const config = readConfig(inputs, reporter, problems);
  const connection = connectCluster(inputs, reporter, problems);
  try {
    // Every input is checked before the cluster is touched: a generated certificate too, by the same rules.
    let material: ValidatedMaterial | undefined;
    if (config?.selfSigned) {
      try {
        material = await generateMaterial(config, now, mask);
      } catch (error) {
        // Input problems (a bad ca-cert) join the others; anything else propagates.
        problems.collect(() => {
          throw error;
        });
      }
    } else if (config) {
      material = problems.collect(() =>
        validateMaterial(config.cert!, config.key!, config.ca, rulesOf(config, now)),
      );
    }
    problems.throwIfAny();
    if (!config || !material || !connection) throw new Error("unreachable: inputs were checked");
    // The key as it travels in the Secret's data (base64 of the normalised PEM), should a server error echo it.
    mask(Buffer.from(material.keyPem).toString("base64"));
    const { api } = connection;
    const secret = `${config.namespace}/${config.secretName}`;

    const live = await api.get({
      apiVersion: "v1",
      kind: "Secret",
      name: config.secretName,
      namespace: config.namespace,
    });
    if (live) {
      for (const entry of Object.values((live.data ?? {}) as Record<string, string>)) mask(entry);
      mask(secretEntry(live, "tls.key") ?? "");
      if (live.type !== TLS_SECRET_TYPE) {
        throw new InputError(
          "secret-name",
          `Secret ${secret} already exists with type '${String(live.type)}', and a Secret's type cannot be changed in place (it is immutable)`,
          `use another secret-name, or delete the old secret yourself (kubectl delete secret -n ${config.namespace} ${config.secretName}) when the gateway can go without it, then re-run`,
        );
      }
    }
    const previous = liveCertificate(live);

    let source: MaterialSource = config.selfSigned ? "generated" : "given";
    let regenerateReason: string | undefined;
    if (config.selfSigned) {
      const reuse = reusableGenerated(live, material, config, now);
      if (reuse.material) {
        material = reuse.material;
        source = "kept";
      } else {
        regenerateReason = reuse.reason;
      }
    }

    const desired: KubeObject[] = [renderSecret(config.namespace, config.secretName, material)];
    let servers: ServerChange[] = [];
    if (config.gateway) {
      const gateway = await readGateway(api, config.gateway);
      const pointed = pointGatewayAtSecret(gateway, config.hosts, config.secretName);
      desired.push(pointed.desired);
      servers = pointed.changes;
      // A MUTUAL server verifies client certificates against ca.crt in this secret, or in <secret>-cacert.
      const mutual = servers.filter(
        (server) => server.modeAfter === "MUTUAL" || server.modeAfter === "OPTIONAL_MUTUAL",
      );
      if (mutual.length > 0 && config.ca === undefined) {
        const separate = await api.get({
          apiVersion: "v1",
          kind: "Secret",
          namespace: config.namespace,
          name: `${config.secretName}-cacert`,
        });
        if (!separate) {
          throw new InputError(
            "ca-cert",
            `Gateway ${describeGateway(config.gateway)} has ${mutual.map((server) => `${server.modeAfter} server ${server.port}`).join(", ")}, which verifies client certificates, but no CA was given and secret ${config.namespace}/${config.secretName}-cacert does not exist`,
            "pass ca-cert (the CA that issues client certificates; stored as ca.crt), or create that -cacert secret first",
          );
        }
      }
      if (config.gateway.namespace !== config.namespace) {
        reporter.info(
          `Note: the secret is in '${config.namespace}' and the Gateway object in '${config.gateway.namespace}'. Istio looks credentialName up in the namespace of the gateway workload (the ingress gateway pods), so '${config.namespace}' must be that namespace.`,
        );
      }
    }

    const plan = await reporter.group("Plan (server-side dry run)", async () => {
      const planned = await planChanges(api, { apply: desired }, FIELD_MANAGER);
      for (const change of planned.changes)
        reporter.info(`${change.ref.kind} ${change.ref.namespace}/${change.ref.name}: ${change.action}`);
      return planned;
    });
    if (plan.changed && !config.dryRun) {
      await executePlan(api, plan, {
        fieldManager: FIELD_MANAGER,
        onWrite: (change: Change) =>
          reporter.info(
            `Applied ${change.ref.kind} ${change.ref.namespace}/${change.ref.name} (${change.action}).`,
          ),
      });
    }

    const report: RunReport = {
      secret,
      dryRun: config.dryRun,
      source,
      regenerateReason,
      certificate: material.leaf,
      keyDescription: material.keyDescription,
      previous,
      secretChange: plan.changes[0]!,
      gateway: config.gateway
        ? { name: describeGateway(config.gateway), change: plan.changes[1]!, servers }
        : undefined,
      changes: plan.changes,
      now,
    };
    reporter.info(actionSentence(report));
    if (
      report.previous &&
      report.previous.fingerprint256 !== material.leaf.fingerprint256 &&
      plan.changes[0]!.action !== "unchanged"
    ) {
      reporter.info(
        `Rotation: ${report.previous.fingerprint256} (expires ${report.previous.notAfter.toISOString()}) -> ${material.leaf.fingerprint256} (expires ${material.leaf.notAfter.toISOString()}).`,
      );
    }
    if (!plan.changed) reporter.info("Nothing to change: the cluster already matches.");
    writeSummary(reporter, report);
    setOutputs(reporter, report, plan.changed);
  } finally {
    await connection?.close();
  }
}

export function run(context?: StepContext): Promise<boolean> {
  return runStep("tls-secret", main, context);
}
