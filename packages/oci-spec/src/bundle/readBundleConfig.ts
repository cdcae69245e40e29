import { join, resolve } from "node:path";
import { lintConfig } from "../lint/lintConfig.ts";
import type { SpecWarning } from "../lint/SpecWarning.ts";
import type { Spec } from "../schemas/spec.ts";
import { validateConfig } from "../validate/validateConfig.ts";
import { BundleError } from "./BundleError.ts";
import { type ReadJsonDocumentOptions, readJsonDocument } from "./readJsonDocument.ts";

/** What `readBundleConfig` returns. */
export interface BundleConfig {
  config: Spec;
  /** Absolute path of the config.json read. */
  configPath: string;
  /** `lintConfig` warnings (the config is valid regardless). */
  warnings: SpecWarning[];
}

/**
 * Reads `<bundleDir>/config.json` safely (see `readJsonDocument`) and validates it.
 * @throws BundleError: the read errors of `readJsonDocument`, or `EINVALID` with every schema issue.
 * Does not run `checkForSetup`: a valid config may still be unusable for mounting.
 */
export async function readBundleConfig(
  bundleDir: string,
  options: ReadJsonDocumentOptions = {},
): Promise<BundleConfig> {
  const configPath = join(resolve(bundleDir), "config.json");
  const value = await readJsonDocument(configPath, options);
  const result = validateConfig(value);
  if (!result.success) {
    const first = result.issues[0]?.message ?? "invalid";
    const detail = `invalid config: ${first}${result.issues.length > 1 ? ` (and ${result.issues.length - 1} more)` : ""}`;
    throw new BundleError("EINVALID", configPath, detail, { issues: result.issues });
  }
  const warnings = lintConfig(result.output, { bundleDir: resolve(bundleDir) });
  return { config: result.output, configPath, warnings };
}
