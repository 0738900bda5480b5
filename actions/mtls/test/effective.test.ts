/** Istio's PeerAuthentication precedence as a table: no cluster needed. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { effectiveMtlsMode, type MtlsMode, type PeerPolicy, peerPolicyOf } from "../src/effective.ts";

const ROOT = "istio-system";
const APP = { app: "product-composite", version: "v1" };

function policy(
  namespace: string,
  name: string,
  second: number,
  mode: MtlsMode | undefined,
  extra: Partial<PeerPolicy> = {},
): PeerPolicy {
  return {
    namespace,
    name,
    creationTimestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString(),
    mode,
    ...extra,
  };
}

interface Row {
  name: string;
  policies: PeerPolicy[];
  labels?: Record<string, string>;
  namespace?: string;
  mode: string;
  decidedBy: string | undefined;
  ignored?: string[];
  ports?: Record<string, string>;
}

const table: Row[] = [
  {
    name: "no policy at all gives Istio's default PERMISSIVE",
    policies: [],
    mode: "PERMISSIVE",
    decidedBy: undefined,
  },
  {
    name: "a mesh-wide UNSET means PERMISSIVE",
    policies: [policy(ROOT, "default", 1, "UNSET")],
    mode: "PERMISSIVE",
    decidedBy: undefined,
  },
  {
    name: "a mesh-wide STRICT applies to a namespace without its own policy",
    policies: [policy(ROOT, "default", 1, "STRICT")],
    mode: "STRICT",
    decidedBy: `${ROOT}/default`,
  },
  {
    name: "a namespace policy overrides the mesh policy",
    policies: [policy(ROOT, "default", 1, "STRICT"), policy("hands-on", "default", 2, "PERMISSIVE")],
    mode: "PERMISSIVE",
    decidedBy: "hands-on/default",
  },
  {
    name: "a namespace UNSET inherits the mesh mode",
    policies: [policy(ROOT, "default", 1, "STRICT"), policy("hands-on", "default", 2, "UNSET")],
    mode: "STRICT",
    decidedBy: `${ROOT}/default`,
  },
  {
    name: "a namespace policy without an mtls block inherits like UNSET",
    policies: [policy(ROOT, "default", 1, "DISABLE"), policy("hands-on", "default", 2, undefined)],
    mode: "DISABLE",
    decidedBy: `${ROOT}/default`,
  },
  {
    name: "another namespace's policy does not apply",
    policies: [policy("other", "default", 1, "STRICT")],
    mode: "PERMISSIVE",
    decidedBy: undefined,
  },
  {
    name: "of two namespace-wide policies the newer one is ignored",
    policies: [policy("hands-on", "b-newer", 5, "PERMISSIVE"), policy("hands-on", "a-older", 2, "STRICT")],
    mode: "STRICT",
    decidedBy: "hands-on/a-older",
    ignored: ["hands-on/b-newer"],
  },
  {
    name: "of two mesh-wide policies the newer one is ignored",
    policies: [policy(ROOT, "zz-old", 1, "DISABLE"), policy(ROOT, "aa-new", 3, "STRICT")],
    mode: "DISABLE",
    decidedBy: `${ROOT}/zz-old`,
    ignored: [`${ROOT}/aa-new`],
  },
  {
    name: "two namespace-wide policies created in the same second: the name that sorts first wins",
    policies: [policy("hands-on", "beta", 2, "PERMISSIVE"), policy("hands-on", "alpha", 2, "STRICT")],
    mode: "STRICT",
    decidedBy: "hands-on/alpha",
    ignored: ["hands-on/beta"],
  },
  {
    name: "an empty matchLabels selector makes a policy namespace-wide",
    policies: [policy("hands-on", "default", 1, "STRICT", { selector: {} })],
    mode: "STRICT",
    decidedBy: "hands-on/default",
  },
  {
    name: "a namespace view ignores workload policies",
    policies: [policy("hands-on", "pc", 1, "STRICT", { selector: { app: "product-composite" } })],
    mode: "PERMISSIVE",
    decidedBy: undefined,
  },
  {
    name: "a workload policy overrides namespace and mesh",
    policies: [
      policy(ROOT, "default", 1, "STRICT"),
      policy("hands-on", "default", 2, "STRICT"),
      policy("hands-on", "pc", 3, "DISABLE", { selector: { app: "product-composite" } }),
    ],
    labels: APP,
    mode: "DISABLE",
    decidedBy: "hands-on/pc",
  },
  {
    name: "a workload UNSET inherits the namespace mode",
    policies: [
      policy("hands-on", "default", 2, "PERMISSIVE"),
      policy("hands-on", "pc", 3, "UNSET", { selector: { app: "product-composite" } }),
    ],
    labels: APP,
    mode: "PERMISSIVE",
    decidedBy: "hands-on/default",
  },
  {
    name: "a workload policy whose selector does not match is not used",
    policies: [
      policy("hands-on", "default", 2, "STRICT"),
      policy("hands-on", "review", 3, "DISABLE", { selector: { app: "review" } }),
    ],
    labels: APP,
    mode: "STRICT",
    decidedBy: "hands-on/default",
  },
  {
    name: "a selector must match every one of its labels",
    policies: [
      policy("hands-on", "pc-v2", 3, "DISABLE", { selector: { app: "product-composite", version: "v2" } }),
    ],
    labels: APP,
    mode: "PERMISSIVE",
    decidedBy: undefined,
  },
  {
    name: "of two matching workload policies the oldest wins",
    policies: [
      policy("hands-on", "by-version", 7, "STRICT", { selector: { version: "v1" } }),
      policy("hands-on", "by-app", 4, "DISABLE", { selector: { app: "product-composite" } }),
    ],
    labels: APP,
    mode: "DISABLE",
    decidedBy: "hands-on/by-app",
    ignored: ["hands-on/by-version"],
  },
  {
    name: "a root-namespace policy with a selector is ignored for the workload it selects",
    policies: [
      policy("hands-on", "default", 1, "PERMISSIVE"),
      policy(ROOT, "pc", 2, "STRICT", { selector: { app: "product-composite" } }),
    ],
    labels: APP,
    mode: "PERMISSIVE",
    decidedBy: "hands-on/default",
    ignored: [`${ROOT}/pc`],
  },
  {
    name: "a root-namespace policy with a selector is ignored in the root namespace's own view too",
    namespace: ROOT,
    policies: [policy(ROOT, "pc", 2, "STRICT", { selector: { app: "product-composite" } })],
    mode: "PERMISSIVE",
    decidedBy: undefined,
    ignored: [`${ROOT}/pc`],
  },
  {
    name: "port-level modes override the workload mode per port",
    policies: [
      policy("hands-on", "default", 1, "STRICT"),
      policy("hands-on", "pc", 2, "STRICT", {
        selector: { app: "product-composite" },
        portLevelMtls: { "4004": "PERMISSIVE", "8080": "DISABLE" },
      }),
    ],
    labels: APP,
    mode: "STRICT",
    decidedBy: "hands-on/pc",
    ports: { "4004": "PERMISSIVE", "8080": "DISABLE" },
  },
  {
    name: "an UNSET port inherits the workload's effective mode, which may come from the namespace",
    policies: [
      policy("hands-on", "default", 1, "STRICT"),
      policy("hands-on", "pc", 2, "UNSET", {
        selector: { app: "product-composite" },
        portLevelMtls: { "4004": "UNSET", "8080": "PERMISSIVE" },
      }),
    ],
    labels: APP,
    mode: "STRICT",
    decidedBy: "hands-on/default",
    ports: { "4004": "STRICT", "8080": "PERMISSIVE" },
  },
  {
    name: "port-level modes come only from the winning workload policy",
    policies: [
      policy("hands-on", "older", 1, "STRICT", { selector: { app: "product-composite" } }),
      policy("hands-on", "newer", 2, "STRICT", {
        selector: { app: "product-composite" },
        portLevelMtls: { "4004": "DISABLE" },
      }),
    ],
    labels: APP,
    mode: "STRICT",
    decidedBy: "hands-on/older",
    ports: {},
    ignored: ["hands-on/newer"],
  },
];

describe("effectiveMtlsMode follows Istio's precedence", () => {
  for (const row of table) {
    test(row.name, () => {
      const result = effectiveMtlsMode(
        row.policies,
        { namespace: row.namespace ?? "hands-on", labels: row.labels },
        ROOT,
      );
      assert.equal(result.mode, row.mode);
      assert.equal(result.decidedBy, row.decidedBy);
      assert.deepEqual(result.ignored.map((item) => item.policy).sort(), (row.ignored ?? []).sort());
      assert.deepEqual(result.ports, row.ports ?? {});
    });
  }

  test("every ignored policy comes with a reason that names the policy Istio uses instead", () => {
    const result = effectiveMtlsMode(
      [policy("hands-on", "b", 5, "PERMISSIVE"), policy("hands-on", "a", 2, "STRICT")],
      { namespace: "hands-on" },
      ROOT,
    );
    assert.match(result.ignored[0]!.reason, /newer namespace-wide policy.*hands-on\/a/);
  });

  test("peerPolicyOf reads selector, mode, port modes and creation time from a PeerAuthentication", () => {
    const read = peerPolicyOf({
      metadata: { name: "pc", namespace: "hands-on", creationTimestamp: "2026-01-01T00:00:03Z" },
      spec: {
        selector: { matchLabels: { app: "product-composite" } },
        mtls: { mode: "STRICT" },
        portLevelMtls: { "4004": { mode: "PERMISSIVE" } },
      },
    });
    assert.deepEqual(read, {
      namespace: "hands-on",
      name: "pc",
      creationTimestamp: "2026-01-01T00:00:03Z",
      selector: { app: "product-composite" },
      mode: "STRICT",
      portLevelMtls: { "4004": "PERMISSIVE" },
    });
  });
});
