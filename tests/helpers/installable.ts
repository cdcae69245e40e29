/**
 * The file `ocimount install-hook --from` installs in the tests, with its sha256 file beside it
 * as a release ships them. Until the sealed executable (`bun build --compile`) is built by the
 * CLI's own scripts, this is the CLI bundled into one file for Bun (`#!/usr/bin/env bun`), which
 * runs wherever the hook's PATH finds `bun`.
 */
import { createHash } from "node:crypto";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ENTRY = fileURLToPath(new URL("../../apps/cli/bin/ocimount.ts", import.meta.url));

/** Builds `dir/ocimount` and `dir/ocimount.sha256`; returns the file and its sha256. */
export function buildInstallable(dir: string): { file: string; sha256: string } {
  const file = join(dir, "ocimount");
  const r = Bun.spawnSync(["bun", "build", ENTRY, "--target=bun", "--outfile", file], {
    stdout: "pipe",
    stderr: "pipe",
  });
  if (r.exitCode !== 0) throw new Error(`bun build failed: ${r.stderr.toString()}`);
  chmodSync(file, 0o755);
  const sha256 = createHash("sha256").update(readFileSync(file)).digest("hex");
  writeFileSync(`${file}.sha256`, `${sha256}  ocimount\n`);
  return { file, sha256 };
}
