import { describe, expect, test } from "bun:test";
import {
  MOUNT_ATTR__ATIME,
  MOUNT_ATTR_NOATIME,
  MOUNT_ATTR_NOSUID,
  MOUNT_ATTR_RDONLY,
  MOUNT_ATTR_STRICTATIME,
  type MountInfoEntry,
} from "@ocimount/mount-flags";
import { expectFromAttr } from "../attrs/attrChange.ts";
import { checkExpectation } from "./checkExpectation.ts";
import type { Expectation } from "./Expectation.ts";
import { verifyMounts } from "./verifyMounts.ts";

const live = (
  mountOptions: string[],
  propagation: MountInfoEntry["propagation"] = "private",
): MountInfoEntry => ({
  mountId: 7,
  parentId: 1,
  major: 0,
  minor: 1,
  root: "/",
  mountPoint: "/r/x",
  mountOptions,
  optionalFields: [],
  propagation,
  fsType: "tmpfs",
  source: "tmpfs",
  superOptions: ["rw"],
});
const e = (
  on: string[],
  off: string[] = [],
  propagation?: Expectation["propagation"],
): Expectation => ({
  why: "mounts[0]",
  mountId: 7,
  on,
  off,
  ...(propagation ? { propagation } : {}),
});

describe("expectFromAttr", () => {
  const cases = [
    { name: "ro set", set: MOUNT_ATTR_RDONLY, clr: 0, want: { on: ["ro"], off: [] } },
    { name: "ro cleared means rw", set: 0, clr: MOUNT_ATTR_RDONLY, want: { on: ["rw"], off: [] } },
    { name: "nosuid cleared", set: 0, clr: MOUNT_ATTR_NOSUID, want: { on: [], off: ["nosuid"] } },
    {
      name: "noatime",
      set: MOUNT_ATTR_NOATIME,
      clr: MOUNT_ATTR__ATIME,
      want: { on: ["noatime"], off: [] },
    },
    {
      name: "strictatime shows neither",
      set: MOUNT_ATTR_STRICTATIME,
      clr: MOUNT_ATTR__ATIME,
      want: { on: [], off: ["noatime", "relatime"] },
    },
    {
      name: "relatime is the zero mode",
      set: 0,
      clr: MOUNT_ATTR__ATIME,
      want: { on: ["relatime"], off: [] },
    },
    {
      name: "atime untouched is not checked",
      set: MOUNT_ATTR_NOSUID,
      clr: 0,
      want: { on: ["nosuid"], off: [] },
    },
  ];
  for (const c of cases)
    test(c.name, () => expect(expectFromAttr({ attrSet: c.set, attrClr: c.clr })).toEqual(c.want));
});

describe("checkExpectation", () => {
  const cases: ReadonlyArray<{ name: string; e: Expectation; live?: MountInfoEntry; ok: boolean }> =
    [
      {
        name: "all present",
        e: e(["ro", "nosuid"]),
        live: live(["ro", "nosuid", "relatime"]),
        ok: true,
      },
      { name: "ro missing", e: e(["ro"]), live: live(["rw", "relatime"]), ok: false },
      {
        name: "forbidden word present",
        e: e([], ["noexec"]),
        live: live(["rw", "noexec"]),
        ok: false,
      },
      {
        name: "propagation matches",
        e: e([], [], "shared"),
        live: live(["rw"], "shared"),
        ok: true,
      },
      {
        name: "propagation differs",
        e: e([], [], "shared"),
        live: live(["rw"], "private"),
        ok: false,
      },
      {
        name: "slave of nothing reads private",
        e: e([], [], "slave"),
        live: live(["rw"], "private"),
        ok: true,
      },
      { name: "mount gone", e: e(["rw"]), ok: false },
    ];
  for (const c of cases)
    test(c.name, () => expect(checkExpectation(c.e, c.live) === "").toBe(c.ok));
});

describe("verifyMounts", () => {
  test("a mismatch is MountError EVERIFY naming the step", () => {
    expect(() => verifyMounts([e(["ro"])], [live(["rw"])])).toThrow(
      expect.objectContaining({ code: "EVERIFY", where: "mounts[0]" }),
    );
  });
  test("matches pass quietly", () => {
    expect(() => verifyMounts([e(["rw"])], [live(["rw"])])).not.toThrow();
  });
});
