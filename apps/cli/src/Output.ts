import { writeSync } from "node:fs";
import { colorEnabled } from "./color.ts";
import { isTerminal } from "./isTerminal.ts";

/** Where a command writes: stdout for results, stderr for errors, hints and progress. */
export interface Output {
  /** Writes `text` (a newline is added) to stdout. */
  out(text: string): void;
  /** Writes `text` (a newline is added) to stderr. */
  err(text: string): void;
  /** Writes `value` to stdout as JSON (pretty, one document). */
  json(value: unknown): void;
  /** Overwrites the current stderr line (progress); does nothing unless stderr is a terminal. */
  progress(text: string): void;
  /** Clears a progress line still shown (before the process exits). */
  done(): void;
  /**
   * The first error writing to stdout that the reader did not cause by going away (`ENOSPC`,
   * `EIO`, ...), as its errno name; undefined when every write landed or the reader closed the
   * pipe (`EPIPE`: `ocimount plan | head`, which is not an error).
   */
  readonly stdoutError: string | undefined;
  /** True when stdout may be coloured. */
  readonly color: boolean;
  /** True when stdout is a terminal (tables instead of plain lines). */
  readonly stdoutTty: boolean;
  /** True when stderr is a terminal (progress lines). */
  readonly stderrTty: boolean;
}

/** `fs.writeSync(fd, bytes, offset, length)`: bytes written, or throws with an errno `code`. */
export type WriteFd = (fd: number, bytes: Uint8Array, offset: number, length: number) => number;

/** What an `Output` writes to: two file descriptors, and whether each is a terminal. */
export interface OutputFds {
  stdout: number;
  stderr: number;
  write: WriteFd;
  isTty: (fd: number) => boolean;
}

const encoder = new TextEncoder();
const AGAIN = new Int32Array(new SharedArrayBuffer(4));

/**
 * One file descriptor written with write(2), all of each chunk, synchronously: no Node stream
 * (creating `process.stdout` costs about 20 ms of start-up in Bun 1.4) and nothing left
 * buffered at exit. A closed reader (`EPIPE`) or any other error stops further writes to that
 * descriptor and is remembered, never thrown: output trouble must not turn a setup that
 * succeeded into a crash. `EAGAIN` (a non-blocking pipe inherited from the parent) is waited out.
 */
function fdWriter(fd: number, write: WriteFd) {
  const state = { error: undefined as string | undefined };
  const put = (text: string) => {
    if (state.error !== undefined) return;
    const bytes = encoder.encode(text);
    let at = 0;
    while (at < bytes.length) {
      try {
        at += write(fd, bytes, at, bytes.length - at);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code === "EAGAIN") {
          Atomics.wait(AGAIN, 0, 0, 1);
          continue;
        }
        if (code === "EINTR") continue;
        state.error = typeof code === "string" ? code : "EIO";
        return;
      }
    }
  };
  return { put, state };
}

let shared: Output | undefined;

/** The process's one `Output` on its own stdout and stderr (created on first use). */
export function output(): Output {
  shared ??= processOutput();
  return shared;
}

const PROCESS_FDS: OutputFds = { stdout: 1, stderr: 2, write: writeSync, isTty: isTerminal };

/** An `Output` on the given file descriptors (the process's own 1 and 2 by default). */
export function processOutput(fds: OutputFds = PROCESS_FDS): Output {
  const stdout = fdWriter(fds.stdout, fds.write);
  const stderr = fdWriter(fds.stderr, fds.write);
  let ttys: { out: boolean; err: boolean } | undefined;
  // Asked only when a command needs it (most runs print a line and never do).
  const tty = () => {
    ttys ??= { out: fds.isTty(fds.stdout), err: fds.isTty(fds.stderr) };
    return ttys;
  };
  let progressShown = false;
  const clearProgress = () => {
    if (progressShown) stderr.put("\r\u001b[2K");
    progressShown = false;
  };
  return {
    out: (text) => {
      clearProgress();
      stdout.put(`${text}\n`);
    },
    err: (text) => {
      clearProgress();
      stderr.put(`${text}\n`);
    },
    json: (value) => {
      clearProgress();
      stdout.put(`${JSON.stringify(value, null, 2)}\n`);
    },
    progress: (text) => {
      if (!tty().err) return;
      stderr.put(`\r\u001b[2K${text}`);
      progressShown = true;
    },
    done: clearProgress,
    get stdoutError() {
      const e = stdout.state.error;
      return e === "EPIPE" ? undefined : e;
    },
    get color() {
      return colorEnabled({ isTTY: tty().out });
    },
    get stdoutTty() {
      return tty().out;
    },
    get stderrTty() {
      return tty().err;
    },
  };
}
