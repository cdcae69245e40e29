import { posix } from "node:path";

/**
 * Tells whether the absolute path `candidate` is `root` itself or lies below it, comparing
 * whole path components (so `/x/rootfs2` is not inside `/x/rootfs`). Both paths are taken as
 * already resolved; this says nothing about symlinks on the disk.
 */
export function isInsideRoot(root: string, candidate: string): boolean {
  const r = posix.normalize(root).replace(/\/+$/, "") || "/";
  const c = posix.normalize(candidate);
  if (r === "/") return c.startsWith("/");
  return c === r || c.startsWith(`${r}/`);
}
