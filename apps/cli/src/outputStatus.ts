import { errnoNumber, formatErrno } from "@ocimount/mount-flags/errors";
import type { Output } from "./Output.ts";

/**
 * Commands that change the system. When their stdout cannot be written (`>/dev/full`), the
 * mounts are made (or gone) all the same: the exit status keeps saying what happened, so a
 * script does not retry a setup that succeeded or leak its mounts. For every other command the
 * output is the result, and losing it is a failure.
 */
const CHANGES_SYSTEM: ReadonlySet<string> = new Set(["setup", "teardown", "hook"]);

/**
 * The exit status once `command` ended with `status`: clears a progress line still shown and,
 * when stdout could not be written for a reason other than a reader that went away (`EPIPE`,
 * quietly ignored: `ocimount plan | head`), says so in one line on stderr; a read-only command
 * that lost its output then exits 1.
 */
export function outputStatus(out: Output, command: string, status: number): number {
  out.done();
  const code = out.stdoutError;
  if (code === undefined) return status;
  const errno = errnoNumber(code);
  const who = command ? `ocimount: ${command}` : "ocimount";
  out.err(`${who}: cannot write to stdout: ${errno === undefined ? code : formatErrno(errno)}`);
  return status === 0 && !CHANGES_SYSTEM.has(command) ? 1 : status;
}
