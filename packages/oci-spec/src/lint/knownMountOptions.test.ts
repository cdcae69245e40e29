import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CONFORMANCE_DIR } from "../conformance.fixture.ts";
import { KNOWN_MOUNT_OPTIONS } from "./knownMountOptions.ts";

/**
 * The names mount-flags parses are the mount options runc reports in the runtime-spec
 * features fixture, without `acl`/`noacl` (filesystem data for the kernel), plus `idmap` and
 * `ridmap` (runtime-spec 1.2's idmapped mounts, which that runc predates).
 */
test("the known options are runc's features mountOptions, acl aside, plus idmap", () => {
  const runc = JSON.parse(
    readFileSync(join(CONFORMANCE_DIR, "runtime-spec/schema/test/features/good/runc.json"), "utf8"),
  ) as { mountOptions: string[] };
  const expected = runc.mountOptions.filter((o) => o !== "acl" && o !== "noacl");
  expect([...KNOWN_MOUNT_OPTIONS].sort()).toEqual([...expected, "idmap", "ridmap"].sort());
});
