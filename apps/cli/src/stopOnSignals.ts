/** The signals that stop a setup, with their numbers (exit status 128 + number, as shells do). */
export const STOP_SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

/** A signal name `stopOnSignals` catches. */
export type StopSignal = keyof typeof STOP_SIGNALS;

/** What `stopOnSignals` hands the command. */
export interface SignalStop {
  /** Aborted, with the signal's name as reason, when the first signal arrives. */
  readonly signal: AbortSignal;
  /** Every signal received so far, in order (the first stopped setup; the rest came later). */
  readonly received: readonly StopSignal[];
  /** Lets the event loop turn once, so a signal that came during synchronous work is counted. */
  settle(): Promise<void>;
  /** Removes the handlers: the signals kill the process again. */
  release(): void;
}

/**
 * Catches SIGINT, SIGTERM and SIGHUP for the duration of a setup: the first aborts `signal`
 * (setup then stops at its next step and rolls back), later ones are only recorded, so a
 * second Ctrl-C cannot interrupt the rollback. SIGKILL cannot be caught: the journal covers it.
 */
export function stopOnSignals(): SignalStop {
  const controller = new AbortController();
  const received: StopSignal[] = [];
  const onSignal = (name: StopSignal) => {
    received.push(name);
    if (!controller.signal.aborted) controller.abort(name);
  };
  const names = Object.keys(STOP_SIGNALS) as StopSignal[];
  for (const name of names) process.on(name, onSignal);
  return {
    signal: controller.signal,
    received,
    settle: () => new Promise((resolve) => setImmediate(resolve)),
    release: () => {
      for (const name of names) process.off(name, onSignal);
    },
  };
}

/** The exit status for a process stopped by `name`: 128 + its number (130 for SIGINT). */
export function signalExitCode(name: StopSignal): number {
  return 128 + STOP_SIGNALS[name];
}
