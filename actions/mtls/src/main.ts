import {
  type Change,
  connectCluster,
  describeRef,
  executePlan,
  InputError,
  InputProblems,
  type KubeApi,
  type KubeObject,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  type ObjectRef,
  type Plan,
  planChanges,
  type Reporter,
  refOf,
  rollbackToPreviousState,
  runStep,
  type StepContext,
} from "@mesh-secure/action-runtime";
import { type MtlsConfig, readConfig } from "./config.ts";
import { type EffectiveMode, effectiveMtlsMode, isUsed, peerPolicyOf, policyId } from "./effective.ts";
import { legacyEffectiveMode, serviceTargetedOverrides } from "./legacy.ts";
import {
  type NamespaceWithoutInjection,
  namespacesWithoutInjection,
  type PodLike,
  type PodWithoutSidecar,
  podsWithoutSidecar,
  preflightMessage,
  SYSTEM_NAMESPACES,
} from "./preflight.ts";
import { ACTION_LABEL, FIELD_MANAGER, isLegacy, renderObjects, type ServedApis } from "./render.ts";
import {
  type EffectiveEntry,
  effectiveReport,
  groupWorkloads,
  ISTIO_DEFAULT,
  policiesAfter,
  type Workload,
} from "./scope.ts";
import { buildPreviousState, type PreviousState, parsePreviousState } from "./state.ts";
import { writeSummary } from "./summary.ts";

const PA = "PeerAuthentication";

/** Decides the API from discovery (never from a version string), or refuses the `api` input the cluster lacks. */
export async function discoverApis(api: KubeApi, config: MtlsConfig): Promise<ServedApis> {
  const candidates =
    config.api === "auto"
      ? (["security.istio.io/v1", "security.istio.io/v1beta1", "authentication.istio.io/v1alpha1"] as const)
      : ([config.api] as const);
  // Ask discovery about every candidate at once; the first served one in preference order wins.
  const served = await Promise.all(
    candidates.map((candidate) =>
      api.serves(candidate, candidate === "authentication.istio.io/v1alpha1" ? "Policy" : PA),
    ),
  );
  const policy: ServedApis["policy"] | undefined = candidates.find((_, index) => served[index]);
  if (policy === undefined) {
    throw new InputError(
      "api",
      config.api === "auto"
        ? "the cluster serves neither PeerAuthentication (security.istio.io/v1, v1beta1) nor the legacy Policy (authentication.istio.io/v1alpha1)"
        : `the cluster does not serve ${config.api === "authentication.istio.io/v1alpha1" ? "Policy" : PA} in ${config.api}`,
      "install Istio (its CRDs) in the cluster, or choose the API it serves, or use api: auto",
    );
  }
  const meshPolicy =
    policy === "authentication.istio.io/v1alpha1" && (await api.serves(policy, "MeshPolicy"));
  let destinationRule: string | undefined;
  if (config.destinationRules.length > 0) {
    for (const version of [
      "networking.istio.io/v1",
      "networking.istio.io/v1beta1",
      "networking.istio.io/v1alpha3",
    ]) {
      if (await api.serves(version, "DestinationRule")) {
        destinationRule = version;
        break;
      }
    }
    if (destinationRule === undefined) {
      throw new InputError(
        "destination-rules",
        "the cluster does not serve DestinationRule (networking.istio.io)",
        "install Istio's networking CRDs, or remove destination-rules",
      );
    }
  }
  if (isLegacy({ policy, meshPolicy, destinationRule }) && config.scope === "mesh" && !meshPolicy) {
    throw new InputError(
      "scope",
      "mesh scope with the legacy API needs the MeshPolicy kind (authentication.istio.io/v1alpha1), which this cluster does not serve",
      "use scope: namespace for each namespace, or install the MeshPolicy CRD",
    );
  }
  return { policy, meshPolicy, destinationRule };
}

interface Observed {
  /** Namespaces whose namespace-wide mode is reported and checked. */
  namespaces: KubeObject[];
  pods: PodLike[];
  workloads: Workload[];
  /** PeerAuthentications (or legacy Policies/MeshPolicy) that decide the modes in scope. */
  policies: KubeObject[];
}

