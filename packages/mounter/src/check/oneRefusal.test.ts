/**
 * setup(), the planner (what `ocimount plan` calls) and the hook refuse the same bad bundle the
 * same way: `MountError` `EINVALID` from `checkBundle`, with the same issues. The host is a fake
 * (nothing is stat'ed, entered or mounted for real); only config.json and the hook's mounts file
 * are real files, since those are read before any system call.
 */
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ERRNO } from "@ocimount/mount-flags/errors";
import { S_IFDIR } from "@ocimount/mount-flags/linux";
import { runHook } from "../hook/runHook.ts";
import { planSetup } from "../plan/planSetup.ts";
import { setup } from "../setup.ts";
import { createFakeSyscalls } from "../sys/fake.ts";

const dir = mkdtempSync(join(tmpdir(), "ocimount-one-refusal-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fake host where only the bundle directory and `src` exist: no rootfs, no `nope`. */
function host() {
  const exists = new Set([dir, join(dir, "src")]);
  return createFakeSyscalls({
    failOn: (op, args) =>
      op === "statx" && !exists.has(args[1] as string) ? ERRNO.ENOENT : undefined,
    stat: () => ({ mode: S_IFDIR | 0o755 }),
  });
}

const root = { path: "rootfs" };
const mounts = [
  { destination: "/d", type: "bind", source: "nope" },
  { destination: "/e", type: "bind", source: "src", options: ["rbind"] },
];
writeFileSync(join(dir, "config.json"), JSON.stringify({ ociVersion: "1.3.0", root }));
const mountsFile = join(dir, "mounts.json");
writeFileSync(mountsFile, JSON.stringify(mounts));

async function refusal(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("not refused");
}

test("setup(), planSetup and runHook refuse the same bad bundle with the same issues", async () => {
  const config = { root, mounts };
  const errors = {
    setup: await refusal(() =>
      setup({ config, bundleDir: dir }, { sys: host(), stateDir: join(dir, "state") }),
    ),
    plan: await refusal(() => planSetup(config, dir, { sys: host() })),
    hook: await refusal(() =>
      runHook({
        stateText: JSON.stringify({
          ociVersion: "1.3.0",
          id: "c1",
          status: "creating",
          pid: 4242,
          bundle: dir,
        }),
        mountsFile,
        sys: host(),
        processView: { pid: 1, ppid: 0, procSelf: "1", procParent: () => 0 },
      }),
    ),
  };
  const issues = Object.values(errors).map((e) =>
    JSON.stringify((e as { issues: unknown }).issues),
  );
  expect(new Set(issues).size).toBe(1);
  const expected = {
    code: "EINVALID",
    op: "check bundle",
    path: dir,
    issues: [
      expect.objectContaining({ path: "/root/path", errnoName: "ENOENT" }),
      expect.objectContaining({ path: "/mounts/0/source", errnoName: "ENOENT" }),
    ],
  };
  for (const [name, error] of Object.entries(errors)) {
    expect([name, error]).toMatchObject([name, expected]);
  }
});
