import { errnoName } from "./errnoName.ts";

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
  /** The config entry: `mounts[3]`, `linux.maskedPaths[0]`, `root.readonly`. */
  where?: string;
  source?: string;
  target?: string;
  flags?: number;
  errno?: number;
  /** Extra words for the message (what differed, for EVERIFY). */
  detail?: string;
  cause?: unknown;
}

/**
 * A failed setup (or one of its steps). The message is built from the fields:
 * `mounts[3]: open_tree /src -> /dst: ENOENT` or `mounts[1]: verify /dst: expected ro, got rw`.
 */
export class MountError extends Error {
  override readonly name = "MountError";
  readonly code: MountErrorCode;
  readonly op: string;
  readonly where: string | undefined;
  readonly source: string | undefined;
  readonly target: string | undefined;
  readonly flags: number | undefined;
  readonly errno: number | undefined;
  /** The errno's name (`ENOENT`), when there is an errno. */
  readonly errnoName: string | undefined;
  readonly detail: string | undefined;
  /** Set by `setup` when rolling back after this error failed too: the mounts may still be there. */
  rollback: TeardownError | undefined;

  constructor(fields: MountErrorFields) {
    super(formatMessage(fields), { cause: fields.cause });
    this.code = fields.code;
    this.op = fields.op;
    this.where = fields.where;
    this.source = fields.source;
    this.target = fields.target;
    this.flags = fields.flags;
    this.errno = fields.errno;
    this.errnoName = fields.errno === undefined ? undefined : errnoName(fields.errno);
    this.detail = fields.detail;
  }
}

function formatMessage(f: MountErrorFields): string {
  const paths =
    f.source && f.target
      ? ` ${f.source} -> ${f.target}`
      : f.target || f.source
        ? ` ${f.target ?? f.source}`
        : "";
  const why = f.errno !== undefined ? errnoName(f.errno) : f.code;
  const flags = f.flags ? ` (flags 0x${f.flags.toString(16)})` : "";
  const detail = f.detail ? `: ${f.detail}` : "";
  return `${f.where ? `${f.where}: ` : ""}${f.op}${paths}${flags}: ${why}${detail}`;
}

/** Every failure of a teardown (or rollback), which tries every step before it throws. */
export class TeardownError extends AggregateError {
  override readonly name = "TeardownError";
  readonly bundleDir: string;

  constructor(bundleDir: string, errors: readonly Error[]) {
    super(
      errors,
      `teardown of ${bundleDir}: ${errors.length} step(s) failed: ${errors.map((e) => e.message).join("; ")}`,
    );
    this.bundleDir = bundleDir;
  }
}
