import {
  MOUNT_ATTR_NOATIME,
  MOUNT_ATTR_NODEV,
  MOUNT_ATTR_NODIRATIME,
  MOUNT_ATTR_NOEXEC,
  MOUNT_ATTR_NOSUID,
  MOUNT_ATTR_NOSYMFOLLOW,
  MOUNT_ATTR_RDONLY,
  MOUNT_ATTR_RELATIME,
  MOUNT_ATTR_STRICTATIME,
} from "./constants.ts";

/** A recursive (`r*`) option: a MOUNT_ATTR_* change for `mount_setattr(..., AT_RECURSIVE, ...)`. */
export interface RecursiveOption {
  /** The option string (`rro`). */
  readonly option: string;
  /** The MOUNT_ATTR_* bit, or for `atime` options the access-time mode (a value of the enum). */
  readonly attr: number;
  /** True if the option clears `attr` (`rrw` clears MOUNT_ATTR_RDONLY). */
  readonly clear: boolean;
  /**
   * True for the access-time options: the mode is an enum inside MOUNT_ATTR__ATIME, so these
   * always clear the whole mask and set one mode (mount_setattr(2): a partial clear is EINVAL).
   */
  readonly atime: boolean;
  /** What the option does, in a few words. */
  readonly description: string;
}

function attr(option: string, bit: number, clear: boolean, description: string): RecursiveOption {
  return Object.freeze({ option, attr: bit, clear, atime: false, description });
}

function atime(option: string, mode: number, clear: boolean, description: string): RecursiveOption {
  return Object.freeze({ option, attr: mode, clear, atime: true, description });
}

/**
 * The runtime-spec's recursive options (Linux 5.12+, mount_setattr with AT_RECURSIVE). Set and
 * clear of the same attribute are last-wins. A clearing access-time option (`ratime`,
 * `rnorelatime`, `rnostrictatime`) turns its own mode back into the kernel default, relatime, and
 * keeps any other mode chosen before it.
 */
export const RECURSIVE_OPTIONS: readonly RecursiveOption[] = Object.freeze([
  attr("rro", MOUNT_ATTR_RDONLY, false, "recursive ro"),
  attr("rrw", MOUNT_ATTR_RDONLY, true, "recursive rw"),
  attr("rnosuid", MOUNT_ATTR_NOSUID, false, "recursive nosuid"),
  attr("rsuid", MOUNT_ATTR_NOSUID, true, "recursive suid"),
  attr("rnodev", MOUNT_ATTR_NODEV, false, "recursive nodev"),
  attr("rdev", MOUNT_ATTR_NODEV, true, "recursive dev"),
  attr("rnoexec", MOUNT_ATTR_NOEXEC, false, "recursive noexec"),
  attr("rexec", MOUNT_ATTR_NOEXEC, true, "recursive exec"),
  atime("rnoatime", MOUNT_ATTR_NOATIME, false, "recursive noatime"),
  atime(
    "ratime",
    MOUNT_ATTR_NOATIME,
    true,
    "recursive atime: noatime becomes relatime, another mode stays",
  ),
  atime("rrelatime", MOUNT_ATTR_RELATIME, false, "recursive relatime"),
  atime(
    "rnorelatime",
    MOUNT_ATTR_RELATIME,
    true,
    "recursive norelatime: relatime is the default; set noatime or strictatime to leave it",
  ),
  atime("rstrictatime", MOUNT_ATTR_STRICTATIME, false, "recursive strictatime"),
  atime(
    "rnostrictatime",
    MOUNT_ATTR_STRICTATIME,
    true,
    "recursive nostrictatime: strictatime becomes relatime, another mode stays",
  ),
  attr("rnodiratime", MOUNT_ATTR_NODIRATIME, false, "recursive nodiratime"),
  attr("rdiratime", MOUNT_ATTR_NODIRATIME, true, "recursive diratime"),
  attr("rnosymfollow", MOUNT_ATTR_NOSYMFOLLOW, false, "recursive nosymfollow (Linux 5.14)"),
  attr("rsymfollow", MOUNT_ATTR_NOSYMFOLLOW, true, "recursive symfollow"),
]);
