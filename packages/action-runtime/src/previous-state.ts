/**
 * The `previous-state` output and `rollback` input that actions share: the live objects a run manages,
 * exactly as they were before it (spec, labels, annotations), and the ones that did not exist (a rollback
 * deletes those). Each action names the kinds it manages; a snapshot holding anything else is refused.
 */
import { InputError } from "./errors.ts";
import { type KubeApi, type KubeObject, type ObjectRef, refOf } from "./kube-api.ts";
import { type Change, restoreSnapshot } from "./plan.ts";

export const PREVIOUS_STATE_VERSION = 1;

export interface PreviousState<Action extends string = string> {
  version: number;
  action: Action;
  /** Objects that existed: restored exactly. */
  objects: KubeObject[];
  /** Objects that did not exist: deleted by a rollback. */
  absent: ObjectRef[];
}

/** What a `rollback` input may hold, for one action. */
export interface PreviousStateSchema<Action extends string = string> {
  /** The action whose previous-state output is accepted. */
  action: Action;
  /** Kind -> the apiVersions the action manages it in. */
  kinds: Readonly<Record<string, readonly string[]>>;
  /** Kinds without a namespace (every other kind must have one). */
  clusterScoped?: readonly string[];
  /** How to fix a refused snapshot, e.g. "pass the previous-state output of an earlier ... step unchanged". */
  fix: string;
  /** The input the snapshot came from (default "rollback"). */
  input?: string;
}

/** The part of a live object a rollback restores: identity, labels, annotations and every top-level field but status. */
export function snapshotOf(object: KubeObject): KubeObject {
  const { status: _status, metadata, ...rest } = object;
  const kept: KubeObject["metadata"] = { name: metadata.name };
  if (metadata.namespace !== undefined) kept.namespace = metadata.namespace;
  if (metadata.labels && Object.keys(metadata.labels).length > 0) kept.labels = { ...metadata.labels };
  if (metadata.annotations && Object.keys(metadata.annotations).length > 0) {
    kept.annotations = { ...metadata.annotations };
  }
  return { ...rest, metadata: kept } as KubeObject;
}

