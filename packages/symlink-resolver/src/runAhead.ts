/**
 * One `realpath` costs about as much as three `lstat`s, so a probe must cover at least this many
 * components to pay off.
 */
export const PROBE_MIN = 4;

/**
 * A probe counts as paid when it proved this many directories: it saved more lstats than it
 * cost, including the probes that fail (measured with bench/resolve).
 */
export const PROBE_PAID = 6;

/** `auto` follows how well probes paid off lately; tests force `always` or `never`. */
export type ProbeMode = "auto" | "always" | "never";

const hint = { mode: "auto" as ProbeMode, score: 0, skipped: 0 };

/** Sets the probe mode (tests only: every mode gives the same answers, only speed differs). */
export function setProbeMode(mode: ProbeMode): void {
  hint.mode = mode;
  hint.score = 0;
}

/**
 * Whether to try a probe now. Shared by all lookups of the process, a hint and never a result:
 * in trees dense with symlinks probes rarely pay (then only every 16th is tried); in trees of
 * plain directories they replace most lstats.
 */
export function probeWorthTrying(): boolean {
  if (hint.mode !== "auto") return hint.mode === "always";
  return hint.score >= 0 || ++hint.skipped % 16 === 0;
}

/**
 * Records how many directories a probe proved, for {@link probeWorthTrying}; returns whether more
 * probes in the same lookup are worth it.
 */
export function judgeProbe(proven: number): boolean {
  hint.score = Math.max(-8, Math.min(8, hint.score + (proven >= PROBE_PAID ? 1 : -1)));
  return proven >= PROBE_MIN;
}

/**
 * The run to probe from `current` (see {@link runAhead}), or `undefined` when the run is too short
 * or probes have not been paying lately.
 */
export function planProbe(current: string, pending: readonly string[]): string[] | undefined {
  if (pending.length < PROBE_MIN) return undefined;
  const run = runAhead(current, pending);
  return run.length >= PROBE_MIN && probeWorthTrying() ? run : undefined;
}

/**
 * The host paths of the run of plain names ahead: `current` itself, then `current/<name>` for
 * each pending name (taken from the end of the work stack) until a `.`, `..` or empty component.
 * The last pending component is left out: it is often the missing one a plan will create, and a
 * failing realpath teaches nothing.
 */
export function runAhead(current: string, pending: readonly string[]): string[] {
  const run = [current];
  let path = current;
  for (let i = pending.length - 1; i > 0; i--) {
    const name = pending[i]!;
    if (name === "" || name === "." || name === "..") break;
    path += `/${name}`;
    run.push(path);
  }
  return run;
}

/**
 * How many paths at the start of `run` are real directories, given `real`, the realpath of the
 * last one with `/.` appended (so it is a directory). A run path that `real` equals or passes
 * through is a directory and no symlink: `real` is canonical, every prefix of it is one.
 */
export function directoriesProven(run: readonly string[], real: string): number {
  let count = 0;
  for (const path of run) {
    const through = real.length > path.length && real.charCodeAt(path.length) === 47;
    if (!(real === path || (through && real.startsWith(path)))) break;
    count++;
  }
  return count;
}
