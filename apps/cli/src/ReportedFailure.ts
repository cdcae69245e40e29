/**
 * Thrown by a command that has already printed its verdict (e.g. `validate` found an invalid
 * document): the CLI exits 1 and prints nothing more.
 */
export class ReportedFailure extends Error {
  override readonly name = "ReportedFailure";
  constructor() {
    super("already reported");
  }
}
