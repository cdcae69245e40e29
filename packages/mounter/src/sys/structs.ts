import { MOUNT_ATTR_SIZE_VER0 } from "@ocimount/mount-flags";
/**
 * The kernel structs the syscall layer passes or reads, built and parsed with DataView in
 * little-endian order (x86-64 and arm64). Layouts: include/uapi/linux/openat2.h,
 * linux/mount.h, linux/stat.h, and glibc's `struct statfs` for 64-bit targets.
 */

import {
  MNT_ID_REQ_SIZE_VER0,
  OPEN_HOW_SIZE,
  STATFS_SIZE,
  STATMOUNT_STRINGS_AT,
  STATX_ATTR_MOUNT_ROOT,
  STATX_BTIME,
  STATX_MNT_ID,
  STATX_MNT_ID_UNIQUE,
  STATX_SIZE,
} from "@ocimount/mount-flags/linux";
import type { FileStat, FsStat, MountAttr, MountStat, OpenHow } from "./Syscalls.ts";

/** `struct mount_attr` is four u64: attr_set, attr_clr, propagation, userns_fd. */
const MOUNT_ATTR_SIZE = MOUNT_ATTR_SIZE_VER0;

/**
 * One buffer per struct, reused by every call: calls are synchronous and the kernel copies a
 * struct in (or out) before returning, and the decoders copy the fields out at once. Callers
 * never keep these buffers past their call.
 */
const openHowBytes = new Uint8Array(OPEN_HOW_SIZE);
const openHowView = new DataView(openHowBytes.buffer);
const mountAttrBytes = new Uint8Array(MOUNT_ATTR_SIZE);
const mountAttrView = new DataView(mountAttrBytes.buffer);
const statxBytes = new Uint8Array(STATX_SIZE);
const statxView = new DataView(statxBytes.buffer);
const statfsBytes = new Uint8Array(STATFS_SIZE);
const statfsView = new DataView(statfsBytes.buffer);
const TWO_32 = 2 ** 32;
const utf8 = new TextDecoder();

/** A u64 field as a number (exact below 2^53: flags, IDs and counts here are far below). */
function u64(view: DataView, offset: number): number {
  return view.getUint32(offset, true) + view.getUint32(offset + 4, true) * TWO_32;
}

function setU64(view: DataView, offset: number, value: number): void {
  view.setUint32(offset, value % TWO_32, true);
  view.setUint32(offset + 4, Math.floor(value / TWO_32), true);
}

/** Encodes `struct open_how` { u64 flags; u64 mode; u64 resolve; } (into a reused buffer). */
export function encodeOpenHow(how: OpenHow): Uint8Array {
  setU64(openHowView, 0, how.flags >>> 0);
  setU64(openHowView, 8, how.mode ?? 0);
  setU64(openHowView, 16, how.resolve);
  return openHowBytes;
}

/**
 * Encodes `struct mount_attr` { u64 attr_set; u64 attr_clr; u64 propagation; u64 userns_fd; }
 * (into a reused buffer).
 */
export function encodeMountAttr(attr: MountAttr): Uint8Array {
  setU64(mountAttrView, 0, attr.attrSet >>> 0);
  setU64(mountAttrView, 8, attr.attrClr >>> 0);
  setU64(mountAttrView, 16, attr.propagation ?? 0);
  setU64(mountAttrView, 24, attr.usernsFd ?? 0);
  return mountAttrBytes;
}

/** The (reused) buffer the size of `struct statx` for the next statx call; decode it at once. */
export function statxBuffer(): Uint8Array {
  return statxBytes;
}

/** `stx_mask` of a filled `struct statx`: which fields the kernel supplied. */
export function decodeStatxMask(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
}

/** Reads the fields ocimount needs out of the statx buffer just filled. */
export function decodeStatx(bytes: Uint8Array): FileStat {
  const view = bytes === statxBytes ? statxView : new DataView(bytes.buffer, bytes.byteOffset);
  const mask = view.getUint32(0, true);
  // STATX_ATTR_MOUNT_ROOT is in the low word of stx_attributes and stx_attributes_mask.
  const mountRoot = view.getUint32(8, true) & view.getUint32(56, true) & STATX_ATTR_MOUNT_ROOT;
  return {
    mode: view.getUint16(28, true),
    uid: view.getUint32(20, true),
    gid: view.getUint32(24, true),
    ino: view.getBigUint64(32, true),
    rdevMajor: view.getUint32(128, true),
    rdevMinor: view.getUint32(132, true),
    devMajor: view.getUint32(136, true),
    devMinor: view.getUint32(140, true),
    mountId: mask & STATX_MNT_ID ? u64(view, 144) : 0,
    isMountRoot: mountRoot !== 0,
    // stx_btime: { s64 tv_sec; u32 tv_nsec; } at 80.
    btime:
      mask & STATX_BTIME
        ? `${view.getBigInt64(80, true)}.${String(view.getUint32(88, true)).padStart(9, "0")}`
        : undefined,
  };
}

/** The 64-bit mount ID out of the statx buffer just filled, 0 unless the kernel set STATX_MNT_ID_UNIQUE. */
export function decodeUniqueMountId(bytes: Uint8Array): number {
  const view = bytes === statxBytes ? statxView : new DataView(bytes.buffer, bytes.byteOffset);
  return view.getUint32(0, true) & STATX_MNT_ID_UNIQUE ? u64(view, 144) : 0;
}

const mntIdReqBytes = new Uint8Array(MNT_ID_REQ_SIZE_VER0);
const mntIdReqView = new DataView(mntIdReqBytes.buffer);

/** Encodes `struct mnt_id_req` { u32 size; u32 spare; u64 mnt_id; u64 param; } (reused buffer). */
export function encodeMntIdReq(mountId: number, param: number): Uint8Array {
  mntIdReqView.setUint32(0, MNT_ID_REQ_SIZE_VER0, true);
  mntIdReqView.setUint32(4, 0, true);
  setU64(mntIdReqView, 8, mountId);
  setU64(mntIdReqView, 16, param);
  return mntIdReqBytes;
}

/** Reads the IDs and the mount point out of a filled `struct statmount` (MNT_BASIC|MNT_POINT). */
export function decodeStatmount(bytes: Uint8Array): MountStat {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The buffer is reused: the decoded fields are copied out before the next call fills it.
  const point = STATMOUNT_STRINGS_AT + view.getUint32(108, true);
  const end = bytes.indexOf(0, point);
  return {
    uniqueId: u64(view, 40),
    parentUniqueId: u64(view, 48),
    mountId: view.getUint32(56, true),
    parentId: view.getUint32(60, true),
    mountPoint: utf8.decode(bytes.subarray(point, end < 0 ? bytes.length : end)),
  };
}

/** Reads `count` u64 mount IDs out of a listmount buffer. */
export function decodeIds(bytes: Uint8Array, count: number): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(u64(view, i * 8));
  return out;
}

/** The (reused) buffer the size of `struct statfs` for the next fstatfs call; decode it at once. */
export function statfsBuffer(): Uint8Array {
  return statfsBytes;
}

/** Reads `f_type` (offset 0) and `f_flags` (offset 80) out of a filled `struct statfs`. */
export function decodeStatfs(bytes: Uint8Array): FsStat {
  const view = bytes === statfsBytes ? statfsView : new DataView(bytes.buffer, bytes.byteOffset);
  return {
    type: Number(view.getBigInt64(0, true)),
    flags: u64(view, 80),
  };
}
