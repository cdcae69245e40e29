import { describe, expect, test } from "bun:test";
import type { MountIdentity } from "../undo/MountIdentity.ts";
import type { JournalEntry } from "./JournalEntry.ts";
import { summarizeJournal, undoSetOf } from "./SetupRecord.ts";

const base: MountIdentity = { id: 1, unique: 100, parent: 0, parentUnique: 0, at: "/" };
const begin: JournalEntry = {
  t: "begin",
  v: 2,
  bundleDir: "/b",
  bundleDev: "1",
  bundleIno: "2",
  rootfs: "/b/rootfs",
  rootfsReal: "/b/rootfs",
  rootfsDev: "1",
  rootfsIno: "3",
  mntns: 4026531841,
  proof: "unique",
  base,
  steps: ["root.path", "mounts[0]", "mounts[1]"],
  pid: 1,
  startedAt: "",
};
const id = (n: number, at: string): MountIdentity => ({
  id: n,
  unique: 1000 + n,
  parent: 0,
  parentUnique: 0,
  at,
});

describe("summarizeJournal", () => {
  test("a finished setup: mounts, created paths, no pending step", () => {
    const r = summarizeJournal([
      begin,
      { t: "intent", why: "root.path", target: "/", at: "/b/rootfs", after: 100 },
      {
        t: "mounted",
        why: "root.path",
        target: "/",
        recursive: true,
        mount: id(10, "/b/rootfs"),
        below: [],
      },
      { t: "intent", why: "mounts[0]", target: "/a", at: "/b/rootfs/a", after: 1010 },
      { t: "created", why: "mounts[0]", paths: ["/a"] },
      {
        t: "mounted",
        why: "mounts[0]",
        target: "/a",
        recursive: true,
        mount: id(11, "/b/rootfs/a"),
        below: [id(12, "/b/rootfs/a/x")],
      },
      { t: "complete", expectations: [] },
    ]);
    expect(r.mounts.map((m) => m.mountId)).toEqual([10, 11]);
    expect(r.created).toEqual(["/a"]);
    expect(r.pending).toEqual([]);
    const set = undoSetOf(r);
    expect(set.self?.unique).toBe(1010);
    expect(set.mounts.map((m) => m.mount.unique)).toEqual([1010, 1011, 1012]);
    expect(set.rootfs).toBe("/b/rootfs");
  });
  test("killed between intent and mount: the step is pending, with its place and ID mark", () => {
    const r = summarizeJournal([
      begin,
      { t: "intent", why: "root.path", target: "/", at: "/b/rootfs", after: 100 },
      {
        t: "mounted",
        why: "root.path",
        target: "/",
        recursive: true,
        mount: id(10, "/b/rootfs"),
        below: [],
      },
      { t: "intent", why: "mounts[1]", target: "/c", at: "/b/rootfs/c", after: 1010 },
    ]);
    expect(r.pending).toEqual([{ why: "mounts[1]", target: "/c", at: "/b/rootfs/c", after: 1010 }]);
    expect(r.complete).toBeUndefined();
    expect(undoSetOf(r).pending).toEqual([
      { why: "mounts[1]", at: "/b/rootfs/c", target: "/c", after: 1010 },
    ]);
  });
  test("killed right after the self-bind's intent: its pending entry names the rootfs's mount", () => {
    const r = summarizeJournal([
      begin,
      { t: "intent", why: "root.path", target: "/", at: "/b/rootfs", after: 100 },
    ]);
    expect(undoSetOf(r).pending[0]?.parent).toEqual(base);
  });
});
