import { describe, expect, test } from "bun:test";
import { MountError, TeardownError } from "@ocimount/mounter";
import { BundleError } from "@ocimount/oci-spec";
import { CliError } from "./CliError.ts";
import { describeError } from "./errors.ts";
import { UsageError } from "./UsageError.ts";

/** Typed errors as the packages throw them (by their fields), and the line the CLI prints. */
const ROWS: { name: string; error: unknown; line: string; hint?: string; exitCode?: 1 | 2 }[] = [
  {
    name: "a mount error names the entry, source -> target, errno and its text",
    error: new MountError({
      code: "ESYSCALL",
      op: "mount",
      where: "mounts[3]",
      source: "/srv",
      target: "/b/rootfs/srv",
      errno: 2,
    }),
    line: "ocimount: setup: mount failed (mounts[3] /srv -> /b/rootfs/srv): ENOENT (errno 2, No such file or directory)",
  },
  {
    name: "a verify error without errno shows its detail",
    error: new MountError({
      code: "EVERIFY",
      op: "verify",
      where: "mounts[1]",
      target: "/b/rootfs/x",
      detail: "expected ro, got rw",
    }),
    line: "ocimount: setup: verify failed (mounts[1] /b/rootfs/x): EVERIFY (expected ro, got rw)",
  },
  {
    name: "a JSON syntax error names file:line:column",
    error: new BundleError("EJSON", "/b/config.json", "unexpected end of input", {
      line: 3,
      column: 7,
    }),
    line: "ocimount: setup: invalid JSON (/b/config.json:3:7): EJSON (unexpected end of input)",
  },
  {
    name: "a schema error names the first issue's pointer and counts the rest",
    error: new BundleError("EINVALID", "/b/config.json", "invalid", {
      issues: [
        {
          path: "/mounts/0/type",
          expected: "string",
          received: "7",
          message: "Invalid type",
        },
        { path: "/root", expected: "object", received: "1", message: "Invalid type" },
      ],
    }),
    line: "ocimount: setup: invalid config (/b/config.json /mounts/0/type): EINVALID (Invalid type)",
    hint: "1 more issue (--json lists them all).",
  },
  {
    name: "an OS error behind EIO shows the real errno",
    error: new BundleError("EIO", "/b/config.json", "EMFILE: too many", { errno: 24 }),
    line: "ocimount: setup: cannot read (/b/config.json): EMFILE (errno 24, Too many open files)",
  },
  {
    name: "the CLI's own errors",
    error: new CliError({ code: "ENOENT", what: "rootfs missing", where: "root.path /b/rootfs" }),
    line: "ocimount: setup: rootfs missing (root.path /b/rootfs): ENOENT (errno 2, No such file or directory)",
  },
  {
    name: "an aggregate shows its first error and counts the rest",
    error: new TeardownError("/b", [
      new CliError({ code: "EBUSY", what: "umount failed", where: "/b/rootfs/a" }),
      new CliError({ code: "EBUSY", what: "umount failed", where: "/b/rootfs/b" }),
    ]),
    line: "ocimount: setup: umount failed (/b/rootfs/a): EBUSY (errno 16, Device or resource busy)",
    hint: "1 more failure (--json lists them all).",
  },
  {
    name: "control characters in paths are escaped",
    error: new CliError({
      code: "ENOENT",
      what: "bind source missing",
      where: "mounts[0] /a\nb\u001b[2J",
    }),
    line: "ocimount: setup: bind source missing (mounts[0] /a\\nb\\x1b[2J): ENOENT (errno 2, No such file or directory)",
  },
  {
    name: "an unknown error gets a generic line",
    error: new TypeError("boom\nsecond line"),
    line: "ocimount: setup: unexpected error: boom\\nsecond line",
    hint: "Set OCIMOUNT_DEBUG=1 to see where it came from.",
  },
  {
    name: "usage errors exit 2",
    error: new UsageError("unknown option --x"),
    line: "ocimount: setup: unknown option --x",
    hint: "Run 'ocimount setup --help' for usage.",
    exitCode: 2,
  },
];

describe("describeError", () => {
  for (const row of ROWS) {
    test(row.name, () => {
      const d = describeError(row.error, "setup");
      expect(d.line).toBe(row.line);
      if (row.hint !== undefined) expect(d.hint).toBe(row.hint);
      expect(d.exitCode).toBe(row.exitCode ?? 1);
      expect(typeof d.json.error.code).toBe("string");
      expect(typeof d.json.error.message).toBe("string");
    });
  }
});

test("a failed rollback adds a hint and goes into the JSON object", () => {
  const error = new MountError({
    code: "ESYSCALL",
    op: "move_mount",
    where: "mounts[2]",
    errno: 1,
  });
  error.rollback = new TeardownError("/b", [
    new CliError({ code: "EBUSY", what: "umount failed" }),
  ]);
  const d = describeError(error, "setup");
  expect(d.hint).toBe("Rolling back failed too (1 step); 'ocimount teardown' retries it.");
  expect((d.json.error.rollback as { code: string }).code).toBe("EBUSY");
});

test("the JSON object names the mount by index, so no consumer parses `where`", () => {
  const at = (where: string) =>
    describeError(new MountError({ code: "ESYSCALL", op: "mount", where, errno: 2 }), "setup").json
      .error;
  expect(at("mounts[3]")).toMatchObject({ where: "mounts[3]", mountIndex: 3 });
  expect(at("mounts[0]/cpu")).toMatchObject({ mountIndex: 0 });
  expect(at("linux.maskedPaths[1]").mountIndex).toBeUndefined();
});
