/**
 * What `ocimount install-hook --from` installs in the tests: the sealed executable as
 * `bun run build:exe` makes it (apps/cli/build/buildExe.ts): the front `ocimount`, the payload
 * `ocimount-bun` beside it, and `SHA256SUMS` listing both, built for this machine into a temp dir.
 */
import { join } from "node:path";
import { buildExe, hostTarget } from "../../apps/cli/build/buildExe.ts";

/** A built sealed executable: its front (what `--from` names) and its directory. */
export interface Installable {
  dir: string;
  front: string;
}

/** Builds the sealed executable into `dir/<target>/`; returns it, or why it cannot be built. */
export function buildInstallable(dir: string): Installable | { skip: string } {
  const target = hostTarget();
  if (!target) return { skip: `no sealed executable for ${process.platform}-${process.arch}` };
  try {
    const out = buildExe(target, dir);
    return { dir: out, front: join(out, "ocimount") };
  } catch (e) {
    return { skip: `build:exe fails here: ${(e as Error).message.split("\n")[0]}` };
  }
}
