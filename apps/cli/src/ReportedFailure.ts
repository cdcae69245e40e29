import { OcimountError } from "@ocimount/mount-flags/errors";

/**
 * Thrown by a command that has already printed its verdict (e.g. `validate` found an invalid
 * document, or setup was interrupted by a signal): code `EREPORTED`; the CLI exits with
 * `exitCode` (1 unless told otherwise, 130 for SIGINT) and prints nothing more.
 */
export class ReportedFailure extends OcimountError<"EREPORTED"> {
  override readonly name = "ReportedFailure";
  constructor(readonly exitCode: number = 1) {
    super({ code: "EREPORTED" }, "already reported");
  }
}
