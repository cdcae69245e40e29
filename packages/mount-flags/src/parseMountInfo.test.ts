import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MountInfoError, parseMountInfo } from "./index.ts";
import { namespacePrefix } from "./namespace.fixture.ts";

const TEXT = [
  "20 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw",
  "21 20 0:5 / /proc rw,nosuid,nodev,noexec,relatime shared:2 - proc proc rw",
  "",
  "22 20 0:6 / /my\\040dir rw - tmpfs none rw,size=4k",
  "",
].join("\n");

describe("parseMountInfo", () => {
  test("parses every line in order and skips empty lines", () => {
    const entries = parseMountInfo(TEXT);
    expect(entries.map((entry) => [entry.mountId, entry.mountPoint, entry.propagation])).toEqual([
      [20, "/", "shared"],
      [21, "/proc", "shared"],
      [22, "/my dir", "private"],
    ]);
  });

  test.each([
    ["an empty text", ""],
    ["only newlines", "\n\n"],
  ])("%s gives no entries", (_name, text) => {
    expect(parseMountInfo(text)).toEqual([]);
  });

  test("reports the 1-based number of the first bad line", () => {
    const text = `${TEXT}23 20 0:7 / /bad rw x tmpfs none rw\n24 x`;
    expect(() => parseMountInfo(text)).toThrow(MountInfoError);
    try {
      parseMountInfo(text);
    } catch (error) {
      expect(error).toMatchObject({ code: "ESEPARATOR", position: { line: 5 } });
      expect((error as Error).message).toContain("mountinfo:5: ");
    }
  });

  test("parses this process's own mountinfo", () => {
    const entries = parseMountInfo(readFileSync("/proc/self/mountinfo", "utf8"));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.some((entry) => entry.mountPoint === "/")).toBe(true);
    const ids = new Set(entries.map((entry) => entry.mountId));
    expect(ids.size).toBe(entries.length);
  });
});

const UNSHARE = namespacePrefix();
if (UNSHARE === null) console.warn("[mount-flags] SKIPPING kernel mountinfo tests: no unshare -m");

// The kernel's own escaping, read back: tmpfs mounts on awkward names, made in a private mount
// namespace so that nothing reaches the host and everything goes when the child exits.
describe.skipIf(UNSHARE === null)("mountinfo written by the kernel", () => {
  const base = mkdtempSync(join(tmpdir(), "mount-flags-"));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const names: [string, string][] = [
    ["a space", "a b"],
    ["a tab", "a\tb"],
    ["a newline", "a\nb"],
    ["a backslash", "a\\b"],
    ["a backslash before digits", "x\\040y"],
    ["all of them", " \t\n\\ end"],
  ];

  test.each(names)("a mount point with %s", (_name, name) => {
    const target = join(base, name);
    mkdirSync(target);
    const script = [
      'mount -t tmpfs -o size=16k,mode=700 "oci mount\\\\src" "$1"',
      'mount --make-shared "$1"',
      "cat /proc/self/mountinfo",
    ].join(" && ");
    const run = Bun.spawnSync([...(UNSHARE ?? []), "sh", "-c", script, "sh", target], {
      stderr: "pipe",
    });
    expect(run.stderr.toString()).toBe("");
    expect(run.exitCode).toBe(0);
    const entries = parseMountInfo(run.stdout.toString());
    const mine = entries.filter((entry) => entry.mountPoint === target);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      root: "/",
      fsType: "tmpfs",
      source: "oci mount\\src",
      propagation: "shared",
    });
    expect(mine[0]?.superOptions).toContain("size=16k");
  });
});
