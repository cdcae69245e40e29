import { describe, expect, test } from "bun:test";
import {
  MOUNT_ATTR__ATIME,
  MOUNT_ATTR_NOATIME,
  MOUNT_ATTR_NODEV,
  MOUNT_ATTR_NODIRATIME,
  MOUNT_ATTR_NOEXEC,
  MOUNT_ATTR_NOSUID,
  MOUNT_ATTR_NOSYMFOLLOW,
  MOUNT_ATTR_RDONLY,
  MOUNT_ATTR_RELATIME,
  MOUNT_ATTR_STRICTATIME,
  MS_BIND,
  MS_DIRSYNC,
  MS_I_VERSION,
  MS_LAZYTIME,
  MS_MANDLOCK,
  MS_NOATIME,
  MS_NODEV,
  MS_NODIRATIME,
  MS_NOEXEC,
  MS_NOSUID,
  MS_NOSYMFOLLOW,
  MS_POSIXACL,
  MS_PRIVATE,
  MS_RDONLY,
  MS_REC,
  MS_RELATIME,
  MS_SILENT,
  MS_STRICTATIME,
  MS_SYNCHRONOUS,
  mountAttrFromFlags,
  parseMountOptions,
  SUPERBLOCK_FLAGS,
  superblockFlags,
} from "./index.ts";

const bitRows: [string, number, number][] = [
  ["ro", MS_RDONLY, MOUNT_ATTR_RDONLY],
  ["nosuid", MS_NOSUID, MOUNT_ATTR_NOSUID],
  ["nodev", MS_NODEV, MOUNT_ATTR_NODEV],
  ["noexec", MS_NOEXEC, MOUNT_ATTR_NOEXEC],
  ["nodiratime", MS_NODIRATIME, MOUNT_ATTR_NODIRATIME],
  ["nosymfollow", MS_NOSYMFOLLOW, MOUNT_ATTR_NOSYMFOLLOW],
];

describe("per-mount bits", () => {
  test.each(bitRows)("%s set", (_name, ms, attr) => {
    expect(mountAttrFromFlags(ms, 0)).toEqual({ attrSet: attr, attrClr: 0 });
  });
  test.each(bitRows)("%s cleared", (_name, ms, attr) => {
    expect(mountAttrFromFlags(0, ms)).toEqual({ attrSet: 0, attrClr: attr });
  });
  test.each(bitRows)("%s in both arguments counts as set", (_name, ms, attr) => {
    expect(mountAttrFromFlags(ms, ms)).toEqual({ attrSet: attr, attrClr: 0 });
  });
});

const atimeRows: [string, number, number, { attrSet: number; attrClr: number }][] = [
  ["noatime", MS_NOATIME, 0, { attrSet: MOUNT_ATTR_NOATIME, attrClr: MOUNT_ATTR__ATIME }],
  ["relatime", MS_RELATIME, 0, { attrSet: MOUNT_ATTR_RELATIME, attrClr: MOUNT_ATTR__ATIME }],
  [
    "strictatime",
    MS_STRICTATIME,
    0,
    { attrSet: MOUNT_ATTR_STRICTATIME, attrClr: MOUNT_ATTR__ATIME },
  ],
  [
    "strictatime beats noatime (kernel order)",
    MS_STRICTATIME | MS_NOATIME,
    0,
    { attrSet: MOUNT_ATTR_STRICTATIME, attrClr: MOUNT_ATTR__ATIME },
  ],
  [
    "noatime beats relatime (kernel order)",
    MS_NOATIME | MS_RELATIME,
    0,
    { attrSet: MOUNT_ATTR_NOATIME, attrClr: MOUNT_ATTR__ATIME },
  ],
  ["a cleared mode alone keeps the mode", 0, MS_NOATIME, { attrSet: 0, attrClr: 0 }],
  [
    "all modes cleared keeps the mode",
    0,
    MS_NOATIME | MS_RELATIME | MS_STRICTATIME,
    { attrSet: 0, attrClr: 0 },
  ],
  [
    "nodiratime stays a bit of its own",
    MS_NOATIME | MS_NODIRATIME,
    0,
    { attrSet: MOUNT_ATTR_NOATIME | MOUNT_ATTR_NODIRATIME, attrClr: MOUNT_ATTR__ATIME },
  ],
];

