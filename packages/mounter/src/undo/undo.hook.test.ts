import { describe } from "bun:test";
import { testUndoRows, type UndoRow } from "./undoRows.fixture.ts";

// The hook's rollback (its in-memory undo set: no self-bind, its mounts on the runtime's) driven
// from a made-up mount table, with 64-bit mount IDs and without.

const rows: UndoRow[] = [
  {
    name: "hook rollback: its mounts, on the runtime's, each alone; the mountpoints it made removed",
    events: [{ created: ["/dev/x"] }, { mount: "/dev/x" }, { created: ["/y"] }, { mount: "/y" }],
    expected: { unmounted: ["/dev/x", "/y"], left: [], removed: ["/y", "/dev/x"], errors: [] },
  },
  {
    name: "hook rollback after a failure between attach and record: found by place, any parent",
    events: [{ mount: "/y" }, { crash: "/dev/x", attached: true }],
    expected: { unmounted: ["/dev/x", "/y"], left: [], removed: [], errors: [] },
  },
  {
    name: "hook: a mount at the pending place from before the hook began is not the step's",
    host: ["/c/rootfs", "/c/rootfs/dev", "/c/rootfs/dev/x"],
    events: [{ crash: "/dev/x", attached: false }],
    expected: { unmounted: [], left: [], removed: [], errors: [], stale: false },
  },
];

describe.each(["unique", "place"] as const)("undo of the hook's run (%s IDs)", (kernel) =>
  testUndoRows(
    kernel,
    { rootfs: "/c/rootfs", recorder: "hook", host: ["/c/rootfs", "/c/rootfs/dev"] },
    rows,
  ),
);
