import type { OcimountError } from "@ocimount/mount-flags/errors";
import type { IdMapping } from "../../configTypes.ts";
import { MountError } from "../../errors.ts";
import type { Syscalls } from "../../sys/Syscalls.ts";

function mapText(maps: readonly IdMapping[]): string {
  return maps.map((m) => `${m.containerID} ${m.hostID} ${m.size}\n`).join("");
}

/**
 * A user namespace fd carrying these mappings, for MOUNT_ATTR_IDMAP (`sys.userNamespace` with
 * the `containerID hostID size` lines of uid_map and gid_map). Throws `MountError` naming
 * `where`: `ENOTSUP` when the namespace cannot be made, else the failed call (`open` of the
 * uid_map, EPERM for a map the caller may not write) with its path and errno.
 */
export function idmapUserns(
  sys: Syscalls,
  uid: readonly IdMapping[],
  gid: readonly IdMapping[],
  where: string,
): number {
  try {
    return sys.userNamespace(mapText(uid), mapText(gid));
  } catch (err) {
    const e = err as OcimountError;
    if (e.errno === undefined) {
      throw new MountError({ code: "ENOTSUP", op: "idmap", where, detail: e.detail, cause: err });
    }
    throw new MountError({
      code: "ESYSCALL",
      op: e.op ?? "idmap",
      where,
      path: e.path,
      errno: e.errno,
      cause: err,
    });
  }
}
