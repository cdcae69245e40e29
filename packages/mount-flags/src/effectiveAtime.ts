import { MS_NOATIME, MS_RELATIME, MS_STRICTATIME } from "./constants.ts";

/** The access-time mode a mount ends up with. */
export type AtimeMode = "strictatime" | "noatime" | "relatime";

/**
 * The access-time mode the kernel gives for these MS_* flags (as from `parseMountOptions`):
 * strictatime beats noatime beats relatime, whatever order the options came in
 * (fs/namespace.c `path_mount`), so `noatime,relatime` is noatime and `strictatime,noatime`
 * strictatime. `undefined` when no mode bit is set: a new mount then gets relatime (the kernel
 * default), a bind remount keeps the mode it had. Never throws.
 */
export function effectiveAtime(flags: number): AtimeMode | undefined {
  if (flags & MS_STRICTATIME) return "strictatime";
  if (flags & MS_NOATIME) return "noatime";
  if (flags & MS_RELATIME) return "relatime";
  return undefined;
}
