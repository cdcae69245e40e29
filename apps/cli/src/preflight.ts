import { statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { type PlanOptions, planSetup, type SetupPlan } from "@ocimount/mounter";
import { readBundleConfig, type Spec, type SpecWarning } from "@ocimount/oci-spec";
import { bundleRefusal } from "./bundleRefusal.ts";
import { CliError } from "./CliError.ts";

/** A bundle that passed every check `setup` needs before it mounts anything, and its plan. */
export interface CheckedBundle {
  /** The bundle directory, absolute. */
  bundleDir: string;
  config: Spec;
  configPath: string;
  plan: SetupPlan;
  /** Every warning, each said once: the schema issues setup ignores, then the plan's. */
  warnings: readonly SpecWarning[];
}

/**
 * Reads and plans the bundle, so bad input changes nothing: the config's schema in the parts
 * setup reads (`readBundleConfig` with `check: "setup"`: issues elsewhere, such as podman's
 * `linux.devices[].fileMode` 8576, are warnings), then `planSetup`, whose `checkBundle` is the
 * one bundle check of setup, plan and the hook (setup rules, rootfs a directory, every bind
 * source there). This file only renders: `--bundle` naming a file gets a usage hint, and a
 * refused bundle the CLI's one line (`bundleRefusal`). Throws the package's `BundleError` or
 * `MountError`, or `CliError`.
 */
export async function preflight(bundle: string, options: PlanOptions = {}): Promise<CheckedBundle> {
  const bundleDir = resolve(bundle);
  if (isFile(bundleDir)) {
    const parent = dirname(bundleDir);
    throw new CliError({
      code: "ENOTDIR",
      what: "--bundle names a file, not a bundle directory",
      where: bundleDir,
      hint: `--bundle takes the directory that holds config.json${basename(bundleDir) === "config.json" ? `: --bundle ${parent}` : ""}.`,
    });
  }
  const read = await readBundleConfig(bundleDir, { check: "setup" });
  let plan: SetupPlan;
  try {
    plan = planSetup(read.config, bundleDir, options);
  } catch (error) {
    throw bundleRefusal(error, read.configPath);
  }
  const warnings = [...read.warnings, ...plan.warnings];
  return { bundleDir, config: read.config, configPath: read.configPath, plan, warnings };
}

/** Whether `path` exists and is not a directory (one stat; a missing bundle is reported later). */
function isFile(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}
