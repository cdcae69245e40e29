/**
 * The packages as users get them: pack every package the way a release does, install the pure
 * ones into a fresh Node project with plain `npm install <tarball>`, import them with `node`, and
 * run the CLI from a directory where only its tarball is installed. Packing builds; a user who
 * cannot write the work tree builds a private copy of it (helpers/writableRepo.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Packed } from "../scripts/pack.ts";
import { writableRepo } from "./helpers/writableRepo.ts";

const PURE = ["@ocimount/mount-flags", "@ocimount/symlink-resolver", "@ocimount/oci-spec"];
let work: string;
let packed: Packed[];
const tarball = (name: string) => packed.find((p) => p.name === name)!.tarball;

function sh(argv: string[], cwd: string) {
  const r = Bun.spawnSync(argv, {
    cwd,
    stdout: "pipe",
    stderr: "pipe",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.exitCode, out: r.stdout.toString(), err: r.stderr.toString() };
}

function listing(file: string): string[] {
  return sh(["tar", "tzf", file], work).out.trim().split("\n");
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "ocimount-pack-"));
  const repo = writableRepo(work);
  const pack: typeof import("../scripts/pack.ts") = await import(join(repo, "scripts/pack.ts"));
  packed = pack.packAll(join(work, "tarballs"));
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("tarball contents", () => {
  test.each([...PURE, "@ocimount/mounter", "ocimount"])(
    "%s ships dist, README, LICENSE and no sources",
    (name) => {
      const files = listing(tarball(name));
      expect(files).toContain("package/README.md");
      expect(files).toContain("package/LICENSE");
      expect(files).toContain("package/package.json");
      expect(files.some((f) => f.startsWith("package/dist/") && f.endsWith(".js"))).toBe(true);
      expect(files.filter((f) => f.startsWith("package/src/") || f.includes(".test."))).toEqual([]);
    },
  );

  test.each([...PURE, "@ocimount/mounter", "ocimount"])(
    "%s has no workspace: ranges left",
    (name) => {
      const manifest = sh(["tar", "xzf", tarball(name), "-O", "package/package.json"], work).out;
      expect(manifest).not.toContain("workspace:");
      expect(JSON.parse(manifest).devDependencies).toBeUndefined();
    },
  );

  test.each(PURE)("%s ships its types", (name) => {
    expect(listing(tarball(name))).toContain("package/dist/index.d.ts");
  });
});

describe("plain Node", () => {
  let project: string;
  beforeAll(() => {
    project = join(work, "node-project");
    sh(["mkdir", "-p", project], work);
    writeFileSync(
      join(project, "package.json"),
      '{"name":"consumer","private":true,"type":"module"}\n',
    );
    const r = sh(["npm", "install", "--no-audit", "--no-fund", ...PURE.map(tarball)], project);
    if (r.code !== 0) throw new Error(`npm install failed: ${r.err}`);
  }, 300_000);

  test.each(PURE)("%s imports in node", (name) => {
    const r = sh(
      [
        "node",
        "--input-type=module",
        "-e",
        `const m = await import(${JSON.stringify(name)}); console.log(Object.keys(m).length)`,
      ],
      project,
    );
    expect(r.err).toBe("");
    expect(Number(r.out.trim())).toBeGreaterThan(0);
  });
});

describe("the CLI tarball alone", () => {
  let dir: string;
  beforeAll(() => {
    dir = join(work, "cli-only");
    sh(["mkdir", "-p", dir], work);
    writeFileSync(join(dir, "package.json"), '{"name":"cli-user","private":true}\n');
    const r = sh(["npm", "install", "--no-audit", "--no-fund", tarball("ocimount")], dir);
    if (r.code !== 0) throw new Error(`npm install failed: ${r.err}`);
  }, 300_000);

  test("its bin has a Bun shebang", async () => {
    const head = (
      await Bun.file(join(dir, "node_modules/ocimount/dist/bin/ocimount.js")).text()
    ).split("\n")[0];
    expect(head).toBe("#!/usr/bin/env bun");
  });

  test.each([
    ["ocimount --help", ["--help"], "ocimount"],
    ["ocimount flags ro", ["flags", "ro"], "0x1  ro"],
  ])("%s runs", (_name, args, expected) => {
    const r = sh(["bunx", "ocimount", ...args], dir);
    expect(r.code).toBe(0);
    expect(r.out + r.err).toContain(expected);
  });
});
