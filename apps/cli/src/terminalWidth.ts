/**
 * How wide tables may be: `COLUMNS` when it is set to a positive number (as util-linux honours
 * it, also for pipes and tests), else the terminal's width when stdout is one, else undefined:
 * output to a pipe or file is never cut.
 */
export function terminalWidth(
  stdoutTty: boolean,
  env: Readonly<Record<string, string | undefined>> = process.env,
): number | undefined {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  if (!stdoutTty) return undefined;
  const columns = process.stdout.columns;
  return typeof columns === "number" && columns > 0 ? columns : undefined;
}
