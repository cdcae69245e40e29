/**
 * `13 steps: 1 rootfs-bind, 5 new-fs, 1 bind` style counts: how many items have each key, in
 * the order the keys first appear, after the total and its noun.
 */
export function countLine<T>(items: readonly T[], key: (item: T) => string, noun: string): string {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const parts = [...counts].map(([k, n]) => `${n} ${k}`);
  const total = `${items.length} ${noun}${items.length === 1 ? "" : "s"}`;
  return parts.length === 0 ? total : `${total}: ${parts.join(", ")}`;
}
