import { afterAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AT_EMPTY_PATH, AT_SYMLINK_NOFOLLOW, MOUNT_ATTR_RDONLY } from "@ocimount/mount-flags";
import {
  AT_FDCWD,
  AT_REMOVEDIR,
  O_CLOEXEC,
  O_DIRECTORY,
  O_NOFOLLOW,
  O_PATH,
  RENAME_EXCHANGE,
  RESOLVE_NO_MAGICLINKS,
  S_IFCHR,
  S_IFDIR,
  S_IFMT,
} from "@ocimount/mount-flags/linux";
import { directory, file, link, makeTree } from "@ocimount/test-utils";
import { createSyscalls } from "./ffi.ts";
import { SyscallError } from "./SyscallError.ts";

const sys = createSyscalls();
const tree = makeTree({ d: directory, f: file("x"), l: link("d") });
const dir = tree.root;
afterAll(() => tree.remove());

/** Runs `fn` and returns the SyscallError it throws. */
function thrown(fn: () => unknown): SyscallError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SyscallError) return e;
    throw e;
  }
  throw new Error("expected a SyscallError, nothing was thrown");
}

/** Root gets EBADF from a privileged mount call given a bad fd; others are refused first. */
const PRIVILEGED_BAD_FD = process.getuid?.() === 0 ? "EBADF" : "EPERM";

const missing = join(dir, "missing/x");
const fileAsDir = join(dir, "f/x");

