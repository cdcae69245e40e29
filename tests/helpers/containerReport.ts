/**
 * What a busybox container reports about the mounts a hook gave it, for the engine tests
 * (tests/engines-*.test.ts): the container's own /proc/self/mountinfo lines for our mount
 * points, then one line per check (reads that must work, writes that must fail), then END.
 * `hookSources` builds the host side (a source dir, a tree with a submount point, a secret in the
 * rootfs) and `HOOK_MOUNTS` the hook's mounts document that the report checks.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type MountInfoEntry, parseMountInfoLine } from "@ocimount/mount-flags";

/** The container's script: prints `MI <mountinfo line>`, `CHECK <name> ok|failed`, `SECRET [...]`, `END`. */
export const REPORT_SCRIPT = `
grep -E '^[0-9]+ [0-9]+ [^ ]+ [^ ]+ /(ro|rro|rro/inner|scratch|etc/secret) ' /proc/self/mountinfo | sed 's/^/MI /'
check() { if sh -c "$2" 2>/dev/null; then echo "CHECK $1 ok"; else echo "CHECK $1 failed"; fi; }
check read-ro 'grep -q hello /ro/hello'
check write-ro 'echo x > /ro/new'
check write-rro 'echo x > /rro/new'
check write-rro-submount 'echo x > /rro/inner/new'
check write-scratch 'echo x > /scratch/new'
check write-secret 'echo x > /etc/secret'
echo "SECRET [$(cat /etc/secret)]"
echo END
`;

/** The checks' results when every mount of `hookMounts` is there with its options. */
export const EXPECTED_CHECKS = {
  "read-ro": "ok",
  "write-ro": "failed",
  "write-rro": "failed",
  "write-rro-submount": "failed",
  "write-scratch": "ok",
  // the mask is /dev/null: writes vanish, reads are empty
  "write-secret": "ok",
};

/** The parsed report. */
export interface Report {
  mounts: Map<string, MountInfoEntry>;
  checks: Record<string, string>;
  lines: string[];
}

/** Parses what `REPORT_SCRIPT` printed. */
export function parseReport(stdout: string): Report {
  const lines = stdout.split("\n").filter(Boolean);
  const mounts = new Map<string, MountInfoEntry>();
  const checks: Record<string, string> = {};
  for (const line of lines) {
    if (line.startsWith("MI ")) {
      const m = parseMountInfoLine(line.slice(3));
      mounts.set(m.mountPoint, m);
    } else if (line.startsWith("CHECK ")) {
      const [, name, result] = line.split(" ");
      checks[name ?? ""] = result ?? "";
    }
  }
  return { mounts, checks, lines };
}

/** Host paths the hook mounts from. */
export interface HookSources {
  src: string;
  tree: string;
  /** The shell command that mounts a tmpfs on `tree/inner` (run before the engine starts). */
  submount: string;
}

/** Makes `dir/src` (with `hello`), `dir/tree/inner` and `rootfs/etc/secret`. */
export function hookSources(dir: string, rootfs: string): HookSources {
  const src = join(dir, "src");
  const tree = join(dir, "tree");
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, "hello"), "hello\n");
  mkdirSync(join(tree, "inner"), { recursive: true });
  mkdirSync(join(rootfs, "etc"), { recursive: true });
  writeFileSync(join(rootfs, "etc", "secret"), "top secret\n");
  const submount = `mount -t tmpfs -o size=1m ocimount-sub "${join(tree, "inner")}"`;
  return { src, tree, submount };
}

/** The hook's mounts: an ro bind, an rro rbind with its submount, a tmpfs, a mask. */
export function hookMounts(s: HookSources) {
  return {
    mounts: [
      { destination: "/ro", type: "bind", source: s.src, options: ["bind", "ro"] },
      { destination: "/rro", type: "bind", source: s.tree, options: ["rbind", "rro", "rnosuid"] },
      { destination: "/scratch", type: "tmpfs", source: "tmpfs", options: ["nodev", "size=1m"] },
    ],
    maskedPaths: ["/etc/secret"],
  };
}

/**
 * The facts of a report that the engine tests compare with `expectedFacts`: for each mount point
 * its root (or fs type and source), the options that matter, and the check results.
 */
export function reportFacts(r: Report) {
  const at = (p: string) => r.mounts.get(p);
  const has = (p: string, opts: string[]) => opts.filter((o) => at(p)?.mountOptions.includes(o));
  return {
    ended: r.lines.at(-1) === "END",
    ro: { root: at("/ro")?.root, options: has("/ro", ["ro"]) },
    rro: { root: at("/rro")?.root, options: has("/rro", ["ro", "nosuid"]) },
    sub: {
      fsType: at("/rro/inner")?.fsType,
      source: at("/rro/inner")?.source,
      underRro: at("/rro/inner")?.parentId === at("/rro")?.mountId,
      options: has("/rro/inner", ["ro", "nosuid"]),
    },
    scratch: {
      fsType: at("/scratch")?.fsType,
      options: has("/scratch", ["rw", "nodev"]),
      size: at("/scratch")?.superOptions.includes("size=1024k"),
    },
    secretRoot: at("/etc/secret")?.root,
    secretRead: r.lines.includes("SECRET []"),
    checks: r.checks,
  };
}

/** What `reportFacts` says when the hook did everything `hookMounts(s)` asks. */
export function expectedFacts(s: HookSources) {
  return {
    ended: true,
    ro: { root: s.src, options: ["ro"] },
    rro: { root: s.tree, options: ["ro", "nosuid"] },
    sub: { fsType: "tmpfs", source: "ocimount-sub", underRro: true, options: ["ro", "nosuid"] },
    scratch: { fsType: "tmpfs", options: ["rw", "nodev"], size: true },
    secretRoot: "/null",
    secretRead: true,
    checks: EXPECTED_CHECKS,
  };
}
