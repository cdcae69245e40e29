/**
 * @ocimount/mounter against the real kernel: every scenario runs setup/teardown in its own
 * private mount namespace (fixtures/mounter/scenario.ts) and reads mountinfo back.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { directory, file, removeTree, type TreeSpec } from "@ocimount/test-utils";
import {
  type ActionResult,
  makeBundle,
  mountAt,
  runScenario,
  SCENARIO,
  type ScenarioNeeds,
} from "./fixtures/mounter/bundle.ts";
import { mountTest, namespaceMode, runInNamespace } from "./helpers/namespace.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) removeTree(dir);
});

function bundle(spec: TreeSpec): string {
  const dir = makeBundle({ "rootfs/etc/motd": file("hello"), ...spec });
  made.push(dir);
  return dir;
}

function run(
  dir: string,
  config: Record<string, unknown>,
  actions: unknown[],
  extra: Record<string, unknown> = {},
  needs: ScenarioNeeds = {},
) {
  return runScenario(
    {
      bundleDir: dir,
      stateDir: `${dir}/.state`,
      config: { root: { path: "rootfs" }, ...config },
      actions,
      ...extra,
    },
    needs,
  );
}

const opts = (m: ActionResult | undefined) => new Set(String(m?.opts ?? "").split(","));

for (const fallback of [false, true]) {
  const tier = fallback ? "mount(2) fallback" : "new mount API";
  describe(`mount types (${tier})`, () => {
    mountTest(
      "tmpfs, proc, sysfs, devpts, mqueue, bind, rbind with a submount; teardown leaves nothing",
      () => {
        const dir = bundle({
          "shared/file": file("x"),
          "shared/sub": directory,
          "lower/l.txt": file("L"),
          upper: directory,
          work: directory,
        });
        const mounts = [
          {
            destination: "/tmp",
            type: "tmpfs",
            source: "tmpfs",
            options: ["size=1m", "mode=1777"],
          },
          { destination: "/proc", type: "proc", source: "proc" },
          { destination: "/sys", type: "sysfs", source: "sysfs", options: ["ro", "nosuid"] },
          {
            destination: "/dev/pts",
            type: "devpts",
            source: "devpts",
            options: ["newinstance", "ptmxmode=0666"],
          },
          { destination: "/dev/mqueue", type: "mqueue", source: "mqueue" },
          { destination: "/bind", type: "bind", source: "shared", options: ["bind"] },
          { destination: "/rbind", type: "bind", source: "shared", options: ["rbind"] },
          {
            destination: "/sys/fs/cgroup",
            type: "cgroup2",
            source: "cgroup2",
            options: ["nosuid"],
          },
          {
            destination: "/merged",
            type: "overlay",
            source: "overlay",
            options: [`lowerdir=${dir}/lower`, `upperdir=${dir}/upper`, `workdir=${dir}/work`],
          },
        ];
        const [pre, setup, info, down, after] = run(
          dir,
          { mounts },
          [
            { sh: `mount -t tmpfs subfs ${dir}/shared/sub` },
            "setup",
            "mountinfo",
            "teardown",
            "mountinfo",
          ],
          { setupOptions: { forceFallback: fallback } },
          // Under unshare -Urm: proc needs a pid namespace, sysfs a network one, cgroup2 a cgroup
          // one and mqueue an IPC one, each owned by the user namespace.
          { pid: true, net: true, cgroup: true, ipc: true },
        );
        expect(pre!.ok).toBe(true);
        expect(setup!.ok).toBe(true);
        const fs = (p: string) => mountAt(info!, dir, p)?.fs;
        expect([
          fs("/tmp"),
          fs("/proc"),
          fs("/sys"),
          fs("/dev/pts"),
          fs("/dev/mqueue"),
          fs("/sys/fs/cgroup"),
          fs("/merged"),
        ]).toEqual(["tmpfs", "proc", "sysfs", "devpts", "mqueue", "cgroup2", "overlay"]);
        expect(mountAt(info!, dir, "/tmp")?.super).toContain("size=1024k");
        expect(opts(mountAt(info!, dir, "/sys")).has("ro")).toBe(true);
        expect(mountAt(info!, dir, "/bind")?.root).toBe(`${dir}/shared`);
        expect(mountAt(info!, dir, "/bind/sub")).toBeUndefined();
        expect(mountAt(info!, dir, "/rbind/sub")?.source).toBe("subfs");
        expect(down!.ok).toBe(true);
        expect(after!.mounts.filter((m: ActionResult) => m.at.startsWith(`${dir}/rootfs`))).toEqual(
          [],
        );
      },
    );
  });
}

/** Under unshare -Urm (the ordinary-user tier) rather than as root. */
const userns = namespaceMode === "userns";

