import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fixture tree on disk: `root` (real path) is `<parent>/rootfs`, `parent` holds siblings. */
export interface FixtureTree {
  parent: string;
  root: string;
  /** Removes the whole temporary parent. */
  remove(): void;
}

/**
 * Builds a tree from lines relative to the root (`..` reaches the parent, for siblings):
 * `dir a`, `file a/f`, `symlink a/l -> ../b`. Parents must come before their entries.
 */
export function makeTree(lines: readonly string[]): FixtureTree {
  const parent = realpathSync(mkdtempSync(join(tmpdir(), "ocimount-inroot-")));
  const root = join(parent, "rootfs");
  mkdirSync(root);
  for (const line of lines) addEntry(root, line);
  return { parent, root, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

/** Adds one `dir` / `file` / `symlink x -> y` line below `root`. */
export function addEntry(root: string, line: string): void {
  const [kind, rest = ""] = [line.slice(0, line.indexOf(" ")), line.slice(line.indexOf(" ") + 1)];
  const arrow = rest.indexOf(" -> ");
  if (kind === "dir") mkdirSync(join(root, rest));
  else if (kind === "file") writeFileSync(join(root, rest), "");
  else if (kind === "symlink" && arrow >= 0) {
    symlinkSync(rest.slice(arrow + 4), join(root, rest.slice(0, arrow)));
  } else throw new Error(`bad fixture line: ${line}`);
}
