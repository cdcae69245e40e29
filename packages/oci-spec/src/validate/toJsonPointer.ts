/** Builds an RFC 6901 JSON pointer from path keys (`~` -> `~0`, `/` -> `~1`). */
export function toJsonPointer(keys: readonly unknown[]): string {
  let pointer = "";
  for (const key of keys) pointer += `/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`;
  return pointer;
}
