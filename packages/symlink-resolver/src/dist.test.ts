import { expect, test } from "bun:test";
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { directory, installBuilt, link, makeTree } from "@ocimount/test-utils";

// The published package ships dist/ (publishConfig.exports); it must build and import in plain
// Node, without Bun. It builds into a temporary directory, not the package's dist/, so it never
// races a concurrent `turbo run build` of the same package.
const packageDir = join(import.meta.dir, "..");
const hasNode = Bun.which("node") !== null;

test.skipIf(!hasNode)(
  hasNode ? "dist/ builds and works in plain node" : "dist/ in node: SKIPPED, no node",
  () => {
    const out = mkdtempSync(join(tmpdir(), "symlink-resolver-dist-"));
    const dist = join(out, "dist");
    const build = Bun.spawnSync(["bunx", "tsc", "-p", "tsconfig.build.json", "--outDir", dist], {
      cwd: packageDir,
      stderr: "pipe",
      stdout: "pipe",
    });
    expect(build.stdout.toString() + build.stderr.toString()).toBe("");
    expect(build.exitCode).toBe(0);

    // The dependency, installed beside the build as npm would (node resolves it by name).
    installBuilt(
      realpathSync(join(packageDir, "node_modules/@ocimount/mount-flags")),
      join(out, "node_modules"),
    );
    const files = readdirSync(dist, { recursive: true }).map(String);
    expect(files).toContain("index.js");
    expect(files).toContain("index.d.ts");
    expect(files.filter((f) => f.includes(".test.") || f.includes("fixture"))).toEqual([]);
    for (const file of files.filter((f) => f.endsWith(".js"))) {
      expect(readFileSync(join(dist, file), "utf8")).not.toMatch(/\bBun\.|from "bun/);
    }

    const tree = makeTree({ etc: directory, a: link("../../etc"), loop: link("loop") });
    try {
      const script = `
      import { isInsideRoot, ResolveError, resolveInRoot, resolveInRootSync } from ${JSON.stringify(join(dist, "index.js"))};
      const root = process.argv[1];
      let loop;
      try { resolveInRootSync(root, "loop"); } catch (e) { loop = e instanceof ResolveError && e.code; }
      console.log(JSON.stringify({
        sync: resolveInRootSync(root, "a"),
        async: await resolveInRoot(root, "/a/../x"),
        inside: isInsideRoot(root, root + "2"),
        loop,
      }));`;
      const run = Bun.spawnSync(["node", "--input-type=module", "-e", script, tree.root], {
        stderr: "pipe",
      });
      expect(run.stderr.toString()).toBe("");
      expect(JSON.parse(run.stdout.toString())).toEqual({
        sync: `${tree.root}/etc`,
        async: `${tree.root}/x`,
        inside: false,
        loop: "ELOOP",
      });
    } finally {
      tree.remove();
      rmSync(out, { recursive: true, force: true });
    }
  },
  120_000,
);
