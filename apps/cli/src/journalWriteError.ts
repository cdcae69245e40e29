import type { ErrorCode } from "@ocimount/mount-flags/errors";
import { CliError } from "./CliError.ts";

const REFUSALS = new Set(["EACCES", "EPERM", "EROFS"]);

/**
 * The error for a journal that could not be written: setup creates it before mounting anything,
 * with node:fs, and a refusal there says only `EACCES` on a file the user never named. Returns
 * a `CliError` naming the state dir and how to choose another, or undefined when `error` is
 * something else.
 */
export function journalWriteError(error: unknown, stateDir: string): CliError | undefined {
  const e = error as { code?: unknown; path?: unknown; syscall?: unknown };
  if (typeof e?.code !== "string" || !REFUSALS.has(e.code) || typeof e.syscall !== "string")
    return undefined;
  if (typeof e.path !== "string" || (!e.path.startsWith(`${stateDir}/`) && e.path !== stateDir))
    return undefined;
  return new CliError(
    {
      code: e.code as ErrorCode,
      what: "cannot write the journal",
      where: `state dir ${stateDir}`,
      hint: "Give setup a state dir it can write with --state-dir DIR (the default, /run/ocimount, is root's).",
    },
    { cause: error },
  );
}
