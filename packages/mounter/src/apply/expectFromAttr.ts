import {
  MOUNT_ATTR__ATIME,
  MOUNT_ATTR_NOATIME,
  MOUNT_ATTR_NODEV,
  MOUNT_ATTR_NODIRATIME,
  MOUNT_ATTR_NOEXEC,
  MOUNT_ATTR_NOSUID,
  MOUNT_ATTR_NOSYMFOLLOW,
  MOUNT_ATTR_RDONLY,
  MOUNT_ATTR_STRICTATIME,
} from "@ocimount/mount-flags";
import type { AttrChange } from "./composeAttr.ts";

const WORDS: ReadonlyArray<readonly [attr: number, word: string]> = [
  [MOUNT_ATTR_NOSUID, "nosuid"],
  [MOUNT_ATTR_NODEV, "nodev"],
  [MOUNT_ATTR_NOEXEC, "noexec"],
  [MOUNT_ATTR_NOSYMFOLLOW, "nosymfollow"],
  [MOUNT_ATTR_NODIRATIME, "nodiratime"],
];

/**
 * The mountinfo words a mount_setattr(2) change (`attrSet`/`attrClr`) guarantees: `on` must be
 * listed, `off` must not. Bits neither set nor cleared are not checked.
 */
export function expectFromAttr({ attrSet, attrClr }: AttrChange): { on: string[]; off: string[] } {
  const on: string[] = [];
  const off: string[] = [];
  if (attrSet & MOUNT_ATTR_RDONLY) on.push("ro");
  else if (attrClr & MOUNT_ATTR_RDONLY) on.push("rw");
  for (const [attr, word] of WORDS) {
    if (attrSet & attr) on.push(word);
    else if (attrClr & attr) off.push(word);
  }
  if (attrClr & MOUNT_ATTR__ATIME) {
    const mode = attrSet & MOUNT_ATTR__ATIME;
    if (mode === MOUNT_ATTR_NOATIME) on.push("noatime");
    else if (mode === MOUNT_ATTR_STRICTATIME) off.push("noatime", "relatime");
    else on.push("relatime");
  }
  return { on, off };
}
