import { describe, expect, test } from "bun:test";
import {
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

const ATIME = MS_NOATIME | MS_RELATIME | MS_STRICTATIME;

// Per-mount access time: the enum of noatime/relatime/strictatime, and the three clears.
const atimeRows: [string, string[], number, number][] = [
  ["noatime then relatime", ["noatime", "relatime"], MS_RELATIME, MS_NOATIME | MS_STRICTATIME],
  ["relatime then noatime", ["relatime", "noatime"], MS_NOATIME, MS_RELATIME | MS_STRICTATIME],
  ["noatime then strictatime", ["noatime", "strictatime"], MS_STRICTATIME, ATIME & ~MS_STRICTATIME],
  ["strictatime then noatime", ["strictatime", "noatime"], MS_NOATIME, ATIME & ~MS_NOATIME],
  [
    "relatime then strictatime",
    ["relatime", "strictatime"],
    MS_STRICTATIME,
    ATIME & ~MS_STRICTATIME,
  ],
  ["strictatime then relatime", ["strictatime", "relatime"], MS_RELATIME, ATIME & ~MS_RELATIME],
  ["noatime then atime", ["noatime", "atime"], 0, ATIME],
  ["atime then noatime", ["atime", "noatime"], MS_NOATIME, ATIME & ~MS_NOATIME],
  ["relatime then norelatime", ["relatime", "norelatime"], 0, ATIME],
  ["norelatime then relatime", ["norelatime", "relatime"], MS_RELATIME, ATIME & ~MS_RELATIME],
  ["strictatime then nostrictatime", ["strictatime", "nostrictatime"], 0, ATIME],
  [
    "nostrictatime then strictatime",
    ["nostrictatime", "strictatime"],
    MS_STRICTATIME,
    ATIME & ~MS_STRICTATIME,
  ],
  [
    "noatime then norelatime keeps noatime",
    ["noatime", "norelatime"],
    MS_NOATIME,
    ATIME & ~MS_NOATIME,
  ],
  [
    "noatime then nostrictatime keeps noatime",
    ["noatime", "nostrictatime"],
    MS_NOATIME,
    ATIME & ~MS_NOATIME,
  ],
  [
    "strictatime then atime keeps strictatime",
    ["strictatime", "atime"],
    MS_STRICTATIME,
    ATIME & ~MS_STRICTATIME,
  ],
  ["relatime then atime keeps relatime", ["relatime", "atime"], MS_RELATIME, ATIME & ~MS_RELATIME],
  ["atime alone clears only noatime", ["atime"], 0, MS_NOATIME],
  [
    "nodiratime is separate from noatime",
    ["noatime", "nodiratime", "relatime"],
    MS_RELATIME | MS_NODIRATIME,
    MS_NOATIME | MS_STRICTATIME,
  ],
  [
    "diratime does not touch the enum",
    ["strictatime", "diratime"],
    MS_STRICTATIME,
    MS_NOATIME | MS_RELATIME | MS_NODIRATIME,
  ],
];

describe("the access-time enum", () => {
  test.each(atimeRows)("%s", (_name, options, flags, clearFlags) => {
    expect(parseMountOptions(options)).toEqual(result({ flags, clearFlags }));
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
        clearFlags: MS_NOATIME | MS_RELATIME,
        ...rec(MOUNT_ATTR_NOATIME, MOUNT_ATTR__ATIME),
      }),
    );
  });
});
