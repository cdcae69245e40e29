import type { Stats } from "node:fs";

/** A short name for the kind of file `stats` describes ("fifo", "character device", ...). */
export function fileTypeName(stats: Stats): string {
  if (stats.isFile()) return "regular file";
  if (stats.isDirectory()) return "directory";
  if (stats.isFIFO()) return "fifo";
  if (stats.isCharacterDevice()) return "character device";
  if (stats.isBlockDevice()) return "block device";
  if (stats.isSocket()) return "socket";
  if (stats.isSymbolicLink()) return "symlink";
  return "unknown file type";
}
