import { expect, test } from "bun:test";
import { HookError } from "./HookError.ts";
import { parseHookMounts } from "./parseHookMounts.ts";

// The rules are oci-spec's validateHookMounts (tested there); this is how the hook reports them.

test("a valid document is the hook's mounts", () => {
  const tmpfs = { destination: "/tmp", type: "tmpfs", source: "tmpfs" };
  expect(parseHookMounts({ mounts: [tmpfs], maskedPaths: ["/a"] }, "m.json")).toEqual({
    mounts: [tmpfs],
    maskedPaths: ["/a"],
    readonlyPaths: [],
  });
});

test("an invalid one is HookError EINVALID naming the document, with every issue", () => {
  let error: unknown;
  try {
    parseHookMounts([{ type: "bind" }, { destination: 5 }], "m.json");
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(HookError);
  expect(error).toMatchObject({ code: "EINVALID", op: "read mounts", path: "m.json" });
  const e = error as HookError;
  expect(e.issues.map((i) => i.path)).toEqual(
    expect.arrayContaining(["/0/destination", "/1/destination"]),
  );
  expect(e.detail).toMatch(/^invalid mounts: .+ \(and \d+ more\)$/);
});
