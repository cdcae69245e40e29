import { type ErrorIssue, formatErrorMessage, OcimountError } from "@ocimount/mount-flags/errors";

/** Why a setup step failed: a closed set, so callers can switch on it. */
export type MountErrorCode =
  /** A system call failed; `errno` and `op` say which. */
  | "ESYSCALL"
  /** The kernel did not apply what was asked (read back from mountinfo). */
  | "EVERIFY"
  /** The bundle is already set up (its journal exists). */
  | "EALREADY"
  /** The config asks for something this mounter cannot do. */
  | "EINVALID"
  /** A feature the kernel or this mounter does not support here. */
  | "ENOTSUP"
  /** The file used to mask paths is not the expected /dev/null (char 1:3). */
  | "EMASKDEV"
  /** The journal is missing or unreadable. */
  | "EJOURNAL"
  /** The caller stopped setup (its `signal` aborted); what was done is rolled back. */
  | "ECANCELED"
  /** A mount setup did not make is in the way (left alone, reported). */
  | "EFOREIGN"
  /** The journal's mounts are no longer live: nothing was touched (`teardown --forget` drops it). */
  | "ESTALEJOURNAL"
  /** The journal was written in another mount namespace. */
  | "ENAMESPACE"
  /** The state dir or a journal is not safe to trust (owner, mode, link, place, content). */
  | "EUNSAFE";

/** The fields of a `MountError`. */
export interface MountErrorFields {
  code: MountErrorCode;
  /** The operation: `open_tree`, `move_mount`, `verify`, `setup`... */
  op: string;
  /**
   * What went wrong, when it is not a failed call (`already set up`, `invalid rootfs`): shown
   * instead of `<op> failed`.
   */
  summary?: string | undefined;
  /** The config entry: `mounts[3]`, `linux.maskedPaths[0]`, `root.readonly`. */
  where?: string | undefined;
  source?: string | undefined;
  target?: string | undefined;
  path?: string | undefined;
  flags?: number | undefined;
  errno?: number | undefined;
  /** Extra words for the message (what differed, for EVERIFY). */
  detail?: string | undefined;
  /** Every issue of a bundle that cannot be set up (`checkBundle`'s, each a `BundleIssue`). */
  issues?: readonly ErrorIssue[] | undefined;
  cause?: unknown;
}

/**
 * A failed setup (or one of its steps), with the fields of the shared error contract
 * (`@ocimount/mount-flags/errors`) plus `flags`. The message is built from the fields:
 * `mounts[3]: open_tree /src -> /dst: ENOENT (errno 2, No such file or directory)` or
 * `mounts[1]: verify /dst: EVERIFY: expected ro, got rw`. `rollback` is set by `setup` when
 * undoing after this error failed too (the mounts may still be there).
 */
export class MountError extends OcimountError<MountErrorCode> {
  override readonly name = "MountError";
  declare readonly op: string;
  readonly flags: number | undefined;

  constructor(fields: MountErrorFields) {
    const { flags, ...contract } = fields;
    const shown = flags ? `${fields.op} (flags 0x${flags.toString(16)})` : fields.op;
    super(contract, formatErrorMessage({ ...contract, op: shown }));
    this.flags = flags;
  }
}

/**
 * Every failure of a teardown (or rollback), which tries every step before it throws: code
 * `ETEARDOWN`, `path` the bundle, `errors` each failure (first one first).
 */
export class TeardownError extends OcimountError<"ETEARDOWN"> {
  override readonly name = "TeardownError";
  readonly bundleDir: string;

  constructor(bundleDir: string, errors: readonly Error[]) {
    super(
      { code: "ETEARDOWN", op: "teardown", path: bundleDir, errors },
      `teardown of ${bundleDir}: ${errors.length} step(s) failed: ${errors.map((e) => e.message).join("; ")}`,
    );
    this.bundleDir = bundleDir;
  }
}
