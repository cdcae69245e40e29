// The bundle every contender of bench/vs-crun runs: the mounts, masked and read-only paths and
// read-only root that `runc spec` (runc 1.1.5) writes, plus N rbinds, with /bin/true from
// busybox as the process. One rootfs, one config per contender (crun 1.8.1 rejects
// ociVersion 1.2.0, so it gets a 1.0.2 copy), and the same mounts as a list of operations for
// the C floor (floor.c).
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseMountOptions } from "../../packages/mount-flags/src/index.ts";

/** A runtime-spec mount as the bundle writes it. */
export interface SpecMount {
  destination: string;
  type: string;
  source: string;
  options?: string[];
}

/** The mounts of `runc spec`, in its order. */
export const RUNC_SPEC_MOUNTS: readonly SpecMount[] = [
  { destination: "/proc", type: "proc", source: "proc" },
  {
    destination: "/dev",
    type: "tmpfs",
    source: "tmpfs",
    options: ["nosuid", "strictatime", "mode=755", "size=65536k"],
  },
  {
    destination: "/dev/pts",
    type: "devpts",
    source: "devpts",
    options: ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"],
  },
  {
    destination: "/dev/shm",
    type: "tmpfs",
    source: "shm",
    options: ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"],
  },
  {
    destination: "/dev/mqueue",
    type: "mqueue",
    source: "mqueue",
    options: ["nosuid", "noexec", "nodev"],
  },
  {
    destination: "/sys",
    type: "sysfs",
    source: "sysfs",
    options: ["nosuid", "noexec", "nodev", "ro"],
  },
  {
    destination: "/sys/fs/cgroup",
    type: "cgroup",
    source: "cgroup",
    options: ["nosuid", "noexec", "nodev", "relatime", "ro"],
  },
];

/** The ten masked paths of `runc spec`. */
export const MASKED_PATHS = [
  "/proc/acpi",
  "/proc/asound",
  "/proc/kcore",
  "/proc/keys",
  "/proc/latency_stats",
  "/proc/timer_list",
  "/proc/timer_stats",
  "/proc/sched_debug",
  "/sys/firmware",
  "/proc/scsi",
];

/** The five read-only paths of `runc spec`. */
export const READONLY_PATHS = [
  "/proc/bus",
  "/proc/fs",
  "/proc/irq",
  "/proc/sys",
  "/proc/sysrq-trigger",
];

const CAPS = ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"];

/** One benchmark's work directory. */
export interface VsCrunBundle {
  /** The work directory (rootfs, bind source, one bundle directory per contender). */
  dir: string;
  rootfs: string;
  /** config.json with ociVersion 1.2.0 (runc, and ocimount unless `ocimount` differs). */
  oci: string;
  /** The 1.0.2 copy for crun. */
  crun: string;
  /** ocimount's bundle: the same config, minus the mounts `dropForOcimount` named. */
  ocimount: string;
  /** The C floor's operations file (same mounts as ocimount's bundle). */
  floorOps: string;
}

/** The config of the benchmark with `binds` rbinds of `shared` onto /m/0... */
export function benchConfig(rootfs: string, shared: string, binds: number) {
  const mounts: SpecMount[] = [...RUNC_SPEC_MOUNTS];
  for (let i = 0; i < binds; i++) {
    mounts.push({ destination: `/m/${i}`, type: "bind", source: shared, options: ["rbind"] });
  }
  return {
    ociVersion: "1.2.0",
    process: {
      terminal: false,
      user: { uid: 0, gid: 0 },
      args: ["/bin/true"],
      env: ["PATH=/bin"],
      cwd: "/",
      capabilities: { bounding: CAPS, effective: CAPS, permitted: CAPS },
      rlimits: [{ type: "RLIMIT_NOFILE", hard: 1024, soft: 1024 }],
      noNewPrivileges: true,
    },
    root: { path: rootfs, readonly: true },
    hostname: "bench",
    mounts,
    linux: {
      resources: { devices: [{ allow: false, access: "rwm" }] },
      namespaces: ["pid", "network", "ipc", "uts", "mount"].map((type) => ({ type })),
      maskedPaths: MASKED_PATHS,
      readonlyPaths: READONLY_PATHS,
    },
  };
}

/**
 * Makes the work directory: a busybox rootfs whose mountpoints for the top-level mounts and the
 * binds already exist (so no contender pays for creating them, and every run starts alike),
 * the bind source, and a bundle directory per contender. `dropForOcimount` lists destinations
 * left out of ocimount's config and of the C floor (a mount ocimount cannot make yet).
 */
