/**
 * The README's "## Hooks" examples as written: its mounts FILE and its runc `config.json` hooks
 * fragment, with the sealed executable (build:exe) at the fragment's path swapped for the one
 * built here and the FILE's path for a temp copy, under runc and under crun. The FILE's bind
 * source /srv/data exists only in the private namespace (a tmpfs over /srv). The container
 * reports its own mountinfo and tries a write that must fail.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseMountInfoLine } from "@ocimount/mount-flags";
import { BIN, busyboxConfig, makeWorkDir, writeConfig } from "./fixtures/hook/runc.ts";
import { crunRun, crunSkipReason } from "./helpers/crun.ts";
import { buildInstallable } from "./helpers/installable.ts";
import { readmeRuncExample } from "./helpers/readmeHooks.ts";
import { runcInTier, runcTierSkipReason } from "./helpers/runcTier.ts";

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
const scratch = makeWorkDir();
made.push(scratch.dir);
const built = buildInstallable(join(scratch.dir, "exe"));

const SCRIPT = `
grep -E '^[0-9]+ [0-9]+ [^ ]+ [^ ]+ /(data|scratch|etc/secret) ' /proc/self/mountinfo | sed 's/^/MI /'
if sh -c 'echo x > /data/new' 2>/dev/null; then echo "CHECK write-data ok"; else echo "CHECK write-data failed"; fi
echo "SECRET [$(cat /etc/secret)]"
echo END
`;

/** A bundle whose config carries the README's hooks, with our executable and FILE path. */
function prepare() {
  const work = makeWorkDir();
  made.push(work.dir);
  writeFileSync(join(work.bundle, "rootfs", "etc", "secret"), "top secret\n");
  const { mounts, hooks } = readmeRuncExample();
  const file = join(work.dir, "mounts.json");
  writeFileSync(file, JSON.stringify(mounts));
  const swapped = Object.fromEntries(
    Object.entries(hooks).map(([stage, entries]) => [
      stage,
      entries.map((h) => {
        const args = (h.args ?? []).map((a) => (a === "/etc/ocimount/mounts.json" ? file : a));
        return "skip" in built
          ? { ...h, path: process.execPath, args: ["bun", BIN, ...args.slice(1)] }
          : { ...h, path: built.front, args };
      }),
    ]),
  );
  writeConfig(work.bundle, busyboxConfig(SCRIPT, { hooks: swapped }));
  return work;
}

const BEFORE = "mount -t tmpfs ocimount-srv /srv && mkdir /srv/data || exit 95";

function expectReadmeMounts(stdout: string) {
  const lines = stdout.trim().split("\n");
  const mi = new Map(
    lines
      .filter((l) => l.startsWith("MI "))
      .map((l) => {
        const m = parseMountInfoLine(l.slice(3));
        return [m.mountPoint, m] as const;
      }),
  );
  expect(mi.get("/data")?.source).toBe("ocimount-srv");
  expect(mi.get("/data")?.root).toBe("/data");
  expect(mi.get("/data")?.mountOptions).toContain("ro");
  expect(mi.get("/scratch")?.fsType).toBe("tmpfs");
  expect(mi.get("/scratch")?.mountOptions).toEqual(expect.arrayContaining(["rw", "nodev"]));
  expect(mi.get("/scratch")?.superOptions).toContain("size=65536k");
  expect(mi.get("/etc/secret")?.root).toBe("/null");
  expect(lines).toContain("CHECK write-data failed");
  expect(lines).toContain("SECRET []");
  expect(lines.at(-1)).toBe("END");
}

const ENGINES = [
  { name: "runc", skip: runcTierSkipReason(), run: runcInTier },
  { name: "crun", skip: crunSkipReason(), run: crunRun },
];

describe("the README's hooks fragment and mounts FILE, as written", () => {
  for (const e of ENGINES) {
    const label = `under ${e.name}: /data read-only from /srv/data, /scratch, the mask`;
    test.skipIf(e.skip !== "")(
      e.skip ? `${label} [skipped: ${e.skip}]` : label,
      () => {
        const work = prepare();
        const r = e.run(work, `ocimount-readme-${e.name}-${process.pid}`, BEFORE);
        expect(r.stderr).toBe("");
        expect(r.exitCode).toBe(0);
        expectReadmeMounts(r.stdout);
      },
      120_000,
    );
  }
});
