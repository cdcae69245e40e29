import { posix } from "node:path";
import { AT_SYMLINK_NOFOLLOW } from "@ocimount/mount-flags";
import { AT_FDCWD, O_CLOEXEC, O_PATH } from "@ocimount/mount-flags/linux";
import { memoryRecorder } from "../execute/memoryRecorder.ts";
import type { Recorder } from "../execute/Recorder.ts";
import { hookStart } from "../hook/hookStart.ts";
import type { BeginEntry, JournalEntry } from "../journal/JournalEntry.ts";
import { summarizeJournal, undoSetOf } from "../journal/SetupRecord.ts";
import type { FakeMount, FakeMountTable } from "../sys/fakeMountTable.fixture.ts";
import { identifyAt, identifyMount } from "./MountIdentity.ts";
import type { UndoSet } from "./UndoSet.ts";

/**
 * One event of a history played against a fake mount table. Paths are in-root (`/a`) unless
 * they start with `!`, which makes them absolute on the host (`!/srv`).
 *  - `{ mount, below? }`: a step attaches a mount at `mount` (with an rbind's submounts at
 *    `mount + below[i]`) and records it; `mount: "/"` is setup's self-bind (`root.path`).
 *  - `{ crash, attached }`: a step announces its attach (intent) and the run stops before it
 *    records the mount: after attaching it, or before.
 *  - `{ created }`: mountpoints a step made.
 *  - `{ foreign, beneath?, sameRoot? }`: someone else mounts there afterwards (on top of what is
 *    there, or tucked beneath it, as `move_mount(MOVE_MOUNT_BENEATH)` does, Linux 6.5); with
 *    `sameRoot`, with the root the step's mount there had (a bind of the same source again).
 *  - `{ umount }`: someone unmounts the top mount there, with everything below it.
 */
export type HistoryEvent =
  | { mount: string; below?: readonly string[] }
  | { crash: string; attached: boolean }
  | { created: readonly string[] }
  | { foreign: string; beneath?: boolean; sameRoot?: boolean }
  | { umount: string };

/** Where the history runs: a bundle's rootfs, and who records it. */
export interface HistoryOptions {
  rootfs: string;
  /** `journal`: setup's (folded as teardown reads it); `hook`: the hook's in-memory recorder. */
  recorder: "journal" | "hook";
}

/** What a played history leaves: the undo set, and the mounts others made. */
export interface PlayedHistory {
  /** What rollback or teardown would get. */
  set: UndoSet;
  /** The mounts the `foreign` events attached (no undo may ever touch one). */
  foreign: FakeMount[];
}

/**
 * Plays `events` against `table` the way the executor runs steps (intent, attach, identify the
 * new mount through an fd with the production `identifyMount`, record; the journal's base from
 * `identifyAt`, the hook's start from `hookStart`), lets the other events happen, and returns
 * the undo set rollback or teardown would get: for `journal`, the journal entries folded by
 * `summarizeJournal` and `undoSetOf` (what teardown reads); for `hook`, the hook's
 * `memoryRecorder(...).undoSet()`.
 */
export function playHistory(
  table: FakeMountTable,
  events: readonly HistoryEvent[],
  options: HistoryOptions,
): PlayedHistory {
  const foreign: FakeMount[] = [];
  const { sys } = table;
  const { rootfs } = options;
  const place = (path: string) =>
    path.startsWith("!") ? path.slice(1) : path === "/" ? rootfs : posix.join(rootfs, path);
  const entries: JournalEntry[] = [];
  let after = 0;
  let recorder: Recorder;
  if (options.recorder === "journal") {
    const begin = beginEntry(table, rootfs);
    after = begin.base.unique;
    entries.push(begin);
    recorder = journalEntries(entries);
  } else {
    const start = hookStart(sys, { bundleDir: "/b", rootfs, steps: [], warnings: [] });
    after = start.after;
    recorder = memoryRecorder(start);
  }
  let step = 0;
  /** The filesystem of the last mount a step attached at each place. */
  const devAt = new Map<string, number>();
  for (const e of events) {
    if ("mount" in e || "crash" in e) {
      const target = "mount" in e ? e.mount : e.crash;
      const why = target === "/" ? "root.path" : `mounts[${step++}]`;
      const at = place(target);
      recorder.intent({ why, target, at, after });
      if ("crash" in e) {
        if (e.attached) table.attach(at);
        continue;
      }
      devAt.set(at, table.attach(at).dev);
      for (const sub of e.below ?? []) table.attach(posix.join(at, sub));
      const recursive = target === "/" || e.below !== undefined;
      const fd = sys.openat(AT_FDCWD, at, O_PATH | O_CLOEXEC);
      const { mount, below } = identifyMount(sys, fd, recursive);
      sys.close(fd);
      for (const id of [mount, ...below]) after = Math.max(after, id.unique);
      recorder.mounted({ why, target, mountId: mount.id, recursive, identity: mount, below });
    } else if ("created" in e) recorder.created(`mounts[${step}]`, [...e.created]);
    else if ("foreign" in e) {
      const at = place(e.foreign);
      const dev = e.sameRoot ? devAt.get(at) : undefined;
      foreign.push(table.attach(at, { beneath: e.beneath ?? false, ...(dev ? { dev } : {}) }));
    } else table.detach(place(e.umount));
  }
  const set =
    options.recorder === "journal" ? undoSetOf(summarizeJournal(entries)) : recorder.undoSet();
  return { set, foreign };
}

/** The journal's first line for a setup of `rootfs` now: this namespace, this kernel's proof. */
function beginEntry(table: FakeMountTable, rootfs: string): BeginEntry {
  const base = identifyAt(table.sys, AT_FDCWD, rootfs, AT_SYMLINK_NOFOLLOW);
  return {
    t: "begin",
    v: 2,
    bundleDir: "/b",
    bundleDev: "0:1",
    bundleIno: "2",
    rootfs,
    rootfsReal: rootfs,
    rootfsDev: "0:1",
    rootfsIno: "3",
    mntns: table.mntns,
    proof: base.unique ? "unique" : "place",
    base,
    steps: [],
    pid: 1,
    startedAt: "2025-01-01T00:00:00.000Z",
  };
}

/** A recorder writing journal entries (what `journalRecorder` appends), nothing else. */
function journalEntries(entries: JournalEntry[]): Recorder {
  return {
    begin() {},
    intent: (intent) => entries.push({ t: "intent", ...intent }),
    mounted: (m) =>
      entries.push({
        t: "mounted",
        why: m.why,
        target: m.target,
        recursive: m.recursive,
        mount: m.identity,
        below: m.below,
      }),
    created: (why, paths) => entries.push({ t: "created", why, paths }),
    complete() {},
    undoSet: () => undoSetOf(summarizeJournal(entries)),
    discard() {},
    close() {},
  };
}
