import { OcimountError } from "@ocimount/mount-flags/errors";

/**
 * A mistake in how the command was called: an unknown command or option, a missing argument,
 * a bad option value. Code `EUSAGE`, the sentence in `detail`; the CLI exits 2 for it and adds
 * a hint pointing at `--help`.
 */
export class UsageError extends OcimountError<"EUSAGE"> {
  override readonly name = "UsageError";

  constructor(message: string) {
    super({ code: "EUSAGE", detail: message }, message);
  }
}
