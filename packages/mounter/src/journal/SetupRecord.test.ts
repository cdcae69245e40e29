import { describe, expect, test } from "bun:test";
import type { JournalEntry } from "./JournalEntry.ts";
import { summarizeJournal } from "./SetupRecord.ts";

const begin: JournalEntry = {
  t: "begin",
  v: 1,
  bundleDir: "/b",
  rootfs: "/b/rootfs",
  rootfsMountIdBefore: 1,
  steps: ["root.path", "mounts[0]", "mounts[1]"],
  pid: 1,
  startedAt: "",
};

describe("summarizeJournal", () => {
  test("a finished setup: mounts, created paths, no pending step", () => {
    const r = summarizeJournal([
      begin,
      { t: "intent", why: "root.path", target: "/" },
      { t: "mounted", why: "root.path", target: "/", mountId: 10, recursive: true },
      { t: "intent", why: "mounts[0]", target: "/a" },
      { t: "created", why: "mounts[0]", paths: ["/a"] },
      { t: "mounted", why: "mounts[0]", target: "/a", mountId: 11, recursive: false },
      { t: "complete", expectations: [], tree: [{ mountId: 10, mountPoint: "/b/rootfs" }] },
    ]);
    expect(r.mounts.map((m) => m.mountId)).toEqual([10, 11]);
    expect(r.created).toEqual(["/a"]);
    expect(r.pending).toEqual([]);
    expect(r.complete?.tree).toHaveLength(1);
  });
  test("killed between intent and mount: the step is pending, setup incomplete", () => {
    const r = summarizeJournal([
      begin,
      { t: "intent", why: "root.path", target: "/" },
      { t: "mounted", why: "root.path", target: "/", mountId: 10, recursive: true },
      { t: "intent", why: "mounts[1]", target: "/c" },
    ]);
    expect(r.pending).toEqual([{ why: "mounts[1]", target: "/c" }]);
    expect(r.complete).toBeUndefined();
  });
});
