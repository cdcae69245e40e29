import { AT_EMPTY_PATH, AT_RECURSIVE, MOUNT_ATTR_IDMAP } from "@ocimount/mount-flags";
import { MountError } from "../../errors.ts";
import type { StepOptions } from "../../plan/types.ts";
import type { ApplyContext } from "../ApplyContext.ts";
import { idmapUserns } from "./idmapUserns.ts";

/**
 * Idmaps the detached mount `fd` (MOUNT_ATTR_IDMAP, Linux 5.12; AT_RECURSIVE for `ridmap`)
 * with the mount's uidMappings/gidMappings. Must run before the mount is attached.
 */
export function applyIdmap(ctx: ApplyContext, fd: number, options: StepOptions, why: string): void {
  if (!options.idmap && !options.recursiveIdmap) return;
  if (ctx.forceMountFallback)
    throw new MountError({
      code: "ENOTSUP",
      op: "idmap",
      where: why,
      detail: "idmap needs mount_setattr",
    });
  const userns = idmapUserns(ctx.sys, options.uidMappings ?? [], options.gidMappings ?? [], why);
  try {
    const flags = AT_EMPTY_PATH | (options.recursiveIdmap ? AT_RECURSIVE : 0);
    ctx.sys.mountSetattr(fd, "", flags, {
      attrSet: MOUNT_ATTR_IDMAP,
      attrClr: 0,
      usernsFd: userns,
    });
  } finally {
    ctx.sys.close(userns);
  }
}
