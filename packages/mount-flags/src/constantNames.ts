import * as constants from "./constants.ts";

function namesWith(prefix: string): ReadonlyMap<number, string> {
  const names = new Map<number, string>();
  for (const [name, value] of Object.entries(constants)) {
    const isBit = !name.startsWith(`${prefix}_`) && !name.endsWith("_SIZE_VER0");
    if (name.startsWith(prefix) && isBit && !names.has(value)) {
      names.set(value, name);
    }
  }
  return names;
}

const MS = namesWith("MS_");
const ATTR = namesWith("MOUNT_ATTR_");

/** Names each single bit of `bits` by its MS_* constant, joined with " | " (internal). */
export function msNames(bits: number): string {
  return bitNames(bits, MS);
}

/** Names each single bit of `bits` by its MOUNT_ATTR_* constant, joined with " | " (internal). */
export function attrNames(bits: number): string {
  return bitNames(bits, ATTR);
}

function bitNames(bits: number, names: ReadonlyMap<number, string>): string {
  const parts: string[] = [];
  const recursive = names === MS && bits & constants.MS_REC;
  if (recursive) bits &= ~constants.MS_REC;
  for (let bit = 0; bit < 32; bit++) {
    const value = 2 ** bit;
    if (Math.floor(bits / value) % 2 === 1)
      parts.push(names.get(value) ?? `0x${value.toString(16)}`);
  }
  // MS_REC reads best last: MS_BIND | MS_REC.
  if (recursive) parts.push("MS_REC");
  return parts.join(" | ");
}

/** The MOUNT_ATTR_* name of an access-time mode (`MOUNT_ATTR_RELATIME` for 0) (internal). */
export function atimeModeName(mode: number): string {
  return mode === 0 ? "MOUNT_ATTR_RELATIME" : attrNames(mode);
}