/** The previous state from what a run found before writing: `before` undefined means the object was absent. */
export function buildPreviousState<Action extends string>(
  action: Action,
  entries: readonly { ref: ObjectRef; before?: KubeObject | undefined }[],
): PreviousState<Action> {
  const objects: KubeObject[] = [];
  const absent: ObjectRef[] = [];
  for (const { ref, before } of entries) {
    if (before) objects.push(snapshotOf(before));
    else {
      const entry: ObjectRef = { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name };
      if (ref.namespace !== undefined) entry.namespace = ref.namespace;
      absent.push(entry);
    }
  }
  return { version: PREVIOUS_STATE_VERSION, action, objects, absent };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Validates a `rollback` input before anything is touched; every refusal names the input, the problem and the fix. */
export function parsePreviousState<Action extends string>(
  raw: string,
  schema: PreviousStateSchema<Action>,
): PreviousState<Action> {
  const refuse = (problem: string) => new InputError(schema.input ?? "rollback", problem, schema.fix);
  const clusterScoped = new Set(schema.clusterScoped ?? []);
  const checkRef = (where: string, ref: Record<string, unknown>): void => {
    const { apiVersion, kind, name, namespace } = ref;
    if (typeof kind !== "string" || !Object.hasOwn(schema.kinds, kind)) {
      throw refuse(
        `${where}: kind '${String(kind)}' is not one this action manages (${Object.keys(schema.kinds).join(", ")})`,
      );
    }
    const versions = schema.kinds[kind]!;
    if (typeof apiVersion !== "string" || !versions.includes(apiVersion)) {
      throw refuse(
        `${where}: apiVersion '${String(apiVersion)}' is not one of ${versions.join(", ")} for ${kind}`,
      );
    }
    if (typeof name !== "string" || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) {
      throw refuse(`${where}: name '${String(name)}' is not a valid object name`);
    }
    if (clusterScoped.has(kind)) {
      if (namespace !== undefined) throw refuse(`${where}: a ${kind} is cluster-scoped and has no namespace`);
    } else if (typeof namespace !== "string" || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) {
      throw refuse(`${where}: namespace '${String(namespace)}' is missing or not a valid namespace name`);
    }
  };

  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw refuse(`is not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(parsed)) throw refuse("must be a JSON object");
  if (parsed.action !== schema.action) {
    throw refuse(`comes from action '${String(parsed.action)}', not ${schema.action}`);
  }
  if (parsed.version !== PREVIOUS_STATE_VERSION) {
    throw refuse(
      `has version ${String(parsed.version)}; this action reads version ${PREVIOUS_STATE_VERSION}`,
    );
  }
  const { objects, absent } = parsed;
  if (!Array.isArray(objects) || !Array.isArray(absent)) {
    throw refuse("must have the lists 'objects' and 'absent'");
  }
  const seen = new Set<string>();
  const key = (ref: Record<string, unknown>) =>
    `${ref.apiVersion}/${ref.kind}/${ref.namespace ?? ""}/${ref.name}`;
  for (const [index, object] of (objects as unknown[]).entries()) {
    const where = `objects[${index}]`;
    if (!isRecord(object) || !isRecord(object.metadata)) {
      throw refuse(`${where} is not a Kubernetes object with metadata`);
    }
    const metadata = object.metadata;
    checkRef(where, {
      apiVersion: object.apiVersion,
      kind: object.kind,
      name: metadata.name,
      namespace: metadata.namespace,
    });
    const allowed = ["name", "namespace", "labels", "annotations"];
    const extra = Object.keys(metadata).filter((field) => !allowed.includes(field));
    if (extra.length > 0) {
      throw refuse(`${where}.metadata has fields a snapshot never holds: ${extra.join(", ")}`);
    }
    for (const field of ["labels", "annotations"] as const) {
      const map = metadata[field];
      if (map !== undefined && (!isRecord(map) || Object.values(map).some((v) => typeof v !== "string"))) {
        throw refuse(`${where}.metadata.${field} must map strings to strings`);
      }
    }
    if (!isRecord(object.spec)) throw refuse(`${where} has no spec object`);
    const id = key({ ...object, ...metadata });
    if (seen.has(id)) throw refuse(`${where} appears twice`);
    seen.add(id);
  }
  for (const [index, ref] of (absent as unknown[]).entries()) {
    const where = `absent[${index}]`;
    if (!isRecord(ref)) throw refuse(`${where} is not an object reference`);
    checkRef(where, ref);
    const id = key(ref);
    if (seen.has(id)) throw refuse(`${where} also appears as an object to restore`);
    seen.add(id);
  }
  return parsed as unknown as PreviousState<Action>;
}

export interface RollbackResult<Action extends string> {
  /** What the restore did (or, in a dry run, would do): create, update, unchanged or delete per object. */
  changes: Change[];
  /** Whether anything was (or would be) written. */
  changed: boolean;
  /** The objects of the snapshot as they were before this rollback: its own previous-state, to roll forward. */
  previous: PreviousState<Action>;
}

/**
 * Restores a validated snapshot and nothing else: the live objects it names are read (for the rollback's own
 * previous-state), then every write goes through a server-side dry run before the first real one.
 */
export async function rollbackToPreviousState<Action extends string>(
  api: KubeApi,
  state: PreviousState<Action>,
  options: { fieldManager: string; dryRun?: boolean },
): Promise<RollbackResult<Action>> {
  const refs: ObjectRef[] = [...state.objects.map(refOf), ...state.absent];
  const before = await Promise.all(refs.map(async (ref) => ({ ref, before: await api.get(ref) })));
  const previous = buildPreviousState(state.action, before);
  const validated = await restoreSnapshot(api, state.objects, state.absent, {
    fieldManager: options.fieldManager,
    dryRun: true,
  });
  const changes = options.dryRun
    ? validated
    : await restoreSnapshot(api, state.objects, state.absent, { fieldManager: options.fieldManager });
  return { changes, changed: changes.some((change) => change.action !== "unchanged"), previous };
}
