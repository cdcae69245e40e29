import { atimeModeName, attrNames, msNames } from "./constantNames.ts";
import { MOUNT_ATTR_RELATIME } from "./constants.ts";
import { MOUNT_OPTIONS, type MountOption } from "./MOUNT_OPTIONS.ts";
import { OPERATION_OPTIONS, type OperationOption } from "./OPERATION_OPTIONS.ts";
import { PROPAGATION_OPTIONS } from "./PROPAGATION_OPTIONS.ts";
import { RECURSIVE_OPTIONS, type RecursiveOption } from "./RECURSIVE_OPTIONS.ts";

/** One known option, described for people (`ocimount flags`, the README table). */
export interface MountOptionRow {
  /** The option string. */
  option: string;
  /** Which table it comes from and how it acts. */
  kind: "set" | "clear" | "none" | "operation" | "propagation" | "recursive";
  /** What it does, in a few words. */
  effect: string;
  /** The kernel values involved, by constant name (`set MS_NOATIME; clear MS_RELATIME | ...`). */
  value: string;
  /** The main MS_* or MOUNT_ATTR_* value as a number (`flag`, or `attr` for recursive options). */
  bits: number;
}

function flagRow(entry: MountOption): MountOptionRow {
  const base = { option: entry.option, effect: entry.description, bits: entry.flag };
  if (entry.flag === 0) return { ...base, kind: "none", value: "none" };
  if (entry.clear) return { ...base, kind: "clear", value: `clear ${msNames(entry.flag)}` };
  return { ...base, kind: "set", value: `set ${msNames(entry.flag)}` };
}

function operationRow(entry: OperationOption): MountOptionRow {
  const values = [
    entry.flag === 0 ? "" : msNames(entry.flag),
    entry.attr === 0 ? "" : attrNames(entry.attr),
    entry.sets.includes("recursiveIdmap") ? "AT_RECURSIVE" : "",
  ].filter((value) => value !== "");
  const fields = entry.sets.join(", ");
  const value = `${fields}${values.length === 0 ? "" : ` (${values.join(", ")})`}`;
  const bits = entry.flag || entry.attr;
  return { option: entry.option, kind: "operation", effect: entry.description, value, bits };
}

function recursiveRow(entry: RecursiveOption): MountOptionRow {
  let value = `${entry.clear ? "attr_clr" : "attr_set"} ${attrNames(entry.attr)}`;
  if (entry.atime) {
    const name = atimeModeName(entry.attr);
    let mode = entry.clear ? `MOUNT_ATTR_RELATIME in place of ${name}` : name;
    if (entry.clear && entry.attr === MOUNT_ATTR_RELATIME)
      mode = "the mode in effect (relatime if none)";
    value = `attr_clr MOUNT_ATTR__ATIME; attr_set ${mode}`;
  }
  return {
    option: entry.option,
    kind: "recursive",
    effect: entry.description,
    value: `${value}; AT_RECURSIVE`,
    bits: entry.attr,
  };
}

/**
 * Every known option with what it does and the kernel values involved, in table order:
 * `MOUNT_OPTIONS`, `OPERATION_OPTIONS`, `PROPAGATION_OPTIONS`, `RECURSIVE_OPTIONS`. For
 * `ocimount flags` and the README; the tables themselves are the source of truth. Never throws.
 */
export function describeMountOptions(): MountOptionRow[] {
  return [
    ...MOUNT_OPTIONS.map(flagRow),
    ...OPERATION_OPTIONS.map(operationRow),
    ...PROPAGATION_OPTIONS.map((entry) => ({
      option: entry.option,
      kind: "propagation" as const,
      effect: entry.description,
      value: msNames(entry.flag),
      bits: entry.flag,
    })),
    ...RECURSIVE_OPTIONS.map(recursiveRow),
  ];
}