async function existingNamespaces(api: KubeApi, names: string[], input: string): Promise<KubeObject[]> {
  const found = await Promise.all(
    names.map((name) => api.get({ apiVersion: "v1", kind: "Namespace", name })),
  );
  const missing = names.filter((_, index) => found[index] === undefined);
  if (missing.length > 0) {
    throw new InputError(
      input,
      `namespace${missing.length > 1 ? "s" : ""} ${missing.map((n) => `'${n}'`).join(", ")} do${missing.length > 1 ? "" : "es"} not exist`,
      "create the namespace first, or correct the name",
    );
  }
  return found as KubeObject[];
}

/** Reads what is in scope: namespaces, pods (grouped into workloads) and the policies that govern them. */
async function observe(api: KubeApi, config: MtlsConfig, apis: ServedApis): Promise<Observed> {
  let namespaces: KubeObject[];
  if (config.scope === "mesh") {
    await existingNamespaces(api, [config.rootNamespace], "root-namespace");
    if (config.namespaces.length > 0)
      namespaces = await existingNamespaces(api, config.namespaces, "namespace");
    else {
      // Mesh scope covers every namespace but Kubernetes' own and the root namespace, which holds istiod
      // (no sidecar by design) and the gateways (their own proxy, not injected by a namespace label).
      const excluded = new Set<string>([...SYSTEM_NAMESPACES, config.rootNamespace]);
      namespaces = (await api.list("v1", "Namespace")).filter((ns) => !excluded.has(ns.metadata.name));
    }
  } else {
    namespaces = await existingNamespaces(api, config.namespaces, "namespace");
  }
  namespaces.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  const labelSelector =
    config.scope === "workload" && config.selector
      ? Object.entries(config.selector)
          .map(([key, value]) => `${key}=${value}`)
          .join(",")
      : undefined;
  const policyNamespaces = [...new Set([config.rootNamespace, ...namespaces.map((ns) => ns.metadata.name)])];
  const policyKind = isLegacy(apis) ? "Policy" : PA;
  // Pods and policies are independent reads: one round of concurrent requests.
  const [podLists, policyLists, meshPolicies] = await Promise.all([
    Promise.all(
      namespaces.map((ns) =>
        api.list<PodLike>("v1", "Pod", {
          namespace: ns.metadata.name,
          ...(labelSelector ? { labelSelector } : {}),
        }),
      ),
    ),
    Promise.all(policyNamespaces.map((namespace) => api.list(apis.policy, policyKind, { namespace }))),
    isLegacy(apis) && apis.meshPolicy ? api.list(apis.policy, "MeshPolicy") : Promise.resolve([]),
  ]);
  const pods = podLists.flat();
  const policies: KubeObject[] = [...policyLists.flat(), ...meshPolicies];
  const running = pods.filter((pod) => pod.status?.phase !== "Succeeded" && pod.status?.phase !== "Failed");
  return { namespaces, pods, workloads: groupWorkloads(running), policies };
}

function isOwned(object: KubeObject): boolean {
  return (
    object.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY_VALUE &&
    object.metadata.labels?.[ACTION_LABEL] === "mtls"
  );
}

function canonicalJson(value: unknown): string {
  const sort = (input: unknown): unknown =>
    Array.isArray(input)
      ? input.map(sort)
      : input && typeof input === "object"
        ? Object.fromEntries(
            Object.keys(input as object)
              .sort()
              .map((key) => [key, sort((input as Record<string, unknown>)[key])]),
          )
        : input;
  return JSON.stringify(sort(value ?? {}));
}

/** Server-side apply keeps fields another manager set; refuse when that would leave a spec we did not ask for. */
function checkNoForeignFields(plan: Plan): void {
  for (const change of plan.changes) {
    if (!change.desired || !change.after) continue;
    const desired = (change.desired.spec ?? {}) as Record<string, unknown>;
    const after = (change.after.spec ?? {}) as Record<string, unknown>;
    if (canonicalJson(desired) === canonicalJson(after)) continue;
    const fields = [...new Set([...Object.keys(desired), ...Object.keys(after)])]
      .filter((key) => canonicalJson(desired[key]) !== canonicalJson(after[key]))
      .map((key) => `spec.${key}`);
    throw new Error(
      `${describeRef(change.ref)} already holds fields another tool set (${fields.join(", ")}), which server-side apply would keep, ` +
        "so the result would not be the requested policy. Nothing was applied. " +
        `Fix: remove those fields or the object (kubectl -n ${change.ref.namespace ?? ""} edit ${change.ref.kind.toLowerCase()} ${change.ref.name}), or use another name input.`,
    );
  }
}

