import {
  type AtimeMode,
  effectiveAtime,
  formatMountAttr,
  formatMountFlags,
  MOUNT_ATTR__ATIME,
  type ParsedMountOptions,
} from "@ocimount/mount-flags";
import { type BitsReport, bitsReport } from "./bitsReport.ts";

/** What `ocimount flags --json` prints: the parsed options with every flag word named. */
export interface FlagsReport {
  options: string[];
  flags: BitsReport;
  clearFlags: BitsReport;
  /** The access-time mode the kernel makes of `flags` (strictatime > noatime > relatime); null if none is set. */
  atime: AtimeMode | null;
  bind: boolean;
  recursiveBind: boolean;
  remount: boolean;
  propagation: BitsReport[];
  recursive: { attrSet: BitsReport; attrClr: BitsReport };
  idmap: boolean;
  recursiveIdmap: boolean;
  tmpcopyup: boolean;
  data: string;
  unknown: string[];
}

/**
 * Builds the `flags` report from `parseMountOptions`' result; bits are named with the option
 * words of mount-flags' tables (`ro`, `rprivate`, `nosuid`). A recursive `relatime`
 * (`rrelatime`) sets the access-time enum to 0 while clearing its mask; it is named `relatime`.
 */
export function flagsReport(options: readonly string[], parsed: ParsedMountOptions): FlagsReport {
  const { attrSet, attrClr } = parsed.recursive;
  const set = bitsReport(attrSet, formatMountAttr);
  if ((attrClr & MOUNT_ATTR__ATIME) === MOUNT_ATTR__ATIME && (attrSet & MOUNT_ATTR__ATIME) === 0) {
    set.names.push("relatime");
  }
  return {
    options: [...options],
    flags: bitsReport(parsed.flags, formatMountFlags),
    clearFlags: bitsReport(parsed.clearFlags, formatMountFlags),
    atime: effectiveAtime(parsed.flags) ?? null,
    bind: parsed.bind,
    recursiveBind: parsed.recursiveBind,
    remount: parsed.remount,
    propagation: parsed.propagation.map((p) => bitsReport(p, formatMountFlags)),
    recursive: { attrSet: set, attrClr: bitsReport(attrClr, formatMountAttr) },
    idmap: parsed.idmap,
    recursiveIdmap: parsed.recursiveIdmap,
    tmpcopyup: parsed.tmpcopyup,
    data: parsed.data,
    unknown: [...parsed.unknown],
  };
}