describe("access time as the enum", () => {
  test.each(atimeRows)("%s", (_name, flags, clearFlags, expected) => {
    expect(mountAttrFromFlags(flags, clearFlags)).toEqual(expected);
  });
});

const optionRows: [string, string[], { attrSet: number; attrClr: number }][] = [
  [
    "ro,nosuid,rw",
    ["ro", "nosuid", "rw"],
    { attrSet: MOUNT_ATTR_NOSUID, attrClr: MOUNT_ATTR_RDONLY },
  ],
  [
    "noatime,relatime is noatime (both bits stay; the kernel ranks them)",
    ["noatime", "relatime"],
    { attrSet: MOUNT_ATTR_NOATIME, attrClr: MOUNT_ATTR__ATIME },
  ],
  ["noatime,atime", ["noatime", "atime"], { attrSet: 0, attrClr: 0 }],
  [
    "ro,sync,dirsync (superblock flags ignored)",
    ["ro", "sync", "dirsync"],
    { attrSet: MOUNT_ATTR_RDONLY, attrClr: 0 },
  ],
  [
    "nodev,noexec,strictatime,nodiratime",
    ["nodev", "noexec", "strictatime", "nodiratime"],
    {
      attrSet:
        MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC | MOUNT_ATTR_STRICTATIME | MOUNT_ATTR_NODIRATIME,
      attrClr: MOUNT_ATTR__ATIME,
    },
  ],
  [
    "dev,exec,suid,symfollow,diratime",
    ["dev", "exec", "suid", "symfollow", "diratime"],
    {
      attrSet: 0,
      attrClr:
        MOUNT_ATTR_NODEV |
        MOUNT_ATTR_NOEXEC |
        MOUNT_ATTR_NOSUID |
        MOUNT_ATTR_NOSYMFOLLOW |
        MOUNT_ATTR_NODIRATIME,
    },
  ],
];

describe("from parseMountOptions", () => {
  test.each(optionRows)("%s", (_name, options, expected) => {
    const parsed = parseMountOptions(options);
    expect(mountAttrFromFlags(parsed.flags, parsed.clearFlags)).toEqual(expected);
  });
  test("the atime mask is never partly cleared, whatever the options", () => {
    const atime = ["noatime", "atime", "relatime", "norelatime", "strictatime", "nostrictatime"];
    for (const a of atime) {
      for (const b of atime) {
        const parsed = parseMountOptions([a, b]);
        const { attrClr } = mountAttrFromFlags(parsed.flags, parsed.clearFlags);
        expect([0, MOUNT_ATTR__ATIME]).toContain(attrClr & MOUNT_ATTR__ATIME);
      }
    }
  });
});

describe("ignored bits and superblock flags", () => {
  test("superblock, bind and propagation bits give nothing", () => {
    const ignored = SUPERBLOCK_FLAGS | MS_BIND | MS_REC | MS_PRIVATE;
    expect(mountAttrFromFlags(ignored, ignored)).toEqual({ attrSet: 0, attrClr: 0 });
  });
  test.each([
    ["sync", MS_SYNCHRONOUS],
    ["dirsync", MS_DIRSYNC],
    ["mand", MS_MANDLOCK],
    ["lazytime", MS_LAZYTIME],
    ["iversion", MS_I_VERSION],
    ["silent", MS_SILENT],
    ["posixacl", MS_POSIXACL],
  ])("%s is a superblock flag", (_name, bit) => {
    expect(superblockFlags(bit | MS_RDONLY | MS_NOSUID)).toBe(bit);
  });
  test("per-mount bits are not superblock flags", () => {
    const perMount = MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOATIME | MS_NODIRATIME;
    expect(superblockFlags(perMount | MS_RELATIME | MS_STRICTATIME | MS_NOSYMFOLLOW)).toBe(0);
  });
});
