import { describe, expect, test } from "bun:test";
import {
  type AtimeMode,
  effectiveAtime,
  MOUNT_ATTR__ATIME,
  MOUNT_ATTR_NOATIME,
  MOUNT_ATTR_NODIRATIME,
  MOUNT_ATTR_RELATIME,
  MOUNT_ATTR_STRICTATIME,
  MS_NOATIME,
  MS_NODIRATIME,
  MS_RELATIME,
  MS_STRICTATIME,
  parseMountOptions,
} from "./index.ts";
import { rec, result } from "./parseMountOptions.fixture.ts";

// Per-mount access time: each option sets or clears its own bit, in order (runc's specconv and
// util-linux libmount both do this), then the kernel ranks the bits left: strictatime beats
// noatime beats relatime (fs/namespace.c path_mount). [name, options, flags, clearFlags, mode]
const atimeRows: [string, string[], number, number, AtimeMode | undefined][] = [
  ["noatime then relatime", ["noatime", "relatime"], MS_NOATIME | MS_RELATIME, 0, "noatime"],
  ["relatime then noatime", ["relatime", "noatime"], MS_NOATIME | MS_RELATIME, 0, "noatime"],
  [
    "noatime then strictatime",
    ["noatime", "strictatime"],
    MS_NOATIME | MS_STRICTATIME,
    0,
    "strictatime",
  ],
  [
    "strictatime then noatime",
    ["strictatime", "noatime"],
    MS_NOATIME | MS_STRICTATIME,
    0,
    "strictatime",
  ],
  [
    "relatime then strictatime",
    ["relatime", "strictatime"],
    MS_RELATIME | MS_STRICTATIME,
    0,
    "strictatime",
  ],
  [
    "strictatime then relatime",
    ["strictatime", "relatime"],
    MS_RELATIME | MS_STRICTATIME,
    0,
    "strictatime",
  ],
  ["noatime then atime", ["noatime", "atime"], 0, MS_NOATIME, undefined],
  ["atime then noatime", ["atime", "noatime"], MS_NOATIME, 0, "noatime"],
  ["relatime then norelatime", ["relatime", "norelatime"], 0, MS_RELATIME, undefined],
  ["norelatime then relatime", ["norelatime", "relatime"], MS_RELATIME, 0, "relatime"],
  [
    "strictatime then nostrictatime",
    ["strictatime", "nostrictatime"],
    0,
    MS_STRICTATIME,
    undefined,
  ],
  [
    "nostrictatime then strictatime",
    ["nostrictatime", "strictatime"],
    MS_STRICTATIME,
    0,
    "strictatime",
  ],
  [
    "noatime then norelatime keeps noatime",
    ["noatime", "norelatime"],
    MS_NOATIME,
    MS_RELATIME,
    "noatime",
  ],
  [
    "noatime then nostrictatime keeps noatime",
    ["noatime", "nostrictatime"],
    MS_NOATIME,
    MS_STRICTATIME,
    "noatime",
  ],
  [
    "strictatime then atime keeps strictatime",
    ["strictatime", "atime"],
    MS_STRICTATIME,
    MS_NOATIME,
    "strictatime",
  ],
  [
    "relatime then atime keeps relatime",
    ["relatime", "atime"],
    MS_RELATIME,
    MS_NOATIME,
    "relatime",
  ],
  [
    "strictatime,noatime then nostrictatime is noatime",
    ["strictatime", "noatime", "nostrictatime"],
    MS_NOATIME,
    MS_STRICTATIME,
    "noatime",
  ],
  [
    "noatime,relatime then atime is relatime",
    ["noatime", "relatime", "atime"],
    MS_RELATIME,
    MS_NOATIME,
    "relatime",
  ],
  ["atime alone clears only noatime", ["atime"], 0, MS_NOATIME, undefined],
  [
    "nodiratime is separate from noatime",
    ["noatime", "nodiratime", "relatime"],
    MS_NOATIME | MS_RELATIME | MS_NODIRATIME,
    0,
    "noatime",
  ],
  [
    "diratime does not touch the modes",
    ["strictatime", "diratime"],
    MS_STRICTATIME,
    MS_NODIRATIME,
    "strictatime",
  ],
];

describe("access-time bits, then the kernel's ranking", () => {
  test.each(atimeRows)("%s", (_name, options, flags, clearFlags, mode) => {
    const parsed = parseMountOptions(options);
    expect(parsed).toEqual(result({ flags, clearFlags }));
    expect(effectiveAtime(parsed.flags)).toBe(mode);
  });
});

// Recursive access time: the whole MOUNT_ATTR__ATIME mask is always cleared.
const recursiveAtimeRows: [string, string[], number][] = [
  ["rnoatime then rrelatime", ["rnoatime", "rrelatime"], MOUNT_ATTR_RELATIME],
  ["rrelatime then rnoatime", ["rrelatime", "rnoatime"], MOUNT_ATTR_NOATIME],
  ["rnoatime then rstrictatime", ["rnoatime", "rstrictatime"], MOUNT_ATTR_STRICTATIME],
  ["rstrictatime then rnoatime", ["rstrictatime", "rnoatime"], MOUNT_ATTR_NOATIME],
  ["rstrictatime then rrelatime", ["rstrictatime", "rrelatime"], MOUNT_ATTR_RELATIME],
  ["rrelatime then rstrictatime", ["rrelatime", "rstrictatime"], MOUNT_ATTR_STRICTATIME],
  ["rnoatime then ratime is relatime", ["rnoatime", "ratime"], MOUNT_ATTR_RELATIME],
  ["ratime then rnoatime", ["ratime", "rnoatime"], MOUNT_ATTR_NOATIME],
  [
    "rstrictatime then ratime keeps strictatime",
    ["rstrictatime", "ratime"],
    MOUNT_ATTR_STRICTATIME,
  ],
  [
    "rstrictatime then rnostrictatime is relatime",
    ["rstrictatime", "rnostrictatime"],
    MOUNT_ATTR_RELATIME,
  ],
  ["rnostrictatime then rstrictatime", ["rnostrictatime", "rstrictatime"], MOUNT_ATTR_STRICTATIME],
  [
    "rnoatime then rnostrictatime keeps noatime",
    ["rnoatime", "rnostrictatime"],
    MOUNT_ATTR_NOATIME,
  ],
  ["rnoatime then rnorelatime keeps noatime", ["rnoatime", "rnorelatime"], MOUNT_ATTR_NOATIME],
  ["rrelatime then rnorelatime stays relatime", ["rrelatime", "rnorelatime"], MOUNT_ATTR_RELATIME],
  ["rnorelatime then rstrictatime", ["rnorelatime", "rstrictatime"], MOUNT_ATTR_STRICTATIME],
];

describe("the recursive access-time enum", () => {
  test.each(recursiveAtimeRows)("%s", (_name, options, mode) => {
    expect(parseMountOptions(options)).toEqual(result(rec(mode, MOUNT_ATTR__ATIME)));
  });

  test("rnodiratime is separate from the enum", () => {
    expect(parseMountOptions(["rnoatime", "rnodiratime"])).toEqual(
      result(rec(MOUNT_ATTR_NOATIME | MOUNT_ATTR_NODIRATIME, MOUNT_ATTR__ATIME)),
    );
  });

  test("recursive and per-mount atime are independent", () => {
    expect(parseMountOptions(["rnoatime", "strictatime"])).toEqual(
      result({
        flags: MS_STRICTATIME,
        ...rec(MOUNT_ATTR_NOATIME, MOUNT_ATTR__ATIME),
      }),
    );
  });
});
