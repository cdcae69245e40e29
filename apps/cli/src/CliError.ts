import { type ErrorCode, errnoNumber, OcimountError } from "@ocimount/mount-flags/errors";

/** What the CLI itself knows about a failure it detected (not one thrown by a package). */
export interface CliErrorFields {
  /** The errno-style code: `ENOENT`, `ENOTDIR`, `EINVALID`... */
  code: ErrorCode;
  /** What went wrong, as a short phrase: `rootfs missing`, `bind source missing`. */
  what: string;
  /** Where: the config entry (`mounts[3]`, `root.path`) or a path, e.g. `mounts[3] /b/shared`. */
  where?: string;
  /** The host path of a bind source at fault (printed after `where`). */
  source?: string;
  /** Another host path at fault: the rootfs, a file (printed after `where`). */
  path?: string;
  /** The detail after the code; defaults to the errno's text. */
  text?: string;
  /** At most one hint line. */
  hint?: string;
  /** Every issue found, when there are several (`errors.ts` prints the first, counts the rest). */
  issues?: readonly { path: string; message: string }[];
}

/**
 * A failure found by the CLI itself (a missing rootfs, an unreadable root directory), with the
 * fields of the shared error contract: `what` is its `summary`, `text` its `detail`, and a code
 * that is an errno name gives `errno` (unless a `text` says more).
 */
export class CliError extends OcimountError {
  override readonly name = "CliError";

  constructor(fields: CliErrorFields, options?: ErrorOptions) {
    super({
      code: fields.code,
      summary: fields.what,
      where: fields.where,
      source: fields.source,
      path: fields.path,
      detail: fields.text,
      errno: fields.text === undefined ? errnoNumber(fields.code) : undefined,
      hint: fields.hint,
      issues: fields.issues,
      cause: options?.cause,
    });
  }
}
