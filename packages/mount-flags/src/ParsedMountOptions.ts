/**
 * What a list of runtime-spec mount options asks the kernel for (see `parseMountOptions`).
 * `flags` and `clearFlags` never share a bit; neither holds MS_BIND, MS_REC, MS_REMOUNT or a
 * propagation bit (those are the booleans and `propagation`).
 */
export interface ParsedMountOptions {
  /** MS_* bits to set on the mount (`ro` gives MS_RDONLY). */
  flags: number;
  /** MS_* bits explicitly cleared (`rw` gives MS_RDONLY, `suid` MS_NOSUID). */
  clearFlags: number;
  /** `bind` or `rbind` was given. */
  bind: boolean;
  /** `rbind` was given. */
  recursiveBind: boolean;
  /** `remount` was given. */
  remount: boolean;
  /** The propagation changes in order, e.g. `[MS_PRIVATE | MS_REC]` for `rprivate`. */
  propagation: number[];
  /** MOUNT_ATTR_* bits for `mount_setattr(..., AT_RECURSIVE, ...)` from the `r*` options. */
  recursive: { attrSet: number; attrClr: number };
  /** `idmap` or `ridmap` was given. */
  idmap: boolean;
  /** `ridmap` was given. */
  recursiveIdmap: boolean;
  /** `tmpcopyup` was given. */
  tmpcopyup: boolean;
  /** The unknown (filesystem-specific) options joined with ",", for mount(2)'s `data`. */
  data: string;
  /** The same unknown options as a list, in order, so that callers can warn about them. */
  unknown: string[];
}
