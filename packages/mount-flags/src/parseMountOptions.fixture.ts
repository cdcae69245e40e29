import type { ParsedMountOptions } from "./index.ts";

/** A whole `ParsedMountOptions`: the empty result with `partial` on top (test helper). */
export function result(partial: Partial<ParsedMountOptions>): ParsedMountOptions {
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
    ...partial,
  };
}

/** The `recursive` part of a result (test helper). */
export const rec = (attrSet: number, attrClr: number) => ({ recursive: { attrSet, attrClr } });
