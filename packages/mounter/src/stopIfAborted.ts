import { MountError } from "./errors.ts";

/**
 * How many steps setup applies between two turns of the event loop when it can be stopped.
 * Setup's steps are synchronous, so a signal handler (which sets the AbortSignal) only runs
 * when the loop turns; one `setImmediate` per 16 mounts costs little against their syscalls.
 */
const STEPS_PER_TURN = 16;

/**
 * Between two steps of a setup that `signal` may stop: every few steps lets the event loop
 * run (so signal handlers and timers can abort), then throws `MountError` (`ECANCELED`, op
 * `setup`, `where` the step not applied, `cause` the abort reason) if `signal` is aborted.
 * Setup then rolls back as after any failure.
 */
export async function stopIfAborted(
  signal: AbortSignal,
  done: number,
  next: string,
): Promise<void> {
  if (done % STEPS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  if (!signal.aborted) return;
  const reason: unknown = signal.reason;
  throw new MountError({
    code: "ECANCELED",
    op: "setup",
    summary: "interrupted",
    where: next,
    detail: typeof reason === "string" ? `stopped by ${reason}` : "stopped",
    cause: reason,
  });
}
