import {
  type ErrnoName,
  errnoName,
  formatErrorMessage,
  OcimountError,
} from "@ocimount/mount-flags/errors";

/** The in-root operation that failed. */
export type InRootOp = "openInRoot" | "mkdirAllInRoot" | "createFileInRoot";

/** The fields an {@link InRootError} is built from. */
export interface InRootErrorFields {
  op: InRootOp;
  /** The errno number: the failing call's, or the kernel's for the same case (ENOTDIR, ELOOP...). */
  errno: number;
  /** The unsafe path, as given by the caller. */
  path: string;
  /** The in-root path of the component that failed (`/a/f`), when known. */
  component?: string | undefined;
  /** In-root paths created before the failure (mkdirAllInRoot, createFileInRoot), to clean up. */
  created?: readonly string[];
  /** The SyscallError behind it, when there was one. */
  cause?: unknown;
}

/**
 * Thrown by the in-root opener, with the fields of the shared error contract: `code` is the
 * errno name (`ENOENT`, `ENOTDIR`, `ELOOP`, `EEXIST`, `EISDIR`, `EINVAL`...; the same as
 * `errnoName`), `path` the unsafe path, `component` the in-root path where resolution stopped.
 * The message reads `mkdirAllInRoot "a/f/x" at /a/f: ENOTDIR (errno 20, Not a directory)`.
 */
export class InRootError extends OcimountError<ErrnoName> {
  override readonly name = "InRootError";
  declare readonly op: InRootOp;
  declare readonly errno: number;
  declare readonly path: string;
  /** What the call had created when it failed, shallowest first; it is left in place. */
  readonly created: readonly string[];

  constructor(fields: InRootErrorFields) {
    const contract = {
      code: errnoName(fields.errno),
      op: fields.op,
      errno: fields.errno,
      path: fields.path,
      component: fields.component,
      cause: fields.cause,
    };
    super(contract, formatErrorMessage({ ...contract, path: JSON.stringify(fields.path) }));
    this.created = fields.created ?? [];
  }
}
