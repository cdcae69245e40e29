import { ERRNO_TABLE } from "./sys/errnoTable.ts";

const NAMES: ReadonlyMap<number, string> = new Map(ERRNO_TABLE.map(([n, name]) => [n, name]));

/**
 * The symbolic name of a Linux errno value (`2` is `ENOENT`), from the full kernel table;
 * aliases give the canonical name (`11` is `EAGAIN`). Unknown values print as `E<n>`.
 */
export function errnoName(errno: number): string {
  return NAMES.get(errno) ?? `E${errno}`;
}
