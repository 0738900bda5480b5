/** Runs an action's committed bundle as GitHub's runner would (see packages/step-runner). */
export { type BundleResult, parseOutputFile, type RunOptions, runBundle } from "@mesh-secure/step-runner";
