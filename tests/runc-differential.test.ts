/**
 * Differential test against runc, the reference for what a config means. Configs are generated
 * at test time by `runc spec`, `runc spec --rootless`, `crun spec` and podman (`podman create
 * --rootfs DIR` + `podman init`, which writes the OCI config before its runtime starts), plus
 * variants covering every option family. For each: `runc run` of a busybox rootfs whose process
 * prints /proc/self/mountinfo, and `ocimount setup` of the same bundle in a private namespace;
 * then, per destination, the filesystem type, the per-mount options, the super options that
 * matter (tmpfs size and mode), the propagation and the mounts below recursive binds must agree,
 * apart from the differences listed in LEGITIMATE (one place, each with its reason). Needs runc
 * and busybox-static (.ci/run installs them, with crun and podman); skipped visibly otherwise.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type MountInfoEntry, parseMountInfo } from "@ocimount/mount-flags";
import { makeWorkDir } from "./fixtures/hook/runc.ts";
import { type ActionResult, runScenario } from "./fixtures/mounter/bundle.ts";
import { namespaceMode } from "./helpers/namespace.ts";
import { runcInTier, runcTierSkipReason } from "./helpers/runcTier.ts";

const skip = runcTierSkipReason();
if (skip) console.warn(`[ocimount tests] SKIPPING runc differential: ${skip}`);
const userns = namespaceMode === "userns";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

// biome-ignore lint/suspicious/noExplicitAny: generated configs are free-form JSON, read field by field
type Spec = Record<string, any>;
/** One mount as compared: what the container (or the rootfs) shows at an in-root path. */
interface Seen {
  at: string;
  fs: string;
  opts: string;
  prop: string;
  /** The super options that matter: tmpfs size and mode. */
  data: string;
  root: string;
}

/**
 * The legitimate differences, each with its reason. `ignore` leaves a runc mount out of the
 * comparison; `normalize` rewrites both sides before they are compared.
 */
const LEGITIMATE: ReadonlyArray<{
  name: string;
  reason: string;
  ignore?: (theirs: Seen, config: Spec) => boolean;
  normalize?: (theirs: Seen, ours: Seen, id: string, config: Spec) => [Seen, Seen];
}> = [
  {
    name: "cgroup binds are of runc's own container cgroup",
    reason:
      "runc moves the container into its cgroup (linux.cgroupsPath, else <caller's cgroup>/<id>) before it binds; ocimount setup is not a runtime and binds the caller's cgroup",
    normalize: (t, o, id, config) => {
      if (t.fs !== "cgroup" || o.fs !== "cgroup") return [t, o];
      const path = config.linux?.cgroupsPath as string | undefined;
      const own = t.root === (o.root === "/" ? `/${id}` : `${o.root}/${id}`);
      return own || (path && t.root === path) ? [{ ...t, root: o.root }, o] : [t, o];
    },
  },
  {
    name: "runc 1.1.5 lets a recursive set beat its clear (rro,rrw is ro)",
    reason:
      "runc 1.1.5's specconv ORs every r* option into attr_set or attr_clr and never undoes the other, so the kernel's clear-then-set makes the set win whatever the order; ocimount applies the r* options last-wins per attribute, as the runtime-spec's mount options read",
    normalize: (t, o, _id, config) => {
      const m = (config.mounts ?? []).find(
        (x: Spec) => t.at === x.destination || t.at.startsWith(`${x.destination}/`),
      );
      const opts: string[] = m?.options ?? [];
      const both = opts.includes("rro") && opts.includes("rrw");
      return both && t.opts.startsWith("ro,") && o.opts.startsWith("rw,")
        ? [{ ...t, opts: t.opts.replace(/^ro,/, "rw,") }, o]
        : [t, o];
    },
  },
  {
    name: "masks of files bind /dev/null from different places",
    reason:
      "runc binds the container's own /dev/null (a node on its /dev tmpfs); ocimount binds the host's /dev/null after checking it is char 1:3 (CVE-2025-31133), so type, options and size are those of another filesystem",
    normalize: (t, o) =>
      t.root === "/null" && o.root === "/null"
        ? [
            { ...t, fs: "", opts: "", data: "" },
            { ...o, fs: "", opts: "", data: "" },
          ]
        : [t, o],
  },
  {
    name: "device nodes runc binds from the host",
    reason:
      "rootless runc (and runc in a user namespace) cannot mknod, so it binds the host's /dev/null, /dev/zero... into /dev; setup makes no device nodes (not in mounts[])",
    ignore: (t, config) =>
      /^\/dev\/(null|zero|full|random|urandom|tty|console)$/.test(t.at) &&
      !(config.mounts ?? []).some((m: Spec) => m.destination === t.at),
  },
  {
    name: "runc 1.1.5 leaves rootfsPropagation shared as private",
    reason: "a known runc 1.1.5 bug: the rootfs is made private after the shared propagation",
    normalize: (t, o) =>
      t.at === "/" && o.prop === "shared" ? [{ ...t, prop: "shared" }, o] : [t, o],
  },
];

