import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { parseMountInfo } from "@ocimount/mount-flags";
import { AT_FDCWD } from "@ocimount/mount-flags/linux";
import { createSyscalls } from "./ffi.ts";
import { SyscallError } from "./SyscallError.ts";

const sys = createSyscalls();
const unique = sys.uniqueMountId(AT_FDCWD, "/", 0);
const mountinfo = parseMountInfo(readFileSync("/proc/self/mountinfo", "utf8"));

describe("unique mount IDs (Linux 6.8+)", () => {
  test.skipIf(unique !== 0)(
    "[skipped: this kernel has STATX_MNT_ID_UNIQUE] reports 0 when unknown",
    () => {
      expect(unique).toBe(0);
    },
  );
  test.skipIf(unique === 0)(
    "statx STATX_MNT_ID_UNIQUE, statmount and listmount agree with mountinfo",
    () => {
      const root = sys.statmount(unique);
      expect(root.uniqueId).toBe(unique);
      expect(root.mountId).toBe(sys.statx(AT_FDCWD, "/", 0).mountId);
      const below = sys.listmount(unique);
      const stats = below.map((id) => sys.statmount(id));
      for (const st of stats) {
        const entry = mountinfo.find((m) => m.mountId === st.mountId);
        expect(entry?.mountPoint).toBe(st.mountPoint);
        expect(entry?.parentId).toBe(st.parentId);
      }
      // Every mount but the namespace root is below "/".
      expect(below.length).toBe(mountinfo.length - 1);
      expect(below.every((id) => id > 0 && Number.isSafeInteger(id))).toBe(true);
    },
  );
  test.skipIf(unique === 0)("statmount of an ID never given is ENOENT", () => {
    let err: unknown;
    try {
      sys.statmount(2 ** 52);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SyscallError);
    expect((err as SyscallError).code).toBe("ENOENT");
  });
});
