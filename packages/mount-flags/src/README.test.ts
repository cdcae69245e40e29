import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describeMountOptions, parseMountOptions } from "./index.ts";
import { optionTableMarkdown } from "./optionTableMarkdown.ts";

const README = readFileSync(join(import.meta.dir, "..", "README.md"), "utf8");

test("README.md has the generated option table (run `bun readme.ts` to update it)", () => {
  expect(README).toContain(optionTableMarkdown());
});

// runc's features.json `mountOptions` (runtime-spec schema/test/features/good/runc.json).
const RUNC =
  "acl async atime bind defaults dev diratime dirsync exec iversion lazytime loud mand noacl noatime nodev nodiratime noexec noiversion nolazytime nomand norelatime nostrictatime nosuid nosymfollow private ratime rbind rdev rdiratime relatime remount rexec rnoatime rnodev rnodiratime rnoexec rnorelatime rnostrictatime rnosuid rnosymfollow ro rprivate rrelatime rro rrw rshared rslave rstrictatime rsuid rsymfollow runbindable rw shared silent slave strictatime suid symfollow sync tmpcopyup unbindable".split(
    " ",
  );

test.each(RUNC.map((option) => [option]))(
  "runc's %s is known, or data as with mount(8)",
  (option) => {
    const known = describeMountOptions().some((row) => row.option === option);
    const asData = option === "acl" || option === "noacl";
    expect(known).toBe(!asData);
    expect(parseMountOptions([option]).unknown).toEqual(asData ? [option] : []);
  },
);

test("every option has one row, and the rows cover the whole index", () => {
  const options = describeMountOptions().map((row) => row.option);
  expect(new Set(options).size).toBe(options.length);
  expect(options).toHaveLength(62);
  for (const option of options) expect(parseMountOptions([option]).unknown).toEqual([]);
});

test.each([
  ["ro", "set", "set MS_RDONLY", 0x1],
  ["noatime", "set", "set MS_NOATIME", 0x400],
  ["defaults", "none", "none", 0],
  ["rbind", "operation", "bind, recursiveBind (MS_BIND | MS_REC)", 0x5000],
  ["rslave", "propagation", "MS_SLAVE | MS_REC", 0x84000],
  [
    "rstrictatime",
    "recursive",
    "attr_clr MOUNT_ATTR__ATIME; attr_set MOUNT_ATTR_STRICTATIME; AT_RECURSIVE",
    0x20,
  ],
  [
    "rrelatime",
    "recursive",
    "attr_clr MOUNT_ATTR__ATIME; attr_set MOUNT_ATTR_RELATIME; AT_RECURSIVE",
    0,
  ],
  ["rrw", "recursive", "attr_clr MOUNT_ATTR_RDONLY; AT_RECURSIVE", 0x1],
])("%s is described", (option, kind, value, bits) => {
  expect(describeMountOptions().find((row) => row.option === option)).toMatchObject({
    kind,
    value,
    bits,
  });
});
