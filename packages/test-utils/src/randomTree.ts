import { directory, file, link, type TreeEntry, type TreeSpec } from "./treeEntry.ts";

/** The shape of a random tree and of the random paths walked in it. */
export interface RandomTreeProfile {
  /** The names entries and path components are drawn from (collisions shrink the tree). */
  names: readonly string[];
  /** Entries tried: between half of this and this many. */
  size: number;
  /** Entries sit at most this many components deep. */
  maxDepth: number;
  /** Share of entries that are directories. */
  dirShare: number;
  /** Share of entries that are files; the rest are symlinks. */
  fileShare: number;
  /** Paths (and link targets) have 1 to this many components. */
  maxLength: number;
  /** Share of `..` components (then 6% `.`, 3% empty ones, `//`). */
  dotDotShare: number;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function randomComponent(random: () => number, profile: RandomTreeProfile): string {
  const r = random();
  if (r < profile.dotDotShare) return "..";
  if (r < profile.dotDotShare + 0.06) return ".";
  if (r < profile.dotDotShare + 0.09) return "";
  return pick(random, profile.names);
}

/** A random path over the profile's names, absolute a third of the time, with a trailing slash sometimes. */
export function randomPath(random: () => number, profile: RandomTreeProfile): string {
  const count = 1 + Math.floor(random() * profile.maxLength);
  const parts = Array.from({ length: count }, () => randomComponent(random, profile));
  let path = parts.join("/");
  if (random() < 0.33) path = `/${path}`;
  if (random() < 0.12) path = `${path}/`;
  return path === "" ? "." : path;
}

/** A link target: mostly a random path among the same names (so links hit entries and loop back). */
function randomTarget(random: () => number, profile: RandomTreeProfile): string {
  const r = random();
  if (r < 0.03) return "/";
  if (r < 0.06) return ".";
  if (r < 0.1) return "..";
  return randomPath(random, profile);
}

/**
 * A random tree (see `makeTree`) shaped by `profile`: nested directories, files and many
 * symlinks (absolute, relative, `..`-heavy, dangling, looping, to files, to `/`). The same
 * `random` sequence (from `seededRandom`) gives the same tree.
 */
export function randomTree(random: () => number, profile: RandomTreeProfile): TreeSpec {
  const dirs = [""];
  const spec: Record<string, TreeEntry> = {};
  const size = profile.size / 2 + Math.floor((random() * profile.size) / 2);
  for (let i = 0; i < size; i++) {
    const parent = pick(random, dirs);
    const path = `${parent}${parent === "" ? "" : "/"}${pick(random, profile.names)}`;
    if (Object.hasOwn(spec, path) || path.split("/").length > profile.maxDepth) continue;
    const r = random();
    if (r < profile.dirShare) {
      spec[path] = directory;
      dirs.push(path);
    } else if (r < profile.dirShare + profile.fileShare) spec[path] = file();
    else spec[path] = link(randomTarget(random, profile));
  }
  return spec;
}
