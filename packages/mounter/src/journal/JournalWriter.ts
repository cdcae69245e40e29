import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { MountError } from "../errors.ts";
import type { JournalEntry } from "./JournalEntry.ts";

/**
 * Appends JSON lines to a bundle's journal, created exclusively (O_EXCL): a second setup of a
 * set-up bundle finds the file and is refused with `EALREADY`.
 *
 * No fsync per entry, on purpose: the journal must survive the mounter being killed (kill -9,
 * OOM), and a write(2) that returned is in the page cache whatever happens to the process. It
 * need not survive a machine crash: mounts do not survive one either (and /run is a tmpfs).
 */
export class JournalWriter {
  readonly path: string;
  private fd: number;

  private constructor(path: string, fd: number) {
    this.path = path;
    this.fd = fd;
  }

  /** Creates the journal; throws `MountError` `EALREADY` when it exists. */
  static create(path: string, bundleDir: string): JournalWriter {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    try {
      return new JournalWriter(path, openSync(path, "wx", 0o600));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      throw new MountError({
        code: "EALREADY",
        op: "setup",
        target: bundleDir,
        detail: `already set up (journal ${path}); run teardown first`,
        cause: err,
      });
    }
  }

  private held = "";

  /** Appends one entry (after any held one) in one write(2). */
  append(entry: JournalEntry): void {
    writeSync(this.fd, `${this.held}${JSON.stringify(entry)}\n`);
    this.held = "";
  }

  /**
   * Holds an entry until the next `append` or `close`, so that "mounted k" and "intent k+1" go
   * out in one write(2). Only for entries whose loss a reader tolerates: a kill in between
   * leaves step k looking pending, and teardown of an unfinished setup takes the whole tree
   * below the self-bind anyway.
   */
  hold(entry: JournalEntry): void {
    this.held += `${JSON.stringify(entry)}\n`;
  }

  close(): void {
    if (this.fd < 0) return;
    if (this.held) writeSync(this.fd, this.held);
    this.held = "";
    closeSync(this.fd);
    this.fd = -1;
  }
}
