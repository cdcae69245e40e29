import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The files of one sealed build, all in one directory (apps/cli/build/buildExe.ts makes them):
 * the front, which refuses REFUSED_ENVIRONMENT and then execs the payload beside it, the payload
 * (the CLI compiled by Bun) and the checksum file (`sha256sum -c` format) of both. Installing
 * the payload alone would install ocimount without its front: copy all three, keep the names.
 */
export const SEALED_FILES = { front: "ocimount", payload: "ocimount-bun", sums: "SHA256SUMS" };

/**
 * The directory of the sealed build this process runs from (its payload, started by the front
 * beside it), or `undefined` when it runs on `bun` from the sources or the npm bundle.
 */
export function sealedDirectory(): string | undefined {
  if (typeof Bun === "undefined" || !Bun.main.startsWith("/$bunfs/")) return undefined;
  const dir = dirname(process.execPath);
  return existsSync(join(dir, SEALED_FILES.front)) ? dir : undefined;
}
