import {
  FSCONFIG_CMD_CREATE,
  FSCONFIG_SET_FLAG,
  FSCONFIG_SET_STRING,
  FSMOUNT_CLOEXEC,
  FSOPEN_CLOEXEC,
} from "@ocimount/mount-flags";
import { SyscallError } from "../../sys/SyscallError.ts";
import type { Syscalls } from "../../sys/Syscalls.ts";
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
 * that the caller attaches with move_mount and closes. Throws the failing call's SyscallError,
 * with the kernel's own reason as `detail` when the filesystem context logged one
 * (`tmpfs: Unknown parameter 'nosiud'`).
 */
export function createFs(sys: Syscalls, req: FsRequest): number {
  const fs = sys.fsopen(req.fsType, FSOPEN_CLOEXEC);
  try {
    return configureAndMount(sys, fs, req);
  } catch (err) {
    throw withKernelReason(sys, fs, err);
  } finally {
    sys.close(fs);
  }
}

/** At most this many messages are read from a context (the kernel keeps 8). */
const MAX_MESSAGES = 8;

/**
 * The messages the filesystem context left (read(2) on the fsopen fd: one per read, `e `, `w `
 * or `i ` then the text, ENODATA when none is left), errors first, joined with "; ".
 */
function fsMessages(sys: Syscalls, fs: number): string {
  const messages: string[] = [];
  for (let i = 0; i < MAX_MESSAGES; i++) {
    let text: string;
    try {
      text = sys.read(fs, 1024);
    } catch {
      break;
    }
    if (text === "") break;
    messages.push(text.replace(/^[ewi] /, "").trimEnd());
  }
  return messages.join("; ");
}

function withKernelReason(sys: Syscalls, fs: number, err: unknown): unknown {
  if (!(err instanceof SyscallError) || err.detail) return err;
  const detail = fsMessages(sys, fs);
  if (!detail) return err;
  const context = { path: err.path, source: err.source, target: err.target, flags: err.flags };
  return new SyscallError(err.op, err.errno, { ...context, detail }, { cause: err });
}

function configureAndMount(sys: Syscalls, fs: number, req: FsRequest): number {
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
}
