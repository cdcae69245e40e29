import { describe, expect, test } from "bun:test";
import {
  MOUNT_ATTR__ATIME,
  MOUNT_ATTR_IDMAP,
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
  MS_PRIVATE,
  MS_RDONLY,
  MS_REC,
  MS_RELATIME,
  MS_REMOUNT,
  MS_SHARED,
  MS_SILENT,
  MS_SLAVE,
  MS_STRICTATIME,
  MS_SYNCHRONOUS,
  MS_UNBINDABLE,
  type ParsedMountOptions,
  parseMountOptions,
} from "./index.ts";

import { rec, result } from "./parseMountOptions.fixture.ts";

// Every option of the runtime-spec v1.3.0 table (plus rnodev, which runc supports), alone.
const single: [string, Partial<ParsedMountOptions>][] = [
  ["async", { clearFlags: MS_SYNCHRONOUS }],
  ["atime", { clearFlags: MS_NOATIME }],
  ["bind", { bind: true }],
  ["defaults", {}],
  ["dev", { clearFlags: MS_NODEV }],
  ["diratime", { clearFlags: MS_NODIRATIME }],
  ["dirsync", { flags: MS_DIRSYNC }],
  ["exec", { clearFlags: MS_NOEXEC }],
  ["iversion", { flags: MS_I_VERSION }],
  ["lazytime", { flags: MS_LAZYTIME }],
  ["loud", { clearFlags: MS_SILENT }],
  ["mand", { flags: MS_MANDLOCK }],
  ["noatime", { flags: MS_NOATIME }],
  ["nodev", { flags: MS_NODEV }],
  ["nodiratime", { flags: MS_NODIRATIME }],
  ["noexec", { flags: MS_NOEXEC }],
  ["noiversion", { clearFlags: MS_I_VERSION }],
  ["nolazytime", { clearFlags: MS_LAZYTIME }],
  ["nomand", { clearFlags: MS_MANDLOCK }],
  ["norelatime", { clearFlags: MS_RELATIME }],
  ["nostrictatime", { clearFlags: MS_STRICTATIME }],
  ["nosuid", { flags: MS_NOSUID }],
  ["nosymfollow", { flags: MS_NOSYMFOLLOW }],
  ["private", { propagation: [MS_PRIVATE] }],
  ["ratime", rec(MOUNT_ATTR_RELATIME, MOUNT_ATTR__ATIME)],
  ["rbind", { bind: true, recursiveBind: true }],
  ["rdev", rec(0, MOUNT_ATTR_NODEV)],
  ["rdiratime", rec(0, MOUNT_ATTR_NODIRATIME)],
  ["relatime", { flags: MS_RELATIME }],
  ["remount", { remount: true }],
  ["rexec", rec(0, MOUNT_ATTR_NOEXEC)],
  ["rnoatime", rec(MOUNT_ATTR_NOATIME, MOUNT_ATTR__ATIME)],
  ["rnodev", rec(MOUNT_ATTR_NODEV, 0)],
  ["rnodiratime", rec(MOUNT_ATTR_NODIRATIME, 0)],
  ["rnoexec", rec(MOUNT_ATTR_NOEXEC, 0)],
  ["rnorelatime", rec(MOUNT_ATTR_RELATIME, MOUNT_ATTR__ATIME)],
  ["rnostrictatime", rec(MOUNT_ATTR_RELATIME, MOUNT_ATTR__ATIME)],
  ["rnosuid", rec(MOUNT_ATTR_NOSUID, 0)],
  ["rnosymfollow", rec(MOUNT_ATTR_NOSYMFOLLOW, 0)],
  ["ro", { flags: MS_RDONLY }],
  ["rprivate", { propagation: [MS_PRIVATE | MS_REC] }],
  ["rrelatime", rec(MOUNT_ATTR_RELATIME, MOUNT_ATTR__ATIME)],
  ["rro", rec(MOUNT_ATTR_RDONLY, 0)],
  ["rrw", rec(0, MOUNT_ATTR_RDONLY)],
  ["rshared", { propagation: [MS_SHARED | MS_REC] }],
  ["rslave", { propagation: [MS_SLAVE | MS_REC] }],
  ["rstrictatime", rec(MOUNT_ATTR_STRICTATIME, MOUNT_ATTR__ATIME)],
  ["rsuid", rec(0, MOUNT_ATTR_NOSUID)],
  ["rsymfollow", rec(0, MOUNT_ATTR_NOSYMFOLLOW)],
  ["runbindable", { propagation: [MS_UNBINDABLE | MS_REC] }],
  ["rw", { clearFlags: MS_RDONLY }],
  ["shared", { propagation: [MS_SHARED] }],
  ["silent", { flags: MS_SILENT }],
  ["slave", { propagation: [MS_SLAVE] }],
  ["strictatime", { flags: MS_STRICTATIME }],
  ["suid", { clearFlags: MS_NOSUID }],
  ["symfollow", { clearFlags: MS_NOSYMFOLLOW }],
  ["sync", { flags: MS_SYNCHRONOUS }],
  ["tmpcopyup", { tmpcopyup: true }],
  ["unbindable", { propagation: [MS_UNBINDABLE] }],
  ["idmap", { idmap: true }],
  ["ridmap", { idmap: true, recursiveIdmap: true }],
];