function effectiveFromPeerPolicies(
  config: MtlsConfig,
  observed: Observed,
  after: KubeObject[],
): EffectiveEntry[] {
  return effectiveReport(
    {
      rootNamespace: config.rootNamespace,
      mesh: config.scope === "mesh",
      namespaces: config.scope === "workload" ? [] : observed.namespaces.map((ns) => ns.metadata.name),
      workloads: observed.workloads,
    },
    observed.policies.map(peerPolicyOf),
    after.map(peerPolicyOf),
  );
}

function effectiveFromLegacy(config: MtlsConfig, observed: Observed, after: KubeObject[]): EffectiveEntry[] {
  const entries: EffectiveEntry[] = [];
  const add = (namespace: string | undefined, level: EffectiveEntry["level"]) => {
    const before = legacyEffectiveMode(observed.policies, namespace);
    const now = legacyEffectiveMode(after, namespace);
    entries.push({
      namespace: namespace ?? config.rootNamespace,
      level,
      mode: now.mode,
      previousMode: before.mode,
      policy: now.decidedBy ?? "(no policy: plaintext)",
      ports: {},
      ignored: [],
    });
  };
  if (config.scope === "mesh") add(undefined, "mesh");
  for (const ns of observed.namespaces) add(ns.metadata.name, "namespace");
  return entries;
}

/** The mode this run is about: one namespace, the workload selector, or the mesh. Empty when targets differ. */
function headlineMode(
  config: MtlsConfig,
  entries: EffectiveEntry[],
  after: KubeObject[],
  legacy: boolean,
): string {
  if (config.scope === "mesh") return entries.find((entry) => entry.level === "mesh")?.mode ?? "";
  let modes: EffectiveMode[];
  if (config.scope === "workload" && !legacy) {
    const policies = after.map(peerPolicyOf);
    modes = config.namespaces.map(
      (namespace) =>
        effectiveMtlsMode(policies, { namespace, labels: config.selector }, config.rootNamespace).mode,
    );
  } else {
    modes = entries.filter((entry) => entry.level === "namespace").map((entry) => entry.mode);
  }
  return modes.length > 0 && modes.every((mode) => mode === modes[0]) ? modes[0]! : "";
}

/** Our own policy must be the one Istio uses at its level; a newer duplicate would be silently ignored. */
function checkOwnPoliciesUsed(config: MtlsConfig, plan: Plan, after: KubeObject[]): void {
  const policies = after.map(peerPolicyOf);
  for (const change of plan.changes) {
    if (change.ref.kind !== PA || !change.desired) continue;
    const namespace = change.ref.namespace!;
    const result = effectiveMtlsMode(
      policies,
      { namespace, labels: config.scope === "workload" ? config.selector : undefined },
      config.rootNamespace,
    );
    if (isUsed(result, { namespace, name: change.ref.name })) continue;
    const reason = result.ignored.find(
      (item) => item.policy === policyId({ namespace, name: change.ref.name }),
    );
    throw new Error(
      `${describeRef(change.ref)} would be ignored by Istio: ${reason?.reason ?? "another policy takes precedence"}. Nothing was applied. ` +
        `Fix: pass name: ${(result.winners.workload ?? result.winners.namespace ?? result.winners.mesh ?? "").split("/")[1] ?? "<the older policy>"} to manage the policy Istio uses, or delete the older one.`,
    );
  }
}

function setOutputs(
  reporter: Reporter,
  values: {
    changed: boolean;
    effectiveMode: string;
    effective: EffectiveEntry[];
    withoutSidecar: PodWithoutSidecar[];
    previous: PreviousState;
  },
): void {
  reporter.setOutput("changed", String(values.changed));
  reporter.setOutput("effective-mode", values.effectiveMode);
  reporter.setOutput("effective", JSON.stringify(values.effective));
  reporter.setOutput("workloads-without-sidecar", JSON.stringify(values.withoutSidecar));
  reporter.setOutput("previous-state", JSON.stringify(values.previous));
}

function warnIgnored(reporter: Reporter, entries: EffectiveEntry[]): string[] {
  const warnings = new Map<string, string>();
  for (const entry of entries) {
    for (const item of entry.ignored) warnings.set(item.policy, `${item.policy} is ignored: ${item.reason}`);
  }
  for (const warning of warnings.values()) reporter.warning(warning, { title: "mtls: ignored policy" });
  return [...warnings.values()];
}

