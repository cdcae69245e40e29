#!/usr/bin/env bun
/**
 * Publishes every package whose version is not on the registry yet, then tags the release:
 *   bun scripts/release.ts [--dry-run]
 * Run `bun run version-packages` (changeset version + bun install) and commit first. Publishing
 * goes through our own pack step (see pack.ts) rather than `changeset publish`, because
 * publishing under Bun leaves `workspace:` ranges in the manifests; `changeset tag` then creates
 * the git tags that `changeset publish` would have. `--dry-run` packs, lists each tarball's
 * files, and publishes nothing.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { packAll } from "./pack.ts";
import { REPO_ROOT } from "./workspacePackages.ts";

const { values } = parseArgs({ options: { "dry-run": { type: "boolean" } } });
const dryRun = values["dry-run"] === true;

function sh(argv: string[], inherit = true): { ok: boolean; out: string } {
  const r = Bun.spawnSync(argv, {
    cwd: REPO_ROOT,
    stdout: inherit ? "inherit" : "pipe",
    stderr: inherit ? "inherit" : "pipe",
  });
  return { ok: r.exitCode === 0, out: r.stdout?.toString() ?? "" };
}

const out = mkdtempSync(join(tmpdir(), "ocimount-release-"));
const packed = packAll(out);
let failures = 0;
for (const { name, tarball } of packed) {
  const version = tarball.match(/-(\d+\.\d+\.\d+[^/]*)\.tgz$/)?.[1] ?? "?";
  if (dryRun) {
    console.log(`would publish ${name}@${version} from ${tarball}:`);
    sh(["tar", "tzf", tarball]);
    continue;
  }
  if (sh(["npm", "view", `${name}@${version}`, "version"], false).out.trim() === version) {
    console.log(`${name}@${version} is already published`);
    continue;
  }
  if (!sh(["npm", "publish", tarball, "--access", "public"]).ok) failures++;
}
if (!dryRun && failures === 0) sh(["bun", "run", "changeset", "tag"]);
console.log(dryRun ? `dry run: ${packed.length} tarballs in ${out}` : `${failures} failures`);
process.exit(failures === 0 ? 0 : 1);
