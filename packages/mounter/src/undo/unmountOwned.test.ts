import { describe, expect, test } from "bun:test";
import { type FakeKernel, fakeMountTable } from "../sys/fakeMountTable.fixture.ts";
import { type HistoryEvent, playHistory } from "./playHistory.fixture.ts";
import { unmountOwned } from "./unmountOwned.ts";

const R = "/b/rootfs";
const SETUP: HistoryEvent[] = [{ mount: "/" }, { mount: "/a" }, { mount: "/b" }];

/** A table (`/b` on the host root) where setup's history ran, and the set teardown reads. */
function afterSetup(kernel: FakeKernel, more: HistoryEvent[] = []) {
  const table = fakeMountTable({ kernel, host: ["/b"] });
  const { set, foreign } = playHistory(table, [...SETUP, ...more], {
    rootfs: R,
    recorder: "journal",
  });
  const ids = () => table.live.map((m) => m.at);
  return { table, set, foreign, ids };
}

const codes = (errors: Error[]) => errors.map((e) => (e as { code?: string }).code);

describe.each(["unique", "place"] as const)("unmountOwned (%s IDs)", (kernel) => {
  test("every mount ours: one detach of the self-bind", () => {
    const { table, set } = afterSetup(kernel);
    const out = unmountOwned(table.sys, set);
    expect(out).toMatchObject({ fastPath: true, unmounted: 3, stale: false, errors: [] });
    expect(table.unmounted.map((m) => m.at)).toEqual([R]);
    expect(table.sys.argsOf("umount2")).toHaveLength(1);
  });

  test("a foreign mount under ours: ours go one by one, it and those above it stay, reported", () => {
    const { table, set, foreign, ids } = afterSetup(kernel, [{ foreign: "/a/user" }]);
    const out = unmountOwned(table.sys, set);
    expect(out.fastPath).toBe(false);
    expect(table.unmounted.map((m) => m.at)).toEqual([`${R}/b`]);
    expect(ids()).toEqual(["/", "/b", R, `${R}/a`, `${R}/a/user`]);
    expect(out.foreign).toEqual([expect.objectContaining({ id: foreign[0]?.id })]);
    expect(codes(out.errors)).toEqual(["EFOREIGN"]);
    expect(String(out.errors[0]?.message)).toContain(
      `mount ${foreign[0]?.id} at ${R}/a/user was not made by setup`,
    );
  });

  test("a mount covering ours at its place is never unmounted in its stead", () => {
    const { table, set, ids } = afterSetup(kernel);
    const self = table.live.find((m) => m.at === R);
    table.attach(`${R}/b`, { parent: self });
    const out = unmountOwned(table.sys, set);
    // b is covered (its path reaches the cover), the self-bind has a foreign child: both stay.
    expect(table.unmounted.map((m) => m.at)).toEqual([`${R}/a`]);
    expect(ids()).toEqual(["/", "/b", R, `${R}/b`, `${R}/b`]);
    expect(out.errors.map((e) => e.message)).toContainEqual(
      expect.stringMatching(/mount \d+ is covered by mount \d+, not made by setup/),
    );
  });
});

test("unique IDs: the 32-bit IDs handed out again at the very places: stale, nothing unmounted", () => {
  const { table, set } = afterSetup("unique", [
    { umount: "/" },
    { foreign: "/" },
    { foreign: "/a" },
    { foreign: "/b" },
  ]);
  // The kernel gave the new mounts the 32-bit IDs setup's had, at the same places.
  expect(table.live.slice(2).map((m) => m.id)).toEqual(set.mounts.map((m) => m.mount.id));
  const out = unmountOwned(table.sys, set);
  expect(out).toMatchObject({ stale: true, unmounted: 0 });
  expect(table.unmounted).toEqual([]);
  expect(table.sys.argsOf("umount2")).toEqual([]);
});