/**
 * A mounting test that cannot run under unshare -Urm: there it is skipped, visibly, with `reason`
 * in its name. As root (or when no namespace can be made) it is an ordinary `mountTest`.
 */
function rootOnlyTest(name: string, reason: string, fn: () => void): void {
  if (userns) test.skip(`${name} [skipped under unshare -Urm: ${reason}]`, fn);
  else mountTest(name, fn);
}

/** The bundle directory a "mountinfo" result was read for (its first mount is the source). */
const bundleOf = (info: ActionResult) => String(info.bundle);

/**
 * One row of the r* table: the options read back at `at` must include `words` and none of
 * `absent`.
 */
interface RStarCheck {
  at: string;
  words: string[];
  absent?: string[];
}

const R_STAR_CHECKS: readonly RStarCheck[] = [
  { at: "/a", words: ["ro", "nosuid"] },
  { at: "/a/sub", words: ["ro"] },
  { at: "/b", words: ["ro", "nosuid"] },
  { at: "/c", words: ["rw", "nodev"], absent: ["ro"] },
  { at: "/c/sub", words: ["rw"] },
  { at: "/d", words: ["relatime"], absent: ["noatime"] },
  // Under a user namespace the mounter keeps the source's access-time mode (relatime) instead
  // of applying rnoatime, and warns (docs/KERNEL.md item 6; checked in the test).
  userns
    ? { at: "/e", words: ["ro", "relatime"], absent: ["noatime"] }
    : { at: "/e", words: ["ro", "noatime"], absent: ["relatime"] },
  { at: "/f", words: ["ro"], absent: ["nosuid"] },
  { at: "/t1", words: ["ro", "nosuid"] },
  { at: "/t2", words: ["relatime"], absent: ["noatime"] },
];

function hasOpts(info: ActionResult, check: RStarCheck): boolean {
  const o = opts(mountAt(info, bundleOf(info), check.at));
  return check.words.every((w) => o.has(w)) && !(check.absent ?? []).some((w) => o.has(w));
}

/** Sets up the r* table's mounts, reads them back and tears them down. */
function runRStar(fallback: boolean) {
  const dir = bundle({ shared: directory });
  const rbind = (destination: string, options: string[]) => ({
    destination,
    type: "bind",
    source: "shared",
    options,
  });
  const mounts = [
    rbind("/a", ["rbind", "rro", "nosuid"]),
    rbind("/b", ["rbind", "nosuid", "rro"]),
    rbind("/c", ["rbind", "ro", "rrw", "nodev"]),
    rbind("/d", ["rbind", "noatime", "rrelatime"]),
    rbind("/e", ["rbind", "rnoatime", "relatime", "ro"]),
    rbind("/f", ["bind", "rsuid", "nosuid", "ro"]),
    { destination: "/t1", type: "tmpfs", options: ["nosuid", "rro"] },
    { destination: "/t2", type: "tmpfs", options: ["noatime", "rrelatime"] },
  ];
  // The source is a tmpfs of the scenario's own namespace: under unshare -Urm, a bind of the
  // host's filesystem carries its flags locked (docs/KERNEL.md item 6) and noatime on /d is EPERM.
  const source = `mount -t tmpfs sharedfs ${dir}/shared && mkdir ${dir}/shared/sub && mount -t tmpfs subfs ${dir}/shared/sub`;
  const [pre, setup, info, state] = run(
    dir,
    { mounts },
    [{ sh: source }, "setup", "mountinfo", "status", "teardown"],
    { setupOptions: { forceFallback: fallback } },
  );
  return { pre, setup, info: info && { ...info, bundle: dir }, state };
}

