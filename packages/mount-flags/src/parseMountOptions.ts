import { MOUNT_ATTR__ATIME, MOUNT_ATTR_RELATIME } from "./constants.ts";
import type { MountOption } from "./MOUNT_OPTIONS.ts";
import { OPTION_INDEX } from "./optionIndex.ts";
import type { ParsedMountOptions } from "./ParsedMountOptions.ts";
import type { RecursiveOption } from "./RECURSIVE_OPTIONS.ts";

function applyFlag(result: ParsedMountOptions, entry: MountOption): void {
  if (entry.clear) {
    result.flags &= ~entry.flag;
    result.clearFlags |= entry.flag;
    return;
  }
  result.flags |= entry.flag;
  result.clearFlags &= ~entry.flag;
}

function applyRecursiveAtime(recursive: ParsedMountOptions["recursive"], entry: RecursiveOption) {
  // mount_setattr(2): the atime mode is an enum; clearing only part of MOUNT_ATTR__ATIME is EINVAL.
  const chosen = recursive.attrClr & MOUNT_ATTR__ATIME ? recursive.attrSet & MOUNT_ATTR__ATIME : -1;
  let mode = entry.attr;
  if (entry.clear) {
    // Clearing a mode falls back to the kernel default (relatime) only if that mode was in effect.
    mode = chosen === -1 || chosen === entry.attr ? MOUNT_ATTR_RELATIME : chosen;
  }
  recursive.attrClr |= MOUNT_ATTR__ATIME;
  recursive.attrSet = (recursive.attrSet & ~MOUNT_ATTR__ATIME) | mode;
}

function applyRecursive(recursive: ParsedMountOptions["recursive"], entry: RecursiveOption): void {
  if (entry.atime) {
    applyRecursiveAtime(recursive, entry);
  } else if (entry.clear) {
    recursive.attrSet &= ~entry.attr;
    recursive.attrClr |= entry.attr;
  } else {
    recursive.attrSet |= entry.attr;
    recursive.attrClr &= ~entry.attr;
  }
}

function emptyResult(): ParsedMountOptions {
  return {
    flags: 0,
    clearFlags: 0,
    bind: false,
    recursiveBind: false,
    remount: false,
    propagation: [],
    recursive: { attrSet: 0, attrClr: 0 },
    idmap: false,
    recursiveIdmap: false,
    tmpcopyup: false,
    data: "",
    unknown: [],
  };
}

/**
 * Turns runtime-spec mount options (config.json `mounts[].options`) into what the kernel needs,
 * as runc and mount(8) do: each option sets or clears its own MS_* bit, left to right (`ro,rw` is
 * rw), a clearing option removes its bit and records it in `clearFlags`, `defaults` changes
 * nothing. The access-time bits are independent too: `noatime,relatime` keeps both, and the
 * kernel ranks them (strictatime beats noatime beats relatime; `effectiveAtime` gives the result),
 * so `relatime,noatime` is noatime and `noatime,atime` relatime. The recursive `r*`
 * options go to `recursive` (last-wins per attribute; an atime option always clears the whole
 * MOUNT_ATTR__ATIME mask). Unknown options go, in order, to `data` and `unknown`.
 *
 * Each array element is one option: `"ro,nosuid"` is not split (it is unknown, so it ends up in
 * `data`); empty strings are skipped. Never throws.
 */
export function parseMountOptions(options: readonly string[]): ParsedMountOptions {
  const result = emptyResult();
  for (const option of options) {
    if (option === "") continue;
    const known = OPTION_INDEX.get(option);
    if (known === undefined) {
      result.unknown.push(option);
    } else if (known.kind === "flag") {
      applyFlag(result, known.entry);
    } else if (known.kind === "recursive") {
      applyRecursive(result.recursive, known.entry);
    } else if (known.kind === "propagation") {
      result.propagation.push(known.entry.flag);
    } else {
      for (const field of known.entry.sets) result[field] = true;
    }
  }
  result.data = result.unknown.join(",");
  return result;
}
