import { describe, expect, test } from "bun:test";
import { MountError } from "../errors.ts";
import { createFakeSyscalls } from "../sys/fake.ts";
import { planSetup } from "./planSetup.ts";

const config = (options: string[]) => ({
  root: { path: "rootfs" },
  mounts: [{ destination: "/d", type: "bind", source: "/srv", options: ["rbind", ...options] }],
});

/** The fake finds every path: these bundles pass the filesystem half of the check. */
const sys = createFakeSyscalls();

describe("unknown options on a bind mount", () => {
  test("one warning (lintConfig's, through checkBundle) names the nearest known option", () => {
    const plan = planSetup(config(["nosiud", "ro"]), "/b", { resolveHostPaths: false, sys });
    expect(plan.warnings).toEqual([
      {
        path: "/mounts/0/options",
        message:
          "bind mount with unknown or filesystem data options, which a bind mount ignores: nosiud (did you mean nosuid?)",
      },
    ]);
  });

  test("filesystem data gets no suggestion", () => {
    const plan = planSetup(config(["mode=755"]), "/b", { resolveHostPaths: false, sys });
    expect(plan.warnings.map((w) => w.message)).toEqual([
      "bind mount with unknown or filesystem data options, which a bind mount ignores: mode=755",
    ]);
  });

  test("strict: an unknown option on a bind is EINVALID, naming the entry", () => {
    const plan = () =>
      planSetup(config(["nosiud"]), "/b", { resolveHostPaths: false, strict: true, sys });
    expect(plan).toThrow(MountError);
    expect(plan).toThrow(/mounts\[0\].*unknown option "nosiud".*did you mean nosuid\?/);
  });

  test("strict leaves filesystem mounts alone (their data goes to the filesystem)", () => {
    const tmpfs = {
      root: { path: "r" },
      mounts: [{ destination: "/t", type: "tmpfs", options: ["mode=755"] }],
    };
    expect(planSetup(tmpfs, "/b", { strict: true, sys }).warnings.map((w) => w.path)).toEqual([
      "/root/path",
    ]);
  });
});
