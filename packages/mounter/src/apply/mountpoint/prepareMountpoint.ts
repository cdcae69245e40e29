import { posix } from "node:path";
import { createFileInRoot } from "../../inroot/createFileInRoot.ts";
import { mkdirAllInRoot } from "../../inroot/mkdirAllInRoot.ts";
import { openInRoot } from "../../inroot/openInRoot.ts";
import type { ApplyContext } from "../ApplyContext.ts";
import { errorCode } from "../asMountError.ts";

/** A mountpoint held as an fd, and the in-root paths made to get it. */
export interface Mountpoint {
  fd: number;
  created: string[];
}

/**
 * Opens the mountpoint `inRootPath` inside the rootfs (never leaving it, never following a link
 * out), creating it when missing: a directory (with parents) for `dir`, an empty file for `file`
 * (`kind` may be a function, called only when the mountpoint must be created).
 * The paths about to be created are journaled BEFORE they are made (a kill between mkdir and
 * journal must not leave an unknown directory behind); teardown removes them only if empty.
 * The fd is O_PATH|O_CLOEXEC; the caller closes it. Throws what the in-root opener throws.
 */
export function prepareMountpoint(
  ctx: ApplyContext,
  why: string,
  inRootPath: string,
  kind: "dir" | "file" | (() => "dir" | "file"),
): Mountpoint {
  const opts = { forceFallback: ctx.forceResolverWalk };
  try {
    return { fd: openInRoot(ctx.sys, ctx.rootFd, inRootPath, opts), created: [] };
  } catch (err) {
    if (errorCode(err) !== "ENOENT") throw err;
  }
  const missing = missingComponents(ctx, inRootPath);
  ctx.recorder.created(why, missing);
  const made =
    (typeof kind === "function" ? kind() : kind) === "dir"
      ? mkdirAllInRoot(ctx.sys, ctx.rootFd, inRootPath, 0o755, opts)
      : createFileInRoot(ctx.sys, ctx.rootFd, inRootPath, 0o644, opts);
  const unexpected = made.created.filter((p) => !missing.includes(p));
  if (unexpected.length) ctx.recorder.created(why, unexpected);
  return { fd: made.fd, created: made.created };
}

/** The in-root paths from the deepest existing ancestor of `inRootPath` down to it, top first. */
function missingComponents(ctx: ApplyContext, inRootPath: string): string[] {
  const missing = [inRootPath];
  for (let dir = posix.dirname(inRootPath); dir !== "/"; dir = posix.dirname(dir)) {
    try {
      ctx.sys.close(openInRoot(ctx.sys, ctx.rootFd, dir, { forceFallback: ctx.forceResolverWalk }));
      break;
    } catch (err) {
      if (errorCode(err) !== "ENOENT") break;
      missing.unshift(dir);
    }
  }
  return missing;
}
