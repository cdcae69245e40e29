import { parseMountOptions } from "@ocimount/mount-flags";
import type { PlanJson } from "@ocimount/mounter";
import { type FlagsReport, flagsReport } from "./flagsReport.ts";
import { type JSON_VERSION, jsonDocument } from "./jsonVersion.ts";

/** A warning in every `--json` document: where (a JSON pointer into config.json) and what. */
export interface WarningJson {
  path: string;
  message: string;
}

/** A plan step in `--json`: as planned, with its mount options as `ocimount flags` shows them. */
export type PlanStepJson = Omit<PlanJson["steps"][number], "options"> & {
  options?: FlagsReport & { uidMappings?: unknown; gidMappings?: unknown };
};

/** The plan as a `--json` document. */
export interface PlanDocument {
  version: typeof JSON_VERSION;
  bundleDir: string;
  rootfs: string;
  steps: PlanStepJson[];
  warnings: WarningJson[];
}

/**
 * `plan --json` (and `setup --dry-run --json`, and the plan inside `setup --json`): every
 * flag word as `{ value, hex, names }` (the shape of `ocimount flags`), and `warnings`, each
 * `{ path, message }`: the plan's, or the command's whole list (the schema issues setup
 * ignores, then the plan's) when given.
 */
export function planDocument(
  plan: PlanJson,
  warnings: readonly WarningJson[] = plan.warnings,
): PlanDocument {
  const steps = plan.steps.map((step): PlanStepJson => {
    if (!("options" in step)) return step;
    const { uidMappings, gidMappings, ...parsed } = step.options;
    const words = step.describe.options.filter((o) => parseMountOptions([o]).unknown.length === 0);
    return {
      ...step,
      options: {
        ...flagsReport([...words, ...parsed.unknown], parsed),
        ...(uidMappings ? { uidMappings } : {}),
        ...(gidMappings ? { gidMappings } : {}),
      },
    };
  });
  return jsonDocument({
    bundleDir: plan.bundleDir,
    rootfs: plan.rootfs,
    steps,
    warnings: warnings.map((w) => ({ path: w.path, message: w.message })),
  });
}