function seen(m: MountInfoEntry, at: string): Seen {
  return {
    at,
    fs: m.fsType,
    opts: m.mountOptions.join(","),
    prop: m.propagation,
    data: m.superOptions.filter((s) => /^(size|mode)=/.test(s)).join(","),
    root: m.root,
  };
}

/** The runnable config: the generated one with a busybox process that prints its mountinfo. */
function runnable(spec: Spec): Spec {
  const config = structuredClone(spec);
  config.process = {
    terminal: false,
    user: { uid: 0, gid: 0 },
    args: ["/bin/cat", "/proc/self/mountinfo"],
    env: ["PATH=/bin"],
    cwd: "/",
    noNewPrivileges: true,
  };
  delete config.hooks;
  delete config.annotations;
  if (config.linux) {
    // Namespaces to join (podman's /run/netns/...) belong to the runtime that made them.
    config.linux.namespaces = (config.linux.namespaces ?? []).map((n: Spec) => ({ type: n.type }));
    delete config.linux.seccomp;
    // Only the device rules stay (podman --privileged allows every device; runc's default
    // list would then refuse the device nodes it creates).
    const devices = config.linux.resources?.devices;
    delete config.linux.resources;
    if (devices) config.linux.resources = { devices };
    delete config.linux.mountLabel;
  }
  config.root = { ...config.root, path: "rootfs" };
  // As an ordinary user runc runs as root of `unshare -Urm`: a user namespace the config asks for
  // maps that root (the generated mappings name the user's host uid, unmapped in there).
  const ownsUserns = (config.linux?.namespaces ?? []).some((n: Spec) => n.type === "user");
  if (userns && ownsUserns) {
    const one = [{ containerID: 0, hostID: 0, size: 1 }];
    config.linux.uidMappings = one;
    config.linux.gidMappings = one;
  }
  return config;
}

interface Outcome {
  differ: string[];
  compared: number;
  setup: ActionResult;
  down: ActionResult;
  runcError?: string;
  /** ocimount's root mount (`/`), as compared. */
  ourRoot?: Seen;
}

/** runc run and ocimount setup of one config; the per-destination differences. */
function compare(spec: Spec, prepare: (bundle: string) => string = () => ""): Outcome {
  const work = makeWorkDir();
  made.push(work.dir);
  const config = runnable(spec);
  const before = prepare(work.bundle);
  writeFileSync(join(work.bundle, "config.json"), JSON.stringify(config));
  const id = `ocimount-diff-${made.length}`;
  const r = runcInTier(work, id, before);
  const rootfs = join(work.bundle, "rootfs");
  const actions: unknown[] = ["setup", "mountinfo", "teardown", "mountinfo"];
  if (before) actions.unshift({ sh: before });
  const results = runScenario(
    { bundleDir: work.bundle, stateDir: join(work.dir, "ocimount-state"), config, actions },
    { pid: true, net: true, ipc: true },
  );
  const [setup, info, down, after] = before ? results.slice(1) : results;
  const ours = ((info?.mounts ?? []) as ActionResult[]).filter(
    (m) => m.at === rootfs || String(m.at).startsWith(`${rootfs}/`),
  );
  const oursAt = (at: string) => {
    const host = at === "/" ? rootfs : rootfs + at;
    const m = ours.filter((x) => x.at === host).at(-1);
    if (!m) return undefined;
    return seen(
      {
        fsType: m.fs,
        mountOptions: String(m.opts).split(","),
        propagation: m.prop,
        superOptions: String(m.super).split(","),
        root: m.root,
      } as MountInfoEntry,
      at,
    );
  };
  if (r.exitCode !== 0) {
    const ourRoot = oursAt("/");
    return { differ: [], compared: 0, setup: setup!, down: down!, runcError: r.stderr, ourRoot };
  }
  // Per mount point, the topmost mount is the one compared (a recursive bind brings the mounts
  // below its source along, and later mounts stack over them, on both sides).
  const all = parseMountInfo(r.stdout);
  const theirs = all.filter((m, i) => !all.slice(i + 1).some((n) => n.mountPoint === m.mountPoint));
  const differ: string[] = [];
  let compared = 0;
  for (const entry of theirs) {
    let t = seen(entry, entry.mountPoint);
    if (LEGITIMATE.some((l) => l.ignore?.(t, config))) continue;
    let o = oursAt(entry.mountPoint);
    if (!o) {
      differ.push(`${t.at}: runc has ${t.fs} ${t.opts}, ocimount nothing`);
      continue;
    }
    for (const l of LEGITIMATE) if (l.normalize) [t, o] = l.normalize(t, o, id, config);
    // The root is a host path for "/" (the same bundle), an in-filesystem path otherwise.
    const keys: (keyof Seen)[] = ["fs", "opts", "prop", "data", "root"];
    const bad = keys.filter((k) => t[k] !== o![k]);
    compared++;
    if (bad.length)
      differ.push(`${t.at}: ${bad.map((k) => `${k} runc=${t[k]} ocimount=${o![k]}`).join("; ")}`);
  }
  for (const m of ours) {
    const at = m.at === rootfs ? "/" : String(m.at).slice(rootfs.length);
    if (!theirs.some((t) => t.mountPoint === at)) differ.push(`${at}: only ocimount has ${m.fs}`);
  }
  const left = ((after?.mounts ?? []) as ActionResult[]).filter((m) =>
    String(m.at).startsWith(rootfs),
  );
  expect(left).toEqual([]);
  return { differ, compared, setup: setup!, down: down! };
}

