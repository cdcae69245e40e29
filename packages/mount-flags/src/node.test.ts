/**
 * The built JavaScript runs in plain Node (no Bun APIs in src/): compile with the package's own
 * tsconfig.build.json into a temporary directory (not dist/, which a parallel `turbo build` may be
 * writing) and use it from `node --input-type=module`.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const PACKAGE = resolve(import.meta.dir, "..");
let outDir: string;

function run(argv: string[]) {
  const r = Bun.spawnSync(argv, { cwd: PACKAGE, stdout: "pipe", stderr: "pipe" });
  return { code: r.exitCode, out: r.stdout.toString(), err: r.stderr.toString() };
}

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), "mount-flags-dist-"));
  const build = run(["bunx", "tsc", "-p", "tsconfig.build.json", "--outDir", outDir]);
  if (build.code !== 0) throw new Error(`tsc failed:\n${build.out}${build.err}`);
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

test("the build has JavaScript and declarations, and no tests", () => {
  expect(existsSync(join(outDir, "index.js"))).toBe(true);
  expect(existsSync(join(outDir, "index.d.ts"))).toBe(true);
  expect(existsSync(join(outDir, "parseMountOptions.test.js"))).toBe(false);
});

test("node imports the build and gets the same answers", () => {
  const script = `
    const m = await import(${JSON.stringify(join(outDir, "index.js"))});
    const parsed = m.parseMountOptions(["rbind", "ro", "rw", "nosuid", "rnoatime", "mode=755"]);
    const attr = m.mountAttrFromFlags(parsed.flags, parsed.clearFlags);
    const info = m.parseMountInfoLine("1 0 8:1 / /a\\\\040b rw shared:1 - ext4 /dev/sda1 rw");
    console.log(JSON.stringify({
      parsed, attr, mountPoint: info.mountPoint, propagation: info.propagation,
      names: m.formatMountFlags(m.MS_RDONLY | m.MS_BIND | m.MS_REC),
      options: m.MOUNT_OPTIONS.length,
    }));`;
  const r = run(["node", "--input-type=module", "-e", script]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out)).toEqual({
    parsed: {
      flags: 2,
      clearFlags: 1,
      bind: true,
      recursiveBind: true,
      remount: false,
      propagation: [],
      recursive: { attrSet: 0x10, attrClr: 0x70 },
      idmap: false,
      recursiveIdmap: false,
      tmpcopyup: false,
      data: "mode=755",
      unknown: ["mode=755"],
    },
    attr: { attrSet: 2, attrClr: 1 },
    mountPoint: "/a b",
    propagation: "shared",
    names: ["ro", "rbind"],
    options: 30,
  });
});
