/**
 * The bun:ffi syscall layer against the real kernel: the new mount API (open_tree,
 * mount_setattr, move_mount, fsopen/fsconfig/fsmount), mount(2)/umount2 and setns, each
 * scenario run by a child `bun` inside a private mount namespace (tests/helpers/namespace.ts).
 */
import { afterAll, expect } from "bun:test";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mountTest, type NamespaceNeeds, runInNamespace } from "./helpers/namespace.ts";

const work = mkdtempSync(join(tmpdir(), "ocimount-syscalls-"));
for (const d of ["src", "dst", "tmp", "plain"]) mkdirSync(join(work, d));
writeFileSync(join(work, "src/file"), "hello");
writeFileSync(join(work, "plain/file"), "x");
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Shared by every scenario: the syscalls, the constants it uses, and small probes. */
const PRELUDE = `
import { createSyscalls } from "@ocimount/mounter";
import * as F from "@ocimount/mount-flags";
import { AT_FDCWD, CLONE_FS, CLONE_NEWNS, CLONE_NEWUTS, O_DIRECTORY, O_PATH } from "@ocimount/mount-flags/linux";
import { readFileSync, writeFileSync } from "node:fs";
const sys = createSyscalls();
const W = process.env.WORK;
const out = {};
const code = (fn) => { try { fn(); return "ok"; } catch (e) { return e.code ?? String(e); } };
const entry = (point) => readFileSync("/proc/thread-self/mountinfo", "utf8").trim().split("\\n")
  .map((l) => l.split(" ")).findLast((f) => f[4] === point);
const statfsAt = (path) => {
  const fd = sys.openat(AT_FDCWD, path, O_PATH);
  try { return sys.fstatfs(fd); } finally { sys.close(fd); }
};
const cloexec = (fd) => (Number.parseInt(/^flags:\\s+([0-7]+)/m.exec(
  readFileSync("/proc/self/fdinfo/" + fd, "utf8"))[1], 8) & 0o2000000) !== 0;
`;

/**
 * Runs a scenario in a private mount namespace (plus the namespaces it `needs` under a user
 * namespace) and returns the `out` object it filled.
 */
