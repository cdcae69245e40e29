import {
  MS_DIRSYNC,
  MS_I_VERSION,
  MS_LAZYTIME,
  MS_MANDLOCK,
  MS_POSIXACL,
  MS_SILENT,
  MS_SYNCHRONOUS,
} from "./constants.ts";

/**
 * The MS_* bits that only exist on the superblock (sync, dirsync, mand, lazytime, iversion,
 * silent, and MS_POSIXACL): `mount_setattr` cannot set them. For a new filesystem a mounter passes
 * them to `fsconfig(FSCONFIG_SET_FLAG)`, whose generic keys are `sync`, `dirsync`, `lazytime`,
 * `mand` (and `ro`) (fs/fs_context.c), or to `mount(2)`, which takes all of them. On a bind they
 * would change the shared superblock, so a bind ignores them (docs/KERNEL.md item 1).
 * MS_RDONLY is both a per-mount and a superblock flag and is not included.
 */
export const SUPERBLOCK_FLAGS: number =
  MS_SYNCHRONOUS | MS_DIRSYNC | MS_MANDLOCK | MS_LAZYTIME | MS_I_VERSION | MS_SILENT | MS_POSIXACL;

/** The superblock-only bits of `flags` (`flags & SUPERBLOCK_FLAGS`). Never throws. */
export function superblockFlags(flags: number): number {
  return flags & SUPERBLOCK_FLAGS;
}
