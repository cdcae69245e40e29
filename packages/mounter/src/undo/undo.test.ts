import { describe } from "bun:test";
import type { HistoryEvent } from "./playHistory.fixture.ts";
import { testUndoRows, type UndoRow } from "./undoRows.fixture.ts";

// Teardown and setup's rollback (the journal's undo set) driven from a made-up mount table, on a
// kernel with 64-bit mount IDs (`unique`) and on one without (`place`: mountinfo text, parsed by
// the production parser). Paths are in the rootfs; `!` marks a host path.

const R = "/b/rootfs";
const SETUP: HistoryEvent[] = [
  { mount: "/" },
  { created: ["/a"] },
  { mount: "/a" },
  { created: ["/b"] },
  { mount: "/b" },
];
const NOTHING_LEFT = { left: [], removed: ["/b", "/a"], errors: [] };

const rows: UndoRow[] = [
  {
    name: "everything recorded is live: one detach of the self-bind, the mountpoints removed",
    events: SETUP,
    expected: { unmounted: ["/"], ...NOTHING_LEFT, fastPath: true, stale: false },
  },
  {
    name: "an rbind's submounts, recorded as brought along, go with it",
    events: [{ mount: "/" }, { mount: "/a", below: ["x", "x/y"] }],
    expected: { unmounted: ["/"], left: [], removed: [], errors: [], fastPath: true },
  },
  {
    name: "ours unmounted by hand, its 32-bit ID handed to a mount elsewhere: that one is not ours",
    events: [...SETUP, { umount: "/b" }, { foreign: "!/srv/new" }],
    expected: { unmounted: ["/"], left: ["!/srv/new"], removed: ["/b", "/a"], errors: [] },
  },
  {
    name: "ours unmounted by hand, its 32-bit ID reused at its very place on the self-bind by another filesystem: told apart by its root",
    events: [...SETUP, { umount: "/b" }, { foreign: "/b" }],
    expected: { unmounted: ["/a"], left: ["/", "/b"], removed: [], errors: ["EFOREIGN"] },
  },
  {
    name: "ours unmounted by hand, its 32-bit ID reused at its very place by a bind of the same source",
    events: [...SETUP, { umount: "/b" }, { foreign: "/b", sameRoot: true }],
    placeCannotTell: true,
    expected: {
      unique: { unmounted: ["/a"], left: ["/", "/b"], removed: [], errors: ["EFOREIGN"] },
      place: { unmounted: ["/"], ...NOTHING_LEFT, fastPath: true },
    },
  },
  {
    name: "a foreign mount stacked on top of ours: it, ours below it and the self-bind stay",
    events: [...SETUP, { foreign: "/b" }],
    expected: { unmounted: ["/a"], left: ["/", "/b", "/b"], removed: [], errors: ["EFOREIGN"] },
  },
  {
    name: "a foreign mount tucked beneath ours (MOVE_MOUNT_BENEATH): it and the self-bind stay",
    events: [...SETUP, { foreign: "/b", beneath: true }],
    expected: {
      // With 64-bit IDs ours on top of it is still ours; by place its parent is no longer proven.
      unique: { unmounted: ["/b", "/a"], left: ["/", "/b"], removed: [], errors: ["EFOREIGN"] },
      place: { unmounted: ["/a"], left: ["/", "/b", "/b"], removed: [], errors: ["EFOREIGN"] },
    },
  },
  {
    name: "a foreign mount under ours: it, ours above it and the self-bind stay",
    events: [...SETUP, { foreign: "/a/user" }],
    expected: {
      unmounted: ["/b"],
      left: ["/", "/a", "/a/user"],
      removed: [],
      errors: ["EFOREIGN"],
    },
  },
  {
    name: "a foreign mount beside ours in the rootfs: ours go one by one, the self-bind stays",
    events: [...SETUP, { foreign: "/user" }],
    expected: { unmounted: ["/a", "/b"], left: ["/", "/user"], removed: [], errors: ["EFOREIGN"] },
  },
  {
    name: "a foreign mount outside the rootfs, on the bundle's mount, is not in the way",
    events: [...SETUP, { foreign: "!/b/other" }],
    expected: {
      unmounted: ["/"],
      left: ["!/b/other"],
      removed: ["/b", "/a"],
      errors: [],
      fastPath: true,
    },
  },
  {
    name: "a crash between attach and record: the pending mount found by place and newer ID",
    events: [
      { mount: "/" },
      { created: ["/a"] },
      { mount: "/a" },
      { created: ["/c"] },
      { crash: "/c", attached: true },
    ],
    expected: { unmounted: ["/a", "/c", "/"], left: [], removed: ["/c", "/a"], errors: [] },
  },
  {
    name: "a crash before the attach: nothing at the pending place, the rest undone",
    events: [
      { mount: "/" },
      { mount: "/a" },
      { created: ["/c"] },
      { crash: "/c", attached: false },
    ],
    expected: { unmounted: ["/a", "/"], left: [], removed: ["/c"], errors: [] },
  },
  {
    name: "a crash, then a foreign mount on the pending step's mount: both stay, it is still ours",
    events: [{ mount: "/" }, { mount: "/a" }, { crash: "/c", attached: true }, { foreign: "/c" }],
    expected: { unmounted: ["/a"], left: ["/", "/c", "/c"], removed: [], errors: ["EFOREIGN"] },
  },
  {
    name: "a crash, then a newer mount elsewhere in the rootfs: not the pending step's",
    events: [
      { mount: "/" },
      { mount: "/a" },
      { crash: "/c", attached: false },
      { foreign: "/late" },
    ],
    expected: { unmounted: ["/a"], left: ["/", "/late"], removed: [], errors: ["EFOREIGN"] },
  },
  {
    name: "stale: every mount of setup unmounted by hand; nothing touched, nothing removed",
    events: [...SETUP, { umount: "/" }],
    expected: { unmounted: [], left: [], removed: [], errors: [], stale: true },
  },
  {
    name: "stale, the freed 32-bit IDs handed out again outside the rootfs: none of those is ours",
    events: [
      ...SETUP,
      { umount: "/" },
      { foreign: "!/srv/x" },
      { foreign: "!/srv/y" },
      { foreign: "!/srv/z" },
    ],
    expected: {
      unmounted: [],
      left: ["!/srv/x", "!/srv/y", "!/srv/z"],
      removed: [],
      errors: [],
      stale: true,
    },
  },
  {
    name: "a set made in another mount namespace: refused, nothing unmounted or removed",
    events: SETUP,
    alter: (set) => ({ ...set, mntns: set.mntns + 1 }),
    refused: "ENAMESPACE",
    expected: { unmounted: [], left: ["/", "/a", "/b"], removed: [], errors: [] },
  },
];

describe.each(["unique", "place"] as const)("undo of setup's journal (%s IDs)", (kernel) =>
  testUndoRows(kernel, { rootfs: R, recorder: "journal", host: ["/srv", "/b"] }, rows),
);