function scenario(body: string, needs: NamespaceNeeds = {}): Record<string, unknown> {
  const script = `${PRELUDE}\n${body}\nconsole.log(JSON.stringify(out));`;
  const r = runInNamespace(["bun", "-e", script], {
    cwd: import.meta.dir,
    env: { WORK: work },
    needs,
  });
  if (r.exitCode !== 0) throw new Error(`scenario failed (${r.exitCode}):\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "{}");
}

const hostMounts = () => readFileSync("/proc/self/mountinfo", "utf8");
const before = hostMounts();
afterAll(() => expect(hostMounts()).toBe(before));

mountTest("open_tree clone + mount_setattr + move_mount binds read-only onto a target fd", () => {
  const out = scenario(`
    const tree = sys.openTree(AT_FDCWD, W + "/src", F.OPEN_TREE_CLONE);
    out.treeCloexec = cloexec(tree);
    out.partialAtime = code(() => sys.mountSetattr(tree, "", F.AT_EMPTY_PATH,
      { attrSet: 0, attrClr: F.MOUNT_ATTR_NOATIME }));
    sys.mountSetattr(tree, "", F.AT_EMPTY_PATH,
      { attrSet: F.MOUNT_ATTR_RDONLY | F.MOUNT_ATTR_NOSUID, attrClr: 0, propagation: F.MS_PRIVATE });
    const target = sys.openat(AT_FDCWD, W + "/dst", O_PATH | O_DIRECTORY);
    sys.moveMount(tree, "", target, "", F.MOVE_MOUNT_F_EMPTY_PATH | F.MOVE_MOUNT_T_EMPTY_PATH);
    sys.close(tree);
    sys.close(target);
    const e = entry(W + "/dst");
    out.options = e[5];
    out.read = readFileSync(W + "/dst/file", "utf8");
    out.write = code(() => { try { writeFileSync(W + "/dst/new", "x"); } catch (err) { throw { code: err.code }; } });
    const st = sys.statx(AT_FDCWD, W + "/dst", 0);
    out.mountIdMatches = st.mountId === Number(e[0]);
    out.isMountRoot = st.isMountRoot;
    sys.umount2(W + "/dst", F.UMOUNT_NOFOLLOW);
    out.after = entry(W + "/dst") === undefined;
  `);
  expect(out).toEqual({
    treeCloexec: true,
    partialAtime: "EINVAL",
    options: expect.stringMatching(/^ro,nosuid/),
    read: "hello",
    write: "EROFS",
    mountIdMatches: true,
    isMountRoot: true,
    after: true,
  });
});

mountTest("fsopen/fsconfig/fsmount make a tmpfs that move_mount attaches", () => {
  const out = scenario(`
    const fs = sys.fsopen("tmpfs", 0);
    out.fsCloexec = cloexec(fs);
    out.badKey = code(() => sys.fsconfig(fs, F.FSCONFIG_SET_STRING, "no-such-option", "1", 0));
    sys.fsconfig(fs, F.FSCONFIG_SET_STRING, "size", "1m", 0);
    sys.fsconfig(fs, F.FSCONFIG_SET_STRING, "mode", "0711", 0);
    sys.fsconfig(fs, F.FSCONFIG_CMD_CREATE, null, null, 0);
    const mnt = sys.fsmount(fs, 0, F.MOUNT_ATTR_NODEV | F.MOUNT_ATTR_NOEXEC);
    out.mntCloexec = cloexec(mnt);
    sys.close(fs);
    sys.moveMount(mnt, "", AT_FDCWD, W + "/tmp", F.MOVE_MOUNT_F_EMPTY_PATH);
    sys.close(mnt);
    const e = entry(W + "/tmp");
    out.fstype = e[e.indexOf("-") + 1];
    out.options = e[5];
    out.super = e.at(-1);
    out.statfsType = statfsAt(W + "/tmp").type;
    out.unknownFs = code(() => sys.fsopen("no-such-fs", 0));
    sys.umount2(W + "/tmp", F.UMOUNT_NOFOLLOW);
  `);
  expect(out).toEqual({
    fsCloexec: true,
    badKey: "EINVAL",
    mntCloexec: true,
    fstype: "tmpfs",
    options: expect.stringMatching(/^rw,nodev,noexec/),
    super: expect.stringMatching(/size=1024k,mode=711/),
    statfsType: 0x01021994,
    unknownFs: "ENODEV",
  });
});

mountTest("mount(2) and umount2 report errno right and apply flags", () => {
  const out = scenario(`
    out.missingSource = code(() => sys.mount(W + "/missing", W + "/dst", null, F.MS_BIND, null));
    out.fileComponent = code(() => sys.mount(W + "/plain/file/x", W + "/dst", null, F.MS_BIND, null));
    out.notMounted = code(() => sys.umount2(W + "/dst", F.UMOUNT_NOFOLLOW));
    sys.mount("ocimount-t", W + "/dst", "tmpfs", F.MS_NOSUID | F.MS_NODEV, "size=2m");
    const e = entry(W + "/dst");
    out.source = e.at(-2);
    out.options = e[5];
    sys.mount(null, W + "/dst", null, F.MS_REMOUNT | F.MS_BIND | F.MS_RDONLY | F.MS_NOSUID | F.MS_NODEV, null);
    out.remounted = entry(W + "/dst")[5];
    out.flags = statfsAt(W + "/dst").flags & 0xf;
    sys.umount2(W + "/dst", F.UMOUNT_NOFOLLOW);
    out.gone = entry(W + "/dst") === undefined;
  `);
  expect(out).toEqual({
    missingSource: "ENOENT",
    fileComponent: "ENOTDIR",
    notMounted: "EINVAL",
    source: "ocimount-t",
    options: expect.stringMatching(/^rw,nosuid,nodev/),
    remounted: expect.stringMatching(/^ro,nosuid,nodev/),
    flags: 1 | 2 | 4,
    gone: true,
  });
});

mountTest("setns joins a namespace by fd; a mount namespace needs unshare(CLONE_FS) first", () => {
  const out = scenario(
    `
    const uts = sys.openat(AT_FDCWD, "/proc/self/ns/uts", 0);
    out.uts = code(() => sys.setns(uts, CLONE_NEWUTS));
    out.wrongType = code(() => sys.setns(uts, CLONE_NEWNS));
    const mnt = sys.openat(AT_FDCWD, "/proc/self/ns/mnt", 0);
    out.mnt = code(() => sys.setns(mnt, CLONE_NEWNS));
    out.notNs = code(() => sys.setns(sys.openat(AT_FDCWD, "/", O_DIRECTORY), 0));
    out.ownFs = code(() => sys.unshare(CLONE_FS));
    out.mntAfter = code(() => sys.setns(mnt, CLONE_NEWNS));
  `,
    // Joining a UTS namespace takes CAP_SYS_ADMIN over it: under a user namespace, one of its own.
    { uts: true },
  );
  // bun runs helper threads sharing the fs struct (CLONE_FS): setns(2) says EINVAL for
  // CLONE_NEWNS then, until unshare(CLONE_FS) gives the calling thread its own.
  expect(out).toEqual({
    uts: "ok",
    wrongType: "EINVAL",
    mnt: "EINVAL",
    notNs: "EINVAL",
    ownFs: "ok",
    mntAfter: "ok",
  });
});
