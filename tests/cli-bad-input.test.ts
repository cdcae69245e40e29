/**
 * Bad bundles given to the CLI: each is refused with exit 1 and one line on stderr naming the
 * place and the errno, before any mount is made. `plan` runs directly (it never mounts);
 * `setup` runs in a private mount namespace whose mount table must stay exactly the same.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type BundleSpec, bind, config, tmpfs, writeBundle } from "./fixtures/cli/bundles.ts";
import {
  BIN,
  cliInNamespace,
  lines,
  readableCli,
  removeReadableCli,
  removeWorkDirs,
  runCli,
} from "./fixtures/cli/cli.ts";
import { mountTest } from "./helpers/namespace.ts";
import { bypassesPermissions, unprivilegedInNamespace } from "./helpers/unprivileged.ts";

afterAll(removeWorkDirs);
afterAll(removeReadableCli);

interface BadBundle {
  name: string;
  spec: BundleSpec;
  /** The errno-style code on the error line. */
  code: string;
  /** Text the `(where)` part must contain; `@` stands for the bundle directory. */
  where: string;
  /**
   * Run so that file permissions apply (see helpers/unprivileged.ts): as nobody when this test
   * is root, as this very user otherwise, without capabilities inside a user namespace.
   */
  unprivileged?: boolean;
}

const many = (last: unknown) => [
  ...Array.from({ length: 19_999 }, (_, i) => tmpfs(`/m/${i}`)),
  last,
];

const BAD: BadBundle[] = [
  { name: "missing config.json", spec: {}, code: "ENOENT", where: "@/config.json" },
  {
    name: "unreadable config.json",
    spec: {
      makeConfig: (p) => {
        writeFileSync(p, JSON.stringify(config([])));
        chmodSync(p, 0o000);
        for (let d = dirname(p); d !== "/" && d !== "/tmp"; d = dirname(d)) chmodSync(d, 0o755);
      },
    },
    code: "EACCES",
    where: "@/config.json",
    unprivileged: true,
  },
  {
    name: "config.json is a directory",
    spec: { makeConfig: (p) => mkdirSync(p) },
    code: "ENOTREG",
    where: "@/config.json",
  },
  {
    name: "config.json is a FIFO (no hang)",
    spec: { makeConfig: (p) => void Bun.spawnSync(["mkfifo", p]) },
    code: "ENOTREG",
    where: "@/config.json",
  },
  {
    name: "config.json is /dev/zero",
    spec: { makeConfig: (p) => symlinkSync("/dev/zero", p) },
    code: "ENOTREG",
    where: "@/config.json",
  },
  {
    name: "invalid JSON",
    spec: { config: '{"ociVersion": "1.3.0",\n "mounts": [}' },
    code: "EJSON",
    where: "@/config.json:2:",
  },
  {
    name: "1e6-deep nesting",
    spec: { config: `{"a":${"[".repeat(1e6)}${"]".repeat(1e6)}}` },
    code: "EDEPTH",
    where: "@/config.json:1:",
  },
  {
    name: "wrong types",
    spec: { config: config([{ destination: 42, type: "tmpfs" }]) },
    code: "EINVALID",
    where: "/mounts/0/destination",
  },
  {
    name: "bind without a source",
    spec: { config: config([{ destination: "/srv", type: "bind", options: ["rbind"] }]) },
    code: "EINVALID",
    where: "/mounts/0/source",
  },
  {
    name: "bind with a missing source",
    spec: { config: config([bind("nope", "/srv")]) },
    code: "ENOENT",
    where: "mounts[0] @/nope",
  },
  {
    name: "missing rootfs",
    spec: { config: config([]), rootfs: "missing" },
    code: "ENOENT",
    where: "root.path @/rootfs",
  },
  {
    name: "rootfs is a file",
    spec: { config: config([]), rootfs: "file" },
    code: "ENOTDIR",
    where: "@/rootfs",
  },
  {
    name: "NUL byte in a destination",
    spec: { config: config([tmpfs("/a\u0000b")]) },
    code: "EINVALID",
    where: "/mounts/0/destination",
  },
  {
    name: "NUL byte in a masked path",
    spec: { config: config([], { linux: { maskedPaths: ["/etc/\u0000x"] } }) },
    code: "EINVALID",
    where: "/linux/maskedPaths/0",
  },
  {
    name: "20,000 mounts, the last with a missing source",
    spec: { config: config(many(bind("nope", "/last"))) },
    code: "ENOENT",
    where: "mounts[19999] @/nope",
  },
  {
    name: "20,000 mounts, the last of the wrong type",
    spec: { config: config(many({ destination: "/last", type: 7 })) },
    code: "EINVALID",
    where: "/mounts/19999/type",
  },
];