describe("errno comes back right", () => {
  const cases: [name: string, call: () => unknown, op: string, code: string][] = [
    ["openat of a missing path", () => sys.openat(AT_FDCWD, missing, O_PATH), "openat", "ENOENT"],
    [
      "open_tree of a missing path",
      () => sys.openTree(AT_FDCWD, missing, 0),
      "open_tree",
      "ENOENT",
    ],
    [
      "openat2 of a missing path",
      () => sys.openat2(AT_FDCWD, missing, { flags: O_PATH, resolve: 0 }),
      "openat2",
      "ENOENT",
    ],
    ["statx of a missing path", () => sys.statx(AT_FDCWD, missing, 0), "statx", "ENOENT"],
    [
      "openat with a file as a directory",
      () => sys.openat(AT_FDCWD, fileAsDir, O_PATH),
      "openat",
      "ENOTDIR",
    ],
    [
      "open_tree with a file as a directory",
      () => sys.openTree(AT_FDCWD, fileAsDir, 0),
      "open_tree",
      "ENOTDIR",
    ],
    ["mkdirat under a file", () => sys.mkdirat(AT_FDCWD, fileAsDir, 0o755), "mkdirat", "ENOTDIR"],
    [
      "openat O_DIRECTORY of a file",
      () => sys.openat(AT_FDCWD, join(dir, "f"), O_PATH | O_DIRECTORY),
      "openat",
      "ENOTDIR",
    ],
    [
      "openat O_NOFOLLOW of a symlink",
      () => sys.openat(AT_FDCWD, join(dir, "l"), O_NOFOLLOW),
      "openat",
      "ELOOP",
    ],
    [
      "openat O_NOFOLLOW|O_DIRECTORY of a symlink",
      () => sys.openat(AT_FDCWD, join(dir, "l"), O_NOFOLLOW | O_DIRECTORY),
      "openat",
      "ENOTDIR",
    ],
    [
      "openat2 with an unknown resolve bit",
      () => sys.openat2(AT_FDCWD, dir, { flags: O_PATH, resolve: 0x4000 }),
      "openat2",
      "EINVAL",
    ],
    [
      "mkdirat of an existing directory",
      () => sys.mkdirat(AT_FDCWD, join(dir, "d"), 0o755),
      "mkdirat",
      "EEXIST",
    ],
    [
      "readlinkat of a directory",
      () => sys.readlinkat(AT_FDCWD, join(dir, "d")),
      "readlinkat",
      "EINVAL",
    ],
    ["close of a bad fd", () => sys.close(987654), "close", "EBADF"],
    ["statx of a bad fd", () => sys.statx(987654, "", AT_EMPTY_PATH), "statx", "EBADF"],
    ["fstatfs of a bad fd", () => sys.fstatfs(987654), "fstatfs", "EBADF"],
    ["open_tree of a bad fd", () => sys.openTree(987654, "", AT_EMPTY_PATH), "open_tree", "EBADF"],
    ["fsconfig of a bad fd", () => sys.fsconfig(987654, 1, "size", "1m", 0), "fsconfig", "EBADF"],
    // These check CAP_SYS_ADMIN over the mount namespace before they look at the fd:
    // an ordinary user gets EPERM here, and EBADF inside a user namespace (below).
    ["fsmount of a bad fd", () => sys.fsmount(987654, 0, 0), "fsmount", PRIVILEGED_BAD_FD],
    [
      "move_mount of a bad fd",
      () => sys.moveMount(987654, "", AT_FDCWD, dir, 4),
      "move_mount",
      PRIVILEGED_BAD_FD,
    ],
    [
      "mount_setattr of a bad fd",
      () => sys.mountSetattr(987654, "", AT_EMPTY_PATH, { attrSet: MOUNT_ATTR_RDONLY, attrClr: 0 }),
      "mount_setattr",
      PRIVILEGED_BAD_FD,
    ],
    ["setns of a bad fd", () => sys.setns(987654, 0), "setns", "EBADF"],
    ["unshare with an unknown flag", () => sys.unshare(0x1), "unshare", "EINVAL"],
    [
      "a path with a NUL byte",
      () => sys.openat(AT_FDCWD, "/etc\0/passwd", O_PATH),
      "openat",
      "EINVAL",
    ],
    ["unlinkat of a missing name", () => sys.unlinkat(AT_FDCWD, missing, 0), "unlinkat", "ENOENT"],
    ["umount2 of a missing path", () => sys.umount2(missing, 8), "umount2", "ENOENT"],
    [
      "renameat2 of a missing name",
      () => sys.renameat2(AT_FDCWD, missing, AT_FDCWD, join(dir, "d"), RENAME_EXCHANGE),
      "renameat2",
      "ENOENT",
    ],
  ];
  test.each(cases)("%s", (_name, call, op, code) => {
    const error = thrown(call);
    expect(error.op).toBe(op);
    expect<string>(error.code).toBe(code);
  });

  const inUserNamespace = Bun.spawnSync(["unshare", "-Urm", "--", "true"]).exitCode === 0;
  test.skipIf(!inUserNamespace)(
    `fsmount, move_mount, mount_setattr of a bad fd inside unshare -Urm: EBADF${inUserNamespace ? "" : " [skipped: unshare -Urm failed: no user namespaces here]"}`,
    () => {
      // The same calls as the rows above, where the caller owns its mount namespace.
      const script = `
        const { createSyscalls } = await import(${JSON.stringify(join(import.meta.dir, "ffi.ts"))});
        const sys = createSyscalls();
        const code = (fn) => { try { fn(); return "ok"; } catch (e) { return e.code ?? String(e); } };
        console.log(JSON.stringify({
          fsmount: code(() => sys.fsmount(987654, 0, 0)),
          move_mount: code(() => sys.moveMount(987654, "", ${AT_FDCWD}, ${JSON.stringify(dir)}, 4)),
          mount_setattr: code(() => sys.mountSetattr(987654, "", ${AT_EMPTY_PATH},
            { attrSet: ${MOUNT_ATTR_RDONLY}, attrClr: 0 })),
        }));`;
      const r = Bun.spawnSync(
        ["unshare", "-Urm", "--propagation", "private", "--", "bun", "-e", script],
        {
          stdout: "pipe",
          stderr: "pipe",
        },
      );
      expect(r.stderr.toString()).toBe("");
      expect(JSON.parse(r.stdout.toString())).toEqual({
        fsmount: "EBADF",
        move_mount: "EBADF",
        mount_setattr: "EBADF",
      });
    },
  );

  test("errno stays exact over thousands of alternating failures with allocation in between", () => {
    const wrong: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const e1 = thrown(() => sys.openat(AT_FDCWD, missing, O_PATH));
      const garbage = Array.from({ length: 64 }, (_, j) => ({ j, s: `${i}-${j}` }));
      const e2 = thrown(() => sys.openat(AT_FDCWD, fileAsDir, O_PATH));
      const e3 = thrown(() => sys.close(987654 + (garbage.length % 2)));
      if (e1.code !== "ENOENT" || e2.code !== "ENOTDIR" || e3.code !== "EBADF") wrong.push(`${i}`);
    }
    expect(wrong).toEqual([]);
  });
});

test("a SyscallError says what failed, where and why", () => {
  const error = thrown(() => sys.openat(AT_FDCWD, missing, O_PATH));
  expect(error.message).toBe(`openat ${missing}: ENOENT (errno 2, No such file or directory)`);
  expect(error.errno).toBe(2);
  expect(error.path).toBe(missing);
  expect(error.flags).toBe(O_PATH);
});

