import { describe, expect, test } from "bun:test";
import { isReadBySetup, validateConfigForSetup } from "../index.ts";

const base = {
  ociVersion: "1.0.2",
  root: { path: "rootfs" },
  mounts: [{ destination: "/proc", type: "proc", source: "proc" }],
};

/** [name, config, success, issue paths that count, ignored paths] */
const rows: Array<[string, unknown, boolean, string[], string[]]> = [
  ["a valid config", base, true, [], []],
  [
    "podman --privileged: linux.devices[].fileMode with the file-type bits (8576) is ignored",
    { ...base, linux: { devices: [{ type: "c", path: "/dev/null", fileMode: 8576 }] } },
    true,
    [],
    ["/linux/devices/0/fileMode"],
  ],
  [
    "a bad process section and no ociVersion are ignored",
    { root: base.root, mounts: base.mounts, process: 5 },
    true,
    [],
    ["/ociVersion", "/process"],
  ],
  [
    "a mount without a destination counts",
    { ...base, mounts: [{ type: "tmpfs" }] },
    false,
    ["/mounts/0/destination"],
    [],
  ],
  [
    "a bad maskedPaths entry counts; a bad device beside it is still ignored",
    { ...base, linux: { maskedPaths: [5], devices: [{ type: "x", path: "/dev/x" }] } },
    false,
    ["/linux/maskedPaths/0"],
    ["/linux/devices/0/type"],
  ],
  [
    "linux not an object counts (it holds the masked paths)",
    { ...base, linux: 3 },
    false,
    ["/linux"],
    [],
  ],
  ["the document not an object counts", 5, false, [""], []],
  [
    "a bad rootfsPropagation counts",
    { ...base, linux: { rootfsPropagation: "sideways" } },
    false,
    ["/linux/rootfsPropagation"],
    [],
  ],
  [
    "bad annotations count (the hook reads its mounts there)",
    { ...base, annotations: { a: 1 } },
    false,
    ["/annotations/a"],
    [],
  ],
];

describe("validateConfigForSetup", () => {
  test.each(rows)("%s", (_name, config, success, issues, ignored) => {
    const result = validateConfigForSetup(config);
    expect(result.success).toBe(success);
    expect(result.issues.map((i) => i.path)).toEqual(issues);
    expect(result.ignored.map((i) => i.path)).toEqual(ignored);
    if (result.success) expect(result.output).toEqual(config as never);
  });
});

test.each([
  ["", true],
  ["/linux", true],
  ["/linux/maskedPaths/3", true],
  ["/mounts/2/options/0", true],
  ["/root", true],
  ["/linux/devices/0/fileMode", false],
  ["/linux/namespaces/0/type", false],
  ["/process/capabilities", false],
  ["/rootless", false],
])("isReadBySetup(%p) is %p", (path, read) => {
  expect(isReadBySetup(path)).toBe(read);
});
