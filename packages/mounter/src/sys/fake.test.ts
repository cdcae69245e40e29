import { expect, test } from "bun:test";
import { S_IFCHR, S_IFDIR } from "@ocimount/mount-flags/linux";
import { createFakeSyscalls } from "./fake.ts";
import { SyscallError } from "./SyscallError.ts";

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
