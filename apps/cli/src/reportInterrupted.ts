import type { MountError, SetupPlan } from "@ocimount/mounter";
import type { Output } from "./Output.ts";
import { oneLine } from "./oneLine.ts";
import { ReportedFailure } from "./ReportedFailure.ts";
import { type StopSignal, signalExitCode } from "./stopOnSignals.ts";

/**
 * Reports a setup stopped by a signal, in one line (and a JSON error with `--json`), and
 * returns the `ReportedFailure` to throw: exit 128 + the first signal's number. Names the step
 * setup stopped before, how many were done, whether the rollback left anything behind, and
 * any signal that came while it rolled back (those never interrupt it).
 */
export function reportInterrupted(
  out: Output,
  json: boolean,
  plan: SetupPlan,
  error: MountError,
  received: readonly StopSignal[],
): ReportedFailure {
  const [first = "SIGINT", ...later] = received;
  const where = error.where ?? "setup";
  const done = Math.max(
    0,
    plan.steps.findIndex((s) => s.why === where),
  );
  const undone = error.rollback?.errors.length ?? 0;
  const result =
    error.rollback === undefined
      ? "rolled back, nothing is left mounted"
      : `rolling back failed (${undone} step${undone === 1 ? "" : "s"}): 'ocimount teardown' retries it`;
  const noted = later.length > 0 ? ` (then ${later.join(", ")}: noted, the rollback finished)` : "";
  const message = `interrupted by ${first} before ${where} (${done} of ${plan.steps.length} steps done): ${result}${noted}`;
  if (json) {
    out.json({
      version: 1,
      error: { code: "ECANCELED", message, where, signal: first, signals: received, done },
    });
  }
  out.err(`ocimount: setup: ${oneLine(message)}`);
  return new ReportedFailure(signalExitCode(first));
}
