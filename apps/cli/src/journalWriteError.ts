import { errnoName, errnoNumber } from "@ocimount/mount-flags/errors";
import { CliError } from "./CliError.ts";
import { untrustedStateDir } from "./stateDirError.ts";

/**
 * The error for a journal that could not be written: setup makes the state dir and the journal
 * before mounting anything, with node:fs, whose errors name only a file the user never named
 * (`/run/ocimount/<hash>.jsonl: EACCES`) or look unexpected (`EEXIST, mkdir`). Returns a
 * `CliError` naming the state dir and how to choose another, or undefined when `error` is not
 * a file-system error at or under `stateDir`, nor the mounter's refusal of `stateDir` itself.
 */
export function journalWriteError(error: unknown, stateDir: string): CliError | undefined {
  const owned = untrustedStateDir(error, stateDir, "setup");
  if (owned) return owned;
  const e = error as { code?: unknown; path?: unknown; syscall?: unknown };
  const errno = typeof e?.code === "string" ? errnoNumber(e.code) : undefined;
  if (errno === undefined) return undefined;
  if (typeof e.syscall !== "string" || typeof e.path !== "string") return undefined;
  if (e.path !== stateDir && !e.path.startsWith(`${stateDir}/`)) return undefined;
  const notDir = e.code === "EEXIST" || e.code === "ENOTDIR";
  return new CliError(
    {
      code: notDir ? "ENOTDIR" : errnoName(errno),
      what: notDir ? "the state dir is not a directory" : "cannot write the journal",
      where: `state dir ${stateDir}`,
      hint: "Give setup a state dir it can write with --state-dir DIR (the default, /run/ocimount, is root's).",
    },
    { cause: error },
  );
}
