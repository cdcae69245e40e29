import { readlinkSync, writeFileSync } from "node:fs";
import { AT_FDCWD, O_CLOEXEC, O_RDONLY } from "@ocimount/mount-flags/linux";
import type { IdMapping } from "../../configTypes.ts";
import { MountError } from "../../errors.ts";
import type { Syscalls } from "../../sys/Syscalls.ts";

function mapText(maps: readonly IdMapping[]): string {
  return maps.map((m) => `${m.containerID} ${m.hostID} ${m.size}\n`).join("");
}

/**
 * A user namespace fd carrying these mappings, for MOUNT_ATTR_IDMAP: spawns a child in a new
 * user namespace (`unshare -U`), writes its uid_map/gid_map (`containerID hostID size` lines),
 * opens /proc/<pid>/ns/user (O_CLOEXEC) and kills the child; the fd keeps the namespace alive.
 * Throws `MountError` (`ENOTSUP`) when the namespace cannot be made.
 */
export function idmapUserns(
  sys: Syscalls,
  uid: readonly IdMapping[],
  gid: readonly IdMapping[],
  where: string,
): number {
  const own = readlinkSync("/proc/self/ns/user");
  const child = Bun.spawn(["unshare", "-U", "--", "sleep", "30"], {
    stdio: ["ignore", "ignore", "ignore"],
  });
  try {
    const ns = `/proc/${child.pid}/ns/user`;
    for (let tries = 0; ; tries++) {
      let current = own;
      try {
        current = readlinkSync(ns);
      } catch {}
      if (current !== own) break;
      if (tries > 2000 || child.exitCode !== null) {
        throw new MountError({
          code: "ENOTSUP",
          op: "idmap",
          where,
          detail: "could not create a user namespace",
        });
      }
      Bun.sleepSync(1);
    }
    writeFileSync(`/proc/${child.pid}/uid_map`, mapText(uid));
    writeFileSync(`/proc/${child.pid}/gid_map`, mapText(gid));
    return sys.openat(AT_FDCWD, ns, O_RDONLY | O_CLOEXEC);
  } finally {
    child.kill(9);
  }
}
