// Benchmark: the string resolver against the kernel resolving the same 10,000 paths in a deep
// tree, for two mixes of paths. Run with `bun bench/resolve/run.ts [--rounds N]`; the C side is
// built at run time into bench/.build/ (never committed). See README.md for the figures.
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
// bench/ is not a workspace package, so it reaches the sources by path (like examples/).
import { resolveInRoot, resolveInRootSync } from "../../packages/symlink-resolver/src/index.ts";
import { buildTree, DEPTH, makePaths, makePlainPaths } from "./tree.ts";

const COUNT = 10_000;
const roundsFlag = process.argv.indexOf("--rounds");
const ROUNDS = roundsFlag > 0 ? Number(process.argv[roundsFlag + 1]) : 9;

const here = fileURLToPath(new URL(".", import.meta.url));
const buildDir = join(here, "..", ".build");
const binary = join(buildDir, "resolve-kernel");
mkdirSync(buildDir, { recursive: true });
const cc = Bun.spawnSync(["cc", "-O2", "-Wall", "-o", binary, join(here, "kernel.c")]);
if (cc.exitCode !== 0) throw new Error(`cc failed: ${cc.stderr.toString()}`);

const mixes = [
  ["plain: 5-20 real directories deep, a fifth via an absolute link", makePlainPaths(COUNT)],
  ["links: 8-30 components, about a third symlinks (.., ., relative, absolute)", makePaths(COUNT)],
] as const;

const parent = mkdtempSync(join(tmpdir(), "bench-resolve-"));
try {
  const root = realpathSync(parent);
  buildTree(root);
  const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  console.log(`${COUNT} paths per mix, tree depth ${DEPTH}, median of ${ROUNDS} rounds`);
  console.log(`${availableParallelism()} CPUs, load average ${load} (other work skews every row)`);
  for (const [name, paths] of mixes) await benchMix(root, name, paths);
} finally {
  rmSync(parent, { recursive: true, force: true });
}

async function benchMix(root: string, name: string, paths: readonly string[]): Promise<void> {
  const pathsFile = join(root, "..", `${root.split("/").pop()}-paths.txt`);
  writeFileSync(pathsFile, `${paths.join("\n")}\n`);
  try {
    const resolved = checkAgainstKernel(root, paths, pathsFile);
    const ours = median(
      timeRounds(() => {
        for (const p of paths) resolveInRootSync(root, p);
      }),
    );
    const openat2 = median(kernelRounds("openat2", root, pathsFile));
    const open = median(kernelRounds("open", root, pathsFile));
    const chroot = median(kernelRounds("chroot", root, pathsFile));
    // Last: 10,000 concurrent lookups leave the thread pool and the heap busy for a while.
    const oursAsync = median(
      await timeRoundsAsync(() => Promise.all(paths.map((p) => resolveInRoot(root, p)))),
    );
    const row = (label: string, ns: number) =>
      `  ${label.padEnd(48)} ${(ns / 1e6).toFixed(1).padStart(7)} ms ${(ns / COUNT / 1e3).toFixed(2).padStart(6)} us/path ${(ours / ns).toFixed(2).padStart(6)}x`;
    console.log(
      `\n${name}\n  (${resolved} resolve in the kernel, all equal ours; last column: sync / row)`,
    );
    console.log(row("resolveInRootSync", ours));
    console.log(row("resolveInRoot (async, 10,000 at once)", oursAsync));
    console.log(row("kernel: openat2 + readlink /proc/self/fd + close", openat2));
    console.log(row("kernel: openat2 + close (no string)", open));
    console.log(row("kernel: chroot + realpath(3)", chroot));
    console.log(
      `  ratio vs openat2 with its string answer: ${(ours / openat2).toFixed(2)}x (target: within 5x)`,
    );
  } finally {
    rmSync(pathsFile, { force: true });
  }
}

/** Every path the kernel resolves must resolve to the same place with ours; returns how many. */
function checkAgainstKernel(root: string, paths: readonly string[], pathsFile: string): number {
  const lines = Bun.spawnSync([binary, "print", root, pathsFile, "1"])
    .stdout.toString()
    .split("\n");
  let resolved = 0;
  for (let i = 0; i < paths.length; i++) {
    const kernel = lines[i]!;
    if (!kernel.startsWith("OK ")) continue;
    resolved++;
    const answer = resolveInRootSync(root, paths[i]!);
    if (answer !== kernel.slice(3))
      throw new Error(`${paths[i]}: ours ${answer}, kernel ${kernel}`);
  }
  return resolved;
}

function timeRounds(run: () => void): number[] {
  run(); // warm up
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    Bun.gc(true);
    const start = Bun.nanoseconds();
    run();
    times.push(Bun.nanoseconds() - start);
  }
  return times;
}

async function timeRoundsAsync(run: () => Promise<unknown>): Promise<number[]> {
  await run();
  const times: number[] = [];
  for (let r = 0; r < Math.min(ROUNDS, 3); r++) {
    const start = Bun.nanoseconds();
    await run();
    times.push(Bun.nanoseconds() - start);
  }
  return times;
}

function kernelRounds(mode: string, root: string, pathsFile: string): number[] {
  const out = Bun.spawnSync([binary, mode, root, pathsFile, String(ROUNDS + 1)]);
  if (out.exitCode !== 0) throw new Error(`kernel ${mode}: ${out.stderr.toString()}`);
  return out.stdout.toString().trim().split("\n").slice(1).map(Number); // first round: warm-up
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
