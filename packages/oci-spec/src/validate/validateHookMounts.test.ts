import { describe, expect, test } from "bun:test";
import { validateHookMounts } from "./validateHookMounts.ts";

const tmpfs = { destination: "/tmp", type: "tmpfs", source: "tmpfs" };
const bind = { destination: "/srv", type: "bind", source: "/srv", options: ["rbind", "rro"] };

const GOOD = [
  { name: "an array of mounts", doc: [tmpfs, bind], mounts: 2, masked: 0, ro: 0 },
  { name: "an empty array", doc: [], mounts: 0, masked: 0, ro: 0 },
  {
    name: "an object with masks and read-only paths",
    doc: { mounts: [bind], maskedPaths: ["/etc/shadow"], readonlyPaths: ["/proc/sys"] },
    mounts: 1,
    masked: 1,
    ro: 1,
  },
  {
    name: "an object with only masks",
    doc: { maskedPaths: ["/a", "/b"] },
    mounts: 0,
    masked: 2,
    ro: 0,
  },
];

describe("validateHookMounts accepts", () => {
  test.each(GOOD)("$name", ({ doc, mounts, masked, ro }) => {
    const result = validateHookMounts(doc);
    expect(result.issues).toEqual([]);
    const parsed = result.output as NonNullable<typeof result.output>;
    expect(parsed.mounts).toHaveLength(mounts);
    expect(parsed.maskedPaths).toHaveLength(masked);
    expect(parsed.readonlyPaths).toHaveLength(ro);
  });
});

const BAD = [
  { name: "a string", doc: "tmpfs", paths: [""] },
  { name: "null", doc: null, paths: [""] },
  {
    name: "a mount without destination",
    doc: [tmpfs, { type: "tmpfs" }],
    paths: ["/1/destination"],
  },
  {
    name: "a bind without source",
    doc: [{ destination: "/x", type: "bind" }],
    paths: ["/0/source"],
  },
  {
    name: "options that are not strings",
    doc: [{ ...tmpfs, options: ["ro", 7] }],
    paths: ["/0/options/1"],
  },
  {
    name: "a NUL in a destination",
    doc: [{ ...tmpfs, destination: "/a\u0000b" }],
    paths: ["/0/destination"],
  },
  { name: "an unknown key", doc: { mount: [tmpfs] }, paths: ["/mount"] },
  {
    name: "masked paths that are not strings",
    doc: { maskedPaths: [1] },
    paths: ["/maskedPaths/0"],
  },
  {
    name: "every issue, not the first",
    doc: [{ type: "bind" }, { destination: 5 }],
    paths: ["/0/destination", "/1/destination"],
  },
];

describe("validateHookMounts refuses, with every issue's pointer into the document", () => {
  test.each(BAD)("$name", ({ doc, paths }) => {
    const result = validateHookMounts(doc);
    expect(result.success).toBe(false);
    for (const p of paths) expect(result.issues.map((i) => i.path)).toContain(p);
    for (const i of result.issues) expect(i.message).not.toStartWith("/");
  });
});
