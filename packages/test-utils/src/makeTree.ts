import { execFileSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { TreeEntry, TreeSpec } from "./treeEntry.ts";

/** A fixture tree on disk, made by `makeTree`. */
export interface Tree {
  /** The temporary directory (a real path, no symlink on the way) holding everything. */
  readonly tempDir: string;
  /** Where the spec's paths start: `tempDir`, or `tempDir/<options.root>`. */
  readonly root: string;
  /** Makes more entries below `root` (same rules as `makeTree`). */
  add(spec: TreeSpec): void;
  /** Removes `tempDir` and everything below it (see `removeTree`). */
  remove(): void;
}

/** Where and how `makeTree` makes its temporary directory. */
export interface MakeTreeOptions {
  /** A directory made inside the temporary one to serve as root (e.g. "rootfs", with siblings). */
  root?: string;
  /** The temporary directory's name prefix (default `ocimount-tree-`), under `os.tmpdir()`. */
  prefix?: string;
}

/**
 * Makes a fresh temporary directory and the entries of `spec` below its root, e.g.
 * `makeTree({ "a/b": directory, "a/l": link("../x"), f: file("text") }, { root: "rootfs" })`.
 * Throws whatever the filesystem calls throw (an entry that exists already, a parent that is a file).
 */
export function makeTree(spec: TreeSpec, options: MakeTreeOptions = {}): Tree {
  const tempDir = realpathSync(mkdtempSync(join(tmpdir(), options.prefix ?? "ocimount-tree-")));
  const root = options.root === undefined ? tempDir : join(tempDir, options.root);
  mkdirSync(root, { recursive: true });
  const tree: Tree = {
    tempDir,
    root,
    add: (more) => addToTree(root, more),
    remove: () => removeTree(tempDir),
  };
  tree.add(spec);
  return tree;
}

/** Makes the entries of `spec` below `root` (parents as needed), in key order. */
export function addToTree(root: string, spec: TreeSpec): void {
  for (const [path, entry] of Object.entries(spec)) {
    const at = join(root, path);
    mkdirSync(dirname(at), { recursive: true });
    make(at, entry);
  }
}

function make(at: string, entry: TreeEntry): void {
  switch (entry.kind) {
    case "dir":
      mkdirSync(at, { recursive: true });
      return;
    case "file":
      writeFileSync(at, entry.content, { flag: "wx" });
      if (entry.mode !== undefined) chmodSync(at, entry.mode);
      return;
    case "link":
      symlinkSync(entry.target, at);
      return;
    case "fifo":
      execFileSync("mkfifo", [at]);
      return;
  }
}

/** Gives the owner rwx on every directory below `dir`, so that it can be emptied. */
function openDirs(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) openDirs(join(dir, entry.name));
  }
}

/**
 * Removes `dir` recursively (symlinks are removed, not followed; tests leave no mounts on the
 * host, so it never crosses into one). Directories left with mode 000 (overlayfs's `work/work`)
 * are opened up first when an ordinary user's rm fails with EACCES; root removes them anyway.
 */
export function removeTree(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EACCES") throw err;
    openDirs(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}
