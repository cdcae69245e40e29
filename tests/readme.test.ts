/**
 * The README's Usage block runs as written from a clone: each line in order, with `bunx ocimount`
 * resolved through the workspace's node_modules as a user's clone would, in ONE private mount
 * namespace (so `sudo ... setup` never touches this machine's table). The working directory is a
 * scratch copy of the clone's layout (examples/bundle, node_modules) so setup's mountpoints never
 * land in the repository. `sudo` lines run only as root: an ordinary user cannot use sudo here.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { namespaceMode, runInNamespace, skipReason } from "./helpers/namespace.ts";

const REPO = fileURLToPath(new URL("..", import.meta.url));

/** The commands of the README's first `sh` block under "## Usage", comments removed. */
function usageCommands(): string[] {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const usage = readme.slice(readme.indexOf("\n## Usage"));
  const start = usage.indexOf("```sh\n") + "```sh\n".length;
  const block = usage.slice(start, usage.indexOf("\n```", start));
  return block
    .split("\n")
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => line !== "");
}

const scratch = mkdtempSync(join(tmpdir(), "ocimount-readme-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
cpSync(join(REPO, "examples"), join(scratch, "examples"), { recursive: true });
symlinkSync(join(REPO, "node_modules"), join(scratch, "node_modules"));

const commands = usageCommands();
const root = namespaceMode === "root";

describe("README Usage block", () => {
  test("has the commands the README promises", () => {
    expect(commands.length).toBeGreaterThanOrEqual(7);
    expect(commands.every((c) => /^(sudo )?bunx ocimount /.test(c))).toBe(true);
  });

  const runnable = commands.filter((c) => root || !c.startsWith("sudo "));
  const skipped = commands.length - runnable.length;
  const label = `every line runs as written, in order, exit 0${
    skipped > 0 ? ` [${skipped} sudo lines skipped: not root]` : ""
  }`;
  test.skipIf(namespaceMode === null)(
    namespaceMode === null ? `${label} [skipped: ${skipReason}]` : label,
    () => {
      // One shell in one namespace, stopping at the first failure; as root `sudo` is a no-op.
      const script = runnable.map((c) => `${c.replace(/^sudo /, "")} || exit $?`).join("\n");
      const r = runInNamespace(["sh", "-euc", script], {
        cwd: scratch,
        needs: { pid: true },
      });
      expect(r.stderr).toBe("");
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toContain("examples/bundle: valid");
      if (root) expect(r.stdout).toMatch(/torn down .*examples\/bundle: \d+ mounts unmounted/);
    },
    120_000,
  );
});
