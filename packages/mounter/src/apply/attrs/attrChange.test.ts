import { describe, expect, test } from "bun:test";
import {
  MOUNT_ATTR__ATIME,
  MOUNT_ATTR_NODEV,
  MOUNT_ATTR_NODIRATIME,
  MOUNT_ATTR_NOEXEC,
  MOUNT_ATTR_NOSUID,
  MOUNT_ATTR_NOSYMFOLLOW,
  MOUNT_ATTR_RDONLY,
  MOUNT_ATTR_STRICTATIME,
  MS_NOATIME,
  MS_NODIRATIME,
  MS_NOSUID,
  MS_RDONLY,
  MS_RELATIME,
  MS_STRICTATIME,
  MS_SYNCHRONOUS,
} from "@ocimount/mount-flags";
import { bindRemountAttr } from "./attrChange.ts";

const REPLACED =
  MOUNT_ATTR_RDONLY |
  MOUNT_ATTR_NOSUID |
  MOUNT_ATTR_NODEV |
  MOUNT_ATTR_NOEXEC |
  MOUNT_ATTR_NOSYMFOLLOW;
const ATIME_CLR = REPLACED | MOUNT_ATTR__ATIME | MOUNT_ATTR_NODIRATIME;
/**
 * A change that sets `set` and clears the rest of `scope`: flag bits set are not also cleared,
 * while the access-time enum's mask is always cleared whole when it is in scope (a partial
 * clear of MOUNT_ATTR__ATIME is EINVAL).
 */
const replace = (set: number, scope: number) => ({
  attrSet: set,
  attrClr: scope & ~(set & ~MOUNT_ATTR__ATIME),
});

const cases: ReadonlyArray<{
  name: string;
  flags: number;
  want: { attrSet: number; attrClr: number } | null;
}> = [
  { name: "no flags: no remount", flags: 0, want: null },
  {
    name: "strictatime alone remounts (runc; mount(8) would not)",
    flags: MS_STRICTATIME,
    want: replace(MOUNT_ATTR_STRICTATIME, ATIME_CLR),
  },
  {
    name: "sync alone remounts and replaces the per-mount flags (runc)",
    flags: MS_SYNCHRONOUS,
    want: replace(0, REPLACED),
  },
  {
    name: "noatime,relatime is noatime",
    flags: MS_NOATIME | MS_RELATIME,
    want: replace(0x10, ATIME_CLR),
  },
  {
    name: "strictatime,noatime is strictatime",
    flags: MS_STRICTATIME | MS_NOATIME,
    want: replace(MOUNT_ATTR_STRICTATIME, ATIME_CLR),
  },
  {
    name: "ro replaces the other flags, keeps atime",
    flags: MS_RDONLY,
    want: replace(MOUNT_ATTR_RDONLY, REPLACED),
  },
  {
    name: "ro,nosuid",
    flags: MS_RDONLY | MS_NOSUID,
    want: replace(MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID, REPLACED),
  },
  {
    name: "noatime replaces the atime mode",
    flags: MS_NOATIME,
    want: replace(0x10, ATIME_CLR),
  },
  {
    name: "nodiratime gives relatime,nodiratime",
    flags: MS_NODIRATIME,
    want: replace(MOUNT_ATTR_NODIRATIME, ATIME_CLR),
  },
  {
    name: "ro,strictatime: strictatime rides along",
    flags: MS_RDONLY | MS_STRICTATIME,
    want: replace(MOUNT_ATTR_RDONLY | MOUNT_ATTR_STRICTATIME, ATIME_CLR),
  },
];

describe("bindRemountAttr", () => {
  for (const c of cases) test(c.name, () => expect(bindRemountAttr(c.flags)).toEqual(c.want));
});
