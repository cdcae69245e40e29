#!/usr/bin/env bun
/**
 * Builds the sealed executable: `bun run build:exe` in apps/cli, or
 *   bun build/buildExe.ts [--target linux-x64|linux-arm64 ...] [--out DIR]
 * (default: the host's target, into apps/cli/dist/exe). For each target, DIR/<target>/ holds
 *   ocimount      the front (launcher/front.c, static): refuses REFUSED_ENVIRONMENT, execs the next
 *   ocimount-bun  the CLI compiled by Bun: bytecode, minified, no bunfig/.env/tsconfig/package.json
 *                 autoloading (the flags below)
 *   SHA256SUMS    both files' SHA-256, for `sha256sum -c SHA256SUMS`
 * Bun cross-compiles by fetching its runtime for the target from the npm registry once (into
 * ~/.bun/install/cache); the front needs a C compiler for the target: `cc` for the host, else
 * `<arch>-linux-gnu-gcc` (Debian: gcc-aarch64-linux-gnu / gcc-x86-64-linux-gnu).
 * Prints one line per target: `<target>\t<directory>`. Exits 1 if a target cannot be built.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { frontHeader } from "./generated.ts";

const APP = join(import.meta.dir, "..");

/** The targets the executable is built for, with Bun's name and the C cross compiler. */
export const TARGETS = {
  "linux-x64": { bun: "bun-linux-x64", arch: "x64", cc: "x86_64-linux-gnu-gcc" },
  "linux-arm64": { bun: "bun-linux-arm64", arch: "arm64", cc: "aarch64-linux-gnu-gcc" },
} as const;

/** A target name: `linux-x64` or `linux-arm64`. */
export type Target = keyof typeof TARGETS;

/**
 * The flags every build of `ocimount-bun` gets (also quoted in the README). `--splitting` keeps
 * each command's code in its own chunk inside the executable, loaded only when that command
 * runs: 3-4 ms less start-up CPU per process than one chunk holding everything (bench/vs-crun).
 * `--compile-jit-policy=64` makes functions run 64 times longer before the optimizing JITs take
 * them: an ocimount process lives milliseconds, and JIT threads compiling code that is about to
 * exit cost 25-30% of setup + teardown's CPU (bench/vs-crun: 71 -> 47 ms at 20 binds; the same
 * at 10,000 mounts, where the hot loops still get compiled).
 */
export const COMPILE_FLAGS = [
  "--compile",
  "--splitting",
  "--bytecode",
  "--format=esm",
  "--minify",
  "--no-compile-autoload-bunfig",
  "--no-compile-autoload-dotenv",
  "--no-compile-autoload-tsconfig",
  "--no-compile-autoload-package-json",
  "--compile-jit-policy=64",
] as const;

/** The host's target, or `undefined` on a machine the executable is not built for. */
export function hostTarget(): Target | undefined {
  return (Object.keys(TARGETS) as Target[]).find(
    (t) => TARGETS[t].arch === process.arch && process.platform === "linux",
  );
}

/** Runs `argv` in `cwd` (writable: Bun unpacks a cross-compile target's runtime there first). */
function run(argv: string[], cwd: string, what: string): void {
  const r = Bun.spawnSync(argv, { cwd, stdout: "pipe", stderr: "pipe" });
  if (r.exitCode !== 0) {
    const detail = (r.stderr.toString() || r.stdout.toString()).trim().split("\n").slice(-3);
    throw new Error(`${what} failed (${argv.join(" ")}): ${detail.join(" / ")}`);
  }
}

function compiler(target: Target): string {
  if (target === hostTarget() && Bun.which("cc")) return "cc";
  const cross = TARGETS[target].cc;
  if (Bun.which(cross)) return cross;
  throw new Error(`${target}: no C compiler for the front (${cross} not on PATH)`);
}

function sha256(path: string): string {
  return new Bun.CryptoHasher("sha256").update(readFileSync(path)).digest("hex");
}

/** Builds `target` into `out/<target>/` and returns that directory; throws what failed. */
export function buildExe(target: Target, out: string = join(APP, "dist", "exe")): string {
  const dir = join(resolve(out), target);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const cc = compiler(target);
  const scratch = mkdtempSync(join(tmpdir(), "ocimount-front-"));
  try {
    writeFileSync(join(scratch, "refused_environment.h"), frontHeader());
    const front = join(dir, "ocimount");
    const source = join(APP, "launcher", "front.c");
    const cflags = ["-std=c11", "-D_GNU_SOURCE", "-O2", "-Wall", "-Werror", "-static", "-s"];
    run([cc, ...cflags, "-I", scratch, "-o", front, source], dir, `${target}: cc front.c`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const payload = join(dir, "ocimount-bun");
  const compile = ["bun", "build", ...COMPILE_FLAGS, `--target=${TARGETS[target].bun}`];
  const entry = join(APP, "bin", "ocimount.ts");
  run([...compile, entry, "--outfile", payload], dir, `${target}: bun build --compile`);
  const sums = ["ocimount", "ocimount-bun"].map((f) => `${sha256(join(dir, f))}  ${f}\n`);
  writeFileSync(join(dir, "SHA256SUMS"), sums.join(""));
  return dir;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      target: { type: "string", multiple: true },
      out: { type: "string", default: join(APP, "dist", "exe") },
    },
  });
  const host = hostTarget();
  const targets = (values.target ?? (host ? [host] : [])) as string[];
  let failed = false;
  for (const target of targets) {
    if (!(target in TARGETS)) {
      console.error(`buildExe: unknown target ${target} (${Object.keys(TARGETS).join(", ")})`);
      failed = true;
      continue;
    }
    try {
      console.log(`${target}\t${buildExe(target as Target, values.out)}`);
    } catch (error) {
      console.error(`buildExe: ${(error as Error).message}`);
      failed = true;
    }
  }
  process.exitCode = failed || targets.length === 0 ? 1 : 0;
}
