import { join, resolve } from "node:path";
import type { SpecWarning } from "../lint/SpecWarning.ts";
import type { Spec } from "../schemas/spec.ts";
import type { SpecIssue } from "../validate/SpecIssue.ts";
import { validateConfig } from "../validate/validateConfig.ts";
import { validateConfigForSetup } from "../validate/validateForSetup.ts";
import { BundleError } from "./BundleError.ts";
import { type ReadJsonDocumentOptions, readJsonDocument } from "./readJsonDocument.ts";

/** What `readBundleConfig` returns. */
export interface BundleConfig {
  config: Spec;
  /** Absolute path of the config.json read. */
  configPath: string;
  /**
   * With `check: "setup"`: one per schema issue setup ignores (the config is valid regardless).
   * Semantic warnings are `lintConfig`'s (the mounter's `checkBundle` runs it), not repeated here.
   */
  warnings: SpecWarning[];
  /** With `check: "setup"`: the schema issues in parts setup does not read (also in `warnings`). */
  ignored: SpecIssue[];
}

/** Options of `readBundleConfig`. */
export interface ReadBundleConfigOptions extends ReadJsonDocumentOptions {
  /**
   * `"schema"` (default): the official schema's verdict. `"setup"`: only the parts setup reads
   * must be valid (`validateConfigForSetup`); issues elsewhere become warnings.
   */
  check?: "schema" | "setup";
}

/** A warning for a schema issue in a part of the config setup does not read. */
function ignoredWarning(issue: SpecIssue): SpecWarning {
  return { path: issue.path, message: `${issue.message} (not read by setup; ignored)` };
}

/**
 * Reads `<bundleDir>/config.json` safely (see `readJsonDocument`) and validates it: against the
 * whole schema, or with `check: "setup"` only the parts setup reads (`validateConfigForSetup`).
 * @throws BundleError: the read errors of `readJsonDocument`, or `EINVALID` with every schema
 *   issue that counts.
 * Runs neither `checkForSetup` (a valid config may still be unusable for mounting) nor
 * `lintConfig`: the mounter's `checkBundle` runs both, so each warning has one owner.
 */
export async function readBundleConfig(
  bundleDir: string,
  options: ReadBundleConfigOptions = {},
): Promise<BundleConfig> {
  const configPath = join(resolve(bundleDir), "config.json");
  const value = await readJsonDocument(configPath, options);
  const result =
    options.check === "setup"
      ? validateConfigForSetup(value)
      : { ...validateConfig(value), ignored: [] };
  if (!result.success) {
    const first = result.issues[0]?.message ?? "invalid";
    const detail = `invalid config: ${first}${result.issues.length > 1 ? ` (and ${result.issues.length - 1} more)` : ""}`;
    throw new BundleError("EINVALID", configPath, detail, { issues: result.issues });
  }
  const warnings = result.ignored.map(ignoredWarning);
  return { config: result.output, configPath, warnings, ignored: result.ignored };
}
