/**
 * A repository tree this process may build in. Building writes `dist/` and `.turbo/` inside the
 * packages, so a work tree owned by someone else (an ordinary user running the tests of a
 * checkout it can only read) cannot be built in place. Then the sources are copied, as they are
 * now, into a private directory whose `node_modules` reuses the installed dependencies.
 */
import {
  accessSync,
  constants,
  cpSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  symlinkSync,
} from "node:fs";
import { join, relative } from "node:path";

/** The repository root (this file lives in `tests/helpers/`). */
export const REPO_ROOT = join(import.meta.dir, "..", "..");

/** Directories a build writes into (the root for `.turbo/`, each package for `dist/`). */
const BUILT = [".", "packages/mount-flags", "packages/symlink-resolver", "packages/oci-spec"]
  .concat(["packages/mounter", "apps/cli"])
  .map((dir) => join(REPO_ROOT, dir));

/** Build output, caches and history, by name anywhere: never copied (the copy builds its own). */
const SKIPPED_NAMES = new Set([".git", ".turbo", ".pack", "dist"]);

/** The same, by path from the root (see .gitignore); the root `node_modules` is linked instead. */
const SKIPPED_PATHS = new Set(["node_modules", "bench/out", "bench/.build", "tests/.tmp"]);

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Copies the root `node_modules`: workspace links as they are, everything else linked back. */
function linkRootModules(into: string): void {
  const from = join(REPO_ROOT, "node_modules");
  mkdirSync(into);
  for (const name of readdirSync(from)) {
    const path = join(from, name);
    const target = lstatSync(path).isSymbolicLink() ? readlinkSync(path) : path;
    symlinkSync(target, join(into, name));
  }
}

/**
 * The repository root when every directory a build writes into is writable by this process;
 * otherwise a fresh copy of the work tree (uncommitted changes included) under `scratch`.
 */
export function writableRepo(scratch: string): string {
  if (BUILT.every(writable)) return REPO_ROOT;
  const copy = join(scratch, "repo");
  cpSync(REPO_ROOT, copy, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (src) => {
      const rel = relative(REPO_ROOT, src);
      return !SKIPPED_PATHS.has(rel) && !SKIPPED_NAMES.has(rel.split("/").at(-1) ?? "");
    },
  });
  linkRootModules(join(copy, "node_modules"));
  return copy;
}