function generated(cmd: string[]): Spec | undefined {
  const dir = join(makeWorkDir().dir, "spec");
  made.push(join(dir, ".."));
  mkdirSync(dir);
  try {
    const r = Bun.spawnSync(cmd, { cwd: dir, stderr: "pipe" });
    if (r.exitCode !== 0) return undefined;
  } catch {
    return undefined;
  }
  return JSON.parse(readFileSync(join(dir, "config.json"), "utf8"));
}

/**
 * podman's config for a container of a plain rootfs: `podman create --rootfs` then `podman init`
 * (it writes config.json before its runtime starts; crun refusing RLIMIT_NOFILE here does not
 * matter), copied with the files its binds name (they go with `podman rm`). As root only.
 */
function podmanConfig(extra: (work: { dir: string }) => string[] = () => []): {
  spec?: Spec;
  why: string;
} {
  // Rootless podman does write a config here (with --network none: slirp4netns is denied
  // /dev/net/tun; --runtime runc: crun refuses hybrid cgroups), but it asks devpts for gid=5,
  // which the one id unshare -Urm maps lacks, and runc fails on it as well.
  if (userns)
    return {
      why: "podman's config asks devpts for gid=5, unmapped under unshare -Urm (runc fails too): root only",
    };
  const found = Bun.spawnSync(["sh", "-c", "command -v podman"], { stdout: "pipe" }).exitCode === 0;
  if (!found) return { why: "podman is not installed (apt-get install podman)" };
  const work = makeWorkDir();
  made.push(work.dir);
  const name = `ocimount-diff-${process.pid}`;
  // In a private mount namespace of its own: `podman init` mounts the container's shm, which
  // must not reach the machine's table (it goes away with the namespace).
  const run = (args: string[]) =>
    Bun.spawnSync(
      ["timeout", "60", "unshare", "-m", "--propagation", "private", "podman", ...args],
      {
        stdout: "pipe",
        stderr: "pipe",
      },
    );
  try {
    const rootfs = join(work.bundle, "rootfs");
    const created = run([
      "create",
      "--name",
      name,
      ...extra(work),
      "--rootfs",
      rootfs,
      "/bin/true",
    ]);
    if (created.exitCode !== 0)
      return { why: `podman create failed: ${created.stderr.toString().trim()}` };
    const id = created.stdout.toString().trim();
    const init = run(["init", name]);
    const userdata = run(["inspect", "--format", "{{.StaticDir}}", name]).stdout.toString().trim();
    const path = join(userdata || "/nonexistent", "config.json");
    if (!existsSync(path)) {
      const said = init.stderr.toString().trim().split("\n").at(-1) ?? "";
      return { why: `podman init wrote no config.json (${said || `exit ${init.exitCode}`})` };
    }
    const spec = JSON.parse(readFileSync(path, "utf8")) as Spec;
    const copies = join(work.dir, "podman-userdata");
    mkdirSync(copies);
    for (const m of spec.mounts ?? []) {
      if (typeof m.source !== "string" || !m.source.includes(`/${id}/userdata/`)) continue;
      const copy = join(copies, m.source.split("/").at(-1)!);
      if (m.destination === "/dev/shm") mkdirSync(copy);
      else writeFileSync(copy, existsSync(m.source) ? readFileSync(m.source) : "");
      m.source = copy;
    }
    return { spec, why: "" };
  } finally {
    run(["rm", "-f", name]);
  }
}

