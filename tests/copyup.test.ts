/**
 * tmpcopyup through fds (apply/copyUp.ts), in private mount namespaces
 * (tests/fixtures/mounter/copyup.ts): every kind of entry is copied as it is, and a racer that
 * exchanges a directory of the copied tree with a symlink to a host directory never gets a host
 * file into the tmpfs.
 */
import { afterAll, expect } from "bun:test";
import { join } from "node:path";
import { directory, removeTree } from "@ocimount/test-utils";
import { makeBundle } from "./fixtures/mounter/bundle.ts";
import { mountTest, runInNamespace } from "./helpers/namespace.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) removeTree(dir);
});
const FIXTURE = join(import.meta.dir, "fixtures/mounter/copyup.ts");

// biome-ignore lint/suspicious/noExplicitAny: scenario output is free-form JSON checked field by field
function run(...args: string[]): any {
  const dir = makeBundle({ rootfs: directory });
  made.push(dir);
  const [scenario = "", ...rest] = args;
  const r = runInNamespace(["bun", FIXTURE, scenario, dir, ...rest]);
  if (r.exitCode !== 0) throw new Error(`${scenario} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const KINDS = [
  ["a regular file: content, mode 0640, times, a user xattr", "/plain"],
  ["a set-user-ID file keeps its bit (set after the owner)", "/setuid"],
  ["a directory: mode 0750, times set after its contents", "/sub"],
  ["a nested file", "/sub/deeper/secret"],
  ["an absolute symlink stays a symlink (never followed)", "/abs-link"],
  ["a relative symlink out of the tree stays a symlink", "/sub/rel-link"],
  ["a dangling symlink", "/dangling"],
  ["a FIFO is recreated", "/fifo"],
  ["a socket is recreated", "/socket"],
  ["a hard link's first name", "/linked"],
  ["a hard link's second name is the same inode in the copy", "/sub/linked-again"],
] as const;

mountTest(
  "tmpcopyup keeps every kind of entry (one row per kind; owners and a device as root)",
  () => {
    const out = run("table");
    expect(out.fsType).toBe("tmpfs");
    for (const [what, path] of KINDS) {
      expect({ what, entry: out.after[path] }).toEqual({ what, entry: out.before[path] });
      expect(out.before[path]).toBeDefined();
    }
    expect(out.after["/sub/linked-again"].linkedTo).toBe("/linked");
    if (out.xattrs) expect(out.after["/plain"].xattr).toBe("user.origin=disk");
    if (out.root) {
      expect(out.after["/plain"].owner).toBe("1234:5678");
      expect(out.after["/sub"].owner).toBe("4321:8765");
      expect(out.after["/null"]).toEqual(out.before["/null"]);
    }
    // Nothing more and nothing less than the source.
    expect(Object.keys(out.after).sort()).toEqual(Object.keys(out.before).sort());
  },
);

mountTest(
  "a RENAME_EXCHANGE of a directory and a symlink to a host directory, during 300 setups, never gets a host file into the tmpfs",
  () => {
    const out = run("race", "300");
    expect(out.ok + out.failed).toBe(300);
    expect(out.ok).toBeGreaterThan(0);
    // The racer ran: some copies were made with the two names exchanged.
    expect(out.swapped).toBeGreaterThan(0);
    expect(out.leaked).toBe(0);
    expect(out.hostEntries).toEqual(["HOST-SECRET"]);
  },
  { timeout: 300_000 },
);

mountTest("ro and rro tmpfs with tmpcopyup are filled first, then read-only", () => {
  const out = run("readonly");
  expect(out.results).toEqual({
    ro: { content: "ro", write: "EROFS" },
    rro: { content: "rro", write: "EROFS" },
  });
});
