import { parseMountOptions } from "@ocimount/mount-flags";
import type { PlanJson } from "@ocimount/mounter";
import { type FlagsReport, flagsReport } from "./flagsReport.ts";
import { type JSON_VERSION, jsonDocument } from "./jsonVersion.ts";

/** A warning in every `--json` document: where (a JSON pointer into config.json) and what. */
export interface WarningJson {
  path: string;
  message: string;
}

/**
 * A warning in the one JSON shape. The config's warnings already are `{ path, message }`; the
 * mounter's are still text led by the config entry (`mounts[2]: ...`), whose entry becomes the
 * JSON pointer (`/mounts/2`). This bridge goes once the mounter hands out `{ path, message }`.
 */
export function warningJson(warning: string | WarningJson): WarningJson {
  if (typeof warning !== "string") return { path: warning.path, message: warning.message };
  const m = /^([A-Za-z.]+(?:\[\d+\])?): /.exec(warning);
  if (!m?.[1]) return { path: "", message: warning };
  const path = `/${m[1]
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .join("/")}`;
  return { path, message: warning.slice(m[0].length) };
}

/**
 * The config's warnings, then the mounter's about entries the config's do not cover: the
 * planner restates some config warnings in its own words (`/mounts/0` for the config's
 * `/mounts/0/options`), and one entry is not warned about twice.
 */
export function mergeWarnings(
  configWarnings: readonly WarningJson[],
  mounterWarnings: readonly string[],
): WarningJson[] {
  const warnings = configWarnings.map(warningJson);
  const warned = (path: string) =>
    warnings.some((w) => path !== "" && (w.path === path || w.path.startsWith(`${path}/`)));
  for (const w of mounterWarnings.map(warningJson)) if (!warned(w.path)) warnings.push(w);
  return warnings;
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
 * flag word as `{ value, hex, names }` (the shape of `ocimount flags`), and the config's
 * warnings followed by the planner's about entries the config's do not cover, each
 * `{ path, message }`.
 */
export function planDocument(
  plan: PlanJson,
  configWarnings: readonly WarningJson[] = [],
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
  const warnings = mergeWarnings(configWarnings, plan.warnings);
  return jsonDocument({ bundleDir: plan.bundleDir, rootfs: plan.rootfs, steps, warnings });
}