/**
 * Under unshare -Urm runc 1.1.5 itself fails these: its bind remount drops flags the source's
 * mount has locked (EPERM/EINVAL; it only retries for ro), so there is no runc result to compare.
 */
const RUNC_USERNS_LIMIT =
  "runc 1.1.5 in a user namespace fails the bind remount of a source with locked flags (EPERM/EINVAL): no runc result to compare; root only";

/** Variants over runc spec's config, covering every option family. */
function variants(base: Spec): Array<{
  name: string;
  spec: Spec;
  prepare?: (bundle: string) => string;
  why?: string;
  runcRefuses?: string;
  rootPropagation?: string;
}> {
  const withMounts = (mounts: Spec[], extra: Spec = {}) => ({
    ...base,
    ...extra,
    mounts: [...base.mounts, ...mounts],
  });
  const bind = (destination: string, options: string[], source = "src") => ({
    destination,
    type: "bind",
    source,
    options,
  });
  const flags = [
    "ro",
    "nosuid",
    "nodev",
    "noexec",
    "noatime",
    "nodiratime",
    "strictatime",
    "relatime",
    "rw",
  ];
  // A source with a submount, for the mounts below recursive binds.
  const prepare = (bundle: string) => {
    for (const d of ["src/sub", "src2"]) mkdirSync(join(bundle, d), { recursive: true });
    writeFileSync(join(bundle, "file.txt"), "x");
    return `mount -t tmpfs -o size=1m,mode=700 subfs ${bundle}/src/sub`;
  };
  return [
    {
      name: "bind with each flag",
      why: userns ? RUNC_USERNS_LIMIT : undefined,
      spec: withMounts(flags.map((f) => bind(`/b-${f}`, ["bind", f]))),
      prepare,
    },
    {
      name: "rbind with each flag and the r* options",
      why: userns ? RUNC_USERNS_LIMIT : undefined,
      spec: withMounts([
        ...flags.map((f) => bind(`/r-${f}`, ["rbind", f])),
        bind("/r-rro", ["rbind", "rro"]),
        bind("/r-rnosuid-ro", ["rbind", "rnosuid", "ro"]),
        bind("/r-rnoexec-rnodev", ["rbind", "rnoexec", "rnodev"]),
        bind("/r-rro-rrw", ["rbind", "rro", "rrw"]),
      ]),
      prepare,
    },
    {
      name: "access-time mixes",
      why: userns ? RUNC_USERNS_LIMIT : undefined,
      spec: withMounts([
        bind("/a1", ["bind", "noatime", "relatime"]),
        bind("/a2", ["bind", "strictatime", "noatime"]),
        bind("/a3", ["bind", "noatime", "atime"]),
        { destination: "/a4", type: "tmpfs", source: "tmpfs", options: ["relatime", "noatime"] },
        { destination: "/a5", type: "tmpfs", source: "tmpfs", options: ["noatime", "strictatime"] },
      ]),
      prepare,
    },
    {
      name: "tmpfs data, nested destinations, file binds, relative sources",
      spec: withMounts([
        {
          destination: "/t",
          type: "tmpfs",
          source: "tmpfs",
          options: ["size=2m", "mode=711", "nodev"],
        },
        {
          destination: "/t/inner",
          type: "tmpfs",
          source: "tmpfs",
          options: ["size=1m", "mode=700"],
        },
        bind("/t/inner/bound", ["rbind", "ro"], "src2"),
        bind("/etc/file.txt", ["bind", "ro"], "file.txt"),
      ]),
      prepare,
    },
    {
      name: "propagation on binds",
      spec: withMounts([
        bind("/p-private", ["rbind", "rprivate"]),
        bind("/p-slave", ["rbind", "rslave"]),
        bind("/p-shared", ["rbind", "rshared"]),
      ]),
      prepare,
    },
    ...(["shared", "rprivate"] as const).map((propagation) => ({
      name: `rootfsPropagation ${propagation}`,
      spec: { ...base, linux: { ...base.linux, rootfsPropagation: propagation } },
    })),
    {
      name: "rootfsPropagation unbindable",
      spec: { ...base, linux: { ...base.linux, rootfsPropagation: "unbindable" } },
      runcRefuses:
        "runc 1.1.5's prepareRoot applies rootfsPropagation to / (the mount that holds the rootfs) before it binds the rootfs onto itself, and a bind out of an unbindable mount is EINVAL; the runtime-spec asks that the rootfs mount be unbindable, which ocimount does",
      rootPropagation: "unbindable",
    },
    {
      name: "root not read-only, rootfsPropagation slave",
      spec: {
        ...base,
        root: { path: "rootfs", readonly: false },
        linux: { ...base.linux, rootfsPropagation: "slave" },
      },
    },
  ];
}