describe("each option alone", () => {
  test.each(single)("%s", (option, expected) => {
    expect(parseMountOptions([option])).toEqual(result(expected));
  });

  test("the table covers the issue's list", () => {
    const issue =
      "async atime bind defaults dev diratime dirsync exec iversion lazytime loud mand noatime nodev nodiratime noexec noiversion nolazytime nomand norelatime nostrictatime nosuid nosymfollow private ratime rbind rdev rdiratime relatime remount rexec rnoatime rnodiratime rnoexec rnorelatime rnostrictatime rnosuid rnosymfollow ro rprivate rrelatime rro rrw rshared rslave rstrictatime rsuid rsymfollow runbindable rw shared silent slave strictatime suid symfollow sync tmpcopyup unbindable idmap ridmap";
    const tested = new Set(single.map(([option]) => option));
    expect(issue.split(" ").filter((option) => !tested.has(option))).toEqual([]);
  });
});

// [set option, clear option, MS bit] for mount(2) flags; last wins in both orders.
const flagPairs: [string, string, number][] = [
  ["ro", "rw", MS_RDONLY],
  ["nosuid", "suid", MS_NOSUID],
  ["nodev", "dev", MS_NODEV],
  ["noexec", "exec", MS_NOEXEC],
  ["sync", "async", MS_SYNCHRONOUS],
  ["mand", "nomand", MS_MANDLOCK],
  ["nodiratime", "diratime", MS_NODIRATIME],
  ["lazytime", "nolazytime", MS_LAZYTIME],
  ["iversion", "noiversion", MS_I_VERSION],
  ["silent", "loud", MS_SILENT],
  ["nosymfollow", "symfollow", MS_NOSYMFOLLOW],
];

describe("set/clear pairs, last wins", () => {
  test.each(flagPairs)("%s then %s clears the bit", (set, clear, bit) => {
    expect(parseMountOptions([set, clear])).toEqual(result({ clearFlags: bit }));
  });
  test.each(flagPairs)("%s after %s sets the bit", (set, clear, bit) => {
    expect(parseMountOptions([clear, set])).toEqual(result({ flags: bit }));
  });
  test.each(flagPairs)("%s twice stays set (never a toggle)", (set, _clear, bit) => {
    expect(parseMountOptions([set, set])).toEqual(result({ flags: bit }));
  });
  test.each(flagPairs)("%s twice stays cleared", (_set, clear, bit) => {
    expect(parseMountOptions([_set, clear, clear])).toEqual(result({ clearFlags: bit }));
  });
});

// [set, clear, MOUNT_ATTR bit] for the recursive non-atime options.
const recursivePairs: [string, string, number][] = [
  ["rro", "rrw", MOUNT_ATTR_RDONLY],
  ["rnosuid", "rsuid", MOUNT_ATTR_NOSUID],
  ["rnodev", "rdev", MOUNT_ATTR_NODEV],
  ["rnoexec", "rexec", MOUNT_ATTR_NOEXEC],
  ["rnodiratime", "rdiratime", MOUNT_ATTR_NODIRATIME],
  ["rnosymfollow", "rsymfollow", MOUNT_ATTR_NOSYMFOLLOW],
];

describe("recursive set/clear pairs, last wins", () => {
  test.each(recursivePairs)("%s then %s clears the attribute", (set, clear, bit) => {
    expect(parseMountOptions([set, clear])).toEqual(result(rec(0, bit)));
  });
  test.each(recursivePairs)("%s after %s sets the attribute", (set, clear, bit) => {
    expect(parseMountOptions([clear, set])).toEqual(result(rec(bit, 0)));
  });
  test.each(recursivePairs)("%s leaves the per-mount flags alone", (set, _clear, _bit) => {
    const parsed = parseMountOptions([set]);
    expect([parsed.flags, parsed.clearFlags]).toEqual([0, 0]);
  });
});

