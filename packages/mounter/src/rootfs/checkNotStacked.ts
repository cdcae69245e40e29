import { readdirSync } from "node:fs";
import { join, posix } from "node:path";
import { parseMountInfo } from "@ocimount/mount-flags";
import { MountError } from "../errors.ts";
import type { BeginEntry } from "../journal/JournalEntry.ts";
import { readJournal } from "../journal/readJournal.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import type { DirIdentity } from "./checkRootfs.ts";

/**
 * Refuses (`MountError` `EALREADY`) a rootfs that already carries a setup's mounts, whatever
 * state dir that setup used: the top mount at the rootfs is the rootfs bound onto itself (same
 * filesystem as the mount below it, and that mount's own directory at this place), which is
 * what setup's self-bind looks like. The journal is named when one of `stateDirs` has it (by the
 * rootfs's device and inode); else the error says how to find it.
 */
export function checkNotStacked(
  sys: Syscalls,
  rootfs: DirIdentity,
  stateDirs: readonly string[],
): void {
  const table = parseMountInfo(sys.mountInfo());
  const top = table.filter((m) => m.mountPoint === rootfs.real).at(-1);
  if (!top) return;
  const below = table.find((m) => m.mountId === top.parentId);
  if (!below || below.major !== top.major || below.minor !== top.minor) return;
  const rel = posix.relative(below.mountPoint, rootfs.real);
  if (rel.startsWith("..") || top.root !== posix.join(below.root, rel)) return;
  const journal = findJournal(rootfs, stateDirs);
  throw new MountError({
    code: "EALREADY",
    op: "setup",
    summary: "already set up",
    where: "root.path",
    target: rootfs.real,
    detail: journal
      ? `the rootfs already carries a setup's mounts (journal ${journal}); tear that down first`
      : `the rootfs is already bound onto itself (mount ${top.mountId}), as setup leaves it; find its journal with ocimount list --state-dir DIR`,
  });
}

function findJournal(rootfs: DirIdentity, stateDirs: readonly string[]): string | undefined {
  for (const dir of stateDirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.endsWith(".jsonl")) continue;
      try {
        const begin = readJournal(join(dir, name))?.[0] as BeginEntry | undefined;
        if (begin?.rootfsDev === rootfs.dev && begin.rootfsIno === rootfs.ino)
          return join(dir, name);
      } catch {}
    }
  }
  return undefined;
}
