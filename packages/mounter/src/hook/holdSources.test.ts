import { describe, expect, test } from "bun:test";
import {
  AT_RECURSIVE,
  OPEN_TREE_CLOEXEC,
  OPEN_TREE_CLONE,
  parseMountOptions,
} from "@ocimount/mount-flags";
import { ERRNO } from "@ocimount/mount-flags/errors";
import { AT_FDCWD } from "@ocimount/mount-flags/linux";
import { MountError } from "../errors.ts";
import type { BindStep, SetupPlan, Step } from "../plan/types.ts";
import { createFakeSyscalls } from "../sys/fake.ts";
import { holdSources } from "./holdSources.ts";

const target = (path: string) => ({ path, hostPath: `/b/rootfs${path}` });
const bind = (i: number, source: string, recursive: boolean): BindStep => ({
  kind: "bind",
  why: `mounts[${i}]`,
  source,
  recursive,
  target: target(`/m${i}`),
  options: parseMountOptions([recursive ? "rbind" : "bind"]),
});
const cgroup2: Step = {
  kind: "new-fs",
  why: "mounts[2]",
  fsType: "cgroup2",
  source: "cgroup",
  target: target("/sys/fs/cgroup"),
  options: parseMountOptions([]),
  orBind: "/sys/fs/cgroup",
};
const tmpfs: Step = { ...cgroup2, why: "mounts[3]", fsType: "tmpfs", orBind: undefined };
const plan = (steps: Step[]): SetupPlan => ({
  bundleDir: "/b",
  rootfs: "/b/rootfs",
  steps,
  warnings: [],
});
const CLONE = OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC;

describe("holdSources: the hook's bind sources, taken before it enters the container", () => {
  test("one open_tree per host path the plan may bind, in step order, recursive for rbinds", () => {
    const sys = createFakeSyscalls();
    const held = holdSources(
      sys,
      plan([bind(0, "/src", false), bind(1, "/data", true), cgroup2, tmpfs]),
    );
    expect(sys.argsOf("openTree")).toEqual([
      [AT_FDCWD, "/src", CLONE],
      [AT_FDCWD, "/data", CLONE | AT_RECURSIVE],
      [AT_FDCWD, "/sys/fs/cgroup", CLONE],
    ]);
    expect(sys.openFds.size).toBe(3);
    held.close();
    expect(sys.openFds.size).toBe(0);
  });

  test("each step takes its own tree once, as a tree; what is not taken is closed", () => {
    const sys = createFakeSyscalls();
    const steps = [bind(0, "/src", false), bind(1, "/src", false)];
    const held = holdSources(sys, plan(steps));
    const first = held.open(steps[0] as BindStep);
    expect(first.tree).toBe(true);
    expect(() => held.open(steps[0] as BindStep)).toThrow(
      expect.objectContaining({ code: "EINVALID", where: "mounts[0]" }),
    );
    held.close();
    expect([...sys.openFds]).toEqual([first.fd]); // handed over: the caller closes it
  });

  test("a source that cannot be opened names its step, and nothing stays open", () => {
    let n = 0;
    const sys = createFakeSyscalls({
      failOn: (op) => (op === "openTree" && ++n === 2 ? ERRNO.ENOENT : undefined),
    });
    let error: unknown;
    try {
      holdSources(sys, plan([bind(0, "/src", false), bind(1, "/gone", false)]));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(MountError);
    expect(error).toMatchObject({ where: "mounts[1]", errnoName: "ENOENT", source: "/gone" });
    expect(sys.openFds.size).toBe(0);
  });
});
