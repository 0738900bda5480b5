import { createTwoFilesPatch } from "diff";
import yaml from "js-yaml";
import { describeRef, type KubeApi, type KubeObject, type ObjectRef, refOf } from "./kube-api.ts";

export type ChangeAction = "create" | "update" | "unchanged" | "delete" | "absent";

export interface Change {
  ref: ObjectRef;
  action: ChangeAction;
  /** Live object before this run (undefined when absent). */
  before?: KubeObject | undefined;
  /** The object as the server would store it (server dry-run result); undefined for deletions. */
  after?: KubeObject | undefined;
  /** The desired object as rendered (what is sent). */
  desired?: KubeObject | undefined;
  /** Unified diff of before -> after on the fields that matter, empty when unchanged. */
  diff: string;
}

export interface Plan {
  changes: Change[];
  get changed(): boolean;
}

export const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
export const MANAGED_BY_VALUE = "mesh-secure";

const volatileMetadata = [
  "managedFields",
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "uid",
  "selfLink",
];

/** The part of an object its owner decides: what a re-run compares and a diff shows. */
export function comparable(object: KubeObject | undefined): Record<string, unknown> | undefined {
  if (!object) return undefined;
  const { status: _status, metadata, ...rest } = object;
  const meta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (!volatileMetadata.includes(key)) meta[key] = value;
  }
  const annotations = meta.annotations as Record<string, string> | undefined;
  if (annotations) {
    const { "kubectl.kubernetes.io/last-applied-configuration": _last, ...kept } = annotations;
    if (Object.keys(kept).length === 0) delete meta.annotations;
    else meta.annotations = kept;
  }
  return { ...rest, metadata: meta };
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function sameContent(a: KubeObject | undefined, b: KubeObject | undefined): boolean {
  return JSON.stringify(canonical(comparable(a))) === JSON.stringify(canonical(comparable(b)));
}

/** Renders an object as YAML with secret data replaced, for diffs and summaries. */
export function toDisplayYaml(object: KubeObject | undefined, redactData: boolean): string {
  if (!object) return "";
  const shown = canonical(comparable(object)) as Record<string, unknown>;
  if (redactData) {
    for (const field of ["data", "stringData"]) {
      const data = shown[field] as Record<string, string> | undefined;
      if (data) {
        shown[field] = Object.fromEntries(
          Object.keys(data).map((key) => [key, `<redacted, ${String(data[key]).length} chars>`]),
        );
      }
    }
  }
  return yaml.dump(shown, { lineWidth: 120, noRefs: true });
}

export function diffObjects(before: KubeObject | undefined, after: KubeObject | undefined): string {
  const redact = (before ?? after)?.kind === "Secret";
  const left = toDisplayYaml(before, redact);
  const right = toDisplayYaml(after, redact);
  if (left === right) return "";
  const name = describeRef(refOf((after ?? before)!));
  return createTwoFilesPatch(`${name} (live)`, `${name} (desired)`, left, right, "", "", { context: 3 })
    .split("\n")
    .slice(1) // drop the "=====" separator line
    .join("\n");
}

function makePlan(changes: Change[]): Plan {
  return {
    changes,
    get changed() {
      return changes.some((change) => change.action !== "unchanged" && change.action !== "absent");
    },
  };
}

/**
 * Works out what applying `apply` and removing `remove` would change, without writing: every object goes
 * through a server-side dry-run apply, so the API server validates it (schemas, CEL rules, admission)
 * before the first real write, and the comparison is against what the server would actually store.
 */
export async function planChanges(
  api: KubeApi,
  desired: { apply: KubeObject[]; remove?: ObjectRef[] },
  fieldManager: string,
): Promise<Plan> {
  const changes = await Promise.all(
    desired.apply.map(async (object): Promise<Change> => {
      const ref = refOf(object);
      const [before, after] = await Promise.all([
        api.get(ref),
        api.apply(object, { fieldManager, dryRun: true }),
      ]);
      const action: ChangeAction =
        before === undefined ? "create" : sameContent(before, after) ? "unchanged" : "update";
      return {
        ref,
        action,
        before,
        after,
        desired: object,
        diff: action === "unchanged" ? "" : diffObjects(before, after),
      };
    }),
  );
  const removals = await Promise.all(
    (desired.remove ?? []).map(async (ref): Promise<Change> => {
      const before = await api.get(ref);
      if (before === undefined) return { ref, action: "absent", diff: "" };
      await api.delete(ref, { dryRun: true });
      return { ref, action: "delete", before, diff: diffObjects(before, undefined) };
    }),
  );
  return makePlan([...changes, ...removals]);
}

function restorable(object: KubeObject, keepVersion: boolean): KubeObject {
  const { status: _status, ...rest } = object;
  const metadata = { ...object.metadata };
  delete metadata.resourceVersion;
  if (!keepVersion) {
    delete metadata.uid;
    delete metadata.creationTimestamp;
    delete metadata.generation;
    delete metadata.managedFields;
  }
  return { ...rest, metadata } as KubeObject;
}

export interface ExecuteOptions {
  fieldManager: string;
  /** Called after each write, e.g. to log progress. */
  onWrite?: (change: Change) => void;
  /**
   * Writes in flight at once (default 1: one after the other, in plan order). More only for changes whose
   * order does not matter (e.g. independent objects across namespaces): after a failure no new write
   * starts, the ones in flight finish, and every write that succeeded is undone, latest first.
   */
  concurrency?: number;
}

