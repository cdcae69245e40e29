import { realpathSync } from "node:fs";
import { join } from "node:path";

/** Where journals live unless `stateDir` says otherwise. */
export const DEFAULT_STATE_DIR = "/run/ocimount";

/**
 * The journal file of a bundle: `<stateDir>/<sha256 of the bundle's real path>.jsonl`, so the
 * same bundle reached through a symlink or `..` shares one journal. Throws the node:fs error
 * when the bundle does not exist.
 */
export function journalPath(bundleDir: string, stateDir: string = DEFAULT_STATE_DIR): string {
  const real = realpathSync(bundleDir);
  // Bun's native hasher: importing node:crypto costs milliseconds at every CLI start.
  return join(stateDir, `${new Bun.CryptoHasher("sha256").update(real).digest("hex")}.jsonl`);
}
