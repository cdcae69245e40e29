import { expect, test } from "bun:test";
import type { Spec } from "../schemas/spec.ts";
import { lintConfig } from "./lintConfig.ts";

const spec = (extra: Partial<Spec>): Spec => ({
  ociVersion: "1.3.0",
  root: { path: "rootfs" },
  ...extra,
});

const table: [name: string, config: Spec, warnings: string[], bundleDir?: string][] = [
  ["clean config", spec({ mounts: [{ destination: "/proc", type: "proc", source: "proc" }] }), []],
  ["relative destination", spec({ mounts: [{ destination: "data" }] }), ["/mounts/0/destination"]],
  [
    "bind with data options",
    spec({ mounts: [{ destination: "/a", source: "/b", options: ["rbind", "mode=755"] }] }),
    ["/mounts/0/options"],
  ],
  [
    "bind type with known options only",
    spec({
      mounts: [
        { destination: "/a", type: "bind", source: "/b", options: ["ro", "nosuid", "rprivate"] },
      ],
    }),
    [],
  ],
  [
    "tmpfs data options are fine",
    spec({ mounts: [{ destination: "/t", type: "tmpfs", options: ["size=1m", "mode=755"] }] }),
    [],
  ],
  [
    "empty option or comma",
    spec({ mounts: [{ destination: "/t", type: "tmpfs", options: ["", "ro,nosuid"] }] }),
    ["/mounts/0/options"],
  ],
  [
    "flag in the wrong case",
    spec({ mounts: [{ destination: "/t", type: "tmpfs", options: ["RO", "size=1M"] }] }),
    ["/mounts/0/options"],
  ],
  [
    "bind with acl (data to the kernel)",
    spec({ mounts: [{ destination: "/a", source: "/b", type: "bind", options: ["acl"] }] }),
    ["/mounts/0/options"],
  ],
  [
    "relative masked and read-only paths",
    spec({ linux: { maskedPaths: ["/ok", "proc/kcore"], readonlyPaths: ["sys"] } }),
    ["/linux/maskedPaths/1", "/linux/readonlyPaths/0"],
  ],
  ["root not named rootfs", spec({ root: { path: "root" } }), ["/root/path"]],
  ["root nested deeper", spec({ root: { path: "a/rootfs" } }), ["/root/path"]],
  ["root ./rootfs is fine", spec({ root: { path: "./rootfs" } }), []],
  ["absolute root in the bundle", spec({ root: { path: "/b/rootfs" } }), [], "/b"],
  ["absolute root elsewhere", spec({ root: { path: "/srv/rootfs" } }), ["/root/path"], "/b"],
];

for (const [name, config, want, bundleDir] of table) {
  test(`lintConfig: ${name}`, () => {
    const options = bundleDir === undefined ? {} : { bundleDir };
    expect(lintConfig(config, options).map((w) => w.path)).toEqual(want);
  });
}

test("lintConfig leaves root.path alone with root: false (the hook's container root)", () => {
  expect(lintConfig(spec({ root: { path: "/var/lib/x/merged" } }), { root: false })).toEqual([]);
});

test("lintConfig: no message repeats its pointer", () => {
  const config = spec({
    root: { path: "root" },
    mounts: [{ destination: "rel", source: "/b", options: ["bind", "RO", "", "x"] }],
    linux: { maskedPaths: ["rel"] },
  });
  for (const w of lintConfig(config)) {
    expect(w.message).not.toContain(w.path);
    expect(w.message).not.toMatch(/mounts\[\d+\]|^\/mounts/);
  }
});

test("lintConfig accepts a replacement option predicate", () => {
  const config = spec({
    mounts: [{ destination: "/a", source: "/b", options: ["bind", "x-custom"] }],
  });
  expect(lintConfig(config)).toHaveLength(1);
  expect(lintConfig(config, { isKnownOption: () => true })).toHaveLength(0);
  expect(lintConfig(config)[0]?.message).toContain("x-custom");
});
