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
 * `line` is the raw text and `lineNumber` (1-based) is set when parsing a whole file. The message
 * is built from those fields.
 */
export class MountInfoError extends Error {
  override readonly name = "MountInfoError";
  readonly code: MountInfoErrorCode;
  readonly field: string;
  readonly line: string;
  readonly lineNumber: number | undefined;

  constructor(
    code: MountInfoErrorCode,
    field: string,
    line: string,
    lineNumber?: number,
    options?: ErrorOptions,
  ) {
    const where = lineNumber === undefined ? "" : ` line ${lineNumber}`;
    super(`mountinfo${where}: ${code} (${field}): ${JSON.stringify(line)}`, options);
    this.code = code;
    this.field = field;
    this.line = line;
    this.lineNumber = lineNumber;
  }
}
