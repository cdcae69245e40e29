import { OcimountError } from "@ocimount/mount-flags/errors";
import type { SpecIssue } from "../validate/SpecIssue.ts";

/** Why a JSON document or bundle could not be read. A closed union: switch on it. */
export type BundleErrorCode =
  | "ENOENT" // the file (or a directory on the way) does not exist
  | "EACCES" // permission denied
  | "ELOOP" // too many symlinks
  | "ENOTDIR" // a path component is not a directory
  | "ENOTREG" // not a regular file: FIFO, device, directory, socket (also behind a symlink)
  | "EFBIG" // larger than the size cap
  | "EENCODING" // not valid UTF-8
  | "EJSON" // JSON syntax error (with line and column)
  | "EDEPTH" // nesting deeper than the limit
  | "EINVALID" // valid JSON, but not a valid document (see `issues`)
  | "EIO"; // any other read failure (see `cause`)

const SUMMARY: Readonly<Partial<Record<BundleErrorCode, string>>> = {
  ENOTREG: "not a regular file",
  EFBIG: "file too large",
  EENCODING: "not UTF-8 text",
  EJSON: "invalid JSON",
  EDEPTH: "JSON nested too deeply",
};

/** The contract's `summary` of a bundle error: what is wrong with the document, in words. */
function summaryOf(code: BundleErrorCode, path: string): string {
  if (code === "EINVALID")
    return path.endsWith("config.json") ? "invalid config" : "invalid document";
  return SUMMARY[code] ?? "cannot read";
}

/** Extra facts a `BundleError` can carry. */
export interface BundleErrorDetails {
  line?: number;
  column?: number;
  /** Offset in UTF-16 code units into the decoded text (EJSON, EDEPTH). */
  offset?: number;
  /** For ENOTREG: what the path is ("fifo", "character device", "directory", ...). */
  fileType?: string;
  /** For EINVALID: every schema issue. */
  issues?: readonly SpecIssue[];
  /** For errors from the OS: the errno, a positive number. */
  errno?: number;
  cause?: unknown;
}

/**
 * Error thrown by `readJsonDocument`, `readJsonText` and `readBundleConfig`, with the fields of
 * the shared error contract (`@ocimount/mount-flags/errors`): `code`, `path`, `detail`, `errno`
 * with `errnoName` for OS errors, `position` for JSON errors, `issues` for EINVALID, a
 * `summary` in words (`invalid JSON`); plus `fileType`. The message is built from them:
 * `invalid JSON /b/config.json:3:7: EJSON: unexpected end`.
 */
export class BundleError extends OcimountError<BundleErrorCode> {
  override readonly name = "BundleError";
  /** The file concerned; `"<text>"` for `readJsonText` without a path. */
  declare readonly path: string;
  /** The same as `position.line`, `position.column`, `position.offset`. */
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly offset: number | undefined;
  readonly fileType: string | undefined;
  declare readonly issues: readonly SpecIssue[];

  constructor(code: BundleErrorCode, path: string, detail: string, extra: BundleErrorDetails = {}) {
    const position =
      extra.line === undefined
        ? undefined
        : { line: extra.line, column: extra.column, offset: extra.offset };
    super({
      code,
      summary: summaryOf(code, path),
      path,
      detail,
      position,
      errno: extra.errno,
      issues: extra.issues,
      cause: extra.cause,
    });
    this.line = extra.line;
    this.column = extra.column;
    this.offset = extra.offset;
    this.fileType = extra.fileType;
  }
}
