import {
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
  MS_RDONLY,
  MS_RELATIME,
  MS_SILENT,
  MS_STRICTATIME,
  MS_SYNCHRONOUS,
} from "./constants.ts";

/** One filesystem-independent mount(8) option and the MS_* bit it sets or clears. */
export interface MountOption {
  /** The option string, as in config.json `mounts[].options` and mount(8) `-o`. */
  readonly option: string;
  /** The MS_* bit the option sets, or clears when `clear` is true; 0 for `defaults`. */
  readonly flag: number;
  /** True if the option clears `flag` (`rw` clears MS_RDONLY). */
  readonly clear: boolean;
  /** What the option does, in a few words (README, `ocimount flags`). */
  readonly description: string;
}

function set(option: string, flag: number, description: string): MountOption {
  return Object.freeze({ option, flag, clear: false, description });
}

function clear(option: string, flag: number, description: string): MountOption {
  return Object.freeze({ option, flag, clear: true, description });
}

/**
 * The filesystem-independent options of mount(8) that map to MS_* bits, in the order
 * `formatMountFlags` names them. Each option sets or clears its own bit, in order (last wins per
 * bit); a clearing option removes its bit (it never toggles it). The access-time bits are not
 * an enum here: the kernel ranks the ones left (strictatime, then noatime, then relatime; see
 * `effectiveAtime`), as runc and mount(8) pass them. `bind`, `remount`, propagation and the recursive `r*` options live in
 * `OPERATION_OPTIONS`, `PROPAGATION_OPTIONS` and `RECURSIVE_OPTIONS`.
 */
export const MOUNT_OPTIONS: readonly MountOption[] = Object.freeze([
  set("ro", MS_RDONLY, "read-only"),
  clear("rw", MS_RDONLY, "read-write"),
  set("nosuid", MS_NOSUID, "ignore set-user-ID and set-group-ID bits"),
  clear("suid", MS_NOSUID, "honour set-user-ID and set-group-ID bits"),
  set("nodev", MS_NODEV, "no access to device files"),
  clear("dev", MS_NODEV, "allow access to device files"),
  set("noexec", MS_NOEXEC, "no program execution"),
  clear("exec", MS_NOEXEC, "allow program execution"),
  set("sync", MS_SYNCHRONOUS, "synchronous I/O (superblock)"),
  clear("async", MS_SYNCHRONOUS, "asynchronous I/O (superblock)"),
  set("dirsync", MS_DIRSYNC, "synchronous directory updates (superblock)"),
  set("mand", MS_MANDLOCK, "mandatory locks (superblock; removed in Linux 5.15)"),
  clear("nomand", MS_MANDLOCK, "no mandatory locks (superblock)"),
  set("noatime", MS_NOATIME, "never update access times (unless strictatime)"),
  clear("atime", MS_NOATIME, "do not force noatime"),
  set(
    "relatime",
    MS_RELATIME,
    "update atime relative to mtime/ctime (unless noatime or strictatime)",
  ),
  clear("norelatime", MS_RELATIME, "do not force relatime (the kernel default stays relatime)"),
  set("strictatime", MS_STRICTATIME, "always update access times (beats noatime and relatime)"),
  clear("nostrictatime", MS_STRICTATIME, "do not force strictatime"),
  set("nodiratime", MS_NODIRATIME, "never update directory access times"),
  clear("diratime", MS_NODIRATIME, "update directory access times"),
  set("lazytime", MS_LAZYTIME, "update timestamps lazily (superblock)"),
  clear("nolazytime", MS_LAZYTIME, "update timestamps at once (superblock)"),
  set("iversion", MS_I_VERSION, "update the inode i_version (superblock)"),
  clear("noiversion", MS_I_VERSION, "do not update the inode i_version (superblock)"),
  set("silent", MS_SILENT, "suppress some kernel messages (superblock)"),
  clear("loud", MS_SILENT, "do not suppress kernel messages (superblock)"),
  set("nosymfollow", MS_NOSYMFOLLOW, "do not follow symlinks (Linux 5.10)"),
  clear("symfollow", MS_NOSYMFOLLOW, "follow symlinks"),
  set("defaults", 0, "changes nothing (mount(8) semantics: `ro,defaults` stays ro)"),
]);