describe("options", () => {
  mountTest(
    "per-mount flags on new filesystems and binds, recursive attributes, propagation",
    () => {
      const dir = bundle({ "shared/sub": directory });
      const mounts = [
        {
          destination: "/t1",
          type: "tmpfs",
          options: ["ro", "nosuid", "nodev", "noexec", "noatime"],
        },
        {
          destination: "/t2",
          type: "tmpfs",
          options: ["strictatime", "nodiratime", "nosymfollow"],
        },
        { destination: "/t3", type: "tmpfs", options: ["sync", "dirsync"] },
        { destination: "/b1", type: "bind", source: "shared", options: ["bind", "ro", "nosuid"] },
        {
          destination: "/b2",
          type: "bind",
          source: "shared",
          options: ["rbind", "rro", "rnosuid"],
        },
        { destination: "/p1", type: "tmpfs", options: ["shared"] },
        { destination: "/p2", type: "tmpfs", options: ["unbindable"] },
        { destination: "/p3", type: "bind", source: "shared", options: ["rbind", "rshared"] },
      ];
      const [, setup, info] = run(dir, { mounts }, [
        { sh: `mount -t tmpfs subfs ${dir}/shared/sub` },
        "setup",
        "mountinfo",
        "teardown",
      ]);
      expect(setup!.ok).toBe(true);
      const at = (p: string) => mountAt(info!, dir, p);
      expect([...opts(at("/t1"))]).toEqual(
        expect.arrayContaining(["ro", "nosuid", "nodev", "noexec", "noatime"]),
      );
      expect(opts(at("/t2")).has("relatime")).toBe(false);
      expect(opts(at("/t2")).has("noatime")).toBe(false);
      expect([...opts(at("/t2"))]).toEqual(expect.arrayContaining(["nodiratime", "nosymfollow"]));
      expect(String(at("/t3")?.super)).toContain("sync");
      expect(String(at("/t3")?.super)).toContain("dirsync");
      expect([...opts(at("/b1"))]).toEqual(expect.arrayContaining(["ro", "nosuid"]));
      expect([...opts(at("/b2/sub"))]).toEqual(expect.arrayContaining(["ro", "nosuid"]));
      expect(at("/p1")?.prop).toBe("shared");
      expect(at("/p2")?.prop).toBe("unbindable");
      expect(at("/p3")?.prop).toBe("shared");
      expect(at("/p3/sub")?.prop).toBe("shared");
    },
  );

  for (const fallback of [false, true]) {
    const name = `r* options with per-mount flags, either order: the r* one wins on the top mount, verified (${fallback ? "mount(2) fallback" : "new mount API"})`;
    const checks = R_STAR_CHECKS;
    mountTest(name, () => {
      const { pre, setup, info, state } = runRStar(fallback);
      expect(pre).toMatchObject({ ok: true });
      expect(setup).toMatchObject({ ok: true });
      const differ = checks.filter((c) => !hasOpts(info!, c));
      expect(differ.map((c) => `${c.at}: ${mountAt(info!, bundleOf(info!), c.at)?.opts}`)).toEqual(
        [],
      );
      if (userns) {
        // The one documented user-namespace change: rnoatime keeps the source's access-time mode.
        expect(setup!.warnings).toContainEqual({
          path: "/mounts/4",
          message: "keeping the locked access-time mode (user namespace)",
        });
      }
      expect(state!.state).toBe("set-up");
      const notMounted = state!.steps.filter((s: ActionResult) => s.state !== "mounted");
      expect(notMounted).toEqual([]);
    });
  }

  mountTest(
    "a bind remount replaces flags and keeps the atime mode unless one is given (mount(8) semantics)",
    () => {
      const dir = bundle({ src: directory });
      const mounts = [
        { destination: "/keep", type: "bind", source: "src", options: ["bind", "ro"] },
        {
          destination: "/replace",
          type: "bind",
          source: "src",
          options: ["bind", "ro", "nodiratime"],
        },
        { destination: "/rw", type: "bind", source: "src", options: ["bind", "rw"] },
      ];
      const pre = `mount -t tmpfs -o nosuid,noatime srcfs ${dir}/src`;
      const [, setup, info] = run(dir, { mounts }, [{ sh: pre }, "setup", "mountinfo", "teardown"]);
      expect(setup!.ok).toBe(true);
      const keep = opts(mountAt(info!, dir, "/keep"));
      const replace = opts(mountAt(info!, dir, "/replace"));
      const rw = opts(mountAt(info!, dir, "/rw"));
      expect(rw.has("rw") && rw.has("nosuid") && rw.has("noatime")).toBe(true);
      if (userns) {
        // Under a user namespace the mounter keeps every flag of the source that the remount
        // would drop (it cannot tell which are locked: docs/KERNEL.md item 6, runc's rule), and warns.
        expect(keep.has("ro") && keep.has("noatime") && keep.has("nosuid")).toBe(true);
        const kept = ["nosuid", "noatime", "nodiratime"].every((w) => replace.has(w));
        expect(kept && replace.has("ro") && !replace.has("relatime")).toBe(true);
        expect(setup!.warnings).toEqual([
          { path: "/mounts/0", message: "keeping locked flag nosuid (user namespace)" },
          { path: "/mounts/1", message: "keeping locked flag nosuid (user namespace)" },
          { path: "/mounts/1", message: "keeping the locked access-time mode (user namespace)" },
        ]);
        return;
      }
      expect(keep.has("ro") && keep.has("noatime") && !keep.has("nosuid")).toBe(true);
      expect(replace.has("relatime") && replace.has("nodiratime") && !replace.has("noatime")).toBe(
        true,
      );
    },
  );

  mountTest("tmpcopyup copies the covered directory into the tmpfs", () => {
    const dir = bundle({ "rootfs/data/a.txt": file("A"), "rootfs/data/sub/b.txt": file("B") });
    const mounts = [{ destination: "/data", type: "tmpfs", options: ["tmpcopyup"] }];
    const [setup, cat, info] = run(dir, { mounts }, [
      "setup",
      { sh: `cat ${dir}/rootfs/data/a.txt ${dir}/rootfs/data/sub/b.txt` },
      "mountinfo",
      "teardown",
    ]);
    expect(setup!.ok).toBe(true);
    expect(cat!.stdout).toBe("AB");
    expect(mountAt(info!, dir, "/data")?.fs).toBe("tmpfs");
  });

  rootOnlyTest(
    "idmap: a file owned by uid 0 on disk shows as hostID 1000 through the idmapped bind",
    "hostID 1000 is not mapped in a user namespace that maps only its root (writing the idmap's uid_map is EPERM), and idmapping the host's filesystem needs CAP_SYS_ADMIN in the initial namespace",
    () => {
      const dir = bundle({ "src/owned": file("x") });
      const mounts = [
        {
          destination: "/idm",
          type: "bind",
          source: "src",
          options: ["bind", "idmap"],
          uidMappings: [{ containerID: 0, hostID: 1000, size: 1 }],
          gidMappings: [{ containerID: 0, hostID: 1000, size: 1 }],
        },
      ];
      const [setup, st] = run(dir, { mounts }, [
        "setup",
        { sh: `stat -c %u:%g ${dir}/rootfs/idm/owned` },
        "teardown",
      ]);
      expect(setup!.ok).toBe(true);
      expect(st!.stdout.trim()).toBe("1000:1000");
    },
  );
});

