import { errnoName } from "../errnoName.ts";
import { errnoText } from "../sys/errnoText.ts";

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
 * Thrown by the in-root opener. `code` is the errno name (`ENOENT`, `ENOTDIR`, `ELOOP`,
 * `EEXIST`, `EISDIR`, `EINVAL`...), `path` the unsafe path, `component` the in-root path where
 * resolution stopped. The message reads
 * `mkdirAllInRoot "a/f/x": ENOTDIR (Not a directory) at /a/f`.
 */
export class InRootError extends Error {
  override readonly name = "InRootError";
  readonly op: InRootOp;
  readonly code: string;
  readonly errno: number;
  readonly path: string;
  readonly component: string | undefined;
  /** What the call had created when it failed, shallowest first; it is left in place. */
  readonly created: readonly string[];

  constructor(fields: InRootErrorFields) {
    const code = errnoName(fields.errno);
    const at = fields.component === undefined ? "" : ` at ${fields.component}`;
    super(
      `${fields.op} ${JSON.stringify(fields.path)}: ${code} (${errnoText(fields.errno)})${at}`,
      fields.cause === undefined ? undefined : { cause: fields.cause },
    );
    this.op = fields.op;
    this.code = code;
    this.errno = fields.errno;
    this.path = fields.path;
    this.component = fields.component;
    this.created = fields.created ?? [];
  }
}
