import { expect, test } from "bun:test";
import { ERRNO } from "@ocimount/mount-flags/errors";
import { S_IFDIR, S_IFREG } from "@ocimount/mount-flags/linux";
import { createFakeSyscalls, type MountConfig, MountError, planSetup } from "@ocimount/mounter";
import { bundleRefusal } from "./bundleRefusal.ts";
import { describeError } from "./errors.ts";

/** A made-up host: /b is the bundle, /b/file a file, /b/src a directory; nothing else exists. */
const sys = () => {
  const kinds: Record<string, number> = { "/b": S_IFDIR, "/b/src": S_IFDIR, "/b/file": S_IFREG };
  return createFakeSyscalls({
    failOn: (op, args) =>
      op === "statx" && kinds[args[1] as string] === undefined ? ERRNO.ENOENT : undefined,
    stat: (_, path) => ({ mode: (kinds[path] ?? S_IFDIR) | 0o755 }),
  });
};

/** The line `ocimount plan` prints for the refusal of `config` in /b. */
function line(config: MountConfig): string {
  try {
    planSetup(config, "/b", { sys: sys(), resolveHostPaths: false });
  } catch (error) {
    return describeError(bundleRefusal(error, "/b/config.json"), "plan").line;
  }
  return "not refused";
}

const bind = (source?: string) => ({ destination: "/d", type: "bind", source });

const TABLE: [name: string, config: MountConfig, line: string][] = [
  [
    "missing rootfs",
    { root: { path: "rootfs" } },
    "ocimount: plan: rootfs missing (root.path /b/rootfs): ENOENT (errno 2, No such file or directory)",
  ],
  [
    "rootfs is a file",
    { root: { path: "file" } },
    "ocimount: plan: rootfs is not a directory (root.path /b/file): ENOTDIR (errno 20, Not a directory)",
  ],
  [
    "missing bind source",
    { root: { path: "src" }, mounts: [bind("/b/src"), bind("nope")] },
    "ocimount: plan: bind source missing (mounts[1] /b/nope): ENOENT (errno 2, No such file or directory)",
  ],
  [
    "a setup rule",
    { root: { path: "src" }, mounts: [bind()] },
    "ocimount: plan: cannot set up (/b/config.json /mounts/0/source): EINVALID (a bind mount needs a source)",
  ],
];

for (const [name, config, want] of TABLE) {
  test(`bundleRefusal: ${name}`, () => {
    expect(line(config)).toBe(want);
  });
}

test("bundleRefusal leaves any other error alone", () => {
  const other = new Error("x");
  expect(bundleRefusal(other)).toBe(other);
});

test("bundleRefusal: the JSON object names the entry and the path as fields of their own", () => {
  const error = new MountError({
    code: "EINVALID",
    op: "check bundle",
    path: "/b",
    issues: [
      {
        path: "/mounts/2/source",
        message: "bind source /b/missing: ENOENT",
        errnoName: "ENOENT",
        hostPath: "/b/missing",
      },
    ],
  });
  const json = describeError(bundleRefusal(error, "/b/config.json"), "plan").json.error;
  expect(json).toMatchObject({ mountIndex: 2, source: "/b/missing", errnoName: "ENOENT" });
});
