import {
  MS_DIRSYNC,
  MS_LAZYTIME,
  MS_MANDLOCK,
  MS_RDONLY,
  MS_SYNCHRONOUS,
} from "@ocimount/mount-flags";

/**
 * Superblock flags as fsconfig(FSCONFIG_SET_FLAG) keys (fs/fs_context.c `common_set_sb_flag`).
 * MS_SILENT has no fsconfig key (it only quiets printk); MS_I_VERSION is filesystem-specific.
 */
const KEYS: ReadonlyArray<readonly [ms: number, key: string]> = [
  [MS_RDONLY, "ro"],
  [MS_SYNCHRONOUS, "sync"],
  [MS_DIRSYNC, "dirsync"],
  [MS_LAZYTIME, "lazytime"],
  [MS_MANDLOCK, "mand"],
];

/** The fsconfig flag keys for the superblock flags among `flags`. */
export function superblockFlagKeys(flags: number): string[] {
  return KEYS.filter(([ms]) => flags & ms).map(([, key]) => key);
}