async function apply(api: KubeApi, reporter: Reporter, config: MtlsConfig): Promise<void> {
  const apis = await discoverApis(api, config);
  const legacy = isLegacy(apis);
  const observed = await observe(api, config, apis);
  const withoutSidecar = podsWithoutSidecar(observed.pods);
  const withoutInjection: NamespaceWithoutInjection[] =
    config.scope === "workload" ? [] : namespacesWithoutInjection(observed.namespaces);

  const rendered = renderObjects(config, apis);
  const skipped: string[] = [];
  let plan: Plan;
  if (config.state === "present") {
    plan = await planChanges(api, { apply: rendered }, FIELD_MANAGER);
  } else {
    const remove: ObjectRef[] = [];
    for (const object of rendered) {
      const live = await api.get(refOf(object));
      if (live && !isOwned(live)) skipped.push(describeRef(refOf(object)));
      else remove.push(refOf(object));
    }
    plan = await planChanges(api, { apply: [], remove }, FIELD_MANAGER);
  }
  const previous = buildPreviousState(plan.changes);
  const written = plan.changes.flatMap((change) =>
    change.action === "create" || change.action === "update" || change.action === "unchanged"
      ? [change.after!]
      : [],
  );
  const removed = plan.changes.filter((change) => change.action === "delete").map((change) => change.ref);
  const policiesNow = policiesAfter(observed.policies, written, removed, new Date().toISOString());
  const effective = legacy
    ? effectiveFromLegacy(config, observed, policiesNow)
    : effectiveFromPeerPolicies(config, observed, policiesNow);
  const effectiveMode = headlineMode(config, effective, policiesNow, legacy);
  const warnings = warnIgnored(reporter, effective);
  if (legacy) {
    for (const entry of effective) {
      if (entry.workload !== undefined || entry.namespace === undefined) continue;
      for (const warning of serviceTargetedOverrides(policiesNow, entry.namespace, entry.mode)) {
        reporter.warning(warning, { title: "mtls: a service-targeted Policy overrides the namespace" });
        warnings.push(warning);
      }
    }
  }
  for (const ref of skipped) {
    const warning = `${ref} exists but was not created by mesh-secure/mtls (no ${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE} label); state absent leaves it alone.`;
    reporter.warning(warning, { title: "mtls: not removed" });
    warnings.push(warning);
  }
  const failOnSidecars = config.requireSidecars && (withoutSidecar.length > 0 || withoutInjection.length > 0);
  const outputs = { effectiveMode, effective, withoutSidecar, previous };

  writeSummary(reporter.summary, {
    config,
    apis,
    plan,
    effective,
    withoutSidecar,
    withoutInjection,
    warnings,
    refused: failOnSidecars,
  });
  if (failOnSidecars) {
    // Nothing is applied, so the outputs report the modes as they are, not as they would be.
    const current = legacy
      ? effectiveFromLegacy(config, observed, observed.policies)
      : effectiveFromPeerPolicies(config, observed, observed.policies);
    setOutputs(reporter, {
      ...outputs,
      effective: current,
      effectiveMode: headlineMode(config, current, observed.policies, legacy),
      changed: false,
    });
    throw new Error(preflightMessage(withoutSidecar, withoutInjection, config.mode));
  }
  for (const pod of withoutSidecar) {
    reporter.warning(`pod ${pod.namespace}/${pod.pod}: ${pod.reason} (require-sidecars is false)`, {
      title: "mtls: workload not in the mesh",
    });
  }
  for (const ns of withoutInjection) {
    reporter.warning(`namespace ${ns.namespace}: ${ns.reason} (require-sidecars is false)`, {
      title: "mtls: namespace not injected",
    });
  }
  if (config.state === "present") {
    checkNoForeignFields(plan);
    if (!legacy) checkOwnPoliciesUsed(config, plan, policiesNow);
  }
  if (config.scope === "workload" && observed.workloads.length === 0) {
    reporter.warning(
      `selector ${Object.entries(config.selector ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(",")} matches no pod in ${config.namespaces.join(", ")} (cf. istioctl analyze IST0127).`,
      { title: "mtls: no matching workload" },
    );
  }

  if (!plan.changed) {
    reporter.info("Everything is already as requested; nothing was written.");
  } else if (config.dryRun) {
    reporter.info("Dry run: the API server validated every object; nothing was written.");
  } else {
    await executePlan(api, plan, {
      fieldManager: FIELD_MANAGER,
      // Independent objects (one per namespace): written concurrently; a failure undoes every write that succeeded.
      concurrency: 8,
      onWrite: (change: Change) => reporter.info(`${change.action}: ${describeRef(change.ref)}`),
    });
  }
  // In a dry run `changed` means "would change", as in the other actions (the PR plan reads it).
  setOutputs(reporter, { ...outputs, changed: plan.changed });
}

