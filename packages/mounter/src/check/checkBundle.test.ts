import { describe, expect, test } from "bun:test";
import { ERRNO } from "@ocimount/mount-flags/errors";
import { S_IFDIR, S_IFREG } from "@ocimount/mount-flags/linux";
import { directory, file, makeTree } from "@ocimount/test-utils";
import type { MountConfig } from "../configTypes.ts";
import { createFakeSyscalls } from "../sys/fake.ts";
import { checkBundle } from "./checkBundle.ts";

/** A made-up host: `dir` and `file` paths exist, anything else is ENOENT. */
function host(paths: Record<string, "dir" | "file">) {
  return createFakeSyscalls({
    failOn: (op, args) =>
      op === "statx" && paths[args[1] as string] === undefined ? ERRNO.ENOENT : undefined,
    stat: (_, path) => ({ mode: (paths[path] === "file" ? S_IFREG : S_IFDIR) | 0o755 }),
  });
}

const HOST = { "/b": "dir", "/b/rootfs": "dir", "/b/src": "dir", "/b/f": "file" } as const;
const root = { path: "rootfs" };
const bind = (source: string | undefined, destination = "/d") => ({
  destination,
  type: "bind",
  ...(source === undefined ? {} : { source }),
});

const TABLE: {
  name: string;
  config: MountConfig;
  /** Each issue as `pointer errno-name-or-dash`. */
  issues: string[];
  bundleDir?: string;
}[] = [
  { name: "a ready bundle", config: { root, mounts: [bind("src"), bind("/b/f")] }, issues: [] },
  { name: "missing rootfs", config: { root: { path: "gone" } }, issues: ["/root/path ENOENT"] },
  { name: "rootfs is a file", config: { root: { path: "f" } }, issues: ["/root/path -"] },
  { name: "no root", config: {}, issues: ["/root -"] },
  {
    name: "missing bind source, relative or absolute",
    config: { root, mounts: [bind("nope"), bind("/b/gone")] },
    issues: ["/mounts/0/source ENOENT", "/mounts/1/source ENOENT"],
  },
  { name: "a file is a fine bind source", config: { root, mounts: [bind("f")] }, issues: [] },
  {
    name: "bind without a source is not stat'ed",
    config: { root, mounts: [bind(undefined)] },
    issues: ["/mounts/0/source -"],
  },
  {
    name: "NUL byte in a source: reported once, not stat'ed",
    config: { root, mounts: [bind("src\0x")] },
    issues: ["/mounts/0/source -"],
  },
  {
    name: "empty destination",
    config: { root, mounts: [{ destination: "", type: "tmpfs" }] },
    issues: ["/mounts/0/destination -"],
  },
  {
    name: "a tmpfs source is a name, not a path",
    config: { root, mounts: [{ destination: "/t", type: "tmpfs", source: "nope" }] },
    issues: [],
  },
  {
    name: "pure issues first, then the filesystem's",
    config: { root: { path: "gone" }, mounts: [bind("nope"), { destination: "/x" }] },
    issues: ["/mounts/1/type -", "/root/path ENOENT", "/mounts/0/source ENOENT"],
  },
  {
    name: "the bundle directory is missing: nothing below it is looked at",
    config: { root, mounts: [bind("src")] },
    bundleDir: "/nowhere",
    issues: [" ENOENT"],
  },
  {
    name: "the bundle directory is a file",
    config: { root, mounts: [bind("src")] },
    bundleDir: "/b/f",
    issues: [" -"],
  },
];

describe("checkBundle: issues as data", () => {
  for (const row of TABLE) {
    test(row.name, () => {
      const { issues } = checkBundle(row.config, row.bundleDir ?? "/b", { sys: host(HOST) });
      expect(issues.map((i) => `${i.path} ${i.errnoName ?? "-"}`)).toEqual(row.issues);
      for (const i of issues) expect(i.message).not.toContain(i.path || "\u0000");
    });
  }
});

test("a failed stat names the host path and the errno's text", () => {
  const { issues } = checkBundle({ root, mounts: [bind("nope")] }, "/b", { sys: host(HOST) });
  expect(issues).toEqual([
    {
      path: "/mounts/0/source",
      expected: "an existing path",
      received: "ENOENT",
      message: "bind source /b/nope: No such file or directory",
      errnoName: "ENOENT",
      hostPath: "/b/nope",
    },
  ]);
});

test("many mounts sharing a source: one stat per distinct path", () => {
  const sys = host(HOST);
  const mounts = [
    ...Array.from({ length: 1000 }, (_, i) => bind("src", `/d/${i}`)),
    bind("/b/./src", "/e"),
    bind("./src", "/e2"),
    bind("rootfs", "/self"),
  ];
  expect(checkBundle({ root, mounts }, "/b", { sys }).issues).toEqual([]);
  const stats = sys.calls.filter((c) => c.op === "statx").map((c) => c.args[1]);
  expect(stats).toEqual(["/b", "/b/rootfs", "/b/src"]);
});

test("warnings are lintConfig's, { path, message }; lintRoot: false skips root.path", () => {
  const config = { root: { path: "/elsewhere/merged" }, mounts: [bind("src", "rel")] };
  const host2 = host({ ...HOST, "/elsewhere/merged": "dir" });
  const all = checkBundle(config, "/b", { sys: host2 }).warnings.map((w) => w.path);
  expect(all).toEqual(["/root/path", "/root/path", "/mounts/0/destination"]);
  const hook = checkBundle(config, "/b", { sys: host2, lintRoot: false }).warnings;
  expect(hook.map((w) => w.path)).toEqual(["/mounts/0/destination"]);
});

test("without a syscall layer the stats are node:fs ones, with the same answers", () => {
  const tree = makeTree({ rootfs: directory, "file.txt": file("x") });
  const { root } = tree;
  try {
    const config: MountConfig = {
      root: { path: "rootfs" },
      mounts: [
        { destination: "/a", type: "bind", source: "file.txt", options: ["bind"] },
        { destination: "/b", type: "bind", source: "missing", options: ["bind"] },
      ],
    };
    const { issues } = checkBundle(config, root);
    expect(issues).toMatchObject([
      { path: "/mounts/1/source", errnoName: "ENOENT", hostPath: `${root}/missing` },
    ]);
    expect(checkBundle({ root: { path: "file.txt" } }, root).issues).toMatchObject([
      { path: "/root/path", received: "not a directory" },
    ]);
  } finally {
    tree.remove();
  }
});
