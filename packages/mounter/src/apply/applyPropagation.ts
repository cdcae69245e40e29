import { AT_EMPTY_PATH, AT_RECURSIVE, MS_REC } from "@ocimount/mount-flags";
import type { ApplyContext } from "./ApplyContext.ts";
import type { Expectation } from "./Expectation.ts";
import { procFd } from "./procFd.ts";
import { propagationWord } from "./propagationWord.ts";

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
