import { AT_EMPTY_PATH, AT_RECURSIVE } from "@ocimount/mount-flags";
import type { StepOptions } from "../../plan/types.ts";
import type { ApplyContext } from "../ApplyContext.ts";
import { type AttrChange, NO_ATTR_CHANGE } from "./attrChange.ts";
import { keepLockedFlags } from "./lockedFlags.ts";

/**
 * Applies the `r*` options to the whole tree under `fd` (mount_setattr AT_RECURSIVE, 5.12+)
 * and returns the change made (after keeping locked flags in a user namespace), or
 * `NO_ATTR_CHANGE` when there are none (no call is made). Callers apply it AFTER the per-mount
 * flags, so on the top mount the `r*` options win over their per-mount twins (`rro` over `rw`).
 * `sourceFlags` are the source's fstatfs flags, read before the per-mount step (`sourceStFlags`).
 */
export function applyRecursiveAttr(
  ctx: ApplyContext,
  fd: number,
  options: StepOptions,
  why: string,
  sourceFlags: number,
): Readonly<AttrChange> {
  const { attrSet, attrClr } = options.recursive;
  if (!attrSet && !attrClr) return NO_ATTR_CHANGE;
  const attr = keepLockedFlags(ctx, sourceFlags, { attrSet, attrClr }, why);
  ctx.sys.mountSetattr(fd, "", AT_EMPTY_PATH | AT_RECURSIVE, attr);
  return attr;
}
