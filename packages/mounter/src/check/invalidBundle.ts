import { MountError } from "../errors.ts";
import type { BundleIssue } from "./checkBundle.ts";

/**
 * The error for a bundle `checkBundle` refused: `MountError` `EINVALID`, `op` `check bundle`,
 * `path` the bundle directory, `issues` every issue (each a `BundleIssue`, with its pointer and,
 * where a stat failed, its errno name). Thrown by `planSetup`, so by `setup` and the hook too.
 */
export function invalidBundle(bundleDir: string, issues: readonly BundleIssue[]): MountError {
  return new MountError({
    code: "EINVALID",
    op: "check bundle",
    summary: "cannot set up",
    path: bundleDir,
    issues,
  });
}
