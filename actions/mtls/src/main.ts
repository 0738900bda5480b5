import { runStep, type StepContext } from "@mesh-secure/action-runtime";

export async function main({ inputs }: StepContext): Promise<void> {
  inputs.choice("mode", ["STRICT", "PERMISSIVE", "DISABLE"], "STRICT");
  inputs.required("namespace", "name the namespace to secure, e.g. namespace: hands-on");
}

export function run(context?: StepContext): Promise<boolean> {
  return runStep("mtls", main, context);
}
