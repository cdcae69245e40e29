import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** One kernel answer: the resolved path, or the errno name. */
export type KernelAnswer = { ok: true; path: string } | { ok: false; errno: string };

let built: string | undefined | null = null;
let buildDir: string | undefined;

/**
 * Builds `oracle.c` with `cc` once per process and returns the binary, or `undefined` (with the
 * reason on stderr) when there is no compiler or no `linux/openat2.h`.
 */
export function buildOracle(): string | undefined {
  if (built !== null) return built;
  buildDir = mkdtempSync(join(tmpdir(), "symlink-resolver-oracle-"));
  const binary = join(buildDir, "oracle");
  const source = join(import.meta.dir, "oracle.c");
  try {
    const cc = Bun.spawnSync(["cc", "-O2", "-Wall", "-o", binary, source], { stderr: "pipe" });
    if (cc.exitCode !== 0) {
      console.error(`oracle build failed: ${cc.stderr.toString()}`);
      built = undefined;
    } else built = binary;
  } catch (error) {
    console.error(`no C compiler for the kernel oracle: ${String(error)}`);
    built = undefined;
  }
  return built;
}

/** Removes the oracle's build directory. */
export function removeOracle(): void {
  if (buildDir !== undefined) rmSync(buildDir, { recursive: true, force: true });
  built = null;
  buildDir = undefined;
}

/** A running oracle for one root: ask it paths, one line each, in order. */
export class Oracle {
  private readonly process: ReturnType<typeof spawnOracle>;
  private readonly reader: { read(): Promise<{ done: boolean; value?: Uint8Array }> };
  private readonly decoder = new TextDecoder();
  private buffer = "";

  constructor(binary: string, mode: "openat2" | "chroot", root: string) {
    this.process = spawnOracle(binary, mode, root);
    this.reader = this.process.stdout.getReader();
  }

  /** Resolves every path with the kernel (paths must not contain a newline). */
  async ask(paths: readonly string[]): Promise<KernelAnswer[]> {
    if (paths.length === 0) return [];
    this.process.stdin.write(`${paths.join("\n")}\n`);
    await this.process.stdin.flush();
    const answers: KernelAnswer[] = [];
    while (answers.length < paths.length) {
      const newline = this.buffer.indexOf("\n");
      if (newline < 0) {
        const chunk = await this.reader.read();
        if (chunk.done) throw new Error("oracle exited early");
        this.buffer += this.decoder.decode(chunk.value, { stream: true });
        continue;
      }
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      answers.push(
        line.startsWith("OK ") ? { ok: true, path: line.slice(3) } : { ok: false, errno: line },
      );
    }
    return answers;
  }

  /** Ends the oracle process and waits for it. */
  async close(): Promise<void> {
    await this.process.stdin.end();
    await this.process.exited;
  }
}

/**
 * chroot(2) needs CAP_SYS_CHROOT: an ordinary user runs the chroot oracle as root of a user
 * namespace of its own (`unshare -Ur`), which has it, and reads the trees (its own files) alike.
 */
const CHROOT_PREFIX = process.getuid?.() === 0 ? [] : ["unshare", "-Ur", "--"];

function spawnOracle(binary: string, mode: string, root: string) {
  const prefix = mode === "chroot" ? CHROOT_PREFIX : [];
  return Bun.spawn([...prefix, binary, mode, root], {
    stdin: "pipe",
    stdout: "pipe",
    stderr: "inherit",
  });
}
