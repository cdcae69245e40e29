/**
 * The closed set of failure codes of the string resolver. Each is the errno name the failing
 * call gave (or the kernel would give), except `EIO`, which stands for any other errno; the exact
 * name is then in {@link ResolveError.errno}.
 */
export type ResolveErrorCode =
  | "ELOOP"
  | "ENOENT"
  | "ENOTDIR"
  | "EACCES"
  | "EINVAL"
  | "ENAMETOOLONG"
  | "EIO";

/** The fields a {@link ResolveError} is built from. */
export interface ResolveErrorFields {
  /** What went wrong (see {@link ResolveErrorCode}). */
  code: ResolveErrorCode;
  /** The root the path was resolved in, as given by the caller. */
  root: string;
  /** The unsafe path being resolved, as given by the caller. */
  path: string;
  /** The host path of the component that failed (the root itself for a bad root). */
  component: string;
  /** The errno name behind the failure (`"ELOOP"`, `"EACCES"`, `"EPERM"`, ...). */
  errno: string;
  /** The underlying Node error, when there was one. */
  cause?: unknown;
}

/**
 * Thrown by `resolveInRoot` and `resolveInRootSync`. The message is built from the fields, e.g.
 * `ELOOP: too many levels of symbolic links resolving "a/b" in "/x/rootfs" (at /x/rootfs/a/l)`.
 */
export class ResolveError extends Error {
  override readonly name = "ResolveError";
  readonly code: ResolveErrorCode;
  readonly root: string;
  readonly path: string;
  readonly component: string;
  readonly errno: string;

  constructor(fields: ResolveErrorFields) {
    super(
      `${fields.errno}: ${describe(fields.errno)} resolving ${JSON.stringify(fields.path)} in ` +
        `${JSON.stringify(fields.root)} (at ${fields.component})`,
      fields.cause === undefined ? undefined : { cause: fields.cause },
    );
    this.code = fields.code;
    this.root = fields.root;
    this.path = fields.path;
    this.component = fields.component;
    this.errno = fields.errno;
  }
}

function describe(errno: string): string {
  switch (errno) {
    case "ELOOP":
      return "too many levels of symbolic links";
    case "ENOENT":
      return "no such file or directory";
    case "ENOTDIR":
      return "not a directory";
    case "EACCES":
      return "permission denied";
    case "EINVAL":
      return "invalid argument";
    case "ENAMETOOLONG":
      return "file name too long";
    default:
      return "lookup failed";
  }
}