describe("paths", () => {
  mountTest("nested destinations, file binds, relative sources and destinations", () => {
    const dir = bundle({ "shared/f.txt": file("F"), "shared/d": directory });
    const mounts = [
      { destination: "/a", type: "tmpfs" },
      { destination: "/a/b", type: "bind", source: "shared", options: ["bind"] },
      { destination: "/a/b/d", type: "tmpfs", options: ["size=1m"] },
      { destination: "/a/file", type: "bind", source: "shared/f.txt", options: ["bind", "ro"] },
      { destination: "rel/dest", type: "bind", source: "./shared", options: ["rbind"] },
    ];
    const [setup, cat, info, down, find] = run(dir, { mounts }, [
      "setup",
      { sh: `cat ${dir}/rootfs/a/file` },
      "mountinfo",
      "teardown",
      { sh: `cd ${dir}/rootfs && find . | sort` },
    ]);
    expect(setup!.ok).toBe(true);
    expect(setup!.warnings).toContainEqual({
      path: "/mounts/4/destination",
      message: expect.stringContaining("deprecated"),
    });
    expect(cat!.stdout).toBe("F");
    expect(mountAt(info!, dir, "/a/b")?.parent).toBe(mountAt(info!, dir, "/a")?.id);
    expect(mountAt(info!, dir, "/a/b/d")?.fs).toBe("tmpfs");
    expect(mountAt(info!, dir, "/rel/dest")?.root).toBe(`${dir}/shared`);
    expect(down!.ok).toBe(true);
    expect(find!.stdout.split("\n").filter(Boolean)).toEqual([".", "./etc", "./etc/motd"]);
  });

  mountTest("read-only root: writes fail on the root, binds inside keep their own flags", () => {
    const dir = bundle({ shared: directory });
    const mounts = [
      { destination: "/w", type: "bind", source: "shared", options: ["bind"] },
      { destination: "/tmp", type: "tmpfs" },
    ];
    const [setup, touchRoot, touchBind, touchTmp, info] = run(
      dir,
      { root: { path: "rootfs", readonly: true }, mounts },
      [
        "setup",
        { sh: `touch ${dir}/rootfs/x` },
        { sh: `touch ${dir}/rootfs/w/x` },
        { sh: `touch ${dir}/rootfs/tmp/x` },
        "mountinfo",
        "teardown",
      ],
    );
    expect(setup!.ok).toBe(true);
    expect(touchRoot!.ok).toBe(false);
    expect(touchBind!.ok).toBe(true);
    expect(touchTmp!.ok).toBe(true);
    expect(opts(mountAt(info!, dir, "/")).has("ro")).toBe(true);
  });

  mountTest(
    "masked paths (file and directory) and read-only paths; missing ones are skipped",
    () => {
      const dir = bundle({
        "rootfs/secret": file("s3cret"),
        "rootfs/hide/inner": file("x"),
        "rootfs/ro/f": file("x"),
      });
      const linux = {
        maskedPaths: ["/secret", "/hide", "/nope"],
        readonlyPaths: ["/ro", "/nope2"],
        rootfsPropagation: "slave",
      };
      const [setup, cat, ls, touch, status] = run(dir, { linux }, [
        "setup",
        { sh: `cat ${dir}/rootfs/secret` },
        { sh: `ls -A ${dir}/rootfs/hide` },
        { sh: `touch ${dir}/rootfs/ro/f` },
        "status",
        "teardown",
      ]);
      expect(setup!.ok).toBe(true);
      expect(cat!.stdout).toBe("");
      expect(ls!.stdout).toBe("");
      expect(touch!.ok).toBe(false);
      const states = Object.fromEntries(status!.steps.map((s: ActionResult) => [s.why, s.state]));
      expect(states).toMatchObject({
        "linux.maskedPaths[0]": "mounted",
        "linux.maskedPaths[1]": "mounted",
        "linux.maskedPaths[2]": "skipped",
        "linux.readonlyPaths[0]": "mounted",
        "linux.readonlyPaths[1]": "skipped",
        "linux.rootfsPropagation": "mounted",
      });
    },
  );
});

