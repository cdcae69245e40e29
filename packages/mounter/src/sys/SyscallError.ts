import { type ErrnoName, errnoName, OcimountError } from "@ocimount/mount-flags/errors";

/** Where a failing call was made: the paths and flags involved, and the spec entry behind it. */
export interface SyscallContext {
  path?: string;
  source?: string;
  target?: string;
  flags?: number;
  /** The config entry the call served, e.g. `mounts[3]` or `linux.maskedPaths[0]`. */
  where?: string;
  /** The kernel's own reason, when it gives one (an fsopen fd's message log). */
  detail?: string;
}

/**
 * A failed system call, with the fields of the shared error contract
 * (`@ocimount/mount-flags/errors`): `code` is the errno name (`ENOENT`, the same as
 * `errnoName`), `errno` its number, `op` the call (`open_tree`, `mount_setattr`...), plus the
 * paths and `flags`. The message is built from those fields, e.g.
 * `open_tree /src: ENOENT (errno 2, No such file or directory)`.
 */
export class SyscallError extends OcimountError<ErrnoName> {
  override readonly name = "SyscallError";
  declare readonly op: string;
  declare readonly errno: number;
  declare readonly errnoName: ErrnoName;
  readonly flags: number | undefined;

  constructor(op: string, errno: number, context: SyscallContext = {}, options?: ErrorOptions) {
    super({ code: errnoName(errno), op, errno, ...context, cause: options?.cause });
    this.flags = context.flags;
  }
}
