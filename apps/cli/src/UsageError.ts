/**
 * A mistake in how the command was called: an unknown command or option, a missing argument,
 * a bad option value. The CLI exits 2 for it and adds a hint pointing at `--help`.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** Always `EUSAGE`, so `--json` error objects have a stable code. */
  readonly code = "EUSAGE";
}