test("statx of /dev/null gives char 1:3", () => {
  const st = sys.statx(AT_FDCWD, "/dev/null", 0);
  expect(st.mode & S_IFMT).toBe(S_IFCHR);
  expect([st.rdevMajor, st.rdevMinor]).toEqual([1, 3]);
});

test("statx mountId and isMountRoot match /proc/self/mountinfo", () => {
  const lines = readFileSync("/proc/self/mountinfo", "utf8").trim().split("\n");
  const procLine = lines.map((l) => l.split(" ")).findLast((f) => f[4] === "/proc");
  const st = sys.statx(AT_FDCWD, "/proc", 0);
  expect(st.mountId).toBe(Number(procLine?.[0]));
  expect(st.isMountRoot).toBe(true);
  expect(sys.statx(AT_FDCWD, "/proc/self", AT_SYMLINK_NOFOLLOW).isMountRoot).toBe(false);
});

test("fstatfs of /proc gives PROC_SUPER_MAGIC", () => {
  const fd = sys.openat(AT_FDCWD, "/proc", O_PATH);
  try {
    expect(sys.fstatfs(fd).type).toBe(0x9fa0);
  } finally {
    sys.close(fd);
  }
});

/** The `flags:` line of /proc/self/fdinfo/N, as a number. */
function fdFlags(fd: number): number {
  const line = readFileSync(`/proc/self/fdinfo/${fd}`, "utf8").match(/^flags:\s+([0-7]+)/m);
  return Number.parseInt(line?.[1] ?? "0", 8);
}

test.each([
  ["openat", () => sys.openat(AT_FDCWD, dir, O_PATH)],
  ["openat2", () => sys.openat2(AT_FDCWD, dir, { flags: O_PATH, resolve: RESOLVE_NO_MAGICLINKS })],
  ["open_tree", () => sys.openTree(AT_FDCWD, dir, 0)],
] as [string, () => number][])("%s fds are close-on-exec", (_op, open) => {
  const fd = open();
  try {
    expect(fdFlags(fd) & O_CLOEXEC).toBe(O_CLOEXEC);
  } finally {
    sys.close(fd);
  }
});

test("mkdirat, readlinkat (also of an O_PATH link fd), renameat2 RENAME_EXCHANGE, unlinkat", () => {
  const dfd = sys.openat(AT_FDCWD, dir, O_PATH | O_DIRECTORY);
  try {
    sys.mkdirat(dfd, "made", 0o700);
    expect(sys.statx(dfd, "made", 0).mode & S_IFMT).toBe(S_IFDIR);
    expect(sys.readlinkat(dfd, "l")).toBe("d");
    const lfd = sys.openat(dfd, "l", O_PATH | O_NOFOLLOW);
    expect(sys.readlinkat(lfd, "")).toBe("d");
    sys.close(lfd);
    sys.renameat2(dfd, "made", dfd, "l", RENAME_EXCHANGE);
    expect(sys.readlinkat(dfd, "made")).toBe("d");
    sys.renameat2(dfd, "made", dfd, "l", RENAME_EXCHANGE);
    sys.unlinkat(dfd, "made", AT_REMOVEDIR);
    expect(thrown(() => sys.statx(dfd, "made", 0)).code).toBe("ENOENT");
  } finally {
    sys.close(dfd);
  }
});

test("readlinkat returns long and non-ASCII targets whole", () => {
  const target = `${"é/".repeat(1000)}ü`;
  tree.add({ long: link(target) });
  expect(sys.readlinkat(AT_FDCWD, join(dir, "long"))).toBe(target);
});

test("importing and creating the syscalls does not load libc; the first call does", () => {
  const script = `
    const { createSyscalls } = await import(${JSON.stringify(join(import.meta.dir, "ffi.ts"))});
    const sys = createSyscalls();
    console.error("MARK created");
    sys.statx(-100, "/", 0);
    console.error("MARK called");`;
  const r = Bun.spawnSync(["bun", "-e", script], { env: { ...process.env, LD_DEBUG: "files" } });
  const log = r.stderr.toString();
  const dlopened = /opening file=\S*libc\.so\.6/;
  const [before, after] = log.split("MARK created");
  expect(r.exitCode).toBe(0);
  expect(before).not.toMatch(dlopened);
  expect(after?.split("MARK called")[0]).toMatch(dlopened);
});
