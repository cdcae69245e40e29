/** A flag word as `ocimount flags` shows it: the number, its hex, and the names of its bits. */
export interface BitsReport {
  value: number;
  hex: string;
  names: string[];
}

/** Builds a `BitsReport` for `value`, naming its bits with `format`. */
export function bitsReport(value: number, format: (value: number) => string[]): BitsReport {
  return { value, hex: `0x${value.toString(16)}`, names: value === 0 ? [] : format(value) };
}
