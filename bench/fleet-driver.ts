/**
 * The fleet benchmark's "our side": one process that puts PeerAuthentication + RequestAuthentication +
 * AuthorizationPolicy into every namespace given, through the product's code paths: the actions' own input
 * readers and renderers (jwt-policy per namespace, mtls for the namespace list), then the shared
 * planChanges() (a server-side dry-run apply of every object, compared with the live one) and executePlan()
 * (server-side apply with rollback). No pruning listings (kubectl apply without --prune does none either).
 *
 *   FLEET_KUBECONFIG=<path> FLEET_NAMESPACES=a,b,c node --conditions=source bench/fleet-driver.ts
 */
import { executePlan, KubeApi, loadKubeconfig, planChanges } from "@mesh-secure/action-runtime";
import { renderJwt, renderMtls } from "./render.ts";

const FIELD_MANAGER = "mesh-secure/fleet";

const namespaces = (process.env.FLEET_NAMESPACES ?? "").split(",").filter(Boolean);
const concurrency = Number(process.env.FLEET_CONCURRENCY ?? "16");
const loaded = loadKubeconfig({ path: process.env.FLEET_KUBECONFIG, mask: () => {} });
const api = new KubeApi(loaded.kc);
const trace = (what: string) => {
  if (process.env.FLEET_TRACE) process.stderr.write(`${performance.now().toFixed(0)} ms: ${what}\n`);
};
trace("loaded");
try {
  const objects = [...renderMtls(namespaces), ...namespaces.flatMap((namespace) => renderJwt(namespace))];
  trace(`rendered ${objects.length} objects`);
  const plan = await planChanges(api, { apply: objects }, FIELD_MANAGER);
  trace("planned");
  const counts = new Map<string, number>();
  for (const change of plan.changes) counts.set(change.action, (counts.get(change.action) ?? 0) + 1);
  if (plan.changed) await executePlan(api, plan, { fieldManager: FIELD_MANAGER, concurrency });
  trace("executed");
  console.log(
    `${objects.length} objects in ${namespaces.length} namespaces: ${[...counts].map(([action, n]) => `${n} ${action}`).join(", ")}`,
  );
} finally {
  await api.close();
  loaded.dispose();
}
