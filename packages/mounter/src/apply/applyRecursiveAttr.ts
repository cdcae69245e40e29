import { AT_EMPTY_PATH, AT_RECURSIVE } from "@ocimount/mount-flags";
import type { StepOptions } from "../plan/types.ts";
import type { ApplyContext } from "./ApplyContext.ts";
import { keepLockedFlags } from "./keepLockedFlags.ts";

/** Applies the `r*` options to the whole tree under `fd` (mount_setattr AT_RECURSIVE, 5.12+). */
export function applyRecursiveAttr(
  ctx: ApplyContext,
  fd: number,
  options: StepOptions,
  why: string,
): void {
  const { attrSet, attrClr } = options.recursive;
  if (!attrSet && !attrClr) return;
  const attr = keepLockedFlags(ctx, fd, { attrSet, attrClr }, why);
  ctx.sys.mountSetattr(fd, "", AT_EMPTY_PATH | AT_RECURSIVE, attr);
}