describe("journal, rollback, teardown", () => {
  mountTest(
    "a failing mount rolls back the ones before it: mountinfo and the rootfs exactly as before",
    () => {
      const dir = bundle({ shared: directory });
      const mounts = [
        { destination: "/m0", type: "tmpfs" },
        { destination: "/m1/deep", type: "bind", source: "shared", options: ["rbind", "ro"] },
        { destination: "/m2", type: "proc", source: "proc" },
        // A filesystem this kernel does not have: only the kernel can refuse it, mid-setup (a
        // missing bind source would be refused by the bundle check before any mount).
        { destination: "/m3", type: "ocimount-no-such-fs" },
        { destination: "/m4", type: "tmpfs" },
      ];
      const tree = { sh: `cd ${dir} && find rootfs shared | sort` };
      const [before, treeBefore, setup, after, treeAfter, down] = run(
        dir,
        { mounts },
        ["fullMountinfo", tree, "setup", "fullMountinfo", tree, "teardown"],
        {},
        // mounts[2] (proc) must mount so that mounts[3] is the one that fails.
        { pid: true },
      );
      expect(setup!.ok).toBe(false);
      expect(setup!.code).toBe("ESYSCALL");
      expect(setup!.where).toBe("mounts[3]");
      expect(setup!.errnoName).toBe("ENODEV");
      expect(setup!.message).toContain("mounts[3]");
      expect(setup!.rollback).toBeUndefined();
      expect(after!.mounts).toEqual(before!.mounts);
      expect(treeAfter!.stdout).toBe(treeBefore!.stdout);
      expect(down!.alreadyTornDown).toBe(true);
    },
  );

  mountTest("second setup refuses, teardown twice is fine, status follows", () => {
    const dir = bundle({});
    const mounts = [{ destination: "/tmp", type: "tmpfs" }];
    const [s1, s2, st1, t1, t2, st2] = run(dir, { mounts }, [
      "setup",
      "setup",
      "status",
      "teardown",
      "teardown",
      "status",
    ]);
    expect(s1!.ok).toBe(true);
    expect(s2!.ok).toBe(false);
    expect(s2!.code).toBe("EALREADY");
    expect(st1!.state).toBe("set-up");
    expect(t1!.alreadyTornDown).toBe(false);
    expect(t1!.fastPath).toBe(true);
    expect(t2!.alreadyTornDown).toBe(true);
    expect(st2!.state).toBe("not-set-up");
  });

  mountTest("status reports changed and missing mounts", () => {
    const dir = bundle({});
    const mounts = [
      { destination: "/a", type: "tmpfs" },
      { destination: "/b", type: "tmpfs" },
    ];
    // util-linux 2.38 `mount -o remount,ro` hands tmpfs its super options back (uid=,gid= as
    // mountinfo shows them, in host IDs): under unshare -Urm those IDs are unmapped and the
    // remount is EINVAL. A bind remount changes the same per-mount ro flag without them.
    const remountRo = namespaceMode === "userns" ? "remount,bind,ro" : "remount,ro";
    const [, , , status] = run(dir, { mounts }, [
      "setup",
      { sh: `mount -o ${remountRo} ${dir}/rootfs/a` },
      { sh: `umount ${dir}/rootfs/b` },
      "status",
      "teardown",
    ]);
    const states = Object.fromEntries(status!.steps.map((s: ActionResult) => [s.why, s.state]));
    expect(states["mounts[0]"]).toBe("changed");
    expect(states["mounts[1]"]).toBe("missing");
  });

  mountTest(
    "teardown leaves a mount it did not make (and what is above it), reports it, and can be retried",
    () => {
      const dir = bundle({});
      const mounts = [
        { destination: "/a", type: "tmpfs" },
        { destination: "/b", type: "bind", source: "rootfs/etc", options: ["bind", "ro"] },
      ];
      const [, , down, info, , retry, after] = run(dir, { mounts }, [
        "setup",
        { sh: `mkdir -p ${dir}/rootfs/a/x && mount -t tmpfs foreign ${dir}/rootfs/a/x` },
        "teardown",
        "mountinfo",
        { sh: `umount ${dir}/rootfs/a/x` },
        "teardown",
        "mountinfo",
      ]);
      expect(down!.ok).toBe(false);
      expect(down!.name).toBe("TeardownError");
      expect(mountAt(info!, dir, "/a/x")?.source).toBe("foreign");
      expect(mountAt(info!, dir, "/a")?.fs).toBe("tmpfs");
      expect(mountAt(info!, dir, "/b")).toBeUndefined();
      expect(retry!.ok).toBe(true);
      expect(after!.mounts).toEqual([]);
    },
  );
});

