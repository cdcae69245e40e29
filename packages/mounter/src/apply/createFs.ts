import {
  FSCONFIG_CMD_CREATE,
  FSCONFIG_SET_FLAG,
  FSCONFIG_SET_STRING,
  FSMOUNT_CLOEXEC,
  FSOPEN_CLOEXEC,
} from "@ocimount/mount-flags";
import type { Syscalls } from "../sys/Syscalls.ts";
import { superblockFlagKeys } from "./superblockFlags.ts";

/** What a new filesystem is made of. */
export interface FsRequest {
  fsType: string;
  source: string | undefined;
  /** MS_* flags: the superblock ones become fsconfig flags. */
  flags: number;
  /** Filesystem options, one per element: `key=value` is SET_STRING, a bare `key` SET_FLAG. */
  data: readonly string[];
  /** MOUNT_ATTR_* for fsmount(2). */
  attr: number;
}

/**
 * fsopen/fsconfig/fsmount: a detached mount of a new filesystem, returned as an O_CLOEXEC fd
 * that the caller attaches with move_mount and closes. Throws the failing call's SyscallError.
 */
export function createFs(sys: Syscalls, req: FsRequest): number {
  const fs = sys.fsopen(req.fsType, FSOPEN_CLOEXEC);
  try {
    if (req.source !== undefined) sys.fsconfig(fs, FSCONFIG_SET_STRING, "source", req.source, 0);
    for (const key of superblockFlagKeys(req.flags))
      sys.fsconfig(fs, FSCONFIG_SET_FLAG, key, null, 0);
    for (const option of req.data) {
      const eq = option.indexOf("=");
      if (eq < 0) sys.fsconfig(fs, FSCONFIG_SET_FLAG, option, null, 0);
      else sys.fsconfig(fs, FSCONFIG_SET_STRING, option.slice(0, eq), option.slice(eq + 1), 0);
    }
    sys.fsconfig(fs, FSCONFIG_CMD_CREATE, null, null, 0);
    return sys.fsmount(fs, FSMOUNT_CLOEXEC, req.attr);
  } finally {
    sys.close(fs);
  }
}
