import { hexBits } from "./hexBits.ts";
import { MOUNT_OPTIONS } from "./MOUNT_OPTIONS.ts";
import { OPERATION_OPTIONS } from "./OPERATION_OPTIONS.ts";
import { PROPAGATION_OPTIONS } from "./PROPAGATION_OPTIONS.ts";

interface Name {
  readonly option: string;
  readonly flag: number;
}

/** The options that name MS_* bits, in table order: flags, then operations, then propagation. */
const NAMES: readonly Name[] = [
  ...MOUNT_OPTIONS.filter((entry) => !entry.clear && entry.flag !== 0),
  ...OPERATION_OPTIONS.filter((entry) => entry.flag !== 0),
  ...PROPAGATION_OPTIONS,
];

/**
 * Names the MS_* bits of `flags` with the options of the tables, in table order (`["ro",
 * "nosuid", "rbind", "rprivate"]`). A multi-bit option is used when all its bits are present
 * (`MS_BIND | MS_REC` is `rbind`), each bit is named once, and bits no option sets (MS_MOVE,
 * MS_REC alone, unknown bits) come last as `0x...`, one per bit. Expects an unsigned 32-bit
 * value; never throws.
 */
export function formatMountFlags(flags: number): string[] {
  let rest = flags >>> 0;
  const names: string[] = [];
  for (const entry of NAMES) {
    if ((rest & entry.flag) >>> 0 === entry.flag) {
      names.push(entry.option);
      rest = (rest & ~entry.flag) >>> 0;
    }
  }
  return [...names, ...hexBits(rest)];
}
