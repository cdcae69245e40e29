import {
  MS_NOATIME,
  MS_NODEV,
  MS_NODIRATIME,
  MS_NOEXEC,
  MS_NOSUID,
  MS_RDONLY,
  MS_RELATIME,
  MS_STRICTATIME,
} from "@ocimount/mount-flags";
import type { Syscalls } from "../sys/Syscalls.ts";

/**
 * The MS_* flags a mount has now (fstatfs `f_flags` of `fd`), for mount(2) remounts that must
 * keep them: a bind remount replaces every per-mount flag it is not given.
 */
export function currentMsFlags(sys: Syscalls, fd: number): number {
  const st = sys.fstatfs(fd).flags;
  let ms = 0;
  if (st & 1) ms |= MS_RDONLY;
  if (st & 2) ms |= MS_NOSUID;
  if (st & 4) ms |= MS_NODEV;
  if (st & 8) ms |= MS_NOEXEC;
  if (st & 2048) ms |= MS_NODIRATIME;
  ms |= st & 1024 ? MS_NOATIME : st & 4096 ? MS_RELATIME : MS_STRICTATIME;
  return ms;
}
