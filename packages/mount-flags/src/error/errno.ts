import { ERRNO_TABLE } from "./ERRNO_TABLE.ts";

type TableName = (typeof ERRNO_TABLE)[number][1];

/** Every errno by name, `ERRNO.ENOENT === 2`: the one place code gets an errno number from. */
export const ERRNO: Readonly<Record<TableName, number>> = Object.fromEntries(
  ERRNO_TABLE.map(([n, name]) => [name, n]),
) as Record<TableName, number>;

/** A Linux errno name from the kernel's table (`ENOENT`), or `E<n>` for a number it lacks. */
export type ErrnoName = TableName | `E${number}`;

const NAMES: ReadonlyMap<number, ErrnoName> = new Map(ERRNO_TABLE.map(([n, name]) => [n, name]));
const TEXTS: ReadonlyMap<number, string> = new Map(ERRNO_TABLE.map(([n, , text]) => [n, text]));
const NUMBERS: ReadonlyMap<string, number> = new Map([
  ...ERRNO_TABLE.map(([n, name]): [string, number] => [name, n]),
  // The aliases glibc defines, which Node's `err.code` may carry.
  ["EWOULDBLOCK", 11],
  ["EDEADLOCK", 35],
  ["ENOTSUP", 95],
]);

/**
 * The symbolic name of a Linux errno value (`2` is `ENOENT`), from the full kernel table;
 * aliases give the canonical name (`11` is `EAGAIN`). A negative value (libuv's `-13`) is read
 * as its absolute value. Unknown values print as `E<n>`.
 */
export function errnoName(errno: number): ErrnoName {
  const n = Math.abs(errno);
  return NAMES.get(n) ?? `E${n}`;
}

/**
 * The number of an errno name (`ENOENT` is 2), aliases included (`ENOTSUP` is 95); `undefined`
 * for a name the table does not know. The way back from a Node `err.code`.
 */
export function errnoNumber(name: string): number | undefined {
  return NUMBERS.get(name);
}

/**
 * The strerror(3)-like description of a Linux errno value (`2` is "No such file or
 * directory"), as glibc words it. Unknown values give "Unknown error <n>", like glibc.
 */
export function errnoText(errno: number): string {
  const n = Math.abs(errno);
  return TEXTS.get(n) ?? `Unknown error ${n}`;
}