const cases: Array<{
  name: string;
  spec?: Spec;
  why?: string;
  prepare?: (bundle: string) => string;
  /** A config runc refuses because of a bug of its own: ocimount follows the spec's words. */
  runcRefuses?: string;
  /** With `runcRefuses`: the propagation the spec asks of ocimount's root mount. */
  rootPropagation?: string;
}> = [];
if (!skip) {
  // As an ordinary user only rootless configs can run: runc spec's devpts gid=5 is unmapped.
  const runcSpec = userns ? undefined : generated(["runc", "spec"]);
  const rootless = generated(["runc", "spec", "--rootless"]);
  const crun = generated(["crun", "spec", ...(userns ? ["--rootless"] : [])]);
  if (runcSpec) cases.push({ name: "runc spec", spec: runcSpec });
  else
    cases.push({
      name: "runc spec",
      why: userns ? "its devpts gid=5 needs gid 5 mapped: root only" : "runc spec failed",
    });
  cases.push(
    rootless
      ? { name: "runc spec --rootless", spec: rootless }
      : { name: "runc spec --rootless", why: "runc spec --rootless failed" },
  );
  cases.push(
    crun
      ? { name: `crun spec${userns ? " --rootless" : ""}`, spec: crun }
      : { name: "crun spec", why: "crun is not installed (apt-get install crun)" },
  );
  const volume = (work: { dir: string }) => {
    mkdirSync(join(work.dir, "vol"), { recursive: true });
    return ["-v", `${join(work.dir, "vol")}:/data:ro,rslave`];
  };
  const podmanCases: Array<[string, (work: { dir: string }) => string[]]> = [
    ["default", () => []],
    ["volume ro,rslave", volume],
    ["tmpfs", () => ["--tmpfs", "/scratch:rw,size=1m,mode=700"]],
    ["read-only", () => ["--read-only"]],
    ["privileged", () => ["--privileged"]],
  ];
  for (const [what, extra] of podmanCases) {
    const podman = podmanConfig(extra);
    const name = `podman create --rootfs (${what})`;
    cases.push(podman.spec ? { name, spec: podman.spec } : { name, why: podman.why });
  }
  const base = runcSpec ?? rootless;
  if (base) {
    for (const v of variants(base)) {
      const name = `runc spec, ${v.name}`;
      cases.push(v.why ? { name, why: v.why } : { ...v, name });
    }
  }
}

describe("runc run vs ocimount setup, per destination", () => {
  if (skip) test.skip(`runc differential [skipped: ${skip}]`, () => {});
  for (const c of cases) {
    if (!c.spec) {
      test.skip(`${c.name} [skipped: ${c.why}]`, () => {});
      continue;
    }
    const spec = c.spec;
    if (c.runcRefuses) {
      test(`${c.name}: runc refuses it (${c.runcRefuses})`, () => {
        const outcome = compare(spec, c.prepare);
        expect(outcome.runcError).toContain("invalid argument");
        expect(outcome.setup).toMatchObject({ ok: true });
        expect(outcome.ourRoot?.prop).toBe(c.rootPropagation as string);
        expect(outcome.down).toMatchObject({ ok: true });
      }, 120_000);
      continue;
    }
    test(c.name, () => {
      const outcome = compare(spec, c.prepare);
      expect(outcome.runcError).toBeUndefined();
      expect(outcome.setup).toMatchObject({ ok: true });
      expect(outcome.differ).toEqual([]);
      expect(outcome.compared).toBeGreaterThan(5);
      expect(outcome.down).toMatchObject({ ok: true });
    }, 120_000);
  }
});
