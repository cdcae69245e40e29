import { closeSync, constants, openSync, unlinkSync, writeSync } from "node:fs";
import { LOCK_EX, LOCK_NB } from "@ocimount/mount-flags/linux";
import { MountError } from "../errors.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import type { JournalEntry } from "./JournalEntry.ts";

/**
 * Appends JSON lines to a bundle's journal, created exclusively (O_EXCL, which never follows a
 * symlink) with mode 0600 inside a trusted state dir, and holds an exclusive flock(2) on it for
 * as long as setup runs, so a teardown started meanwhile is refused instead of tearing down a
 * setup under way (a kill releases the lock). A second setup of a set-up bundle finds the file
 * and is refused with `EALREADY`.
 *
 * Every append is written in full (a short write(2) is continued; a write that fails, ENOSPC
 * included, throws `MountError` `EJOURNAL` and the writer writes nothing more, so the journal
 * never gets a line after a torn one).
 *
 * No fsync per entry, on purpose: the journal must survive the mounter being killed (kill -9,
 * OOM), and a write(2) that returned is in the page cache whatever happens to the process. It
 * need not survive a machine crash: mounts do not survive one either (and /run is a tmpfs).
 */
export class JournalWriter {
  readonly path: string;
  private fd: number;
  private broken = false;

  private constructor(path: string, fd: number) {
    this.path = path;
    this.fd = fd;
  }

  /** Creates and locks the journal; throws `MountError` `EALREADY` when it exists. */
  static create(sys: Syscalls, path: string, bundleDir: string): JournalWriter {
    let fd: number;
    try {
      const flags =
        constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
      fd = openSync(path, flags | constants.O_APPEND, 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      throw new MountError({
        code: "EALREADY",
        op: "setup",
        summary: "already set up",
        target: bundleDir,
        detail: `already set up (journal ${path}); run teardown first`,
        cause: err,
      });
    }
    const writer = new JournalWriter(path, fd);
    try {
      sys.flock(fd, LOCK_EX | LOCK_NB);
    } catch (err) {
      writer.close();
      throw err;
    }
    return writer;
  }

  private held = "";

  /**
   * Appends one entry (after any held one), in one write(2) unless the kernel writes less.
   * `where` names the step being journaled in the error when the write fails.
   */
  append(entry: JournalEntry, where?: string): void {
    this.write(`${this.held}${JSON.stringify(entry)}\n`, where);
    this.held = "";
  }

  /**
   * Holds an entry until the next `append` or `close`, so that "mounted k" and "intent k+1" go
   * out in one write(2). A kill in between leaves step k looking pending; teardown then finds
   * its one mount from intent k (its place and ID range), never by taking the whole tree.
   */
  hold(entry: JournalEntry): void {
    this.held += `${JSON.stringify(entry)}\n`;
  }

  /** Writes what is held and closes (which drops the lock). Throws like `append`. */
  close(): void {
    if (this.fd < 0) return;
    try {
      if (this.held && !this.broken) this.write(this.held);
    } finally {
      this.held = "";
      closeSync(this.fd);
      this.fd = -1;
    }
  }

  /** Closes and deletes the journal (rollback); a journal already gone is fine. */
  discard(): void {
    this.held = "";
    this.broken = true;
    this.close();
    try {
      unlinkSync(this.path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  }

  private write(text: string, where?: string): void {
    if (this.broken) throw this.failure("an earlier write failed", undefined, where);
    const bytes = Buffer.from(text);
    let done = 0;
    try {
      while (done < bytes.length) {
        const n = writeSync(this.fd, bytes, done, bytes.length - done);
        if (n <= 0) throw new Error("write(2) wrote nothing");
        done += n;
      }
    } catch (err) {
      this.broken = true;
      throw this.failure(err instanceof Error ? err.message : String(err), err, where);
    }
  }

  private failure(detail: string, cause?: unknown, where?: string): MountError {
    const errno = (cause as { errno?: unknown })?.errno;
    return new MountError({
      code: "EJOURNAL",
      op: "write",
      where,
      target: this.path,
      errno: typeof errno === "number" ? Math.abs(errno) : undefined,
      detail,
      cause,
    });
  }
}
