import { expect, test } from "bun:test";
import { parseMountInfo } from "@ocimount/mount-flags";
import { AT_FDCWD } from "@ocimount/mount-flags/linux";
import { liveTree } from "../undo/liveMounts.ts";
import { identifyAt } from "../undo/MountIdentity.ts";
import { fakeMountTable } from "./fakeMountTable.fixture.ts";

test("both kernels serve the same table: statmount/listmount, and mountinfo text", () => {
  const trees = (["unique", "place"] as const).map((kernel) => {
    const table = fakeMountTable({ kernel, host: ["/b", "/b/root fs", "/b/root fs/a"] });
    const base = identifyAt(table.sys, AT_FDCWD, "/b", 0);
    expect(base.unique !== 0).toBe(kernel === "unique");
    const entries = parseMountInfo(table.sys.mountInfo());
    expect(entries.map((e) => [e.mountId, e.parentId, e.mountPoint])).toEqual([
      [1, 1, "/"],
      [2, 1, "/b"],
      [3, 2, "/b/root fs"],
      [4, 3, "/b/root fs/a"],
    ]);
    return liveTree(table.sys, kernel, base)?.map((m) => [m.id, m.at]);
  });
  expect(trees[0]).toEqual([
    [2, "/b"],
    [3, "/b/root fs"],
    [4, "/b/root fs/a"],
  ]);
  expect(trees[1]).toEqual(trees[0]);
});

test("freed 32-bit IDs come back, 64-bit ones never; detach takes the mounts below", () => {
  const table = fakeMountTable({ kernel: "unique", host: ["/x", "/x/y", "/z"] });
  const gone = table.live.find((m) => m.at === "/x");
  if (!gone) throw new Error("no /x");
  table.detach("/x");
  expect(table.live.map((m) => m.at)).toEqual(["/", "/z"]);
  const again = table.attach("/w");
  expect(again.id).toBe(gone.id);
  expect(again.unique).toBeGreaterThan(Math.max(...table.live.slice(0, -1).map((m) => m.unique)));
  expect(() => table.sys.statmount(gone.unique)).toThrow(
    expect.objectContaining({ code: "ENOENT" }),
  );
});
