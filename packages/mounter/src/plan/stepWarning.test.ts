import { expect, test } from "bun:test";
import { stepWarning } from "./stepWarning.ts";

const TABLE: [why: string, path: string, message: string][] = [
  ["mounts[3]", "/mounts/3", "m"],
  ["linux.maskedPaths[0]", "/linux/maskedPaths/0", "m"],
  ["root.readonly", "/root/readonly", "m"],
  ["linux.rootfsPropagation", "/linux/rootfsPropagation", "m"],
  ["mounts[2]/cpu", "/mounts/2", "cpu: m"],
  ["mounts[2]/cpu,cpuacct", "/mounts/2", "cpu,cpuacct: m"],
];

for (const [why, path, message] of TABLE) {
  test(`stepWarning: ${why}`, () => {
    expect(stepWarning(why, "m")).toEqual({ path, message });
  });
}
