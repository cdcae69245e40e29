import { OcimountError } from "./error/OcimountError.ts";

/** Why a mountinfo line could not be parsed. */
export type MountInfoErrorCode =
  /** Fewer fields than proc(5) requires. */
  | "EFIELDS"
  /** No `-` separator after the optional fields. */
  | "ESEPARATOR"
  /** Mount ID, parent ID or major:minor is not a number. */
  | "ENUMBER";

/**
 * A malformed `/proc/<pid>/mountinfo` line. `code` says what is wrong, `field` names the field,
 * `input` is the raw line, and `position.line` (1-based) is set when parsing a whole file. The
 * message is built from those fields (the shared error contract).
 */
export class MountInfoError extends OcimountError<MountInfoErrorCode> {
  override readonly name = "MountInfoError";
  /** The field at fault: `line`, `-`, `mount ID`, `parent ID`, `major:minor`. */
  readonly field: string;
  /** The raw line. */
  readonly input: string;

  constructor(
    code: MountInfoErrorCode,
    field: string,
    input: string,
    lineNumber?: number,
    options?: ErrorOptions,
  ) {
    super({
      code,
      path: "mountinfo",
      position: lineNumber === undefined ? undefined : { line: lineNumber },
      detail: `${field}: ${JSON.stringify(input)}`,
      cause: options?.cause,
    });
    this.field = field;
    this.input = input;
  }
}
