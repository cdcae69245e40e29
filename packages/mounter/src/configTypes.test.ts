import { expect, test } from "bun:test";
import type { Spec } from "@ocimount/oci-spec";
import type { MountConfig } from "./configTypes.ts";

test("a validated oci-spec Spec is a MountConfig (checked by tsc)", () => {
  const spec: Spec = {
    ociVersion: "1.3.0",
    root: { path: "rootfs" },
    mounts: [{ destination: "/proc", type: "proc" }],
  };
  const config: MountConfig = spec;
  expect(config.mounts?.[0]?.destination).toBe("/proc");
});
