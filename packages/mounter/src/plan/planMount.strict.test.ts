import { describe, expect, test } from "bun:test";
import { MountError } from "../errors.ts";
import { planSetup } from "./planSetup.ts";

const config = (options: string[]) => ({
  root: { path: "rootfs" },
  mounts: [{ destination: "/d", type: "bind", source: "/srv", options: ["rbind", ...options] }],
});

describe("unknown options on a bind mount", () => {
  test("a warning names the nearest known option", () => {
    const plan = planSetup(config(["nosiud", "ro"]), "/b", { resolveHostPaths: false });
    expect(plan.warnings).toEqual([
      'mounts[0]: bind mounts ignore unknown option "nosiud" (did you mean nosuid?)',
    ]);
  });

  test("filesystem data gets no suggestion", () => {
    const plan = planSetup(config(["mode=755"]), "/b", { resolveHostPaths: false });
    expect(plan.warnings).toEqual(['mounts[0]: bind mounts ignore unknown option "mode=755"']);
  });

  test("strict: an unknown option on a bind is EINVALID, naming the entry", () => {
    const plan = () =>
      planSetup(config(["nosiud"]), "/b", { resolveHostPaths: false, strict: true });
    expect(plan).toThrow(MountError);
    expect(plan).toThrow(/mounts\[0\].*unknown option "nosiud".*did you mean nosuid\?/);
  });

  test("strict leaves filesystem mounts alone (their data goes to the filesystem)", () => {
    const tmpfs = {
      root: { path: "r" },
      mounts: [{ destination: "/t", type: "tmpfs", options: ["mode=755"] }],
    };
    expect(planSetup(tmpfs, "/b", { strict: true }).warnings).toEqual([]);
  });
});
