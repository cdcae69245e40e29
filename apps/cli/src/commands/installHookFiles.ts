import { createHash } from "node:crypto";
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmdirSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import {
  type ErrorCode,
  errnoNumber,
  isOcimountError,
  type OcimountError,
} from "@ocimount/mount-flags/errors";
import { CliError } from "../CliError.ts";

/** Turns a node:fs error into the CLI's one-line error: `<what> (<path>): <ERRNO> (...)`. */
export function fsFailure(error: unknown, what: string, path: string): OcimountError {
  const code = (error as { code?: unknown }).code;
  if (isOcimountError(error)) return error;
  return new CliError(
    {
      code:
        typeof code === "string" && errnoNumber(code) !== undefined ? (code as ErrorCode) : "EIO",
      what,
      where: path,
    },
    { cause: error },
  );
}

/** The sha256 of `bytes`, as 64 lower-case hex digits. */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The sha256 of the file at `path`, or undefined when there is no file there. */
export function sha256OfFile(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return sha256(readFileSync(path));
  } catch (e) {
    throw fsFailure(e, "read failed", path);
  }
}

/**
 * The checksum the executable `source` must have: `given` (`--sha256`), else the first word of
 * `<source>.sha256` (as `sha256sum` writes it). Throws `CliError` when there is neither, or the
 * value is not 64 hex digits.
 */
export function expectedSha256(source: string, given: string | undefined): string {
  const file = `${source}.sha256`;
  let value = given;
  if (value === undefined) {
    if (!existsSync(file)) {
      throw new CliError({
        code: "ENOENT",
        what: "no checksum for the executable",
        where: file,
        hint: "Put the .sha256 file that came with the executable beside it, or give --sha256 HEX.",
      });
    }
    value = readFileSync(file, "utf8").trim().split(/\s+/)[0] ?? "";
  }
  if (!/^[0-9a-fA-F]{64}$/.test(value)) {
    throw new CliError({
      code: "EINVALID",
      what: "bad checksum",
      where: given === undefined ? file : "--sha256",
      text: "expected 64 hex digits (sha256)",
    });
  }
  return value.toLowerCase();
}

/** Something done that can be undone if a later step fails. */
export type Undo = () => void;

/** Creates `dir` and its missing parents (0755); returns an undo that removes only those. */
export function makeDirs(dir: string): Undo {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) missing.unshift(d);
  for (const d of missing) {
    try {
      mkdirSync(d, { mode: 0o755 });
    } catch (e) {
      throw fsFailure(e, "mkdir failed", d);
    }
  }
  return () => {
    for (const d of missing.reverse()) rmdirSync(d);
  };
}

/**
 * Writes `bytes` to a temp file beside `target` (its name starts with a dot and does not end in
 * `.json`, so a hooks directory watcher never loads it), flushes it, checks its sha256 when
 * `sha` is given, and renames it over `target`. A previous `target` is kept under a hard link
 * until the returned undo puts it back (or `commit` drops it).
 */
export function replaceFile(
  target: string,
  bytes: Uint8Array,
  mode: number,
  sha?: string,
): { undo: Undo; commit: () => void } {
  const tmp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  const old = existsSync(target) ? `${tmp}.old` : undefined;
  try {
    const fd = openSync(tmp, "wx", mode);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(tmp, mode);
    if (sha !== undefined && sha256OfFile(tmp) !== sha) {
      throw new CliError({ code: "EIO", what: "copy differs from its source", where: tmp });
    }
    if (old) linkSync(target, old);
    renameSync(tmp, target);
  } catch (e) {
    for (const p of [tmp, old]) if (p && existsSync(p)) unlinkSync(p);
    throw fsFailure(e, "write failed", target);
  }
  return {
    undo: () => (old ? renameSync(old, target) : unlinkSync(target)),
    commit: () => {
      if (old) unlinkSync(old);
    },
  };
}
