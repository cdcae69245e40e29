import type { SpecIssue } from "./SpecIssue.ts";

/** Thrown by `parseConfig`: the document is not valid; `.issues` lists every violation. */
export class SpecValidationError extends Error {
  override readonly name = "SpecValidationError";
  readonly code = "EINVALID" as const;
  readonly issues: readonly SpecIssue[];

  constructor(issues: readonly SpecIssue[], what = "config.json") {
    const first = issues[0]?.message ?? "invalid";
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    super(`invalid ${what}: ${first}${more}`);
    this.issues = issues;
  }
}
