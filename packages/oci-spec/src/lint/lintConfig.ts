import type { Spec } from "../schemas/spec.ts";
import { isKnownMountOption } from "./knownMountOptions.ts";
import { lintMount } from "./lintMount.ts";
import { lintRootPath } from "./lintRootPath.ts";
import type { SpecWarning } from "./SpecWarning.ts";

/** Options for `lintConfig`. */
export interface LintOptions {
  /** The bundle directory, to judge an absolute `root.path`. */
  bundleDir?: string;
  /** Decides which mount options are flags rather than filesystem data (default: a local list). */
  isKnownOption?: (option: string) => boolean;
}

/**
 * Semantic warnings about a valid config; they never change its validity. Reports: relative mount
 * destinations (deprecated, interpreted relative to "/"), bind mounts carrying unknown or data
 * options (a bind mount ignores them), known options in the wrong case (`RO`: passed to the
 * filesystem as data), empty options or options containing ",", a `root.path` not
 * named `rootfs` or not a direct child of the bundle.
 */
export function lintConfig(config: Spec, options: LintOptions = {}): SpecWarning[] {
  const isKnownOption = options.isKnownOption ?? isKnownMountOption;
  const warnings: SpecWarning[] = [];
  if (config.root) warnings.push(...lintRootPath(config.root.path, options.bundleDir));
  (config.mounts ?? []).forEach((mount, index) => {
    warnings.push(...lintMount(mount, index, isKnownOption));
  });
  return warnings;
}
