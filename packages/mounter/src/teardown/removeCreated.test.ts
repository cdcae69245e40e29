import { describe, expect, test } from "bun:test";
import { ERRNO } from "@ocimount/mount-flags/errors";
import {
  AT_REMOVEDIR,
  O_CLOEXEC,
  O_DIRECTORY,
  O_NOFOLLOW,
  O_PATH,
  S_IFLNK,
} from "@ocimount/mount-flags/linux";
import { createFakeSyscalls, type FakeSyscallsOptions } from "../sys/fake.ts";
import { removeCreated } from "./removeCreated.ts";

const { EMFILE, ENOTEMPTY } = ERRNO;
const HOLD = O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;

interface Row {
  name: string;
  options?: FakeSyscallsOptions;
  hold: boolean;
  removed: string[];
  /** How many fds it leaves in `held`. */
  held: number;
}

const rows: Row[] = [
  { name: "without held: rmdir each, no fd on any", hold: false, removed: ["/a/b", "/a"], held: 0 },
  { name: "with held: one fd per removed directory", hold: true, removed: ["/a/b", "/a"], held: 2 },
  {
    name: "out of fds: removed all the same, nothing held",
    options: { failOn: (op, args) => (op === "openat" && args[2] === HOLD ? EMFILE : undefined) },
    hold: true,
    removed: ["/a/b", "/a"],
    held: 0,
  },
  {
    name: "out of fds after the first: gives the held fd back and holds no more",
    options: {
      failOn: (op, args) =>
        op === "openat" && args[2] === HOLD && args[1] === "a" ? EMFILE : undefined,
    },
    hold: true,
    removed: ["/a/b", "/a"],
    held: 0,
  },
  {
    name: "a directory no longer empty: left alone, its fd closed",
    options: {
      failOn: (op, args) => (op === "unlinkat" && args[1] === "a" ? ENOTEMPTY : undefined),
    },
    hold: true,
    removed: ["/a/b"],
    held: 1,
  },
  {
    name: "a symlink where a directory was: left alone, never opened",
    options: { stat: () => ({ mode: S_IFLNK | 0o777 }) },
    hold: true,
    removed: [],
    held: 0,
  },
];

describe("removeCreated", () => {
  for (const row of rows)
    test(row.name, () => {
      const sys = createFakeSyscalls(row.options);
      const held: number[] = [];
      const { removed, errors } = removeCreated(
        sys,
        "/r",
        ["/a", "/a/b"],
        row.hold ? held : undefined,
      );
      expect(errors).toEqual([]);
      expect(removed).toEqual(row.removed);
      expect(held.length).toBe(row.held);
      // Only the held fds are still open; each was opened right before its directory's rmdir
      // (closes apart).
      expect([...sys.openFds].sort()).toEqual([...held].sort());
      const ops = sys.calls
        .filter((c) => c.op !== "close")
        .map((c) =>
          c.op === "openat" && c.args[2] === HOLD
            ? "hold"
            : c.op === "unlinkat" && c.args[2] === AT_REMOVEDIR
              ? "rmdir"
              : "",
        );
      const holds = ops.flatMap((op, i) => (op === "hold" ? [i] : []));
      for (const i of holds) expect(ops[i + 1]).toBe("rmdir");
      if (!row.hold) expect(holds).toEqual([]);
      expect(holds.length).toBeLessThanOrEqual(ops.filter((op) => op === "rmdir").length);
    });
});
