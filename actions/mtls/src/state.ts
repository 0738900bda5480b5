/**
 * The `previous-state` output and the `rollback` input: the live objects this run manages, exactly as they
 * were before it (spec, labels, annotations), and the ones that did not exist (rollback deletes those).
 */
import { InputError, type KubeObject, type ObjectRef } from "@mesh-secure/action-runtime";

export const STATE_VERSION = 1;
export const MANAGED_KINDS: Record<string, readonly string[]> = {
  PeerAuthentication: ["security.istio.io/v1", "security.istio.io/v1beta1"],
  Policy: ["authentication.istio.io/v1alpha1"],
  MeshPolicy: ["authentication.istio.io/v1alpha1"],
  DestinationRule: ["networking.istio.io/v1", "networking.istio.io/v1beta1", "networking.istio.io/v1alpha3"],
};

export interface PreviousState {
  version: number;
  action: "mtls";
  /** Objects that existed: restored exactly. */
  objects: KubeObject[];
  /** Objects that did not exist: deleted by a rollback. */
  absent: ObjectRef[];
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

export function buildPreviousState(
  entries: readonly { ref: ObjectRef; before?: KubeObject | undefined }[],
): PreviousState {
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
  return { version: STATE_VERSION, action: "mtls", objects, absent };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const FIX =
  "pass the previous-state output of an earlier mtls step unchanged, e.g. rollback: ${{ steps.mtls.outputs.previous-state }}";

function checkRef(
  where: string,
  ref: { apiVersion?: unknown; kind?: unknown; name?: unknown; namespace?: unknown },
): void {
  const fail = (problem: string) => {
    throw new InputError("rollback", `${where}: ${problem}`, FIX);
  };
  if (typeof ref.kind !== "string" || !(ref.kind in MANAGED_KINDS)) {
    fail(
      `kind '${String(ref.kind)}' is not one this action manages (${Object.keys(MANAGED_KINDS).join(", ")})`,
    );
  }
  const versions = MANAGED_KINDS[ref.kind as string]!;
  if (typeof ref.apiVersion !== "string" || !versions.includes(ref.apiVersion)) {
    fail(
      `apiVersion '${String(ref.apiVersion)}' is not one of ${versions.join(", ")} for ${String(ref.kind)}`,
    );
  }
  if (typeof ref.name !== "string" || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(ref.name)) {
    fail(`name '${String(ref.name)}' is not a valid object name`);
  }
  if (ref.kind === "MeshPolicy") {
    if (ref.namespace !== undefined) fail("a MeshPolicy is cluster-scoped and has no namespace");
  } else if (typeof ref.namespace !== "string" || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(ref.namespace)) {
    fail(`namespace '${String(ref.namespace)}' is missing or not a valid namespace name`);
  }
}

/** Validates a `rollback` input before anything is touched. */
export function parsePreviousState(raw: string): PreviousState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new InputError("rollback", `is not valid JSON (${(error as Error).message})`, FIX);
  }
  if (!isRecord(parsed)) throw new InputError("rollback", "must be a JSON object", FIX);
  if (parsed.action !== "mtls") {
    throw new InputError("rollback", `comes from action '${String(parsed.action)}', not mtls`, FIX);
  }
  if (parsed.version !== STATE_VERSION) {
    throw new InputError(
      "rollback",
      `has version ${String(parsed.version)}; this action reads version ${STATE_VERSION}`,
      FIX,
    );
  }
  if (!Array.isArray(parsed.objects) || !Array.isArray(parsed.absent)) {
    throw new InputError("rollback", "must have the lists 'objects' and 'absent'", FIX);
  }
  const seen = new Set<string>();
  const key = (ref: Record<string, unknown>) =>
    `${ref.apiVersion}/${ref.kind}/${ref.namespace ?? ""}/${ref.name}`;
  parsed.objects.forEach((object, index) => {
    const where = `objects[${index}]`;
    if (!isRecord(object) || !isRecord(object.metadata)) {
      throw new InputError("rollback", `${where} is not a Kubernetes object with metadata`, FIX);
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
      throw new InputError(
        "rollback",
        `${where}.metadata has fields a snapshot never holds: ${extra.join(", ")}`,
        FIX,
      );
    }
    for (const field of ["labels", "annotations"] as const) {
      const map = metadata[field];
      if (map !== undefined && (!isRecord(map) || Object.values(map).some((v) => typeof v !== "string"))) {
        throw new InputError("rollback", `${where}.metadata.${field} must map strings to strings`, FIX);
      }
    }
    if (!isRecord(object.spec)) throw new InputError("rollback", `${where} has no spec object`, FIX);
    const id = key({ ...object, ...metadata });
    if (seen.has(id)) throw new InputError("rollback", `${where} appears twice`, FIX);
    seen.add(id);
  });
  parsed.absent.forEach((ref, index) => {
    const where = `absent[${index}]`;
    if (!isRecord(ref)) throw new InputError("rollback", `${where} is not an object reference`, FIX);
    checkRef(where, ref);
    const id = key(ref);
    if (seen.has(id)) throw new InputError("rollback", `${where} also appears as an object to restore`, FIX);
    seen.add(id);
  });
  return parsed as unknown as PreviousState;
}
