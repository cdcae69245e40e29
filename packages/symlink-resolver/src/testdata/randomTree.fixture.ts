import { seededRandom } from "@ocimount/test-utils";

/** The shared seeded PRNG (mulberry32, from test-utils), so every failure reproduces from its seed. */
export const makeRandom: (seed: number) => () => number = seededRandom;

const NAMES = ["a", "b", "c", "d", "e", "f"];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** The shape of a random tree and its paths. */
export interface Profile {
  /** Entries tried (names collide, so the tree is smaller). */
  size: number;
  /** Share of entries that are directories (the rest: a tenth files, then symlinks). */
  dirShare: number;
  /** Paths have 1 to this many components. */
  maxLength: number;
  /** Share of `..` components. */
  dotDotShare: number;
}

/** Shallow trees thick with symlinks, and `..`-heavy paths. */
export const DENSE: Profile = { size: 60, dirShare: 0.35, maxLength: 7, dotDotShare: 0.28 };
/** Deeper trees, mostly directories, and long paths: runs of plain directories to probe. */
export const DEEP: Profile = { size: 160, dirShare: 0.7, maxLength: 14, dotDotShare: 0.08 };

/** A random component: names mostly, `..` often, sometimes `.` or an empty one (`//`). */
function randomComponent(random: () => number, profile: Profile): string {
  const r = random();
  if (r < profile.dotDotShare) return "..";
  if (r < profile.dotDotShare + 0.06) return ".";
  if (r < profile.dotDotShare + 0.09) return "";
  return pick(random, NAMES);
}

/** A random path, absolute a third of the time, with a trailing slash sometimes. */
export function randomPath(random: () => number, profile: Profile = DENSE): string {
  const count = 1 + Math.floor(random() * profile.maxLength);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(randomComponent(random, profile));
  let path = parts.join("/");
  if (random() < 0.33) path = `/${path}`;
  if (random() < 0.12) path = `${path}/`;
  return path === "" ? "." : path;
}

/**
 * Fixture lines (see `makeTree`) for a random tree shaped by `profile`: nested directories, files
 * and many symlinks (absolute, relative, `..`-heavy, dangling, looping, to files, to `/`).
 */
export function randomTreeLines(random: () => number, profile: Profile): string[] {
  const dirs = [""];
  const taken = new Set<string>();
  const lines: string[] = [];
  const size = profile.size / 2 + Math.floor((random() * profile.size) / 2);
  for (let i = 0; i < size; i++) {
    const parent = pick(random, dirs);
    const name = pick(random, NAMES);
    const path = parent === "" ? name : `${parent}/${name}`;
    if (taken.has(path)) continue;
    taken.add(path);
    const r = random();
    if (r < profile.dirShare) {
      lines.push(`dir ${path}`);
      dirs.push(path);
    } else if (r < profile.dirShare + 0.1) lines.push(`file ${path}`);
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
