/** A small seeded PRNG (mulberry32) so that every failure reproduces from its seed. */
export function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ["a", "b", "c", "d", "e", "f"];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A random component: names mostly, `..` often, sometimes `.` or an empty one (`//`). */
function randomComponent(random: () => number, names: readonly string[]): string {
  const r = random();
  if (r < 0.28) return "..";
  if (r < 0.34) return ".";
  if (r < 0.37) return "";
  return pick(random, names);
}

/** A random path: 1-7 components, absolute a third of the time, a trailing slash sometimes. */
export function randomPath(random: () => number, names: readonly string[] = NAMES): string {
  const count = 1 + Math.floor(random() * 7);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(randomComponent(random, names));
  let path = parts.join("/");
  if (random() < 0.33) path = `/${path}`;
  if (random() < 0.12) path = `${path}/`;
  return path === "" ? "." : path;
}

/**
 * Fixture lines (see `makeTree`) for a random tree of `size` entries: nested directories, files
 * and many symlinks (absolute, relative, `..`-heavy, dangling, looping, to files, to `/`).
 */
export function randomTreeLines(random: () => number, size: number): string[] {
  const dirs = [""];
  const taken = new Set<string>();
  const lines: string[] = [];
  for (let i = 0; i < size; i++) {
    const parent = pick(random, dirs);
    const name = pick(random, NAMES);
    const path = parent === "" ? name : `${parent}/${name}`;
    if (taken.has(path)) continue;
    taken.add(path);
    const r = random();
    if (r < 0.35) {
      lines.push(`dir ${path}`);
      dirs.push(path);
    } else if (r < 0.45) lines.push(`file ${path}`);
    else lines.push(`symlink ${path} -> ${randomTarget(random)}`);
  }
  return lines;
}

function randomTarget(random: () => number): string {
  const r = random();
  if (r < 0.03) return "/";
  if (r < 0.06) return ".";
  if (r < 0.1) return "..";
  // Mostly paths among the same names, so targets hit entries, links, and loops back.
  return randomPath(random);
}
