/**
 * The kernel structs the syscall layer passes or reads, built and parsed with DataView in
 * little-endian order (x86-64 and arm64). Layouts: include/uapi/linux/openat2.h,
 * linux/mount.h, linux/stat.h, and glibc's `struct statfs` for 64-bit targets.
 */

import { OPEN_HOW_SIZE, STATX_ATTR_MOUNT_ROOT, STATX_MNT_ID, STATX_SIZE } from "./constants.ts";
import type { FileStat, FsStat, MountAttr, OpenHow } from "./Syscalls.ts";

/** `struct mount_attr` is four u64: attr_set, attr_clr, propagation, userns_fd (MOUNT_ATTR_SIZE_VER0). */
const MOUNT_ATTR_SIZE = 32;
/** glibc's `struct statfs` on 64-bit: eleven 8-byte fields then f_spare[4]; 120 bytes. */
const STATFS_SIZE = 120;

/** Encodes `struct open_how` { u64 flags; u64 mode; u64 resolve; }. */
export function encodeOpenHow(how: OpenHow): Uint8Array {
  const bytes = new Uint8Array(OPEN_HOW_SIZE);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(0, BigInt(how.flags >>> 0), true);
  view.setBigUint64(8, BigInt(how.mode ?? 0), true);
  view.setBigUint64(16, BigInt(how.resolve), true);
  return bytes;
}

/** Encodes `struct mount_attr` { u64 attr_set; u64 attr_clr; u64 propagation; u64 userns_fd; }. */
export function encodeMountAttr(attr: MountAttr): Uint8Array {
  const bytes = new Uint8Array(MOUNT_ATTR_SIZE);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(0, BigInt(attr.attrSet >>> 0), true);
  view.setBigUint64(8, BigInt(attr.attrClr >>> 0), true);
  view.setBigUint64(16, BigInt(attr.propagation ?? 0), true);
  view.setBigUint64(24, BigInt(attr.usernsFd ?? 0), true);
  return bytes;
}

/** A zeroed buffer the size of `struct statx`. */
export function statxBuffer(): Uint8Array {
  return new Uint8Array(STATX_SIZE);
}

/** Reads the fields ocimount needs out of a filled `struct statx`. */
export function decodeStatx(bytes: Uint8Array): FileStat {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const mask = view.getUint32(0, true);
  const attributes = view.getBigUint64(8, true);
  const attributesMask = view.getBigUint64(56, true);
  const mountRootBit = BigInt(STATX_ATTR_MOUNT_ROOT);
  return {
    mode: view.getUint16(28, true),
    uid: view.getUint32(20, true),
    gid: view.getUint32(24, true),
    ino: view.getBigUint64(32, true),
    rdevMajor: view.getUint32(128, true),
    rdevMinor: view.getUint32(132, true),
    devMajor: view.getUint32(136, true),
    devMinor: view.getUint32(140, true),
    mountId: mask & STATX_MNT_ID ? Number(view.getBigUint64(144, true)) : 0,
    isMountRoot: (attributesMask & mountRootBit) !== 0n && (attributes & mountRootBit) !== 0n,
  };
}

/** A zeroed buffer the size of `struct statfs`. */
export function statfsBuffer(): Uint8Array {
  return new Uint8Array(STATFS_SIZE);
}

/** Reads `f_type` (offset 0) and `f_flags` (offset 80) out of a filled `struct statfs`. */
export function decodeStatfs(bytes: Uint8Array): FsStat {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    type: Number(view.getBigInt64(0, true)),
    flags: Number(view.getBigUint64(80, true)),
  };
}
