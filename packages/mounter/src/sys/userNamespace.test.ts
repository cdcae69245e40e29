import { expect, test } from "bun:test";
import { readlinkSync } from "node:fs";
import { createSyscalls } from "./ffi.ts";

const sys = createSyscalls();
const root = process.geteuid?.() === 0;

test.skipIf(!root)(
  `userNamespace: an fd of a new user namespace with the maps asked${root ? "" : " [skipped: mapping uid 1000 needs root]"}`,
  () => {
    const fd = sys.userNamespace("0 1000 1\n", "0 1000 1\n");
    try {
      const ns = sys.fdPath(fd);
      expect(ns).toMatch(/^user:\[\d+\]$/);
      expect(ns).not.toBe(readlinkSync("/proc/self/ns/user"));
    } finally {
      sys.close(fd);
    }
  },
);

test.skipIf(root)(
  `userNamespace: a map the caller may not write is a SyscallError naming the file${root ? " [skipped as root: root may write any map]" : ""}`,
  () => {
    // Without CAP_SETGID, gid_map cannot be written before setgroups is denied.
    expect(() => sys.userNamespace(`0 ${process.getuid?.()} 1\n`, "0 0 1\n")).toThrow(
      expect.objectContaining({ errnoName: "EPERM", path: expect.stringMatching(/_map$/) }),
    );
  },
);