export class PartialApplyError extends Error {
  override readonly cause: unknown;
  readonly rolledBack: string[];
  readonly rollbackFailures: string[];

  constructor(cause: unknown, failed: Change, rolledBack: string[], rollbackFailures: string[]) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `Writing ${describeRef(failed.ref)} failed: ${reason}\n` +
        (rollbackFailures.length === 0
          ? `Every earlier write of this run was undone (${rolledBack.length} object(s) restored); the cluster is as it was before.`
          : `Undoing earlier writes failed for: ${rollbackFailures.join("; ")}. Inspect these objects by hand.`),
    );
    this.name = "PartialApplyError";
    this.cause = cause;
    this.rolledBack = rolledBack;
    this.rollbackFailures = rollbackFailures;
  }
}

/**
 * Carries out a plan. If a write fails midway, the writes already made are undone in reverse order
 * (created objects deleted, updated ones put back exactly, deleted ones re-created), so nothing partial is left.
 */
export async function executePlan(api: KubeApi, plan: Plan, options: ExecuteOptions): Promise<void> {
  const writes = plan.changes.filter(
    (change) => change.action === "create" || change.action === "update" || change.action === "delete",
  );
  /** Successful writes in the order they completed. */
  const done: Change[] = [];
  let failed: { error: unknown; change: Change } | undefined;
  let next = 0;
  let queue: Change[] = [];
  const worker = async () => {
    while (failed === undefined && next < queue.length) {
      const change = queue[next++]!;
      try {
        if (change.action === "delete") {
          await api.delete(change.ref);
        } else {
          change.after = await api.apply(change.desired!, { fieldManager: options.fieldManager });
        }
        done.push(change);
        options.onWrite?.(change);
      } catch (error) {
        failed ??= { error, change };
      }
    }
  };
  const limit = Number.isFinite(options.concurrency) ? Math.floor(options.concurrency!) : 1;
  // Applies first, deletions after: a policy being replaced (renamed, or moved to another API) is removed
  // only once its successor exists, so there is no moment without protection.
  const applies = writes.filter((change) => change.action !== "delete");
  const deletions = writes.filter((change) => change.action === "delete");
  for (const phase of [applies, deletions]) {
    if (failed || phase.length === 0) continue;
    queue = phase;
    next = 0;
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, phase.length)) }, worker));
  }
  if (failed) {
    const rolledBack: string[] = [];
    const failures: string[] = [];
    for (const previous of done.reverse()) {
      try {
        await undo(api, previous, options.fieldManager);
        rolledBack.push(describeRef(previous.ref));
      } catch (undoError) {
        failures.push(`${describeRef(previous.ref)}: ${(undoError as Error).message}`);
      }
    }
    throw new PartialApplyError(failed.error, failed.change, rolledBack, failures);
  }
}

async function undo(api: KubeApi, change: Change, fieldManager: string): Promise<void> {
  if (change.action === "create") {
    await api.delete(change.ref);
  } else if (change.action === "update") {
    // A PUT of a custom resource must name the version it replaces; take the live one (ours, just written).
    const live = await api.get(change.ref);
    const previous = restorable(change.before!, true);
    await api.replace(
      {
        ...previous,
        metadata: { ...previous.metadata, resourceVersion: live?.metadata.resourceVersion },
      } as KubeObject,
      { fieldManager },
    );
  } else if (change.action === "delete") {
    await api.create(restorable(change.before!, false), { fieldManager });
  }
}

/**
 * Puts objects back to an earlier snapshot: each snapshot object is restored exactly (replace, or create when
 * it is gone), and each object in `current` that the snapshot did not hold is deleted.
 */
export async function restoreSnapshot(
  api: KubeApi,
  snapshot: KubeObject[],
  current: ObjectRef[],
  options: { fieldManager: string; dryRun?: boolean },
): Promise<Change[]> {
  const key = (ref: ObjectRef) => `${ref.apiVersion}/${ref.kind}/${ref.namespace ?? ""}/${ref.name}`;
  const wanted = new Map(snapshot.map((object) => [key(refOf(object)), object]));
  const changes: Change[] = [];
  for (const object of snapshot) {
    const ref = refOf(object);
    const live = await api.get(ref);
    if (live && sameContent(live, object)) {
      changes.push({ ref, action: "unchanged", before: live, after: live, diff: "" });
      continue;
    }
    const restored = live
      ? await api.replace(
          {
            ...restorable(object, true),
            metadata: {
              ...restorable(object, true).metadata,
              resourceVersion: live.metadata.resourceVersion,
            },
          } as KubeObject,
          options,
        )
      : await api.create(restorable(object, false), options);
    changes.push({
      ref,
      action: live ? "update" : "create",
      before: live,
      after: restored,
      diff: diffObjects(live, restored),
    });
  }
  for (const ref of current) {
    if (wanted.has(key(ref))) continue;
    const live = await api.get(ref);
    if (!live) continue;
    await api.delete(ref, options.dryRun ? { dryRun: true } : {});
    changes.push({ ref, action: "delete", before: live, diff: diffObjects(live, undefined) });
  }
  return changes;
}

export function describeChanges(changes: Change[]): string[][] {
  return changes.map((change) => [
    change.ref.kind,
    `${change.ref.namespace ?? "(cluster)"}/${change.ref.name}`,
    change.action,
  ]);
}
