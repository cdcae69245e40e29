import { oneLine } from "./oneLine.ts";
import type { ValidationResult } from "./validateDocument.ts";

/**
 * One document's verdict as lines for a person: `PATH: valid` or `PATH: invalid`, then each
 * issue and warning indented under it. Unreadable documents are reported on stderr instead.
 */
export function formatValidation(result: ValidationResult): string[] {
  const name = result.path === "-" ? "(stdin)" : oneLine(result.path);
  const lines = [`${name}: ${result.valid ? "valid" : "invalid"}`];
  for (const i of result.issues) lines.push(`  ${oneLine(i.path)}: ${oneLine(i.message)}`);
  for (const w of result.warnings) {
    lines.push(`  warning ${oneLine(w.path)}: ${oneLine(w.message)}`);
  }
  return lines;
}
