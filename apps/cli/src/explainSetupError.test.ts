import { describe, expect, test } from "bun:test";
import { ERRNO, type ErrorFields, OcimountError } from "@ocimount/mount-flags/errors";
import type { Spec } from "@ocimount/oci-spec";
import { explainSetupError } from "./explainSetupError.ts";

const config = {
  ociVersion: "1.3.0",
  root: { path: "rootfs" },
  mounts: [
    { destination: "/t", type: "tmpfz", source: "mysrc" },
    { destination: "/b", type: "bind", source: "/srv" },
  ],
} as Spec;

/** An error with the fields the mounter gives one (read by fields, so any class will do). */
const mountError = (fields: Omit<ErrorFields, "code">) =>
  new OcimountError({ code: "ESYSCALL", ...fields });

const ROWS: {
  name: string;
  error: OcimountError;
  explained?: { code: string; summary: string; where?: string };
}[] = [
  {
    name: "ENODEV from fsopen: the filesystem type is unknown",
    error: mountError({ op: "fsopen", errno: ERRNO.ENODEV, where: "mounts[0]", target: "/r/t" }),
    explained: {
      code: "ENODEV",
      summary: "unknown filesystem type 'tmpfz'",
      where: "mounts[0].type /r/t",
    },
  },
  {
    name: "ENODEV from mount(2), the fallback, too",
    error: mountError({ op: "mount", errno: ERRNO.ENODEV, where: "mounts[0]" }),
    explained: {
      code: "ENODEV",
      summary: "unknown filesystem type 'tmpfz'",
      where: "mounts[0].type",
    },
  },
  {
    name: "ENODEV for a bind is something else",
    error: mountError({ op: "open_tree", errno: ERRNO.ENODEV, where: "mounts[1]" }),
  },
  {
    name: "another errno from fsopen is reported as it is",
    error: mountError({ op: "fsopen", errno: ERRNO.EPERM, where: "mounts[0]" }),
  },
  {
    name: "a node:fs call inside a step is named instead of 'setup failed'",
    error: mountError({
      op: "setup",
      where: "mounts[1]",
      cause: Object.assign(new Error("EPERM"), {
        code: "EPERM",
        syscall: "open",
        path: "/proc/7/uid_map",
      }),
    }),
    explained: { code: "EPERM", summary: "open failed", where: "mounts[1] /proc/7/uid_map" },
  },
  {
    name: "a setup failure without a file operation is left alone",
    error: mountError({ op: "setup", where: "mounts[1]", cause: new Error("boom") }),
  },
];

describe("explainSetupError", () => {
  for (const row of ROWS) {
    test(row.name, () => {
      const explained = explainSetupError(row.error, config);
      if (row.explained === undefined) expect(explained).toBeUndefined();
      else expect(explained).toMatchObject(row.explained);
    });
  }
});
