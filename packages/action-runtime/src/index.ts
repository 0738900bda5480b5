export { type ClusterConnection, connectCluster } from "./connect.ts";
export { errorMessage, InputError, InputErrors, InputProblems } from "./errors.ts";
export {
  actionsInputName,
  environmentInputs,
  type InputSource,
  Inputs,
  mapInputs,
  splitList,
} from "./inputs.ts";
export {
  type ApplyOptions,
  describeRef,
  KubeApi,
  KubeApiError,
  type KubeObject,
  type ObjectRef,
  refOf,
} from "./kube-api.ts";
export {
  type KubeconfigOptions,
  type LoadedKubeconfig,
  loadKubeconfig,
  maskKubeconfigSecrets,
} from "./kubeconfig.ts";
export {
  type Change,
  type ChangeAction,
  comparable,
  describeChanges,
  diffObjects,
  executePlan,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  PartialApplyError,
  type Plan,
  planChanges,
  restoreSnapshot,
  sameContent,
  toDisplayYaml,
} from "./plan.ts";
export {
  buildPreviousState,
  PREVIOUS_STATE_VERSION,
  type PreviousState,
  type PreviousStateSchema,
  parsePreviousState,
  type RollbackResult,
  rollbackToPreviousState,
  snapshotOf,
} from "./previous-state.ts";
export {
  ActionsReporter,
  type Annotation,
  type Reporter,
  registerSecret,
  TerminalReporter,
} from "./reporter.ts";
export { reportFailure, runStep, type StepContext } from "./step.ts";
export {
  parseMarkdown,
  renderMarkdown,
  renderText,
  renderTextTable,
  Summary,
  type SummaryBlock,
} from "./summary.ts";
