import { AT_EMPTY_PATH } from "@ocimount/mount-flags";
import {
  AT_FDCWD,
  O_CLOEXEC,
  O_NOFOLLOW,
  O_PATH,
  S_IFCHR,
  S_IFMT,
} from "@ocimount/mount-flags/linux";
import { MountError } from "../../errors.ts";
import type { ApplyContext } from "../ApplyContext.ts";

/**
 * The fd of the host's /dev/null, checked to be the character device 1:3 (CVE-2025-31133: a
 * /dev/null replaced by a link or another file must not be bind-mounted over masked paths).
 * Opened once per setup, O_PATH|O_NOFOLLOW|O_CLOEXEC; setup closes it.
 */
export function openDevNull(ctx: ApplyContext, where: string): number {
  if (ctx.devNullFd >= 0) return ctx.devNullFd;
  const fd = ctx.sys.openat(AT_FDCWD, "/dev/null", O_PATH | O_NOFOLLOW | O_CLOEXEC);
  const st = ctx.sys.statx(fd, "", AT_EMPTY_PATH);
  if ((st.mode & S_IFMT) !== S_IFCHR || st.rdevMajor !== 1 || st.rdevMinor !== 3) {
    ctx.sys.close(fd);
    throw new MountError({
      code: "EMASKDEV",
      op: "mask",
      where,
      source: "/dev/null",
      detail: `not the character device 1:3 (mode 0o${st.mode.toString(8)}, rdev ${st.rdevMajor}:${st.rdevMinor})`,
    });
  }
  ctx.devNullFd = fd;
  return fd;
}
