import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { parseMountInfo } from "@ocimount/mount-flags";
import { mountTree } from "./mountTree.ts";
import { readBack } from "./readBack.ts";

const SAMPLE = [
  "20 1 0:1 / / rw - ext4 /dev/sda rw",
  "30 20 0:2 / /b rw shared:1 - ext4 /dev/sda rw",
  "31 30 0:3 / /b/x ro,nosuid - tmpfs t rw",
  "33 31 0:3 / /b/x/a\\040b rw - tmpfs t rw",
  "32 30 0:3 /sub /b/c\\134d rw master:4 - tmpfs t rw",
  "40 20 0:4 / /other rw - tmpfs t rw",
  "",
].join("\n");

describe("readBack answers like a full parse", () => {
  for (const [name, text] of [
    ["a sample with escapes", SAMPLE],
    ["this process's table", readFileSync("/proc/self/mountinfo", "utf8")],
    ["a table the quick scan leaves to the parser", SAMPLE.replace("40 20", "1234567890123456 20")],
  ] as const)
    test(name, () => {
      const full = parseMountInfo(text);
      const r = readBack(text);
      const ids = full.map((m) => m.mountId);
      expect(r.entries([...ids, 999])).toEqual(full);
      for (const root of [...ids.slice(0, 3), 30, 1234567890123456, 999])
        expect(r.tree(root)).toEqual(
          mountTree(full, root).map((m) => ({ mountId: m.mountId, mountPoint: m.mountPoint })),
        );
    });
  test("a table the full parser refuses throws its error", () => {
    expect(() => readBack(SAMPLE.replace("40 20", "x 20"))).toThrow(/ENUMBER/);
  });
});
