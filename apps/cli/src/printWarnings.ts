import type { Output } from "./Output.ts";
import { oneLine } from "./oneLine.ts";

/**
 * Prints warnings (never fatal) on stderr, one line each, naming the document (when there is
 * one) and the JSON pointer: `ocimount: plan: warning (/b/config.json /mounts/0/options): ...`.
 */
export function printWarnings(
  out: Output,
  command: string,
  document: string | undefined,
  warnings: readonly { path: string; message: string }[],
): void {
  const on = document === undefined ? "" : `${oneLine(document)} `;
  for (const w of warnings) {
    out.err(`ocimount: ${command}: warning (${on}${oneLine(w.path)}): ${oneLine(w.message)}`);
  }
}
