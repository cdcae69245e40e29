// Benchmark: the string resolver against the kernel resolving the same 10,000 paths in a deep
// tree full of symlinks. Run with `bun bench/resolve/run.ts`; the C side is built at run time
// into bench/.build/ (never committed). See README.md for the figures.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
// bench/ is not a workspace package, so it reaches the sources by path (like examples/).
import { resolveInRoot, resolveInRootSync } from "../../packages/symlink-resolver/src/index.ts";
import { buildTree, makePaths } from "./tree.ts";

const COUNT = 10_000;
const ROUNDS = Number(process.env.ROUNDS ?? 9);

const here = fileURLToPath(new URL(".", import.meta.url));
const buildDir = join(here, "..", ".build");
const binary = join(buildDir, "resolve-kernel");
mkdirSync(buildDir, { recursive: true });
const cc = Bun.spawnSync(["cc", "-O2", "-Wall", "-o", binary, join(here, "kernel.c")]);
if (cc.exitCode !== 0) throw new Error(`cc failed: ${cc.stderr.toString()}`);

const parent = mkdtempSync(join(tmpdir(), "bench-resolve-"));
try {
  const root = realpathSync(parent);
  buildTree(root);
  const paths = makePaths(COUNT);
  const pathsFile = join(parent, "paths.txt");
  writeFileSync(pathsFile, `${paths.join("\n")}\n`);
  checkAgainstKernel(root, paths, pathsFile);

  const ours = median(timeRounds(() => paths.forEach((p) => resolveInRootSync(root, p))));
  const oursAsync = median(
    await timeRoundsAsync(() => Promise.all(paths.map((p) => resolveInRoot(root, p)))),
  );
  const openat2 = median(kernelRounds("openat2", root, pathsFile));
  const open = median(kernelRounds("open", root, pathsFile));
  const chroot = median(kernelRounds("chroot", root, pathsFile));

  const row = (name: string, ns: number) =>
    `${name.padEnd(46)} ${(ns / 1e6).toFixed(2).padStart(8)} ms  ${(ns / COUNT / 1e3).toFixed(2).padStart(6)} us/path  ${(ours / ns).toFixed(2).padStart(5)}x`;
  console.log(
    `${COUNT} paths, tree depth 20, median of ${ROUNDS} rounds; last column: resolveInRootSync / row`,
  );
  console.log(row("resolveInRootSync (lstat/readlink)", ours));
  console.log(row("resolveInRoot (async, all at once)", oursAsync));
  console.log(row("kernel: openat2 + readlink /proc/self/fd + close", openat2));
  console.log(row("kernel: openat2 + close (no string)", open));
  console.log(row("kernel: chroot + realpath(3)", chroot));
  console.log(`ratio vs openat2 with string: ${(ours / openat2).toFixed(2)}x (target: within 5x)`);
} finally {
  rmSync(parent, { recursive: true, force: true });
}

function checkAgainstKernel(root: string, paths: string[], pathsFile: string): void {
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
  console.log(
    `checked: ${resolved} of ${paths.length} paths resolve in the kernel, all equal ours`,
  );
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
