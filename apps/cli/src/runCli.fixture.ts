import { fileURLToPath } from "node:url";

/** The CLI entry point, run as `bun BIN ...` by the tests. */
export const BIN = fileURLToPath(new URL("../bin/ocimount.ts", import.meta.url));

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
    /** Run as uid/gid 65534, so file permissions apply (the tests run as root). */
    asNobody?: boolean;
  } = {},
): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  const nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"];
  const argv = [...(options.asNobody ? nobody : []), "timeout", "-k", "5", "20", "bun", BIN];
  const r = Bun.spawnSync([...argv, ...args], {
    cwd: options.cwd,
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
