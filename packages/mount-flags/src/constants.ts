/**
 * Kernel constants for mount(2) and mount_setattr(2), with the values of
 * include/uapi/linux/mount.h and include/uapi/linux/fcntl.h.
 */

/** mount(2): mount read-only. */
export const MS_RDONLY = 0x1;
/** mount(2): ignore set-user-ID and set-group-ID bits. */
export const MS_NOSUID = 0x2;
/** mount(2): disallow access to device special files. */
export const MS_NODEV = 0x4;
/** mount(2): disallow program execution. */
export const MS_NOEXEC = 0x8;
