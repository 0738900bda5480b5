import { InputError, runStep, type StepContext } from "@mesh-secure/action-runtime";

export async function main({ inputs }: StepContext): Promise<void> {
  const selfSigned = inputs.boolean("self-signed", false);
  if (!selfSigned && !inputs.has("cert") && !inputs.has("cert-file")) {
    throw new InputError(
      "cert",
      "no certificate was given",
      "pass cert (PEM) or cert-file, or set self-signed: true with hosts",
    );
  }
}

export function run(context?: StepContext): Promise<boolean> {
  return runStep("tls-secret", main, context);
}
