import { expect, test } from "bun:test";
import { S_IFCHR, S_IFDIR } from "@ocimount/mount-flags/linux";
import { createFakeSyscalls } from "./fake.ts";
import { SyscallError } from "./SyscallError.ts";
import type { MountAttr } from "./Syscalls.ts";

test("records calls in order, hands out fds and tracks which are open", () => {
  const sys = createFakeSyscalls();
  const a = sys.openat(-100, "/a", 0);
  const b = sys.openTree(a, "", 1);
  sys.moveMount(b, "", a, "", 0x44);
  sys.close(b);
  expect(sys.calls.map((c) => c.op)).toEqual(["openat", "openTree", "moveMount", "close"]);
  expect(sys.calls[1]?.args).toEqual([a, "", 1]);
  expect([...sys.openFds]).toEqual([a]);
  expect(() => sys.close(b)).toThrow(SyscallError);
});

test("records are typed per op: a narrowed call, and argsOf, give the method's own arguments", () => {
  const sys = createFakeSyscalls();
  sys.mountSetattr(7, "", 0x8000, { attrSet: 1, attrClr: 2 });
  sys.mount("src", "/t", null, 0x1000, null);
  const call = sys.calls[0];
  if (call?.op !== "mountSetattr") throw new Error("expected a mountSetattr record");
  const attr: MountAttr = call.args[3];
  expect(attr).toEqual({ attrSet: 1, attrClr: 2 });
  const setattrs = sys.argsOf("mountSetattr");
  expect(setattrs.map(([fd, path, flags, change]) => [fd, path, flags, change.attrClr])).toEqual([
    [7, "", 0x8000, 2],
  ]);
  expect(sys.argsOf("mount").map(([source, target]) => `${source} on ${target}`)).toEqual([
    "src on /t",
  ]);
  expect(sys.argsOf("umount2")).toEqual([]);
});

test("failOn injects an errno; stat and readlink answer as told", () => {
  const sys = createFakeSyscalls({
    failOn: (op, args) => (op === "mkdirat" && args[1] === "x" ? 17 : undefined),
    stat: (_fd, path) =>
      path === "/dev/null" ? { mode: S_IFCHR | 0o666, rdevMajor: 1, rdevMinor: 3 } : {},
    readlink: (_fd, path) => (path === "l" ? "../t" : undefined),
  });
  expect(() => sys.mkdirat(3, "x", 0o755)).toThrow(
    expect.objectContaining({ code: "EEXIST", path: "x" }),
  );
  expect(() => sys.mkdirat(3, "y", 0o755)).not.toThrow();
  expect(sys.statx(-100, "/dev/null", 0)).toMatchObject({
    mode: S_IFCHR | 0o666,
    rdevMajor: 1,
    rdevMinor: 3,
  });
  expect(sys.statx(-100, "/etc", 0).mode).toBe(S_IFDIR | 0o755);
  expect(sys.readlinkat(3, "l")).toBe("../t");
  expect(() => sys.readlinkat(3, "f")).toThrow(expect.objectContaining({ code: "EINVAL" }));
});
