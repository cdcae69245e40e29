import { afterAll } from "bun:test";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The CLI entry point, run as `bun BIN ...` by the tests. */
export const BIN = fileURLToPath(new URL("../bin/ocimount.ts", import.meta.url));

/** `setpriv` prefix that runs a command as nobody (uid/gid 65534, no supplementary groups). */
export const AS_NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"];

let readable: { bin: string; dir: string } | undefined;

/**
 * The CLI bundled into one file in a fresh world-readable (0755) temporary directory, for runs as
 * another user: the clone itself may sit under a directory that user cannot enter (a 0700
 * `mktemp -d`, root's home), where Bun could load neither the sources nor its working directory.
 * Run it with `cwd: dir`. Built once and deleted when the test file that built it ends (or
 * earlier by `removeReadableCli`), so no test file can leave it behind in the temporary folder.
 */
export function readableCli(): { bin: string; dir: string } {
  if (readable !== undefined) return readable;
  const dir = mkdtempSync(join(tmpdir(), "ocimount-cli-copy-"));
  chmodSync(dir, 0o755);
  const bin = join(dir, "ocimount.js");
  const r = Bun.spawnSync(["bun", "build", BIN, "--target=bun", "--outfile", bin], {
    stdout: "pipe",
    stderr: "pipe",
  });
  if (r.exitCode !== 0) throw new Error(`bun build of the CLI failed: ${r.stderr.toString()}`);
  chmodSync(bin, 0o755);
  readable = { bin, dir };
  // Removed when the test file that built it ends (bun test fires no process exit event).
  afterAll(removeReadableCli);
  return readable;
}

/** Removes the copy `readableCli` made, if any (call it from `afterAll`). */
export function removeReadableCli(): void {
  if (readable !== undefined) rmSync(readable.dir, { recursive: true, force: true });
  readable = undefined;
}

/** What a CLI run printed and how it exited (124: killed by `timeout`, i.e. it hung). */
export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `ocimount ARGS` as a subprocess under `timeout 20` (so a hang fails the test instead of
 * stalling it, with exit 124), without a terminal.
 */
export function runCli(
  args: readonly string[],
  options: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    stdin?: string;
    /**
     * Run as uid/gid 65534, so file permissions apply (the tests run as root): the readable copy
     * of the CLI (`readableCli`), in its directory unless `cwd` is given.
     */
    asNobody?: boolean;
  } = {},
): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  const copy = options.asNobody ? readableCli() : undefined;
  const argv = copy
    ? [...AS_NOBODY, "timeout", "-k", "5", "20", "bun", copy.bin]
    : ["timeout", "-k", "5", "20", "bun", BIN];
  const r = Bun.spawnSync([...argv, ...args], {
    cwd: options.cwd ?? copy?.dir,
    env,
    stdin: options.stdin === undefined ? "ignore" : new TextEncoder().encode(options.stdin),
    stdout: "pipe",
    stderr: "pipe",
  });
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

/** The non-empty lines of `text`. */
export function lines(text: string): string[] {
  return text.split("\n").filter((l) => l !== "");
}
