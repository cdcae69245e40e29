import { expect, test } from "bun:test";
import {
  formatMountAttr,
  MOUNT_ATTR__ATIME,
  MOUNT_ATTR_IDMAP,
  MOUNT_ATTR_NOATIME,
  MOUNT_ATTR_NODEV,
  MOUNT_ATTR_NODIRATIME,
  MOUNT_ATTR_NOEXEC,
  MOUNT_ATTR_NOSUID,
  MOUNT_ATTR_NOSYMFOLLOW,
  MOUNT_ATTR_RDONLY,
  MOUNT_ATTR_STRICTATIME,
} from "./index.ts";

const rows: [string, number, string[]][] = [
  ["nothing (or relatime, the enum's zero)", 0, []],
  ["ro", MOUNT_ATTR_RDONLY, ["ro"]],
  [
    "nosuid,nodev,noexec",
    MOUNT_ATTR_NOEXEC | MOUNT_ATTR_NODEV | MOUNT_ATTR_NOSUID,
    ["nosuid", "nodev", "noexec"],
  ],
  ["noatime", MOUNT_ATTR_NOATIME, ["noatime"]],
  ["strictatime", MOUNT_ATTR_STRICTATIME, ["strictatime"]],
  ["the whole atime mask", MOUNT_ATTR__ATIME, ["atime"]],
  ["an atime value the enum does not define", 0x30, ["0x10", "0x20"]],
  [
    "nodiratime after the atime field",
    MOUNT_ATTR_NODIRATIME | MOUNT_ATTR_NOATIME,
    ["noatime", "nodiratime"],
  ],
  ["idmap", MOUNT_ATTR_IDMAP, ["idmap"]],
  ["nosymfollow", MOUNT_ATTR_NOSYMFOLLOW, ["nosymfollow"]],
  ["unknown bits", MOUNT_ATTR_RDONLY | 0x400000 | 0x100, ["ro", "0x100", "0x400000"]],
];

test.each(rows)("%s", (_name, attr, names) => {
  expect(formatMountAttr(attr)).toEqual(names);
});
