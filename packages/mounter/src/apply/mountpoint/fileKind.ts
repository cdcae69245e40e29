import { S_IFDIR, S_IFMT } from "@ocimount/mount-flags/linux";

/** `dir` for a directory mode, else `file` (a bind of a file, socket or device needs a file mountpoint). */
export function fileKind(mode: number): "dir" | "file" {
  return (mode & S_IFMT) === S_IFDIR ? "dir" : "file";
}
