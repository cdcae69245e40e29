import type { ErrorCode } from "./ErrorCode.ts";
import { type ErrnoName, errnoName, errnoText } from "./errno.ts";

/** One problem found in a document: a JSON pointer (`/mounts/3/source`) and a sentence. */
export interface ErrorIssue {
  /** JSON pointer into the document the error names (`""` for the whole document). */
  readonly path: string;
  /** What is wrong, without the pointer. */
  readonly message: string;
  /** The errno name of the call that found it, when the filesystem did (a failed stat). */
  readonly errnoName?: ErrnoName | undefined;
  /** The host path looked at, when there was one. */
  readonly hostPath?: string | undefined;
}

/** A position in a text document (1-based line and column; offset in UTF-16 code units). */
export interface ErrorPosition {
  readonly line: number;
  readonly column?: number | undefined;
  readonly offset?: number | undefined;
}

/**
 * The fields every ocimount error carries. All but `code` are optional; the message is built
 * from them ({@link formatErrorMessage}) and never needs to be parsed back.
 */
export interface ErrorFields<C extends ErrorCode = ErrorCode> {
  /** What kind of failure (a closed union). */
  code: C;
  /** The errno behind it, always positive (a negative libuv value is stored as its absolute). */
  errno?: number | undefined;
  /** The operation: a system call (`open_tree`), or a step (`verify`, `read state`). */
  op?: string | undefined;
  /** A short phrase for what failed when `op` does not say it (`rootfs missing`). */
  summary?: string | undefined;
  /**
   * The config entry behind it: `mounts[3]` (or a part of one, `mounts[3]/cpu`),
   * `linux.maskedPaths[0]`, `root.readonly`. An error about `mounts[i]` also has `mountIndex`.
   */
  where?: string | undefined;
  /** The file or path concerned (a document, an unsafe in-root path). */
  path?: string | undefined;
  source?: string | undefined;
  target?: string | undefined;
  /** Where resolving `path` stopped (an in-root or host path of one component). */
  component?: string | undefined;
  /** Where in the document named by `path` (JSON errors). */
  position?: ErrorPosition | undefined;
  /** The words after the code: the kernel's or parser's reason, what differed. */
  detail?: string | undefined;
  /** Every issue of an invalid document. */
  issues?: readonly ErrorIssue[] | undefined;
  /** Each failure, when this error stands for several (teardown tries every step). */
  errors?: readonly Error[] | undefined;
  /** Undoing after this error failed too (what may still be mounted). */
  rollback?: OcimountError | undefined;
  /** At most one line of advice for a person. */
  hint?: string | undefined;
  cause?: unknown;
}

/** The mark every ocimount error carries, the same in every copy of every package. */
export const OCIMOUNT_ERROR: unique symbol = Symbol.for("@ocimount/error") as never;

/**
 * The base of every error an ocimount package throws. It has exactly the fields of
 * {@link ErrorFields} (unset ones are `undefined`, lists empty) and a message built from them.
 * Recognise one with {@link isOcimountError}, never by class name or message text.
 */
export class OcimountError<C extends ErrorCode = ErrorCode> extends Error {
  override name = "OcimountError";
  readonly [OCIMOUNT_ERROR] = true;
  readonly code: C;
  readonly errno: number | undefined;
  /** The errno's name (`ENOENT`) whenever there is an errno. */
  readonly errnoName: ErrnoName | undefined;
  readonly op: string | undefined;
  readonly summary: string | undefined;
  readonly where: string | undefined;
  /**
   * The index into the config's `mounts` when `where` names one of its entries (`mounts[3]`,
   * `mounts[3]/cpu`), else undefined: read this, never `where`, to find the mount. It is
   * derived here, the one place that knows how `where` is written, so it is set on every
   * error naming a mount (those built from a journal's record too).
   */
  readonly mountIndex: number | undefined;
  readonly path: string | undefined;
  readonly source: string | undefined;
  readonly target: string | undefined;
  readonly component: string | undefined;
  readonly position: ErrorPosition | undefined;
  readonly detail: string | undefined;
  readonly issues: readonly ErrorIssue[];
  readonly errors: readonly Error[];
  /** Set when undoing after this error failed too. */
  rollback: OcimountError | undefined;
  readonly hint: string | undefined;

  constructor(fields: ErrorFields<C>, message = formatErrorMessage(fields)) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    const errno = fields.errno === undefined ? undefined : Math.abs(fields.errno);
    this.code = fields.code;
    this.errno = errno;
    this.errnoName = errno === undefined ? undefined : errnoName(errno);
    this.op = fields.op;
    this.summary = fields.summary;
    this.where = fields.where;
    this.mountIndex = mountIndexOf(fields.where);
    this.path = fields.path;
    this.source = fields.source;
    this.target = fields.target;
    this.component = fields.component;
    this.position = fields.position;
    this.detail = fields.detail;
    this.issues = fields.issues ?? [];
    this.errors = fields.errors ?? [];
    this.rollback = fields.rollback;
    this.hint = fields.hint;
  }
}

/** `mounts[3]`, `mounts[3]/cpu` -> 3; anything else -> undefined. */
function mountIndexOf(where: string | undefined): number | undefined {
  const index = where === undefined ? null : MOUNTS_ENTRY.exec(where);
  return index ? Number(index[1]) : undefined;
}

const MOUNTS_ENTRY = /^mounts\[(\d+)\](?:$|[/.[])/;

/** Whether `value` is an ocimount error (from any copy of any ocimount package). */
export function isOcimountError(value: unknown): value is OcimountError {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { [OCIMOUNT_ERROR]?: unknown })[OCIMOUNT_ERROR] === true
  );
}

/** `ENOENT (errno 2, No such file or directory)`: an errno as its name plus number and text. */
export function formatErrno(errno: number): string {
  const n = Math.abs(errno);
  return `${errnoName(n)} (errno ${n}, ${errnoText(n)})`;
}

/**
 * The one message format of every ocimount error, built from its fields:
 * `mounts[3]: open_tree /src -> /dst: ENOENT (errno 2, No such file or directory)`,
 * `/b/config.json:3:7: EJSON: unexpected end of input`. The code is left out when the errno says
 * it all (`code` is the errno's name, or `ESYSCALL`).
 */
export function formatErrorMessage(f: ErrorFields): string {
  const paths =
    f.source && f.target ? `${f.source} -> ${f.target}` : (f.target ?? f.source ?? f.path ?? "");
  const column = f.position?.column === undefined ? "" : `:${f.position.column}`;
  const at = f.position ? `:${f.position.line}${column}` : "";
  const head = [f.op ?? f.summary, `${paths}${at}`, f.component ? `at ${f.component}` : ""]
    .filter(Boolean)
    .join(" ");
  const errno = f.errno === undefined ? undefined : errnoName(f.errno);
  const why = [
    errno !== undefined && (f.code === errno || f.code === "ESYSCALL") ? undefined : f.code,
    f.errno === undefined ? undefined : formatErrno(f.errno),
    f.detail,
    f.issues?.[0] && issueText(f.issues),
  ].filter(Boolean);
  return `${f.where ? `${f.where}: ` : ""}${head ? `${head}: ` : ""}${why.join(": ")}`;
}

function issueText(issues: readonly ErrorIssue[]): string {
  const first = issues[0] as ErrorIssue;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return `${first.path || "/"}: ${first.message}${more}`;
}
