import { createSyscalls } from "../../sys/ffi.ts";
import type { Syscalls } from "../../sys/Syscalls.ts";

/**
 * True when this process runs in a user namespace other than the initial one: the initial one
 * maps all 2^32 ids (`0 0 4294967295`, user_namespaces(7)). Reads the map through `sys`
 * (`uidMap`), so a fake can stand for either; an unreadable map counts as the initial one.
 */
export function inUserNamespace(sys: Syscalls = createSyscalls()): boolean {
  try {
    const map = sys.uidMap().trim().split(/\s+/);
    return !(map.length === 3 && map[0] === "0" && map[1] === "0" && map[2] === "4294967295");
  } catch {
    return false;
  }
}
