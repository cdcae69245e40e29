/** What the CLI itself knows about a failure it detected (not one thrown by a package). */
export interface CliErrorFields {
  /** The errno-style code: `ENOENT`, `ENOTDIR`, `EINVALID`... */
  code: string;
  /** What went wrong, as a short phrase: `rootfs missing`, `bind source missing`. */
  what: string;
  /** Where: the config entry and/or path, e.g. `mounts[3] /b/shared`. */
  where?: string;
  /** The detail after the code; defaults to the errno's text. */
  text?: string;
  /** At most one hint line. */
  hint?: string;
  /** Every issue found, when there are several (`errors.ts` prints the first, counts the rest). */
  issues?: readonly { path: string; message: string }[];
}

/**
 * A failure found by the CLI itself (a missing rootfs, an unreadable root directory). It carries
 * the same fields the CLI prints, so `errors.ts` formats it like the packages' typed errors.
 */
export class CliError extends Error {
  override readonly name = "CliError";
  readonly code: string;
  readonly what: string;
  readonly where: string | undefined;
  readonly text: string | undefined;
  readonly hint: string | undefined;
  readonly issues: readonly { path: string; message: string }[] | undefined;

  constructor(fields: CliErrorFields, options?: ErrorOptions) {
    super(`${fields.what}${fields.where ? ` (${fields.where})` : ""}: ${fields.code}`, options);
    this.code = fields.code;
    this.what = fields.what;
    this.where = fields.where;
    this.text = fields.text;
    this.hint = fields.hint;
    this.issues = fields.issues;
  }
}
