import { MOUNT_ATTR_IDMAP, MS_BIND, MS_REC, MS_REMOUNT } from "./constants.ts";

/** The boolean fields of `ParsedMountOptions` that an operation option turns on. */
export type OperationField =
  | "bind"
  | "recursiveBind"
  | "remount"
  | "idmap"
  | "recursiveIdmap"
  | "tmpcopyup";

/**
 * An option that chooses what kind of mount to make rather than a flag of it: the parse result
 * says so in a boolean, and never puts these bits into `flags`.
 */
export interface OperationOption {
  /** The option string (`rbind`). */
  readonly option: string;
  /** The fields of `ParsedMountOptions` it sets to true. */
  readonly sets: readonly OperationField[];
  /** The MS_* bits of the operation, for display and `formatMountFlags`; 0 if none. */
  readonly flag: number;
  /** The MOUNT_ATTR_* bits of the operation, for display; 0 if none. */
  readonly attr: number;
  /** What the option does, in a few words. */
  readonly description: string;
}

function operation(
  option: string,
  sets: readonly OperationField[],
  bits: { flag?: number; attr?: number },
  description: string,
): OperationOption {
  const entry = { option, sets: Object.freeze([...sets]), description };
  return Object.freeze({ ...entry, flag: bits.flag ?? 0, attr: bits.attr ?? 0 });
}

/**
 * Options that select the operation: bind mounts, remount, id-mapped mounts, tmpcopyup.
 * `rbind` comes before `bind` so that `formatMountFlags` names `MS_BIND | MS_REC` `rbind`.
 * These only ever turn fields on: `rbind,bind` is still recursive, as with mount(8).
 */
export const OPERATION_OPTIONS: readonly OperationOption[] = Object.freeze([
  operation("remount", ["remount"], { flag: MS_REMOUNT }, "change the flags of an existing mount"),
  operation(
    "rbind",
    ["bind", "recursiveBind"],
    { flag: MS_BIND | MS_REC },
    "bind mount with submounts",
  ),
  operation("bind", ["bind"], { flag: MS_BIND }, "bind mount"),
  operation(
    "ridmap",
    ["idmap", "recursiveIdmap"],
    { attr: MOUNT_ATTR_IDMAP },
    "id-mapped mount, recursive (mount_setattr, Linux 5.12)",
  ),
  operation("idmap", ["idmap"], { attr: MOUNT_ATTR_IDMAP }, "id-mapped mount (mount_setattr)"),
  operation("tmpcopyup", ["tmpcopyup"], {}, "copy the directory's contents up into a new tmpfs"),
]);
