import { errnoNumber, formatErrorMessage, OcimountError } from "@ocimount/mount-flags/errors";

/**
 * The closed set of failure codes of the string resolver. Each is the errno name the failing
 * call gave (or the kernel would give), except `EIO`, which stands for any other errno; the exact
 * one is then in {@link ResolveError.errno} and `errnoName`.
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
  /** The errno behind the failure: its number, or its name (`"EPERM"`) as Node reports it. */
  errno: number | string;
  /** The underlying Node error, when there was one. */
  cause?: unknown;
}

/**
 * Thrown by `resolveInRoot` and `resolveInRootSync`, with the fields of the shared error
 * contract (`@ocimount/mount-flags/errors`): `code`, `errno` (a number) and `errnoName`,
 * `summary` (`cannot resolve`), `path` (the unsafe path), `component`, plus `root`. The message
 * is built from them: `cannot resolve "a/b" in "/x/rootfs" at /x/rootfs/a/l: ELOOP (errno 40, Too many levels of symbolic links)`.
 */
export class ResolveError extends OcimountError<ResolveErrorCode> {
  override readonly name = "ResolveError";
  /** The root the path was resolved in, as given by the caller. */
  readonly root: string;
  declare readonly path: string;
  declare readonly component: string;
  declare readonly errno: number;

  constructor(fields: ResolveErrorFields) {
    const errno =
      typeof fields.errno === "number" ? fields.errno : (errnoNumber(fields.errno) ?? 5);
    const contract = {
      code: fields.code,
      summary: "cannot resolve",
      path: fields.path,
      component: fields.component,
      errno,
      cause: fields.cause,
    };
    const quoted = `${JSON.stringify(fields.path)} in ${JSON.stringify(fields.root)}`;
    super(contract, formatErrorMessage({ ...contract, path: quoted }));
    this.root = fields.root;
  }
}
