import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fixture tree: `root` is `<parent>/rootfs`; `parent` also holds siblings like `rootfs2`. */
export interface FixtureTree {
  parent: string;
  root: string;
  /** Removes the whole temporary parent. */
  remove(): void;
}

/**
 * Builds a tree from lines, each relative to the root (`..` reaches the parent, for siblings):
 * `dir a`, `file a/f`, `symlink a/l -> ../b`. Parents of every entry must be listed first.
 */
export function makeTree(lines: readonly string[]): FixtureTree {
  const parent = mkdtempSync(join(tmpdir(), "symlink-resolver-"));
  const root = join(parent, "rootfs");
  mkdirSync(root);
  for (const line of lines) addEntry(root, line);
  return { parent, root, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

/** Adds one `dir`/`file`/`symlink` line to the tree at `root`. */
export function addEntry(root: string, line: string): void {
  const space = line.indexOf(" ");
  const kind = line.slice(0, space);
  const rest = line.slice(space + 1);
  if (kind === "dir") mkdirSync(join(root, rest));
  else if (kind === "file") writeFileSync(join(root, rest), "");
  else if (kind === "symlink") {
    const arrow = rest.indexOf(" -> ");
    if (arrow < 0) throw new Error(`bad fixture line: ${line}`);
    symlinkSync(rest.slice(arrow + 4), join(root, rest.slice(0, arrow)));
  } else throw new Error(`bad fixture line: ${line}`);
}
