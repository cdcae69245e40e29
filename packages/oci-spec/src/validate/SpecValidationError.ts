import { OcimountError } from "@ocimount/mount-flags/errors";
import type { SpecIssue } from "./SpecIssue.ts";

/**
 * Thrown by `parseConfig`: the document is not valid; `.issues` lists every violation. Code
 * `EINVALID`, `path` the document's name; the message (built from the fields, the shared error
 * contract) names the first issue and counts the rest.
 */
export class SpecValidationError extends OcimountError<"EINVALID"> {
  override readonly name = "SpecValidationError";
  declare readonly issues: readonly SpecIssue[];

  constructor(issues: readonly SpecIssue[], what = "config.json") {
    super({ code: "EINVALID", summary: "invalid document", path: what, issues });
  }
}
