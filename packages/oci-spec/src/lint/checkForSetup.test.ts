import { expect, test } from "bun:test";
import type { Spec } from "../schemas/spec.ts";
import { checkForSetup } from "./checkForSetup.ts";

const spec = (extra: Partial<Spec>): Spec => ({
  ociVersion: "1.3.0",
  root: { path: "rootfs" },
  ...extra,
});

const table: [name: string, config: Spec, paths: string[]][] = [
  ["ready", spec({ mounts: [{ destination: "/a", type: "bind", source: "/b" }] }), []],
  ["no root", { ociVersion: "1.3.0" }, ["/root"]],
  ["empty root path", spec({ root: { path: "" } }), ["/root/path"]],
  [
    "bind without source",
    spec({ mounts: [{ destination: "/a", options: ["rbind"] }] }),
    ["/mounts/0/source"],
  ],
  [
    "bind with empty source",
    spec({ mounts: [{ destination: "/a", type: "bind", source: "" }] }),
    ["/mounts/0/source"],
  ],
  ["tmpfs without source is fine", spec({ mounts: [{ destination: "/t", type: "tmpfs" }] }), []],
  ["no type and no bind option", spec({ mounts: [{ destination: "/t" }] }), ["/mounts/0/type"]],
  [
    "type none without a bind option",
    spec({ mounts: [{ destination: "/t", type: "none", options: ["ro"] }] }),
    ["/mounts/0/type"],
  ],
  [
    "type none with rbind is a bind",
    spec({ mounts: [{ destination: "/t", type: "none", source: "/s", options: ["rbind"] }] }),
    [],
  ],
  [
    "idmap without mappings",
    spec({ mounts: [{ destination: "/a", type: "bind", source: "/b", options: ["idmap"] }] }),
    ["/mounts/0/uidMappings", "/mounts/0/gidMappings"],
  ],
  [
    "ridmap with uidMappings only",
    spec({
      mounts: [
        {
          destination: "/a",
          type: "bind",
          source: "/b",
          options: ["ridmap"],
          uidMappings: [{ containerID: 0, hostID: 1000, size: 1 }],
        },
      ],
    }),
    ["/mounts/0/gidMappings"],
  ],
  [
    "empty destination",
    spec({ mounts: [{ destination: "", type: "tmpfs" }] }),
    ["/mounts/0/destination"],
  ],
  [
    "NUL in destination",
    spec({ mounts: [{ destination: "/a\0b", type: "tmpfs" }] }),
    ["/mounts/0/destination"],
  ],
  [
    "NUL in source",
    spec({ mounts: [{ destination: "/a", source: "/x\0", type: "bind" }] }),
    ["/mounts/0/source"],
  ],
  ["NUL in root path", spec({ root: { path: "r\0" } }), ["/root/path"]],
  [
    "NUL in masked path",
    spec({ linux: { maskedPaths: ["/ok", "/p\0"] } }),
    ["/linux/maskedPaths/1"],
  ],
];

test("checkForSetup takes a partial config with readonly lists", () => {
  const mounts = [{ destination: "/a", type: "bind", source: "" }] as const;
  expect(checkForSetup({ root: { path: "r" }, mounts }).map((i) => i.path)).toEqual([
    "/mounts/0/source",
  ]);
});

for (const [name, config, want] of table) {
  test(`checkForSetup: ${name}`, () => {
    expect(checkForSetup(config).map((i) => i.path)).toEqual(want);
  });
}
