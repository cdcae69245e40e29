import { isKnownMountOption } from "./knownMountOptions.ts";
import { lintMount } from "./lintMount.ts";
import { lintRootPath } from "./lintRootPath.ts";
import type { SetupConfig } from "./SetupConfig.ts";
import type { SpecWarning } from "./SpecWarning.ts";

/** Options for `lintConfig`. */
export interface LintOptions {
  /** The bundle directory, to judge an absolute `root.path`. */
  bundleDir?: string;
  /** Decides which mount options are flags rather than filesystem data (default: a local list). */
  isKnownOption?: (option: string) => boolean;
  /**
   * Lint `root.path` (default true). The hook passes false: the runtime chose the container's
   * root, and its name says nothing about the config.
   */
  root?: boolean;
}

/** Relative `linux.maskedPaths`/`readonlyPaths` entries: taken relative to "/", like destinations. */
function lintLinuxPaths(config: SetupConfig): SpecWarning[] {
  const warnings: SpecWarning[] = [];
  for (const key of ["maskedPaths", "readonlyPaths"] as const) {
    config.linux?.[key]?.forEach((p, i) => {
      if (p.startsWith("/")) return;
      warnings.push({
        path: `/linux/${key}/${i}`,
        message: `relative path "${p}" is deprecated; it is interpreted relative to "/"`,
      });
    });
  }
  return warnings;
}

/**
 * Semantic warnings about a valid config; they never change its validity. Reports: relative mount
 * destinations (deprecated, interpreted relative to "/"), bind mounts carrying unknown or data
 * options (a bind mount ignores them), known options in the wrong case (`RO`: passed to the
 * filesystem as data), empty options or options containing ",", relative masked and read-only
 * paths, a `root.path` not named `rootfs` or not a direct child of the bundle. Each warning's
 * pointer is its `path`; the message never repeats it.
 */
export function lintConfig(config: SetupConfig, options: LintOptions = {}): SpecWarning[] {
  const isKnownOption = options.isKnownOption ?? isKnownMountOption;
  const warnings: SpecWarning[] = [];
  if (config.root && options.root !== false) {
    warnings.push(...lintRootPath(config.root.path, options.bundleDir));
  }
  (config.mounts ?? []).forEach((mount, index) => {
    warnings.push(...lintMount(mount, index, isKnownOption));
  });
  warnings.push(...lintLinuxPaths(config));
  return warnings;
}
