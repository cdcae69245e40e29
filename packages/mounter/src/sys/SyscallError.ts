import { errnoName } from "../errnoName.ts";
import { errnoText } from "./errnoText.ts";

/** Where a failing call was made: the paths and flags involved, and the spec entry behind it. */
export interface SyscallContext {
  path?: string;
  source?: string;
  target?: string;
  flags?: number;
  /** The config entry the call served, e.g. `mounts[3]` or `linux.maskedPaths[0]`. */
  where?: string;
}

/**
 * A failed system call. `code` is the errno name (`ENOENT`), `errno` its number, `op` the
 * call (`open_tree`, `mount_setattr`...). The message is built from those fields, e.g.
 * `open_tree /src: ENOENT (No such file or directory)`.
 */
export class SyscallError extends Error {
  override readonly name = "SyscallError";
  readonly op: string;
  readonly errno: number;
  readonly code: string;
  readonly path: string | undefined;
  readonly source: string | undefined;
  readonly target: string | undefined;
  readonly flags: number | undefined;
  readonly where: string | undefined;

  constructor(op: string, errno: number, context: SyscallContext = {}, options?: ErrorOptions) {
    const code = errnoName(errno);
    const subject = context.path ?? context.target ?? context.source;
    super(`${op}${subject ? ` ${subject}` : ""}: ${code} (${errnoText(errno)})`, options);
    this.op = op;
    this.errno = errno;
    this.code = code;
    this.path = context.path;
    this.source = context.source;
    this.target = context.target;
    this.flags = context.flags;
    this.where = context.where;
  }
}
