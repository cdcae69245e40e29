import { OcimountError } from "@ocimount/mount-flags/errors";
import type { SpecIssue } from "@ocimount/oci-spec";

/** Why the hook refused to run: a closed set, so callers can switch on it. */
export type HookErrorCode =
  /** The state on stdin, the mounts file or the annotation is not JSON (see `position`). */
  | "EJSON"
  /** Valid JSON, but not a valid state or mounts document (see `issues`). */
  | "EINVALID"
  /** The state has no `pid` (or pid 0): there is no container process to join. */
  | "ENOPID"
  /** The container's process is gone (no `/proc/<pid>`). */
  | "ESRCH"
  /** The pid cannot be found from here: /proc belongs to another pid namespace. */
  | "ENOTSUP"
  /** A document larger than the cap. */
  | "EFBIG";

/** The fields of a `HookError`. */
export interface HookErrorFields {
  code: HookErrorCode;
  /** What was being done: `read state`, `read mounts`, `find container`. */
  op: string;
  /** Which input: `stdin`, a mounts file's path, `annotation org.ocimount.mounts`, `/proc/42`. */
  path: string;
  /** JSON position of a syntax error. */
  line?: number | undefined;
  column?: number | undefined;
  /** Every schema issue (JSON pointers into the document named by `path`). */
  issues?: readonly SpecIssue[];
  detail: string;
  cause?: unknown;
}

/**
 * Bad hook input, found before anything is mounted, with the fields of the shared error
 * contract (`position` for a JSON syntax error). The message is built from the fields:
 * `read state stdin:1:1: EJSON: Unexpected character`.
 */
export class HookError extends OcimountError<HookErrorCode> {
  override readonly name = "HookError";
  declare readonly op: string;
  declare readonly path: string;
  declare readonly detail: string;
  declare readonly issues: readonly SpecIssue[];
  /** The same as `position.line` and `position.column`. */
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(fields: HookErrorFields) {
    const { line, column, ...rest } = fields;
    super({ ...rest, position: line === undefined ? undefined : { line, column } });
    this.line = line;
    this.column = column;
  }
}
