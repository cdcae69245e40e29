/**
 * The journal under pressure, in private mount namespaces
 * (tests/fixtures/mounter/journalFailures.ts): a state dir that fills up (a tiny tmpfs of its
 * own) at several points of a setup, and a teardown started while a setup is under way.
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
const FIXTURE = join(import.meta.dir, "fixtures/mounter/journalFailures.ts");

// biome-ignore lint/suspicious/noExplicitAny: scenario output is free-form JSON checked field by field
function run(scenario: string): any {
  const dir = makeBundle({ rootfs: directory, shared: directory });
  made.push(dir);
  const r = runInNamespace(["bun", FIXTURE, scenario, dir]);
  if (r.exitCode !== 0) throw new Error(`${scenario} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

mountTest(
  "ENOSPC on the journal at several points rolls back, removes the journal and names the step",
  () => {
    const { results } = run("enospc");
    expect(results).toHaveLength(4);
    const wheres = results.map((r: { error: { where?: string } }) => r.error.where);
    // Before the first step (the begin entry), then at three different steps.
    expect(wheres[0]).toBeUndefined();
    expect(new Set(wheres.slice(1)).size).toBe(3);
    for (const r of results) {
      expect(r.error.code).toBe("EJOURNAL");
      expect(r.error.errnoName).toBe("ENOSPC");
      expect(r.error.rollback).toBeUndefined();
      expect(r.stateDir).toEqual(["filler"]); // the journal is gone
      expect(r.mounts).toEqual([]);
      expect(r.rootfs).toEqual([]); // every mountpoint setup created is gone too
    }
    for (const r of results.slice(1)) expect(r.error.where).toMatch(/^mounts\[\d+\]$/);
  },
);

mountTest(
  "a teardown during a setup is refused (the journal is locked); setup then finishes as if alone",
  () => {
    const out = run("concurrent");
    expect(out.mountsDuring).toBe(20);
    expect(out.teardown.code).toBe("EJOURNAL");
    expect(out.teardown.message).toContain("is running");
    expect(out.mountsAfterTeardown).toBe(20);
    // status only looks: a setup under way is partial, and says so.
    expect(out.status).toBe("partial");
    expect(out.setup).toEqual({ ok: true, mounts: 41 });
    expect(out.statusAfter).toBe("set-up");
    expect(out.teardownAfter.unmounted).toBe(41);
    expect(out.left).toEqual([]);
    expect(out.journalLeft).toEqual([]);
  },
);
