import { describe, expect, test } from "bun:test";
import { type MountInfoEntry, MountInfoError, parseMountInfoLine } from "./index.ts";

function entry(partial: Partial<MountInfoEntry>): MountInfoEntry {
  return {
    mountId: 36,
    parentId: 35,
    major: 98,
    minor: 0,
    root: "/",
    mountPoint: "/mnt",
    mountOptions: ["rw"],
    optionalFields: [],
    propagation: "private",
    fsType: "ext4",
    source: "/dev/sda1",
    superOptions: ["rw"],
    ...partial,
  };
}

const good: [string, string, MountInfoEntry][] = [
  [
    "the proc(5) example",
    "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue",
    entry({
      root: "/mnt1",
      mountPoint: "/mnt2",
      mountOptions: ["rw", "noatime"],
      optionalFields: ["master:1"],
      propagation: "slave",
      masterGroup: 1,
      fsType: "ext3",
      source: "/dev/root",
      superOptions: ["rw", "errors=continue"],
    }),
  ],
  [
    "no optional fields is private",
    "22 1 0:21 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw",
    entry({
      mountId: 22,
      parentId: 1,
      major: 0,
      minor: 21,
      mountPoint: "/proc",
      mountOptions: ["rw", "nosuid", "nodev", "noexec", "relatime"],
      fsType: "proc",
      source: "proc",
    }),
  ],
  [
    "shared",
    "36 35 98:0 / /mnt rw shared:5 - ext4 /dev/sda1 rw",
    entry({ optionalFields: ["shared:5"], propagation: "shared", peerGroup: 5 }),
  ],
  [
    "shared and slave at once counts as shared",
    "36 35 98:0 / /mnt rw shared:5 master:2 - ext4 /dev/sda1 rw",
    entry({
      optionalFields: ["shared:5", "master:2"],
      propagation: "shared",
      peerGroup: 5,
      masterGroup: 2,
    }),
  ],
  [
    "slave with propagate_from",
    "36 35 98:0 / /mnt rw master:3 propagate_from:7 - ext4 /dev/sda1 rw",
    entry({
      optionalFields: ["master:3", "propagate_from:7"],
      propagation: "slave",
      masterGroup: 3,
      propagateFrom: 7,
    }),
  ],
  [
    "unbindable",
    "36 35 98:0 / /mnt rw unbindable - ext4 /dev/sda1 rw",
    entry({ optionalFields: ["unbindable"], propagation: "unbindable" }),
  ],
  [
    "an unknown optional field is kept and ignored",
    "36 35 98:0 / /mnt rw future:9 - ext4 /dev/sda1 rw",
    entry({ optionalFields: ["future:9"] }),
  ],
  [
    "spaces in root, mount point and source",
    "36 35 98:0 /a\\040dir /mnt/my\\040disk rw - ext4 /dev/disk\\040one rw",
    entry({ root: "/a dir", mountPoint: "/mnt/my disk", source: "/dev/disk one" }),
  ],
  [
    "tab, newline and backslash in the mount point",
    "36 35 98:0 / /mnt/t\\011n\\012b\\134e rw - ext4 /dev/sda1 rw",
    entry({ mountPoint: "/mnt/t\tn\nb\\e" }),
  ],
  [
    "an escaped backslash followed by digits",
    "36 35 98:0 / /mnt/\\134040 rw - ext4 /dev/sda1 rw",
    entry({ mountPoint: "/mnt/\\040" }),
  ],
  [
    "a deleted mount point",
    "36 35 98:0 / /mnt/gone\\040(deleted) rw - ext4 /dev/sda1 rw",
    entry({ mountPoint: "/mnt/gone (deleted)" }),
  ],
  [
    "an empty source",
    "36 35 0:50 / /mnt rw,relatime - tmpfs  rw,size=1024k",
    entry({
      major: 0,
      minor: 50,
      mountOptions: ["rw", "relatime"],
      fsType: "tmpfs",
      source: "",
      superOptions: ["rw", "size=1024k"],
    }),
  ],
  [
    "a subtype and an escaped comma in a super option",
    "36 35 0:51 / /mnt rw - fuse.sshfs host:/a\\040b rw,user_id=0,path=/x\\054y",
    entry({
      major: 0,
      minor: 51,
      fsType: "fuse.sshfs",
      source: "host:/a b",
      superOptions: ["rw", "user_id=0", "path=/x,y"],
    }),
  ],
  [
    "a bind of a subdirectory",
    "40 36 8:1 /srv/data /var/lib/data ro,nosuid shared:12 - xfs /dev/sda1 rw,attr2",
    entry({
      mountId: 40,
      parentId: 36,
      major: 8,
      minor: 1,
      root: "/srv/data",
      mountPoint: "/var/lib/data",
      mountOptions: ["ro", "nosuid"],
      optionalFields: ["shared:12"],
      propagation: "shared",
      peerGroup: 12,
      fsType: "xfs",
      superOptions: ["rw", "attr2"],
    }),
  ],
];

describe("well-formed lines", () => {
  test.each(good)("%s", (_name, line, expected) => {
    expect(parseMountInfoLine(line)).toEqual(expected);
  });
});

const bad: [string, string, MountInfoError["code"], string][] = [
  ["an empty line", "", "EFIELDS", "line"],
  ["too few fields", "36 35 98:0 / /mnt rw - ext4", "EFIELDS", "line"],
  ["no separator", "36 35 98:0 / /mnt rw shared:1 ext4 /dev/sda1 rw x", "ESEPARATOR", "-"],
  [
    "an extra field after the super options",
    "36 35 98:0 / /mnt rw - ext4 /dev/sda 1 rw",
    "EFIELDS",
    "line",
  ],
  [
    "a mount ID that is not a number",
    "x 35 98:0 / /mnt rw - ext4 /dev/sda1 rw",
    "ENUMBER",
    "mount ID",
  ],
  ["a negative parent ID", "36 -1 98:0 / /mnt rw - ext4 /dev/sda1 rw", "ENUMBER", "parent ID"],
  ["a device without a colon", "36 35 98 / /mnt rw - ext4 /dev/sda1 rw", "ENUMBER", "major:minor"],
  [
    "a device with two colons",
    "36 35 98:0:1 / /mnt rw - ext4 /dev/sda1 rw",
    "ENUMBER",
    "major:minor",
  ],
  ["a hex device", "36 35 0x62:0 / /mnt rw - ext4 /dev/sda1 rw", "ENUMBER", "major:minor"],
  [
    "tabs instead of spaces",
    "36\t35\t98:0\t/\t/mnt\trw\t-\text4\t/dev/sda1\trw",
    "EFIELDS",
    "line",
  ],
];

describe("malformed lines throw MountInfoError", () => {
  test.each(bad)("%s", (_name, line, code, field) => {
    let error: unknown;
    try {
      parseMountInfoLine(line);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MountInfoError);
    expect(error).toMatchObject({
      name: "MountInfoError",
      code,
      field,
      input: line,
      position: undefined,
    });
    expect((error as Error).message).toContain(code);
  });
});
