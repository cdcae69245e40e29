/**
 * Running a command so that file permissions apply to it (to test an unreadable file), in each
 * test tier. Root bypasses permissions, so it drops to nobody. An ordinary user is already bound
 * by them on the host. Inside `unshare -Urm` that user is uid 0 with every capability over its own
 * files, and nobody is not mapped there, so it gives up its capabilities instead.
 */
import { AS_NOBODY } from "../../apps/cli/src/runCli.fixture.ts";
import { type NamespaceMode, namespaceMode } from "./namespace.ts";

export { AS_NOBODY };

/** True when this process reads any file regardless of its mode (root): tests drop to nobody. */
export const bypassesPermissions: boolean = process.getuid?.() === 0;

/** `setpriv` prefix that runs a command with no capabilities at all (uid unchanged). */
export const WITHOUT_CAPABILITIES = ["setpriv", "--bounding-set=-all", "--inh-caps=-all", "--"];

/**
 * The prefix, for a command run inside a test namespace of `mode`, that makes file permissions
 * apply to it: as nobody under real root, without capabilities under a user namespace.
 */
export function unprivilegedInNamespace(mode: NamespaceMode = namespaceMode ?? "root"): string[] {
  return mode === "root" ? AS_NOBODY : WITHOUT_CAPABILITIES;
}
