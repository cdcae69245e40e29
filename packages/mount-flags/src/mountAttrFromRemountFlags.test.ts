import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  formatMountAttr,
  MOUNT_ATTR__ATIME,
  MOUNT_ATTR_NOATIME,
  MOUNT_ATTR_NODEV,
  MOUNT_ATTR_NODIRATIME,
  MOUNT_ATTR_NOEXEC,
  MOUNT_ATTR_NOSUID,
  MOUNT_ATTR_NOSYMFOLLOW,
  MOUNT_ATTR_RDONLY,
  MOUNT_ATTR_RELATIME,
  MOUNT_ATTR_STRICTATIME,
  MS_DIRSYNC,
  MS_NOATIME,
  MS_NODIRATIME,
  MS_NOSUID,
  MS_RDONLY,
  MS_RELATIME,
  MS_STRICTATIME,
  mountAttrFromRemountFlags,
  parseMountInfo,
  parseMountOptions,
} from "./index.ts";
import { namespacePrefix } from "./namespace.fixture.ts";

const ALL_BITS =
  MOUNT_ATTR_RDONLY |
  MOUNT_ATTR_NOSUID |
  MOUNT_ATTR_NODEV |
  MOUNT_ATTR_NOEXEC |
  MOUNT_ATTR_NODIRATIME |
  MOUNT_ATTR_NOSYMFOLLOW;

/** Everything but nodiratime, which is kept with the atime mode when no atime flag is given. */
const NOT_ATIME = ALL_BITS & ~MOUNT_ATTR_NODIRATIME;

const rows: [string, number, { attrSet: number; attrClr: number }][] = [
  ["nothing clears every bit and keeps atime", 0, { attrSet: 0, attrClr: NOT_ATIME }],
  ["superblock flags only", MS_DIRSYNC, { attrSet: 0, attrClr: NOT_ATIME }],
  ["ro", MS_RDONLY, { attrSet: MOUNT_ATTR_RDONLY, attrClr: NOT_ATIME & ~MOUNT_ATTR_RDONLY }],
  [
    "ro,nosuid",
    MS_RDONLY | MS_NOSUID,
    {
      attrSet: MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID,
      attrClr: NOT_ATIME & ~(MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID),
    },
  ],
  [
    "nodiratime alone resets atime to relatime",
    MS_NODIRATIME,
    {
      attrSet: MOUNT_ATTR_NODIRATIME | MOUNT_ATTR_RELATIME,
      attrClr: (ALL_BITS & ~MOUNT_ATTR_NODIRATIME) | MOUNT_ATTR__ATIME,
    },
  ],
  ["noatime", MS_NOATIME, { attrSet: MOUNT_ATTR_NOATIME, attrClr: ALL_BITS | MOUNT_ATTR__ATIME }],
  [
    "strictatime over noatime",
    MS_NOATIME | MS_STRICTATIME,
    { attrSet: MOUNT_ATTR_STRICTATIME, attrClr: ALL_BITS | MOUNT_ATTR__ATIME },
  ],
  [
    "relatime",
    MS_RELATIME,
    { attrSet: MOUNT_ATTR_RELATIME, attrClr: ALL_BITS | MOUNT_ATTR__ATIME },
  ],
];

test.each(rows)("%s", (_name, flags, expected) => {
  expect(mountAttrFromRemountFlags(flags)).toEqual(expected);
});

/** A mount's per-mount attributes from its mountinfo options (strictatime shows no atime word). */
function attrsOf(options: readonly string[]): number {
  const words: [string, number][] = [
    ["ro", MOUNT_ATTR_RDONLY],
    ["nosuid", MOUNT_ATTR_NOSUID],
    ["nodev", MOUNT_ATTR_NODEV],
    ["noexec", MOUNT_ATTR_NOEXEC],
    ["noatime", MOUNT_ATTR_NOATIME],
    ["nodiratime", MOUNT_ATTR_NODIRATIME],
    ["nosymfollow", MOUNT_ATTR_NOSYMFOLLOW],
  ];
  let attrs = 0;
  for (const [word, bit] of words) if (options.includes(word)) attrs |= bit;
  if (!options.includes("noatime") && !options.includes("relatime"))
    attrs |= MOUNT_ATTR_STRICTATIME;
  return attrs;
}

const UNSHARE = namespacePrefix();
if (UNSHARE === null) console.warn("[mount-flags] SKIPPING kernel remount tests: no unshare -m");

// The model checked against the kernel: bind a tmpfs (nodev,noexec,noatime or nosuid,strictatime),
// remount the bind with the options (mount(2) MS_REMOUNT|MS_BIND), and compare the mountinfo
// options with the source's attributes after attr_clr and attr_set.
describe.skipIf(UNSHARE === null)("matches the kernel's bind remount", () => {
  const base = mkdtempSync(join(tmpdir(), "mount-flags-remount-"));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const sources = ["nodev,noexec,noatime", "nosuid,strictatime,nodiratime"];
  const optionSets = [
    "ro",
    "nodev",
    "nosymfollow",
    "nosuid",
    "nodiratime",
    "relatime",
    "strictatime",
    "noatime,nodiratime",
    "ro,nosymfollow",
    "nosuid,strictatime",
    "rw,nodev",
    "noexec,relatime,noatime",
    "dirsync",
  ];
  const cases = sources.flatMap((source) =>
    optionSets.map((options) => [`${source} remounted with ${options}`, source, options] as const),
  );

  test.each(cases)("%s", (_name, source, options) => {
    const dir = mkdtempSync(join(base, "case-"));
    mkdirSync(join(dir, "src"));
    mkdirSync(join(dir, "dst"));
    const script = [
      `mount -t tmpfs -o size=16k,${source} src "$1/src"`,
      'mount --bind "$1/src" "$1/dst"',
      // --options-source disable: libmount would otherwise merge the current options in.
      `mount --options-source disable -o remount,bind,${options} "$1/dst"`,
      "cat /proc/self/mountinfo",
    ].join(" && ");
    const run = Bun.spawnSync([...(UNSHARE ?? []), "sh", "-c", script, "sh", dir], {
      stderr: "pipe",
    });
    expect(run.stderr.toString()).toBe("");
    const entries = parseMountInfo(run.stdout.toString());
    const before = entries.find((entry) => entry.mountPoint === join(dir, "src"));
    const after = entries.find((entry) => entry.mountPoint === join(dir, "dst"));
    const { attrSet, attrClr } = mountAttrFromRemountFlags(
      parseMountOptions(options.split(",")).flags,
    );
    const predicted = (attrsOf(before?.mountOptions ?? []) & ~attrClr) | attrSet;
    expect(before).toBeDefined();
    expect(formatMountAttr(attrsOf(after?.mountOptions ?? []))).toEqual(formatMountAttr(predicted));
  });
});
