import { runMain } from "citty";
import { main } from "./main.ts";

/** Runs the CLI with `argv` (without the program name) and resolves to the exit status. */
export async function run(argv: string[]): Promise<number> {
  await runMain(main, { rawArgs: argv });
  return typeof process.exitCode === "number" ? process.exitCode : 0;
}
