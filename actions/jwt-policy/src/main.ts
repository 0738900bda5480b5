import { runStep, type StepContext } from "@mesh-secure/action-runtime";

export async function main({ inputs }: StepContext): Promise<void> {
  inputs.required("namespace", "name the namespace of the protected workloads, e.g. namespace: hands-on");
}

export function run(context?: StepContext): Promise<boolean> {
  return runStep("jwt-policy", main, context);
}
