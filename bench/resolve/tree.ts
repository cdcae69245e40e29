import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";

/** Depth of the chain of directories `d/d/d/...` under the root. */
export const DEPTH = 20;

/**
 * Builds the benchmark tree at `root`: a chain `d/d/...` DEPTH deep; in every directory a file
 * `f`, a directory `x`, and symlinks `up -> ..`, `self -> .`, `next -> d` (relative, down),
 * `top -> /d/d...` (absolute, to half the current depth).
 */
export function buildTree(root: string): void {
  let dir = root;
  for (let k = 0; k <= DEPTH; k++) {
    writeFileSync(`${dir}/f`, "");
    mkdirSync(`${dir}/x`);
    symlinkSync("..", `${dir}/up`);
    symlinkSync(".", `${dir}/self`);
    symlinkSync(`/${"d/".repeat(Math.floor(k / 2))}`, `${dir}/top`);
    if (k < DEPTH) {
      symlinkSync("d", `${dir}/next`);
      mkdirSync(`${dir}/d`);
      dir = `${dir}/d`;
    }
  }
}

/** A small seeded PRNG (mulberry32), so every run resolves the same paths. */
function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` paths down the chain of real directories, 5 to 20 deep, ending at `f` or `x`; a fifth
 * start with an absolute symlink (`/top/...`).
 */
export function makePlainPaths(count: number): string[] {
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const depth = 5 + (i % 16);
    paths.push(`${i % 5 === 0 ? "/top/" : ""}${"d/".repeat(depth)}${i % 3 === 0 ? "f" : "x"}`);
  }
  return paths;
}

/**
 * `count` random paths through the tree: 8-30 components walking down (`d`, `next`), up (`..`,
 * `up`), jumping (`top`, `self`, `.`), ending at a directory, `f`, `x`, or (5%) a missing name.
 * A tenth are absolute. Depth is tracked so that most paths lead somewhere real.
 */
export function makePaths(count: number, seed = 42): string[] {
  const random = makeRandom(seed);
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    let depth = 0;
    const parts: string[] = [];
    const length = 8 + Math.floor(random() * 23);
    for (let j = 0; j < length; j++) {
      const r = random();
      if (r < 0.55 && depth < DEPTH) {
        parts.push(r < 0.4 ? "d" : "next");
        depth++;
      } else if (r < 0.75) {
        parts.push(r < 0.65 ? ".." : "up");
        depth = Math.max(0, depth - 1);
      } else if (r < 0.8) {
        parts.push("top");
        depth = Math.floor(depth / 2);
      } else parts.push(r < 0.9 ? "self" : ".");
    }
    const end = random();
    if (end < 0.05) parts.push("new");
    else if (end < 0.3) parts.push("f");
    else if (end < 0.5) parts.push("x");
    paths.push(`${random() < 0.1 ? "/" : ""}${parts.join("/")}`);
  }
  return paths;
}
