import { readFileSync } from "node:fs";

/**
 * True when this process runs in a user namespace other than the initial one: the initial one
 * maps all 2^32 ids (`0 0 4294967295`, user_namespaces(7)).
 */
export function inUserNamespace(): boolean {
  try {
    const map = readFileSync("/proc/self/uid_map", "utf8").trim().split(/\s+/);
    return !(map.length === 3 && map[0] === "0" && map[1] === "0" && map[2] === "4294967295");
  } catch {
    return false;
  }
}
