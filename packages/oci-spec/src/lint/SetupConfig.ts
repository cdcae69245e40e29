import type { Mount } from "../schemas/mount.ts";
import type { Root } from "../schemas/spec.ts";

/**
 * The parts of a config that mount setup reads, as `checkForSetup` and `lintConfig` take them: a
 * validated `Spec` is one, and so is a partial config built in code (lists may be readonly).
 */
export interface SetupConfig {
  root?: Root | undefined;
  mounts?: readonly Mount[] | undefined;
  linux?:
    | {
        maskedPaths?: readonly string[] | undefined;
        readonlyPaths?: readonly string[] | undefined;
      }
    | undefined;
}
