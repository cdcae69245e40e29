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
  /** For errors from the OS: the errno name (ENOENT, ENXIO, ...). */
  errno?: string;
  cause?: unknown;
}

/** Error thrown by `readJsonDocument`, `readJsonText` and `readBundleConfig`. */
export class BundleError extends Error {
  override readonly name = "BundleError";
  readonly code: BundleErrorCode;
  /** The file concerned; `"<text>"` for `readJsonText` without a path. */
  readonly path: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly offset: number | undefined;
  readonly fileType: string | undefined;
  readonly issues: readonly SpecIssue[];
  readonly errno: string | undefined;

  constructor(code: BundleErrorCode, path: string, detail: string, extra: BundleErrorDetails = {}) {
    const where = extra.line === undefined ? path : `${path}:${extra.line}:${extra.column}`;
    super(`${code}: ${where}: ${detail}`, { cause: extra.cause });
    this.code = code;
    this.path = path;
    this.line = extra.line;
    this.column = extra.column;
    this.offset = extra.offset;
    this.fileType = extra.fileType;
    this.issues = extra.issues ?? [];
    this.errno = extra.errno;
  }
}
