import { expect, test } from "bun:test";
import { MountError } from "../errors.ts";
import { type FakeKernel, type FakeMount, fakeMountTable } from "../sys/fakeMountTable.fixture.ts";
import { type HistoryEvent, playHistory } from "./playHistory.fixture.ts";
import type { UndoSet } from "./UndoSet.ts";
import { undo } from "./undo.ts";

/** What undo did, as in-root places (`!` for a host path). */
export interface Outcome {
  /** The mounts umount2 took, in order (a fast path: the self-bind alone). */
  unmounted: string[];
  /** The mounts the history made (setup's and others') still live afterwards, in table order. */
  left: string[];
  removed: string[];
  /** The `code` of each error, in order. */
  errors: string[];
  stale?: boolean;
  fastPath?: boolean;
}

/** One named case: a history, and what undoing the set it leaves must do on each kernel. */
export interface UndoRow {
  name: string;
  events: readonly HistoryEvent[];
  /** One outcome for both kernels, or one per kernel. */
  expected: Outcome | Record<FakeKernel, Outcome>;
  /** Host mounts there before the history (default: the suite's). */
  host?: string[];
  /** Changes the set before undo (a set from elsewhere). */
  alter?: (set: UndoSet) => UndoSet;
  /** undo refuses the set: the MountError's code. */
  refused?: string;
  /**
   * The 32-bit proof cannot tell this foreign mount from setup's (same ID, same place, same
   * parent): the row shows what it then does, and the "never touched" check is skipped there.
   */
  placeCannotTell?: boolean;
}

/** Where a suite of rows runs: the rootfs, who records, the host mounts there before. */
export interface UndoSuite {
  rootfs: string;
  recorder: "journal" | "hook";
  host: string[];
}

/** A mount's place in the rootfs (`/`, `/a`), or `!` and its host path. */
function placeOf(rootfs: string, m: FakeMount): string {
  if (m.at === rootfs) return "/";
  return m.at.startsWith(`${rootfs}/`) ? m.at.slice(rootfs.length) : `!${m.at}`;
}

/**
 * One test per row on a fresh fake mount table (`kernel`): plays the row's history, undoes the
 * set it leaves, and compares what was unmounted, left and removed; every mount a `foreign`
 * event made must still be live (unless the row says the place proof cannot tell).
 */
export function testUndoRows(kernel: FakeKernel, suite: UndoSuite, rows: readonly UndoRow[]): void {
  for (const row of rows)
    test(row.name, () => {
      const table = fakeMountTable({ kernel, host: row.host ?? suite.host });
      const before = new Set(table.live);
      const played = playHistory(table, row.events, suite);
      const set = row.alter ? row.alter(played.set) : played.set;
      expect(set.proof).toBe(kernel);
      let outcome: ReturnType<typeof undo> | undefined;
      let refusal: unknown;
      try {
        outcome = undo(table.sys, set);
      } catch (err) {
        refusal = err;
      }
      if (row.refused) {
        expect(refusal).toBeInstanceOf(MountError);
        expect(refusal).toMatchObject({ code: row.refused });
        expect(table.sys.argsOf("unlinkat")).toEqual([]);
      } else expect(refusal).toBeUndefined();
      const expected = "unique" in row.expected ? row.expected[kernel] : row.expected;
      const place = (m: FakeMount) => placeOf(suite.rootfs, m);
      expect({
        unmounted: table.unmounted.map(place),
        left: table.live.filter((m) => !before.has(m)).map(place),
        removed: outcome?.removed ?? [],
        errors: (outcome?.errors ?? []).map((e) => (e as { code?: string }).code ?? e.message),
        ...(expected.stale === undefined ? {} : { stale: outcome?.stale }),
        ...(expected.fastPath === undefined ? {} : { fastPath: outcome?.fastPath }),
      }).toEqual(expected);
      if (!(row.placeCannotTell && kernel === "place"))
        for (const f of played.foreign) expect(table.live).toContain(f);
    });
}
