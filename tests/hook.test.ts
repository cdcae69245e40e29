/**
 * `ocimount hook` inside a real runtime: runc 1.1 starts a busybox container with ocimount as
 * its createRuntime (then createContainer) hook, and the container itself reports what it sees
 * (/proc/self/mountinfo, writes that must fail). With runc and busybox-static installed
 * (.ci/run installs them); skipped visibly otherwise. As an ordinary user runc runs as root of a
 * user namespace (helpers/runcTier.ts).
 */
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type MountInfoEntry, parseMountInfoLine } from "@ocimount/mount-flags";
import { busyboxConfig, hookEntry, makeWorkDir, writeConfig } from "./fixtures/hook/runc.ts";
import { runcInTier, runcTierSkipReason } from "./helpers/runcTier.ts";

const skip = runcTierSkipReason();
if (skip) console.warn(`[ocimount tests] SKIPPING runc hook tests: ${skip}`);
const runcTest = (name: string, fn: () => void) =>
  test.skipIf(skip !== "")(skip ? `${name} [skipped: ${skip}]` : name, fn, 120_000);

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** What the container prints: its mountinfo lines for our mounts, then one line per check. */
const SCRIPT = `
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

interface Seen {
  mounts: Map<string, MountInfoEntry>;
  checks: Map<string, string>;
  lines: string[];
}

function parseOutput(stdout: string): Seen {
  const lines = stdout.split("\n").filter(Boolean);
  const mounts = new Map<string, MountInfoEntry>();
  const checks = new Map<string, string>();
  for (const line of lines) {
    if (line.startsWith("MI ")) {
      const m = parseMountInfoLine(line.slice(3));
      mounts.set(m.mountPoint, m);
    } else if (line.startsWith("CHECK ")) {
      const [, name, result] = line.split(" ");
      checks.set(name!, result!);
    }
  }
  return { mounts, checks, lines };
}

/** A work dir with a bundle, sources on the host side, and the hook's mounts file. */
function prepare(stage: "createRuntime" | "createContainer", mounts: unknown) {
  const work = makeWorkDir();
  made.push(work.dir);
  const src = join(work.dir, "src");
  mkdirSync(src);
  writeFileSync(join(src, "hello"), "hello\n");
  mkdirSync(join(work.dir, "tree", "inner"), { recursive: true });
  writeFileSync(join(work.bundle, "rootfs", "etc", "secret"), "top secret\n");
  const mountsFile = join(work.dir, "mounts.json");
  writeFileSync(mountsFile, JSON.stringify(mounts));
  const hooks = { [stage]: [hookEntry(["--mounts", mountsFile])] };
  writeConfig(work.bundle, busyboxConfig(SCRIPT, { hooks }));
  return { work, src, tree: join(work.dir, "tree") };
}

function extraMounts(dir: string) {
  return {
    mounts: [
      { destination: "/ro", type: "bind", source: join(dir, "src"), options: ["bind", "ro"] },
      {
        destination: "/rro",
        type: "bind",
        source: join(dir, "tree"),
        options: ["rbind", "rro", "rnosuid"],
      },
      { destination: "/scratch", type: "tmpfs", source: "tmpfs", options: ["nodev", "size=1m"] },
    ],
    maskedPaths: ["/etc/secret"],
  };
}

let serial = 0;
const containerId = () => `ocimount-hook-${process.pid}-${serial++}`;

describe.each(["createRuntime", "createContainer"] as const)("runc with a %s hook", (stage) => {
  runcTest("adds an ro bind, an rro rbind with its submount, a tmpfs and a mask", () => {
    const { work, tree } = prepare(stage, {});
    writeFileSync(join(work.dir, "mounts.json"), JSON.stringify(extraMounts(work.dir)));
    const submount = `mount -t tmpfs -o size=1m ocimount-sub "${join(tree, "inner")}"`;
    const r = runcInTier(work, containerId(), submount);
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    const seen = parseOutput(r.stdout);
    expect(seen.lines.at(-1)).toBe("END");

    const ro = seen.mounts.get("/ro");
    expect(ro?.root).toBe(join(work.dir, "src"));
    expect(ro?.mountOptions).toContain("ro");
    const rro = seen.mounts.get("/rro");
    expect(rro?.root).toBe(tree);
    expect(rro?.mountOptions).toEqual(expect.arrayContaining(["ro", "nosuid"]));
    const sub = seen.mounts.get("/rro/inner");
    expect(sub?.fsType).toBe("tmpfs");
    expect(sub?.source).toBe("ocimount-sub");
    expect(sub?.parentId).toBe(rro?.mountId);
    expect(sub?.mountOptions).toEqual(expect.arrayContaining(["ro", "nosuid"]));
    const scratch = seen.mounts.get("/scratch");
    expect(scratch?.fsType).toBe("tmpfs");
    expect(scratch?.mountOptions).toEqual(expect.arrayContaining(["rw", "nodev"]));
    expect(scratch?.superOptions).toContain("size=1024k");
    const secret = seen.mounts.get("/etc/secret");
    expect(secret?.root).toBe("/null");

    expect(Object.fromEntries(seen.checks)).toEqual({
      "read-ro": "ok",
      "write-ro": "failed",
      "write-rro": "failed",
      "write-rro-submount": "failed",
      "write-scratch": "ok",
      // the mask is /dev/null: writes vanish, reads are empty
      "write-secret": "ok",
    });
    expect(seen.lines).toContain("SECRET []");
  });

  runcTest("a hook failure (missing source) makes runc run fail with the hook's message", () => {
    const { work } = prepare(stage, {});
    const missing = join(work.dir, "no-such-source");
    const mounts = [
      { destination: "/scratch", type: "tmpfs", source: "tmpfs" },
      { destination: "/data", type: "bind", source: missing, options: ["bind"] },
    ];
    writeFileSync(join(work.dir, "mounts.json"), JSON.stringify(mounts));
    const r = runcInTier(work, containerId());
    expect(r.exitCode).not.toBe(0);
    expect(r.stdout).not.toContain("END"); // the container's process never ran
    expect(r.stderr).toContain("error running hook");
    const target = join(work.bundle, "rootfs", "data");
    expect(r.stderr).toContain(
      `stderr: ocimount: hook: open_tree failed (mounts[1] ${missing} -> ${target}): ENOENT`,
    );
  });

  runcTest("a step failing inside the container is rolled back before runc gives up", () => {
    const { work } = prepare(stage, {});
    const mounts = [
      { destination: "/scratch/deep", type: "tmpfs", source: "tmpfs" },
      { destination: "/etc/secret/below", type: "bind", source: work.dir, options: ["bind"] },
    ];
    writeFileSync(join(work.dir, "mounts.json"), JSON.stringify(mounts));
    const r = runcInTier(work, containerId());
    expect(r.exitCode).not.toBe(0);
    expect(r.stdout).not.toContain("END");
    expect(r.stderr).toContain("stderr: ocimount: hook: ");
    expect(r.stderr).toContain("(mounts[1] ");
    expect(r.stderr).toContain("ENOTDIR");
    // the tmpfs was mounted on /scratch/deep, which the hook created: both are undone
    expect(existsSync(join(work.bundle, "rootfs", "scratch"))).toBe(false);
  });
});
