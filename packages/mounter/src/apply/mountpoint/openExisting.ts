import { openInRoot } from "../../inroot/openInRoot.ts";
import type { ApplyContext } from "../ApplyContext.ts";
import { errorCode } from "../asMountError.ts";

/** Opens `inRootPath` in the rootfs, or returns -1 when it does not exist (masked and read-only paths are optional). */
export function openExisting(ctx: ApplyContext, inRootPath: string): number {
  try {
    return openInRoot(ctx.sys, ctx.rootFd, inRootPath, { forceFallback: ctx.forceResolverWalk });
  } catch (err) {
    if (errorCode(err) === "ENOENT") return -1;
    throw err;
  }
}
