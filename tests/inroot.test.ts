/**
 * The in-root opener under attack: another process swaps a directory inside the root with a
 * symlink that points outside it (renameat2 RENAME_EXCHANGE in a tight loop) while we open,
 * mkdir and create thousands of times, with openat2 and with the forced fallback walk. No fd
 * may ever point outside the root (checked by its /proc path and by statx dev+ino), and
 * nothing may ever be created outside. No mounts are made, so no namespace is needed.
 */
import { afterAll, expect, test } from "bun:test";
import { readdirSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import {
  AT_EMPTY_PATH,
  AT_SYMLINK_NOFOLLOW,
  MOVE_MOUNT_F_EMPTY_PATH,
  MOVE_MOUNT_T_EMPTY_PATH,
  MS_BIND,
  OPEN_TREE_CLONE,
} from "@ocimount/mount-flags";
import { AT_FDCWD, O_DIRECTORY, O_PATH, RENAME_EXCHANGE } from "@ocimount/mount-flags/linux";
import {
  createFileInRoot,
  createSyscalls,
  InRootError,
  mkdirAllInRoot,
  openInRoot,
} from "@ocimount/mounter";
import { directory, file, link, makeTree } from "@ocimount/test-utils";
import { mountTest, runInNamespace } from "./helpers/namespace.ts";

const sys = createSyscalls();
const tree = makeTree({}, { root: "rootfs", prefix: "ocimount-attack-" });
const { tempDir: parent, root } = tree;
const outside = join(parent, "outside");
// The same shape inside and outside, so that a resolver fooled by the swap would succeed, outside.
tree.add({
  "a/b/target": file(root),
  "../outside/a/b/target": file(outside),
  swap: link(join(outside, "a")),
});
afterAll(() => tree.remove());

/** dev:ino of a file (by path, or of an fd with path ""), from statx without following links. */
const id = (path: string, fd = AT_FDCWD) => {
  const st = sys.statx(
    fd,
    path,
    path === "" ? AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW : AT_SYMLINK_NOFOLLOW,
  );
  return `${st.devMajor}:${st.devMinor}:${st.ino}`;
};
const outsideIds = new Set(
  ["/", parent, outside, join(outside, "a"), join(outside, "a/b"), join(outside, "a/b/target")].map(
    id,
  ),
);

/** Our open fds that point at `dir` or below: none may be left over. */
function openInto(dir: string): string[] {
  const targets = readdirSync("/proc/self/fd").map((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      return "";
    }
  });
  return targets.filter((t) => t === dir || t.startsWith(`${dir}/`));
}

/** 1 when opening the path string root/a/b/target (the kernel following links) lands outside. */
function naiveEscapes(): number {
  try {
    const fd = sys.openat(AT_FDCWD, join(root, "a/b/target"), O_PATH);
    const outsideNow = outsideIds.has(id("", fd));
    sys.close(fd);
    return outsideNow ? 1 : 0;
  } catch {
    return 0;
  }
}

/** Starts the attacker: a bun process exchanging root/a and root/swap as fast as it can. */
function startAttacker() {
  const script = `
    import { createSyscalls } from "@ocimount/mounter";
import { directory, file, link, makeTree } from "@ocimount/test-utils";
    const sys = createSyscalls();
    const dir = sys.openat(${AT_FDCWD}, ${JSON.stringify(root)}, ${O_PATH | O_DIRECTORY});
    let swaps = 0;
    process.on("SIGTERM", () => { console.log(swaps); process.exit(0); });
    console.error("ready");
    for (;;) {
      for (let i = 0; i < 1000; i++) { sys.renameat2(dir, "a", dir, "swap", ${RENAME_EXCHANGE}); swaps++; }
      await Bun.sleep(0);
    }`;
  return Bun.spawn(["bun", "-e", script], { cwd: import.meta.dir, stdout: "pipe", stderr: "pipe" });
}