export function makeVsCrunBundle(
  binds: number,
  busybox: string,
  dropForOcimount: readonly string[] = [],
): VsCrunBundle {
  const dir = mkdtempSync(join(tmpdir(), "bench-vs-crun-"));
  const rootfs = join(dir, "rootfs");
  const shared = join(dir, "shared");
  mkdirSync(shared);
  for (const d of ["bin", "proc", "dev", "sys", "m"])
    mkdirSync(join(rootfs, d), { recursive: true });
  for (let i = 0; i < binds; i++) mkdirSync(join(rootfs, "m", String(i)));
  copyFileSync(busybox, join(rootfs, "bin", "busybox"));
  chmodSync(join(rootfs, "bin", "busybox"), 0o755);
  symlinkSync("busybox", join(rootfs, "bin", "true"));
  const config = benchConfig(rootfs, shared, binds);
  const write = (name: string, value: unknown) => {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, "config.json"), JSON.stringify(value, null, 2));
    return join(dir, name);
  };
  const ours = {
    ...config,
    mounts: config.mounts.filter((m) => !dropForOcimount.includes(m.destination)),
  };
  const floorOps = join(dir, "floor.ops");
  writeFileSync(floorOps, floorOperations(rootfs, ours.mounts));
  return {
    dir,
    rootfs,
    oci: write("oci", config),
    crun: write("crun", { ...config, ociVersion: "1.0.2" }),
    ocimount: write("ocimount", ours),
    floorOps,
  };
}

/** The C floor's operations for `mounts` under `rootfs` (format: floor.c's header). */
export function floorOperations(rootfs: string, mounts: readonly SpecMount[]): string {
  const ops: string[][] = [["B", rootfs]];
  for (const m of mounts) {
    const target = join(rootfs, m.destination);
    ops.push(["D", target]);
    if (m.type === "cgroup") {
      ops.push(...cgroupOperations(target));
      continue;
    }
    const parsed = parseMountOptions(m.options ?? []);
    const bind = parsed.bind || m.type === "bind";
    // MS_BIND | MS_REC for an rbind; a new filesystem gets its flags and data at mount time.
    const flags = bind ? 0x1000 | (parsed.recursiveBind ? 0x4000 : 0) : parsed.flags;
    ops.push([
      "M",
      m.source,
      target,
      bind ? "-" : m.type,
      flags.toString(16),
      bind || !parsed.data ? "-" : parsed.data,
    ]);
  }
  for (const p of MASKED_PATHS) ops.push(["K", join(rootfs, p)]);
  for (const p of READONLY_PATHS) ops.push(["R", join(rootfs, p)]);
  ops.push(["O", rootfs], ["U", rootfs]);
  return `${ops.map((o) => o.join("\t")).join("\n")}\n`;
}

/** MS_NOSUID | MS_NODEV | MS_NOEXEC, the flags runc gives the cgroup mounts. */
const NOSUID_NODEV_NOEXEC = 0x2 | 0x4 | 0x8;

/**
 * What runc does for `type: "cgroup"` (and ocimount too), as floor operations. cgroup v2: one
 * cgroup2 mount. v1 or hybrid: a tmpfs, then per v1 hierarchy of the host a bind of this
 * process's own cgroup in it, made read-only (the v2 hierarchy at `unified` is skipped: every
 * benchmark namespace unmounts it first, see run.ts).
 */
function cgroupOperations(target: string): string[][] {
  const mountinfo = readFileSync("/proc/self/mountinfo", "utf8").split("\n");
  const fields = (line: string) => {
    const [left = "", right = ""] = line.split(" - ");
    return { point: left.split(" ")[4] ?? "", fs: right.split(" ")[0] ?? "" };
  };
  const cg = mountinfo.map(fields).filter((m) => m.point.startsWith("/sys/fs/cgroup"));
  const flags = (NOSUID_NODEV_NOEXEC | 0x1).toString(16);
  if (cg.some((m) => m.point === "/sys/fs/cgroup" && m.fs === "cgroup2")) {
    return [["M", "cgroup2", target, "cgroup2", flags, "-"]];
  }
  const own = new Map<string, string>();
  for (const line of readFileSync("/proc/self/cgroup", "utf8").trim().split("\n")) {
    const [, controllers = "", path = "/"] = line.split(":");
    for (const c of controllers.split(",")) own.set(c, path);
  }
  const ops: string[][] = [
    ["M", "tmpfs", target, "tmpfs", NOSUID_NODEV_NOEXEC.toString(16), "mode=755"],
  ];
  for (const m of cg) {
    if (m.fs !== "cgroup") continue;
    const name = m.point.slice("/sys/fs/cgroup/".length);
    const path = own.get(name) ?? own.get(`name=${name}`) ?? "/";
    const at = join(target, name);
    ops.push(["D", at], ["M", join(m.point, path), at, "-", (0x1000 | 0x4000).toString(16), "-"]);
    ops.push(["O", at]);
  }
  return ops;
}
