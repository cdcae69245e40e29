import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CliError } from "../CliError.ts";
import { UsageError } from "../UsageError.ts";
import { expectedSha256, sha256OfFile } from "./installHookFiles.ts";

/**
 * The payload of the sealed executable: its front (`ocimount`, a static program that refuses the
 * environment variables Bun acts on) execs the file of this name beside itself
 * (apps/cli/launcher/front.c).
 */
export const PAYLOAD_NAME = "ocimount-bun";

/** The checksum file `bun run build:exe` writes beside the two files (`sha256sum -c` format). */
export const SUMS_NAME = "SHA256SUMS";

/** One file to install: where it comes from, the name it gets, its verified sha256. */
export interface SourceFile {
  from: string;
  name: string;
  sha256: string;
}

/**
 * The running executable's front when this process is the sealed executable's payload (Bun's
 * compiled entry lives under `/$bunfs/`); undefined under `bun`, from source or the npm bundle.
 */
function runningFront(): string | undefined {
  if (typeof Bun === "undefined" || !Bun.main.startsWith("/$bunfs/")) return undefined;
  const front = join(dirname(process.execPath), "ocimount");
  return existsSync(front) ? front : process.execPath;
}

function readSums(file: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line.trim());
    if (m?.[1] && m[2]) sums.set(m[2], m[1].toLowerCase());
  }
  return sums;
}

/**
 * What install-hook installs, in order (the payload before the front that execs it): the file
 * `from` (default: this sealed executable's front) as `ocimount`, and `ocimount-bun` when it lies
 * beside it. Checksums come from `SHA256SUMS` beside them, else (a single file) `FILE.sha256` or
 * `--sha256`. Every file is read and hashed here. Throws `UsageError` when there is nothing to
 * install, `CliError` for a missing checksum (`ENOENT`) or a mismatch (`EINTEGRITY`).
 */
export function sourceFiles(from: string | undefined, sha256: string | undefined): SourceFile[] {
  const front = from === undefined ? runningFront() : resolve(from);
  if (front === undefined) {
    throw new UsageError(
      "this ocimount runs on bun, not as the sealed executable: give --from FILE (the executable to install)",
    );
  }
  if (!existsSync(front))
    throw new CliError({ code: "ENOENT", what: "executable missing", where: front });
  const payload = join(dirname(front), PAYLOAD_NAME);
  const files = [
    ...(existsSync(payload) && payload !== front ? [{ from: payload, name: PAYLOAD_NAME }] : []),
    { from: front, name: "ocimount" },
  ];
  const sumsFile = join(dirname(front), SUMS_NAME);
  const sums = existsSync(sumsFile) && sha256 === undefined ? readSums(sumsFile) : undefined;
  if (files.length > 1 && sums === undefined) {
    throw new CliError({
      code: "ENOENT",
      what: "no checksums for the sealed executable",
      where: sumsFile,
      hint: `Install from the directory build:exe made: ${SUMS_NAME} lists ocimount and ${PAYLOAD_NAME}.`,
    });
  }
  return files.map((f) => {
    const want = sums ? sums.get(basename(f.from)) : expectedSha256(f.from, sha256);
    if (want === undefined) {
      throw new CliError({
        code: "ENOENT",
        what: `${basename(f.from)} not in ${SUMS_NAME}`,
        where: sumsFile,
      });
    }
    const actual = sha256OfFile(f.from);
    if (actual !== want) {
      throw new CliError({
        code: "EINTEGRITY",
        what: "checksum mismatch",
        where: f.from,
        text: `sha256 is ${actual}, expected ${want}`,
      });
    }
    return { ...f, sha256: want };
  });
}