describe("file descriptors", () => {
  mountTest("setup, a failed setup and teardown leave no fd open", () => {
    const dir = bundle({ shared: directory, "shared/f": file("x") });
    const good = [
      { destination: "/t", type: "tmpfs" },
      { destination: "/b", type: "bind", source: "shared", options: ["rbind", "ro"] },
      { destination: "/f", type: "bind", source: "shared/f", options: ["bind"] },
    ];
    const linux = { maskedPaths: ["/etc/motd", "/t"], readonlyPaths: ["/b"] };
    const [before, setup, afterSetup, down, afterDown] = run(dir, { mounts: good, linux }, [
      "fds",
      "setup",
      "fds",
      "teardown",
      "fds",
    ]);
    expect(setup!.ok).toBe(true);
    expect(down!.ok).toBe(true);
    expect(afterSetup!.fds).toBe(before!.fds);
    expect(afterDown!.fds).toBe(before!.fds);
    const bad = [
      ...good,
      { destination: "/x", type: "bind", source: "missing", options: ["bind"] },
    ];
    const [before2, failed, after2] = run(dir, { mounts: bad }, ["fds", "setup", "fds"]);
    expect(failed!.ok).toBe(false);
    expect(after2!.fds).toBe(before2!.fds);
  });
});

describe("user namespace", () => {
  mountTest(
    "in unshare -Urm, locked flags of the source are kept (and warned about), not an EPERM",
    () => {
      const dir = bundle({ src: directory });
      const scenario = {
        bundleDir: dir,
        stateDir: `${dir}/.state`,
        config: {
          root: { path: "rootfs" },
          mounts: [
            { destination: "/b", type: "bind", source: "src", options: ["bind", "ro"] },
            { destination: "/t", type: "tmpfs", options: ["nosuid"] },
          ],
        },
        actions: ["setup", "mountinfo", "teardown", "mountinfo"],
      };
      writeFileSync(`${dir}/scenario.json`, JSON.stringify(scenario));
      // srcfs is mounted in the outer namespace and the scenario runs in a user namespace below
      // it, so srcfs's flags are locked there. That holds as root and also for an ordinary user,
      // whose outer namespace is itself an unshare -Urm one: the inner user namespace is a child.
      const script = `mount -t tmpfs -o nosuid,nodev,noexec srcfs ${dir}/src && unshare -Urm --propagation private -- bun ${SCENARIO} @${dir}/scenario.json`;
      const r = runInNamespace(["sh", "-c", script]);
      expect(r.stderr).toBe("");
      const [setup, info, down, after] = JSON.parse(r.stdout) as ActionResult[];
      expect(setup!.ok).toBe(true);
      expect(setup!.warnings.map((w: { message: string }) => w.message).join(" ")).toContain(
        "locked",
      );
      expect([...opts(mountAt(info!, dir, "/b"))]).toEqual(
        expect.arrayContaining(["ro", "nosuid", "nodev", "noexec"]),
      );
      expect(mountAt(info!, dir, "/t")?.fs).toBe("tmpfs");
      expect(down!.ok).toBe(true);
      expect(after!.mounts.filter((m: ActionResult) => m.at.startsWith(`${dir}/rootfs/`))).toEqual(
        [],
      );
    },
  );
});
