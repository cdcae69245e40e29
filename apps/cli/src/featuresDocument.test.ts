import { describe, expect, test } from "bun:test";
import { validateFeatures } from "@ocimount/oci-spec";
import { featuresDocument } from "./featuresDocument.ts";
import { lines, runCli } from "./runCli.fixture.ts";

describe("featuresDocument passes the runtime-spec features schema", () => {
  for (const idmap of [true, false]) {
    test(`with idmap ${idmap ? "enabled" : "disabled"}`, () => {
      const doc = featuresDocument(idmap);
      const result = validateFeatures(doc);
      expect(result.issues).toEqual([]);
      expect(result.success).toBe(true);
      expect(doc.linux?.mountExtensions?.idmap?.enabled).toBe(idmap);
    });
  }
});

test("mountOptions: sorted, no repeats, with ocimount's own (rro, idmap, tmpcopyup...)", () => {
  const options = featuresDocument(true).mountOptions ?? [];
  expect(options).toEqual([...new Set(options)].sort());
  for (const o of ["bind", "rbind", "rro", "rnosuid", "idmap", "ridmap", "tmpcopyup", "rprivate"])
    expect(options).toContain(o);
});

// runc's acl/noacl are filesystem options; ocimount passes them (and any other) as data.
const FILESYSTEM_DATA = new Set(["acl", "noacl"]);
const runc = Bun.which("runc");
test.skipIf(runc === null)(
  `every mount option runc features lists is known to ocimount too${runc ? "" : " [skipped: no runc here]"}`,
  () => {
    const r = Bun.spawnSync([runc ?? "runc", "features"], { stdout: "pipe" });
    const theirs: string[] = JSON.parse(r.stdout.toString()).mountOptions;
    const ours = new Set(featuresDocument(true).mountOptions);
    expect(theirs.filter((o) => !ours.has(o) && !FILESYSTEM_DATA.has(o))).toEqual([]);
  },
);

test("ocimount features prints a document that ocimount validate --kind features accepts", () => {
  const r = runCli(["features"]);
  expect(r.exitCode).toBe(0);
  expect(r.stderr).toBe("");
  const v = runCli(["validate", "--kind", "features", "-"], { stdin: r.stdout });
  expect(lines(v.stdout)).toEqual(["(stdin): valid"]);
  expect(v.exitCode).toBe(0);
  expect(JSON.parse(r.stdout).ociVersionMax).toBe("1.3.0");
});

test("ocimount features takes no arguments", () => {
  const r = runCli(["features", "x"]);
  expect(r.exitCode).toBe(2);
});
