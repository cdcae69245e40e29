import { expect, test } from "bun:test";
import {
  formatMountFlags,
  MOUNT_OPTIONS,
  MS_BIND,
  MS_MOVE,
  MS_NOATIME,
  MS_NODEV,
  MS_NOSUID,
  MS_PRIVATE,
  MS_RDONLY,
  MS_REC,
  MS_RELATIME,
  MS_REMOUNT,
  MS_SHARED,
  MS_SILENT,
  MS_SLAVE,
  MS_STRICTATIME,
  MS_UNBINDABLE,
  parseMountOptions,
} from "./index.ts";

const rows: [string, number, string[]][] = [
  ["nothing", 0, []],
  ["ro", MS_RDONLY, ["ro"]],
  ["table order, not argument order", MS_NODEV | MS_RDONLY | MS_NOSUID, ["ro", "nosuid", "nodev"]],
  [
    "atime modes",
    MS_NOATIME | MS_RELATIME | MS_STRICTATIME,
    ["noatime", "relatime", "strictatime"],
  ],
  ["silent", MS_SILENT, ["silent"]],
  ["bind", MS_BIND, ["bind"]],
  ["rbind", MS_BIND | MS_REC, ["rbind"]],
  ["remount,bind,ro", MS_REMOUNT | MS_BIND | MS_RDONLY, ["ro", "remount", "bind"]],
  ["rprivate", MS_PRIVATE | MS_REC, ["rprivate"]],
  ["shared", MS_SHARED, ["shared"]],
  ["rslave", MS_SLAVE | MS_REC, ["rslave"]],
  ["unbindable", MS_UNBINDABLE, ["unbindable"]],
  ["MS_REC alone is a number", MS_REC, ["0x4000"]],
  ["MS_MOVE has no option", MS_MOVE, ["0x2000"]],
  [
    "unknown bits, one each, lowest first",
    MS_RDONLY | 0x80000000 | 0x4000000,
    ["ro", "0x4000000", "0x80000000"],
  ],
  ["the high bit as a negative int32", MS_RDONLY | (1 << 31), ["ro", "0x80000000"]],
];

test.each(rows)("%s", (_name, flags, names) => {
  expect(formatMountFlags(flags)).toEqual(names);
});

test.each(
  MOUNT_OPTIONS.filter((entry) => !entry.clear && entry.flag !== 0).map((entry) => [entry.option]),
)("%s round-trips through parseMountOptions", (option) => {
  expect(formatMountFlags(parseMountOptions([option]).flags)).toEqual([option]);
});
