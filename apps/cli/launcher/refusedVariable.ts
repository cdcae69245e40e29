import { REFUSED_ENVIRONMENT, type RefusedVariable } from "./REFUSED_ENVIRONMENT.ts";

/** The runtime a form of ocimount is about to start (or runs in). */
export type Runtime = "bun" | "node";

/** True when `row` is refused by a form that starts `runtime`. */
export function refusedFor(row: RefusedVariable, runtime: Runtime): boolean {
  return row.runtime === "loader" || row.runtime === runtime;
}

/**
 * The first variable of `env` that `REFUSED_ENVIRONMENT` refuses for `runtime`, with its row, or
 * `undefined`. A variable that is set to the empty string counts as set: the runtimes differ on
 * whether an empty value acts, so no form guesses.
 */
export function refusedVariable(
  env: Readonly<Record<string, string | undefined>>,
  runtime: Runtime,
): { variable: string; row: RefusedVariable } | undefined {
  const names = Object.keys(env).filter((n) => env[n] !== undefined);
  for (const row of REFUSED_ENVIRONMENT) {
    if (!refusedFor(row, runtime)) continue;
    const hit =
      row.match === "name"
        ? names.find((n) => n === row.name)
        : names.find((n) => n.startsWith(row.name));
    if (hit !== undefined) return { variable: hit, row };
  }
  return undefined;
}

/** The one line every form prints when it refuses `variable` (no newline). */
export function refusalMessage(variable: string, row: RefusedVariable): string {
  return `ocimount: refusing to start: ${variable} is set in the environment (${row.effect}); unset it`;
}