/** Restores a previous-state snapshot and nothing else: a server dry run first, then for real. */
async function rollback(
  api: KubeApi,
  reporter: Reporter,
  state: PreviousState,
  dryRun: boolean,
  rootNamespace: string,
): Promise<void> {
  const refs: ObjectRef[] = [...state.objects.map(refOf), ...state.absent];
  const { changes, changed, previous } = await rollbackToPreviousState(api, state, {
    fieldManager: FIELD_MANAGER,
    dryRun,
  });

  // The modes the restored objects decide, namespace by namespace.
  const effective: EffectiveEntry[] = [];
  const namespaces = [
    ...new Set(refs.map((ref) => ref.namespace).filter((ns): ns is string => ns !== undefined)),
  ];
  const paVersion = refs.find((ref) => ref.kind === PA)?.apiVersion;
  if (paVersion && !dryRun) {
    const policies = (
      await Promise.all(
        [...new Set([rootNamespace, ...namespaces])].map((namespace) =>
          api.list(paVersion, PA, { namespace }),
        ),
      )
    )
      .flat()
      .map(peerPolicyOf);
    for (const namespace of namespaces) {
      const result = effectiveMtlsMode(policies, { namespace }, rootNamespace);
      effective.push({
        namespace,
        level: namespace === rootNamespace ? "mesh" : "namespace",
        mode: result.mode,
        previousMode: result.mode,
        policy: result.decidedBy ?? ISTIO_DEFAULT,
        ports: result.ports,
        ignored: result.ignored,
      });
    }
  }
  const summary = reporter.summary;
  summary.heading(`mtls: rollback${dryRun ? " (dry run)" : ""}`);
  summary.text(
    changed
      ? `${dryRun ? "Would restore" : "Restored"} ${changes.filter((c) => c.action !== "unchanged").length} object(s) to the previous state.`
      : "The objects already match the previous state; nothing was written.",
  );
  summary.table(
    ["kind", "object", "action"],
    changes.map((change) => [
      change.ref.kind,
      `${change.ref.namespace ? `${change.ref.namespace}/` : ""}${change.ref.name}`,
      change.action,
    ]),
  );
  for (const change of changes) {
    if (change.diff) summary.details(`diff: ${describeRef(change.ref)}`, change.diff, "diff");
  }
  for (const change of changes) {
    if (change.action !== "unchanged")
      reporter.info(`${dryRun ? "would " : ""}${change.action}: ${describeRef(change.ref)}`);
  }
  setOutputs(reporter, {
    changed,
    effectiveMode: effective.length === 1 ? effective[0]!.mode : "",
    effective,
    withoutSidecar: [],
    previous,
  });
}

export async function main({ inputs, reporter }: StepContext): Promise<void> {
  const problems = new InputProblems();
  const rollbackInput = inputs.raw("rollback");
  let state: PreviousState | undefined;
  let config: MtlsConfig | undefined;
  let dryRun = false;
  if (rollbackInput !== undefined) {
    state = problems.collect(() => parsePreviousState(rollbackInput));
    dryRun = problems.collect(() => inputs.boolean("dry-run", false)) ?? false;
  } else {
    config = readConfig(inputs, problems);
  }
  const connection = connectCluster(inputs, reporter, problems);
  problems.throwIfAny();
  try {
    if (state) {
      await rollback(
        connection!.api,
        reporter,
        state,
        dryRun,
        inputs.string("root-namespace", "istio-system"),
      );
    } else {
      await apply(connection!.api, reporter, config!);
    }
  } finally {
    await connection?.close();
  }
}

export function run(context?: StepContext): Promise<boolean> {
  return runStep("mtls", main, context);
}
