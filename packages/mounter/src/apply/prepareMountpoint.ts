import { createFileInRoot } from "../inroot/createFileInRoot.ts";
import { mkdirAllInRoot } from "../inroot/mkdirAllInRoot.ts";
import { openInRoot } from "../inroot/openInRoot.ts";
import type { ApplyContext } from "./ApplyContext.ts";
import { errorCode } from "./asMountError.ts";

/** A mountpoint held as an fd, and the in-root paths made to get it. */
export interface Mountpoint {
  fd: number;
  created: string[];
}

/**
 * Opens the mountpoint `inRootPath` inside the rootfs (never leaving it, never following a link
 * out), creating it when missing: a directory (with parents) for `dir`, an empty file for `file`.
 * The fd is O_PATH|O_CLOEXEC; the caller closes it. Throws what the in-root opener throws.
 */
export function prepareMountpoint(
  ctx: ApplyContext,
  inRootPath: string,
  kind: "dir" | "file",
): Mountpoint {
  try {
    return {
      fd: openInRoot(ctx.sys, ctx.rootFd, inRootPath, { forceFallback: ctx.forceFallback }),
      created: [],
    };
  } catch (err) {
    if (errorCode(err) !== "ENOENT") throw err;
  }
  const made =
    kind === "dir"
      ? mkdirAllInRoot(ctx.sys, ctx.rootFd, inRootPath, 0o755, { forceFallback: ctx.forceFallback })
      : createFileInRoot(ctx.sys, ctx.rootFd, inRootPath, 0o644, {
          forceFallback: ctx.forceFallback,
        });
  return { fd: made.fd, created: made.created };
}
