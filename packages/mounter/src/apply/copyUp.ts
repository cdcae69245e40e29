import { MountError } from "../errors.ts";

/**
 * tmpcopyup: copies the contents of the directory `fromFd` (the one the tmpfs will cover) into
 * the detached tmpfs `toFd`, before the tmpfs is attached. `cp -a` reads both through
 * /proc/<pid>/fd magic links, so no path string inside the rootfs is re-resolved.
 */
export function copyUp(fromFd: number, toFd: number, where: string): void {
  const proc = `/proc/${process.pid}/fd`;
  const r = Bun.spawnSync(["cp", "-a", "--", `${proc}/${fromFd}/.`, `${proc}/${toFd}/`], {
    stderr: "pipe",
  });
  if (r.exitCode !== 0) {
    throw new MountError({
      code: "ESYSCALL",
      op: "tmpcopyup",
      where,
      detail: r.stderr.toString().trim(),
    });
  }
}
