import type { SpecWarning } from "@ocimount/oci-spec";
import { describeStep, type StepDescription } from "./describeStep.ts";
import type { SetupPlan, Step } from "./types.ts";

/** The JSON form of a plan (`ocimount plan --json`): the steps as planned plus their words. */
export interface PlanJson {
  bundleDir: string;
  rootfs: string;
  steps: Array<Step & { describe: StepDescription }>;
  warnings: SpecWarning[];
}

/** The plan as a JSON-ready object; `JSON.stringify` of it is stable for a given plan. */
export function planToJson(plan: SetupPlan): PlanJson {
  return {
    bundleDir: plan.bundleDir,
    rootfs: plan.rootfs,
    steps: plan.steps.map((s) => ({ ...s, describe: describeStep(s) })),
    warnings: plan.warnings.map((w) => ({ path: w.path, message: w.message })),
  };
}
