/**
 * Whether a parsed JSON value nests objects and arrays more than `maxDepth` deep (the top-level
 * container is depth 1, as in `scanJson`). Iterative, so any depth is safe to check; it visits
 * each container once.
 */
export function jsonDepthExceeds(value: unknown, maxDepth: number): boolean {
  const stack: [value: unknown, depth: number][] = [[value, 1]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top;
    if (node === null || typeof node !== "object") continue;
    if (depth > maxDepth) return true;
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return false;
}
