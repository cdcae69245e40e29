import {
  AT_EMPTY_PATH,
  AT_RECURSIVE,
  MS_PRIVATE,
  MS_REC,
  MS_SHARED,
  MS_SLAVE,
  MS_UNBINDABLE,
} from "@ocimount/mount-flags";
import type { ApplyContext } from "../ApplyContext.ts";
import { procFd } from "../procFd.ts";
import type { Expectation } from "../readback/Expectation.ts";

/**
 * Applies propagation changes in order to the attached mount held by `fd`, each its own call
 * (docs/KERNEL.md item 2): mount_setattr's `propagation` field, AT_RECURSIVE for the `r` forms; with
 * `fallback`, mount(2) with only the MS_* propagation flags. Returns the last one's word.
 */
export function applyPropagation(
  ctx: ApplyContext,
  fd: number,
  changes: readonly number[],
  fallback = ctx.forceMountFallback,
): Expectation["propagation"] {
  let last: Expectation["propagation"];
  for (const change of changes) {
    if (fallback) {
      ctx.sys.mount(null, procFd(fd), null, change, null);
    } else {
      const flags = AT_EMPTY_PATH | (change & MS_REC ? AT_RECURSIVE : 0);
      ctx.sys.mountSetattr(fd, "", flags, {
        attrSet: 0,
        attrClr: 0,
        propagation: change & ~MS_REC,
      });
    }
    last = propagationWord(change);
  }
  return last;
}

/** The mountinfo propagation a MS_* propagation change leaves on the mount itself. */
export function propagationWord(ms: number): NonNullable<Expectation["propagation"]> | undefined {
  if (ms & MS_SHARED) return "shared";
  if (ms & MS_SLAVE) return "slave";
  if (ms & MS_PRIVATE) return "private";
  if (ms & MS_UNBINDABLE) return "unbindable";
  return undefined;
}