test("a directory swapped for a symlink out of the root never yields an fd outside it", async () => {
  const attacker = startAttacker();
  const reader = attacker.stderr.getReader();
  await reader.read(); // "ready": the attack is running before we start
  const rootFd = sys.openat(AT_FDCWD, root, O_PATH | O_DIRECTORY);
  const escapes: string[] = [];
  const counts = { ok: 0, failed: 0 };
  let naive = 0;
  const check = (fd: number) => {
    const path = sys.fdPath(fd);
    if (!(path === root || path.startsWith(`${root}/`))) escapes.push(path);
    if (outsideIds.has(id("", fd))) escapes.push(`an outside inode, seen as ${path}`);
    sys.close(fd);
    counts.ok++;
  };
  const attempt = (fn: () => number) => {
    try {
      check(fn());
    } catch (error) {
      if (!(error instanceof InRootError)) throw error;
      counts.failed++;
    }
  };
  try {
    for (let i = 0; i < 3000; i++) {
      const forceFallback = i % 2 === 1;
      attempt(() => openInRoot(sys, rootFd, "a/b/target", { forceFallback }));
      attempt(() => openInRoot(sys, rootFd, "a/b", { forceFallback }));
      if (i % 3 === 0)
        attempt(() => mkdirAllInRoot(sys, rootFd, `a/b/new${i}/x`, 0o755, { forceFallback }).fd);
      if (i % 3 === 1)
        attempt(() => createFileInRoot(sys, rootFd, `a/b/file${i}`, 0o644, { forceFallback }).fd);
      // A control, not asserted (it depends on timing): a path-string open the swap fools.
      if (i % 10 === 0) naive += naiveEscapes();
    }
  } finally {
    attacker.kill("SIGTERM");
    await attacker.exited;
    sys.close(rootFd);
  }
  const swaps = Number((await new Response(attacker.stdout).text()).trim());
  console.log(
    `[inroot attack] ${swaps} swaps; ${counts.ok} fds checked, ${counts.failed} refused; a naive path open escaped ${naive} times`,
  );
  expect(escapes).toEqual([]);
  expect(readdirSync(join(outside, "a/b")).sort()).toEqual(["target"]);
  expect(readdirSync(outside)).toEqual(["a"]);
  expect(openInto(parent)).toEqual([]);
  expect(swaps).toBeGreaterThan(0);
  expect(counts.ok).toBeGreaterThan(0);
}, 120_000);

mountTest(
  "across mounts inside the root, and mounting onto an opener fd, in a private namespace",
  () => {
    const tree = makeTree(
      { "rootfs/etc": directory, "rootfs/mnt": directory, "src/hello": file("hi") },
      { prefix: "ocimount-inroot-ns-" },
    );
    const base = tree.tempDir;
    const script = `
    import { createSyscalls, openInRoot, mkdirAllInRoot, createFileInRoot } from "@ocimount/mounter";
import { directory, file, link, makeTree } from "@ocimount/test-utils";
    import { symlinkSync, readFileSync } from "node:fs";
    const sys = createSyscalls();
    const B = ${JSON.stringify(base)}, R = B + "/rootfs";
    sys.mount("ocimount-t", R + "/mnt", "tmpfs", 0, "size=1m");
    symlinkSync("../../../..", R + "/mnt/up");
    symlinkSync("/etc", R + "/mnt/abs");
    const root = sys.openat(${AT_FDCWD}, R, ${O_PATH | O_DIRECTORY});
    const out = {};
    for (const forceFallback of [false, true]) {
      const at = (p) => { const fd = openInRoot(sys, root, p, { forceFallback }); const s = sys.fdPath(fd); sys.close(fd); return s.slice(R.length) || "/"; };
      out[forceFallback ? "walk" : "openat2"] = [at("mnt/up/etc"), at("mnt/abs"), at("mnt/.."), at("mnt/../mnt")];
    }
    const dir = mkdirAllInRoot(sys, root, "mnt/abs/../new/dir", 0o755);
    out.created = dir.created;
    const tree = sys.openTree(${AT_FDCWD}, B + "/src", ${OPEN_TREE_CLONE});
    sys.moveMount(tree, "", dir.fd, "", ${MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH});
    sys.close(tree);
    out.mounted = readFileSync(R + "/new/dir/hello", "utf8");
    const file = createFileInRoot(sys, root, "mnt/up/masked", 0o644);
    sys.mount("/dev/null", sys.fdPath(file.fd), null, ${MS_BIND}, null);
    out.file = [file.created, sys.fdPath(file.fd).slice(R.length)];
    const info = readFileSync("/proc/thread-self/mountinfo", "utf8");
    out.points = info.trim().split("\\n").map((l) => l.split(" ")[4]).filter((p) => p.startsWith(B)).map((p) => p.slice(R.length));
    console.log(JSON.stringify(out));`;
    try {
      const r = runInNamespace(["bun", "-e", script], { cwd: import.meta.dir });
      expect(r.stderr).toBe("");
      expect(JSON.parse(r.stdout)).toEqual({
        openat2: ["/etc", "/etc", "/", "/mnt"],
        walk: ["/etc", "/etc", "/", "/mnt"],
        created: ["/new", "/new/dir"],
        mounted: "hi",
        file: [["/masked"], "/masked"],
        points: ["/mnt", "/new/dir", "/masked"],
      });
    } finally {
      tree.remove();
    }
  },
);
