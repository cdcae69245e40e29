import { describe, expect, test } from "bun:test";
import { ERRNO, OcimountError } from "@ocimount/mount-flags/errors";
import { createFakeSyscalls } from "../../sys/fake.ts";
import { SyscallError } from "../../sys/SyscallError.ts";
import { idmapUserns } from "./idmapUserns.ts";

const MAP = [{ containerID: 0, hostID: 1000, size: 1 }];

test("the maps go to sys.userNamespace as uid_map/gid_map lines; its fd is returned", () => {
  const sys = createFakeSyscalls();
  const fd = idmapUserns(sys, MAP, [{ containerID: 0, hostID: 2000, size: 5 }], "mounts[1]");
  expect(sys.calls).toEqual([{ op: "userNamespace", args: ["0 1000 1\n", "0 2000 5\n"] }]);
  expect(sys.openFds.has(fd)).toBe(true);
});

const REFUSED: { name: string; thrown: Error; error: Record<string, unknown> }[] = [
  {
    name: "no namespace could be made: ENOTSUP, no errno",
    thrown: new OcimountError({ code: "ENOTSUP", op: "unshare", detail: "could not create" }),
    error: { code: "ENOTSUP", op: "idmap", where: "mounts[1]", errno: undefined },
  },
  {
    name: "a map it may not write: the call, its file and errno",
    thrown: new SyscallError("open", ERRNO.EPERM, { path: "/proc/7/uid_map" }),
    error: {
      code: "ESYSCALL",
      op: "open",
      where: "mounts[1]",
      mountIndex: 1,
      path: "/proc/7/uid_map",
      errnoName: "EPERM",
    },
  },
];

describe("idmapUserns names the mount when the namespace cannot be made", () => {
  for (const row of REFUSED) {
    test(row.name, () => {
      const sys = {
        ...createFakeSyscalls(),
        userNamespace: () => {
          throw row.thrown;
        },
      };
      expect(() => idmapUserns(sys, MAP, MAP, "mounts[1]")).toThrow(
        expect.objectContaining({ ...row.error, cause: row.thrown }),
      );
    });
  }
});
