import { runStep, type StepContext } from "@mesh-secure/action-runtime";

export async function main({ inputs }: StepContext): Promise<void> {
  inputs.required("urls", "list the endpoints to check, e.g. urls: https://minikube.me/product-composite/2");
}

export function run(context?: StepContext): Promise<boolean> {
  return runStep("verify", main, context);
}
