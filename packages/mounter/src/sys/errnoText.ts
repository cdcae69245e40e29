import { ERRNO_TABLE } from "./errnoTable.ts";

const TEXTS: ReadonlyMap<number, string> = new Map(ERRNO_TABLE.map(([n, , text]) => [n, text]));

/**
 * The strerror(3)-like description of a Linux errno value (`2` is "No such file or
 * directory"), as glibc words it. Unknown values give "Unknown error <n>", like glibc.
 */
export function errnoText(errno: number): string {
  return TEXTS.get(errno) ?? `Unknown error ${errno}`;
}
