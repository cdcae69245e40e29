import { CAP_SYS_ADMIN } from "@ocimount/mount-flags/linux";
import { createSyscalls } from "@ocimount/mounter";

const CAP_SYS_ADMIN_BIT = BigInt(CAP_SYS_ADMIN);

/**
 * Whether this process may mount in its mount namespace: CAP_SYS_ADMIN in its effective set
 * (`CapEff` of /proc/self/status), which root has, and so has any process in a user namespace
 * of its own (`unshare -Urm`). When the status file cannot be read, an effective uid of 0 is
 * taken as yes. A yes is no promise (a user namespace cannot mount proc without a pid
 * namespace, for one); a no means mount(2) would fail with EPERM.
 */
export function canMount(statusText?: string): boolean {
  let text = statusText;
  if (text === undefined) {
    try {
      text = createSyscalls().readTextFile("/proc/self/status");
    } catch {
      return process.geteuid?.() === 0;
    }
  }
  const hex = /^CapEff:\s*([0-9a-f]+)$/m.exec(text)?.[1];
  if (hex === undefined) return process.geteuid?.() === 0;
  return ((BigInt(`0x${hex}`) >> CAP_SYS_ADMIN_BIT) & 1n) === 1n;
}

/**
 * The hint for a user who cannot mount: the same command in a user namespace of its own, with
 * a pid namespace (for proc mounts) and a state dir it can write (/run/ocimount is root's).
 */
export function userNamespaceHint(bundleDir: string): string {
  return `Run it as root, or in a user namespace of its own: unshare -Urmpf --propagation private -- ocimount setup --bundle ${bundleDir} --state-dir /tmp/ocimount-state`;
}
