import { type MountInfoEntry, parseMountInfo, parseMountInfoLine } from "@ocimount/mount-flags";
import { mountTree } from "./mountTree.ts";
import { type MountIds, mountTreeIds, scanMountIds } from "./scanMountIds.ts";

/** A mount of the tree setup built, and where it is (mountinfo's mount point). */
export interface TreeMount {
  mountId: number;
  mountPoint: string;
}

/** What setup needs from its one read of mountinfo after the last step. */
export interface ReadBack {
  /** The full entries of these mounts, for verification (mounts not live are left out). */
  entries(mountIds: Iterable<number>): MountInfoEntry[];
  /** The mount `rootId` and every mount below it, parents first, with their mount points. */
  tree(rootId: number): TreeMount[];
}

/**
 * Indexes mountinfo `text` by mount ID and parses, in full, only the lines asked for: the tree
 * needs the mount point of each of thousands of mounts, verification the whole entry of the few
 * with options to check. Reads the same text the full parser would, with the same answers; a
 * text the quick scan does not understand is parsed in full (and its errors thrown).
 */
export function readBack(text: string): ReadBack {
  const scanned = scanMountIds(text);
  return scanned ? indexed(text, scanned) : parsed(parseMountInfo(text));
}

function parsed(all: readonly MountInfoEntry[]): ReadBack {
  return {
    entries: (ids) => {
      const wanted = new Set(ids);
      return all.filter((m) => wanted.has(m.mountId));
    },
    tree: (rootId) =>
      mountTree(all, rootId).map((m) => ({ mountId: m.mountId, mountPoint: m.mountPoint })),
  };
}

function indexed(text: string, scanned: MountIds): ReadBack {
  const lineOf = new Map<number, number>();
  for (let i = 0; i < scanned.ids.length; i++) lineOf.set(scanned.ids[i] as number, i);
  const line = (i: number) => {
    const start = scanned.starts[i] as number;
    const end = text.indexOf("\n", start);
    return text.slice(start, end < 0 ? text.length : end);
  };
  return {
    entries: (ids) => {
      const out: MountInfoEntry[] = [];
      for (const id of ids) {
        const i = lineOf.get(id);
        if (i !== undefined) out.push(parseMountInfoLine(line(i), i + 1));
      }
      return out;
    },
    tree: (rootId) =>
      mountTreeIds(scanned, rootId).map((mountId) => {
        const i = lineOf.get(mountId) as number;
        return { mountId, mountPoint: mountPointOf(line(i), i + 1) };
      }),
  };
}

/**
 * Field 5 of a mountinfo line. Without a backslash it is the mount point as is; with one (an
 * octal escape) or in a line too short, the full parser decodes it (or throws).
 */
function mountPointOf(line: string, lineNumber: number): string {
  let start = 0;
  for (let field = 0; field < 4; field++) {
    const space = line.indexOf(" ", start);
    if (space < 0) return parseMountInfoLine(line, lineNumber).mountPoint;
    start = space + 1;
  }
  const end = line.indexOf(" ", start);
  const raw = end < 0 ? "" : line.slice(start, end);
  return end < 0 || raw.includes("\\") ? parseMountInfoLine(line, lineNumber).mountPoint : raw;
}