describe("defaults changes nothing, in every position", () => {
  const base = ["ro", "nosuid", "noatime", "size=1m"];
  const expected = result({
    flags: MS_RDONLY | MS_NOSUID | MS_NOATIME,
    data: "size=1m",
    unknown: ["size=1m"],
  });
  test.each([0, 1, 2, 3, 4].map((at) => [`at index ${at}`, at] as const))("%s", (_name, at) => {
    const options = [...base.slice(0, at), "defaults", ...base.slice(at)];
    expect(parseMountOptions(options)).toEqual(expected);
  });
  test("ro,defaults stays ro", () => {
    expect(parseMountOptions(["ro", "defaults"])).toEqual(result({ flags: MS_RDONLY }));
  });
  test("defaults twice", () => {
    expect(parseMountOptions(["defaults", "defaults"])).toEqual(result({}));
  });
});

const unknownRows: [string, string[], string, string[]][] = [
  [
    "filesystem options keep their order",
    ["mode=755", "ro", "size=65536k", "nr_inodes=1k"],
    "mode=755,size=65536k,nr_inodes=1k",
    ["mode=755", "size=65536k", "nr_inodes=1k"],
  ],
  ["duplicates are kept", ["uid=1", "uid=2"], "uid=1,uid=2", ["uid=1", "uid=2"]],
  ["case matters, as in mount(8)", ["RO"], "RO", ["RO"]],
  ["a comma-joined element is one unknown option", ["ro,nosuid"], "ro,nosuid", ["ro,nosuid"]],
  ["acl is filesystem data, as with mount(8)", ["acl"], "acl", ["acl"]],
  ["an option with a value is never a flag", ["ro=1"], "ro=1", ["ro=1"]],
  [
    "Object.prototype names are unknown",
    ["constructor", "__proto__"],
    "constructor,__proto__",
    ["constructor", "__proto__"],
  ],
  ["empty strings are skipped", ["", "mode=1777", ""], "mode=1777", ["mode=1777"]],
];

describe("unknown options go to data", () => {
  test.each(unknownRows)("%s", (_name, options, data, unknown) => {
    const parsed = parseMountOptions(options);
    expect(parsed.data).toBe(data);
    expect(parsed.unknown).toEqual(unknown);
  });
});

describe("operations and propagation", () => {
  test("propagation changes keep their order and repeats", () => {
    const parsed = parseMountOptions(["rslave", "private", "rshared", "rslave"]);
    expect(parsed.propagation).toEqual([
      MS_SLAVE | MS_REC,
      MS_PRIVATE,
      MS_SHARED | MS_REC,
      MS_SLAVE | MS_REC,
    ]);
    expect([parsed.flags, parsed.clearFlags]).toEqual([0, 0]);
  });
  test.each([
    ["bind then rbind", ["bind", "rbind"]],
    ["rbind then bind", ["rbind", "bind"]],
  ])("%s is recursive", (_name, options) => {
    expect(parseMountOptions(options)).toEqual(result({ bind: true, recursiveBind: true }));
  });
  test("ridmap then idmap stays recursive", () => {
    expect(parseMountOptions(["ridmap", "idmap"])).toEqual(
      result({ idmap: true, recursiveIdmap: true }),
    );
  });
  test("no operation or propagation bit ever reaches flags", () => {
    const all = single.map(([option]) => option);
    const parsed = parseMountOptions(all);
    const forbidden =
      MS_BIND | MS_REC | MS_REMOUNT | MS_SHARED | MS_SLAVE | MS_PRIVATE | MS_UNBINDABLE;
    expect((parsed.flags | parsed.clearFlags) & forbidden).toBe(0);
    expect(parsed.recursive.attrSet & MOUNT_ATTR_IDMAP).toBe(0);
  });
  test("flags and clearFlags never share a bit", () => {
    const all = single.map(([option]) => option);
    for (const options of [all, [...all].reverse()]) {
      const parsed = parseMountOptions(options);
      expect(parsed.flags & parsed.clearFlags).toBe(0);
      expect(parsed.unknown).toEqual([]);
    }
  });
  test("a typical runtime-spec mount", () => {
    const parsed = parseMountOptions([
      "rbind",
      "rprivate",
      "nosuid",
      "nodev",
      "ro",
      "rro",
      "mode=755",
    ]);
    expect(parsed).toEqual(
      result({
        flags: MS_NOSUID | MS_NODEV | MS_RDONLY,
        bind: true,
        recursiveBind: true,
        propagation: [MS_PRIVATE | MS_REC],
        ...rec(MOUNT_ATTR_RDONLY, 0),
        data: "mode=755",
        unknown: ["mode=755"],
      }),
    );
  });
});
