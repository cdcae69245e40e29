import { describe, expect, test } from "bun:test";
import { ERRNO } from "@ocimount/mount-flags/errors";
import { probeKernelFeatures } from "./probeKernelFeatures.ts";
import { createFakeSyscalls } from "./sys/fake.ts";
import type { Syscalls } from "./sys/Syscalls.ts";

const { ENOSYS, EPERM, EFAULT } = ERRNO;

const ROWS: { name: string; op?: keyof Syscalls; errno?: number; missing: string[] }[] = [
  { name: "a kernel with everything", missing: [] },
  { name: "no openat2 (before 5.6)", op: "openat2", errno: ENOSYS, missing: ["openat2"] },
  { name: "no open_tree (before 5.2)", op: "openTree", errno: ENOSYS, missing: ["mount API"] },
  {
    name: "no mount_setattr (before 5.12): no idmap either",
    op: "mountSetattr",
    errno: ENOSYS,
    missing: ["mount_setattr", "idmap"],
  },
  {
    name: "mount_setattr refused (not root) still exists",
    op: "mountSetattr",
    errno: EPERM,
    missing: [],
  },
  { name: "openat2 refused otherwise still exists", op: "openat2", errno: EFAULT, missing: [] },
  {
    name: "statx refusing the mask",
    op: "statxMask",
    errno: EPERM,
    missing: ["STATX_MNT_ID_UNIQUE"],
  },
];

describe("probeKernelFeatures: missing only where the kernel says ENOSYS", () => {
  for (const row of ROWS) {
    test(row.name, () => {
      const sys = createFakeSyscalls({
        failOn: (op) => (op === row.op ? row.errno : undefined),
      });
      const features = probeKernelFeatures(sys);
      expect(features.filter((f) => !f.available).map((f) => f.name)).toEqual(row.missing);
      for (const f of features.filter((x) => !x.available)) {
        expect(f.errno).toBe(row.errno as number);
        expect(f.errnoName).toBeString();
      }
      expect(sys.openFds.size).toBe(0);
    });
  }
});

test("the real kernel answers every probe", () => {
  const names = probeKernelFeatures().map((f) => f.name);
  expect(names).toEqual([
    "openat2",
    "mount API",
    "mount_setattr",
    "idmap",
    "STATX_MNT_ID_UNIQUE",
    "listmount/statmount",
  ]);
});
