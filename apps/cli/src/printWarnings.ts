import type { Output } from "./Output.ts";
import { oneLine } from "./oneLine.ts";

/** Prints config warnings (never fatal) on stderr, one line each, naming the JSON pointer. */
export function printWarnings(
  out: Output,
  command: string,
  configPath: string,
  warnings: readonly { path: string; message: string }[],
): void {
  for (const w of warnings) {
    out.err(
      `ocimount: ${command}: warning (${oneLine(configPath)} ${oneLine(w.path)}): ${oneLine(w.message)}`,
    );
  }
}
