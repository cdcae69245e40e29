import type { Mount } from "../schemas/mount.ts";

/** A bind mount, as runc decides it: type `bind`, or a `bind`/`rbind` option. */
export function isBindMount(mount: Mount): boolean {
  return mount.type === "bind" || (mount.options ?? []).some((o) => o === "bind" || o === "rbind");
}
