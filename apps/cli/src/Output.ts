import { colorEnabled, type MaybeTty } from "./color.ts";

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
  /** True when stdout may be coloured. */
  readonly color: boolean;
  /** True when stdout is a terminal (tables instead of plain lines). */
  readonly stdoutTty: boolean;
  /** True when stderr is a terminal (progress lines). */
  readonly stderrTty: boolean;
}

interface Writable extends MaybeTty {
  write(chunk: string): unknown;
}

let shared: Output | undefined;

/** The process's one `Output` on its own stdout and stderr (created on first use). */
export function output(): Output {
  shared ??= processOutput();
  return shared;
}

/** An `Output` on the given streams (the process's own by default). */
export function processOutput(
  stdout: Writable = process.stdout,
  stderr: Writable = process.stderr,
): Output {
  const stderrTty = stderr.isTTY === true;
  let progressShown = false;
  const clearProgress = () => {
    if (progressShown) stderr.write("\r\u001b[2K");
    progressShown = false;
  };
  return {
    out: (text) => {
      clearProgress();
      stdout.write(`${text}\n`);
    },
    err: (text) => {
      clearProgress();
      stderr.write(`${text}\n`);
    },
    json: (value) => {
      clearProgress();
      stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    progress: (text) => {
      if (!stderrTty) return;
      stderr.write(`\r\u001b[2K${text}`);
      progressShown = true;
    },
    color: colorEnabled(stdout),
    stdoutTty: stdout.isTTY === true,
    stderrTty,
  };
}
