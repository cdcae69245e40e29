import { resolve } from "node:path";
import { isOcimountError } from "@ocimount/mount-flags/errors";
import { DEFAULT_STATE_DIR } from "@ocimount/mounter";
import { CliError } from "./CliError.ts";

/** The commands that keep or read journals in a state dir. */
export type StateDirCommand = "setup" | "teardown" | "status" | "list";

/** The way out, per command: setup may take any dir of its own; the others need setup's. */
function hint(command: StateDirCommand): string {
  const root = "(the default, /run/ocimount, is root's)";
  return command === "setup"
    ? `Give setup a state dir of its own with --state-dir DIR ${root}.`
    : `Give ${command} the state dir setup used, yours and writable by you alone, with --state-dir DIR ${root}.`;
}

/**
 * The error for a state dir the mounter refuses to trust (`EUNSAFE`, op `state`: owned by
 * another user, writable by others, a symlink; e.g. /run/ocimount seen from a user namespace,
 * where root's directory belongs to the overflow uid), said the same way by every command that
 * uses one: `the state dir is not safe to use (state dir DIR): EUNSAFE (<the mounter's
 * reason>)` and how to choose another. Undefined for any other error. Read from the error's
 * fields only.
 */
export function untrustedStateDir(
  error: unknown,
  stateDir: string,
  command: StateDirCommand,
): CliError | undefined {
  if (!isOcimountError(error) || error.code !== "EUNSAFE" || error.op !== "state") return undefined;
  if (error.target === undefined || resolve(error.target) !== resolve(stateDir)) return undefined;
  return new CliError(
    {
      code: "EUNSAFE",
      what: "the state dir is not safe to use",
      where: `state dir ${stateDir}`,
      text: error.detail,
      hint: hint(command),
    },
    { cause: error },
  );
}

/**
 * Runs `use` (a mounter call reading the state dir: teardown, status, listJournals) and
 * rethrows the mounter's refusal of the state dir as {@link untrustedStateDir} says it;
 * anything else as it is. `stateDir` is the `--state-dir` given, if any.
 */
export async function withStateDir<T>(
  command: StateDirCommand,
  stateDir: string | undefined,
  use: () => T | Promise<T>,
): Promise<T> {
  try {
    return await use();
  } catch (error) {
    throw untrustedStateDir(error, stateDir ?? DEFAULT_STATE_DIR, command) ?? error;
  }
}