function expectOneLine(stderr: string, command: string, row: BadBundle, bundle: string): void {
  const err = lines(stderr);
  expect(err.length).toBeGreaterThanOrEqual(1);
  expect(err.length).toBeLessThanOrEqual(2);
  const line = err[0] ?? "";
  expect(line).toStartWith(`ocimount: ${command}: `);
  expect(line).toContain(row.where.replaceAll("@", bundle));
  expect(line).toMatch(new RegExp(`\\): ${row.code} \\(.+\\)$`));
  expect(stderr).not.toContain("    at ");
}

/** The readable copy of the CLI, run from its own directory (the clone may be out of reach). */
function readableCliArgv(): string[] {
  const { bin, dir } = readableCli();
  return ["env", "-C", dir, "bun", bin];
}

describe("plan refuses bad bundles", () => {
  for (const row of BAD) {
    test(row.name, () => {
      const { bundle } = writeBundle(row.spec);
      const args = ["plan", "--bundle", bundle];
      const r = runCli(args, { asNobody: row.unprivileged === true && bypassesPermissions });
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toBe("");
      expectOneLine(r.stderr, "plan", row, bundle);
    });
  }
});

describe("setup refuses bad bundles and leaves the mount table unchanged", () => {
  for (const row of BAD) {
    mountTest(row.name, () => {
      const { bundle, state } = writeBundle(row.spec);
      const args = ["setup", "--bundle", bundle, "--state-dir", state];
      const [run] = cliInNamespace([
        row.unprivileged
          ? ["!", ...unprivilegedInNamespace(), ...readableCliArgv(), ...args]
          : args,
      ]);
      expect(run?.exitCode).toBe(1);
      expect(run?.tableChanged).toBe(false);
      expect(run?.stdout).toBe("");
      expectOneLine(run?.stderr ?? "", "setup", row, bundle);
    });
  }
});

mountTest("setup --json on a bad bundle prints the JSON error object too", () => {
  const { bundle, state } = writeBundle({ config: config([bind("nope", "/srv")]) });
  const [run] = cliInNamespace([["setup", "--json", "--bundle", bundle, "--state-dir", state]]);
  expect(run?.exitCode).toBe(1);
  const { error } = JSON.parse(run?.stdout ?? "");
  expect(error.code).toBe("ENOENT");
  expect(error.where).toBe(`mounts[0] ${join(bundle, "nope")}`);
  expect(typeof error.message).toBe("string");
});

test("OCIMOUNT_DEBUG=1 adds the stack trace", () => {
  const { bundle } = writeBundle({});
  const r = Bun.spawnSync(["bun", BIN, "plan", "--bundle", bundle], {
    env: { ...process.env, OCIMOUNT_DEBUG: "1" },
    stderr: "pipe",
  });
  expect(r.exitCode).toBe(1);
  expect(r.stderr.toString()).toContain("    at ");
});

mountTest("a mount the kernel refuses is rolled back; the line names the entry and errno", () => {
  const { bundle, state } = writeBundle({
    config: config([tmpfs("/a"), { ...tmpfs("/x"), options: ["size=bogus"] }]),
  });
  const common = ["--bundle", bundle, "--state-dir", state];
  const [run, status] = cliInNamespace([
    ["setup", ...common],
    ["status", ...common, "--json"],
  ]);
  expect(run?.exitCode).toBe(1);
  expect(run?.tableChanged).toBe(false);
  expect(lines(run?.stderr ?? "")).toEqual([
    // fsconfig refuses it; the kernel's own reason comes from the filesystem context's log.
    `ocimount: setup: fsconfig failed (mounts[1] tmpfs -> ${bundle}/rootfs/x): EINVAL (errno 22, Invalid argument): tmpfs: Bad value for 'size'`,
  ]);
  expect(JSON.parse(status?.stdout ?? "").state).toBe("not-set-up");
});
