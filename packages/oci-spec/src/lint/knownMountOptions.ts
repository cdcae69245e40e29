import {
  MOUNT_OPTIONS,
  OPERATION_OPTIONS,
  PROPAGATION_OPTIONS,
  RECURSIVE_OPTIONS,
} from "@ocimount/mount-flags";

/**
 * Mount option names with a meaning of their own (mount(8) flags, propagation, recursive `r*`
 * forms, bind, remount, idmap, tmpcopyup): exactly the names @ocimount/mount-flags parses, from
 * its tables. Anything else is filesystem data. `lintConfig` accepts a replacement predicate.
 */
export const KNOWN_MOUNT_OPTIONS: ReadonlySet<string> = new Set(
  [...MOUNT_OPTIONS, ...PROPAGATION_OPTIONS, ...RECURSIVE_OPTIONS, ...OPERATION_OPTIONS].map(
    (o) => o.option,
  ),
);

/** True when `option` is a known mount flag/propagation/bind option (not filesystem data). */
export function isKnownMountOption(option: string): boolean {
  return KNOWN_MOUNT_OPTIONS.has(option);
}
