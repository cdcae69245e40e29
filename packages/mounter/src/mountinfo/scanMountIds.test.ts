import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { parseMountInfo } from "@ocimount/mount-flags";
import { mountTree } from "./mountTree.ts";
import { mountTreeIds, scanMountIds } from "./scanMountIds.ts";

const SAMPLE = [
  "20 1 0:1 / / rw - ext4 /dev/sda rw",
  "30 20 0:2 / /b rw shared:1 - ext4 /dev/sda rw",
  "31 30 0:3 / /b/x rw - tmpfs t rw",
  "33 31 0:3 / /b/x/y rw - tmpfs t rw",
  "32 30 0:3 / /b/a\\040b rw - tmpfs t rw",
  "40 20 0:4 / /other rw - tmpfs t rw",
  "",
].join("\n");

describe("scanMountIds", () => {
  test("the IDs and parents a full parse gives, on a sample and on this process's table", () => {
    for (const text of [SAMPLE, readFileSync("/proc/self/mountinfo", "utf8")]) {
      const full = parseMountInfo(text);
      const scanned = scanMountIds(text);
      expect(scanned?.ids).toEqual(full.map((m) => m.mountId));
      expect(scanned?.parents).toEqual(full.map((m) => m.parentId));
      const lines = text.split("\n").filter(Boolean);
      expect(scanned?.starts.map((at) => text.slice(at, text.indexOf("\n", at)))).toEqual(lines);
    }
  });
  const bad: ReadonlyArray<[string, string]> = [
    ["a mount ID that is not a number", "x 1 0:1 / / rw - ext4 s rw\n"],
    ["a line with one field", "20\n"],
    ["a negative parent", "20 -1 0:1 / / rw - ext4 s rw\n"],
    ["tabs", "20\t1\t0:1\n"],
  ];
  for (const [name, text] of bad)
    test(`${name}: null`, () => expect(scanMountIds(text)).toBeNull());
});

describe("mountTreeIds", () => {
  const table = scanMountIds(SAMPLE)!;
  const full = parseMountInfo(SAMPLE);
  for (const root of [20, 30, 31, 40, 99])
    test(`the same tree as mountTree below ${root}`, () => {
      expect(mountTreeIds(table, root)).toEqual(mountTree(full, root).map((m) => m.mountId));
    });
});
