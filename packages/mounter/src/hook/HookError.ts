import type { SpecIssue } from "@ocimount/oci-spec";

/** Why the hook refused to run: a closed set, so callers can switch on it. */
export type HookErrorCode =
  /** The state on stdin, the mounts file or the annotation is not JSON (see `line`/`column`). */
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
  line?: number;
  column?: number;
  /** Every schema issue (JSON pointers into the document named by `path`). */
  issues?: readonly SpecIssue[];
  detail: string;
  cause?: unknown;
}

/**
 * Bad hook input, found before anything is mounted. The message is built from the fields:
 * `read state stdin:1:1: EJSON: Unexpected character`.
 */
export class HookError extends Error {
  override readonly name = "HookError";
  readonly code: HookErrorCode;
  readonly op: string;
  readonly path: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly issues: readonly SpecIssue[];
  readonly detail: string;
  /** The same sentence as `detail`: the CLI prints `text` after the code, before any errno text. */
  readonly text: string;

  constructor(fields: HookErrorFields) {
    const at = fields.line === undefined ? "" : `:${fields.line}:${fields.column ?? 0}`;
    super(`${fields.op} ${fields.path}${at}: ${fields.code}: ${fields.detail}`, {
      cause: fields.cause,
    });
    this.code = fields.code;
    this.op = fields.op;
    this.path = fields.path;
    this.line = fields.line;
    this.column = fields.column;
    this.issues = fields.issues ?? [];
    this.detail = fields.detail;
    this.text = fields.detail;
  }
}
