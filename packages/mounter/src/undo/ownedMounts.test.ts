import { describe, expect, test } from "bun:test";
import type { MountIdentity } from "./MountIdentity.ts";
import { ownedMounts } from "./ownedMounts.ts";
import type { UndoSet } from "./UndoSet.ts";

const R = "/b/rootfs";
/** A mount: 32-bit id, 64-bit id, parent's ids, place. */
const m = (
  id: number,
  unique: number,
  parent: number,
  parentUnique: number,
  at: string,
): MountIdentity => ({
  id,
  unique,
  parent,
  parentUnique,
  at,
});
const base = m(1, 100, 0, 0, "/");
const self = m(20, 1020, 1, 100, R);
const a = m(21, 1021, 20, 1020, `${R}/a`);
const b = m(22, 1022, 20, 1020, `${R}/b`);

function set(proof: UndoSet["proof"], over: Partial<UndoSet> = {}): UndoSet {
  return {
    bundleDir: "/b",
    rootfs: R,
    proof,
    mntns: 0,
    base,
    self,
    mounts: [self, a, b].map((mount, i) => ({ why: i ? `mounts[${i - 1}]` : "root.path", mount })),
    pending: [],
    created: [],
    ...over,
  };
}

const ids = (s: Set<MountIdentity>) => [...s].map((x) => x.id).sort((p, q) => p - q);

/** One row per rule: the live table (parents first) and which 32-bit ids must be ours. */
const rows: ReadonlyArray<{
  name: string;
  proof: UndoSet["proof"];
  live: MountIdentity[];
  undo?: Partial<UndoSet>;
  ours: number[];
}> = [
  {
    name: "everything recorded is live",
    proof: "unique",
    live: [base, self, a, b],
    ours: [20, 21, 22],
  },
  {
    name: "a reused 32-bit id at the same place is not ours (unique proof)",
    proof: "unique",
    live: [base, self, a, m(22, 5000, 20, 1020, `${R}/b`)],
    ours: [20, 21],
  },
  {
    name: "the self-bind gone, the kernel hands out its id again at the rootfs: nothing is ours",
    proof: "unique",
    live: [base, m(20, 6000, 1, 100, R), m(21, 6001, 20, 6000, `${R}/a`)],
    ours: [],
  },
  {
    name: "a user's mount under the rootfs is not ours",
    proof: "unique",
    live: [base, self, a, b, m(30, 1030, 20, 1020, `${R}/user`)],
    ours: [20, 21, 22],
  },
  {
    name: "place proof: id and place recorded, parent proven",
    proof: "place",
    live: [base, self, a, b],
    ours: [20, 21, 22],
  },
  {
    name: "place proof: a recorded id at another place is not ours",
    proof: "place",
    live: [base, self, a, m(22, 0, 20, 0, `${R}/elsewhere`)],
    ours: [20, 21],
  },
  {
    name: "place proof: the self-bind's id reused at the rootfs on another parent breaks the chain",
    proof: "place",
    live: [base, m(9, 0, 1, 0, "/x"), m(20, 0, 9, 0, R), m(21, 0, 20, 0, `${R}/a`)],
    ours: [],
  },
  {
    name: "pending: the one mount newer than the mark at the step's place, on ours",
    proof: "unique",
    live: [base, self, a, b, m(23, 1030, 20, 1020, `${R}/c`), m(24, 1031, 23, 1030, `${R}/c`)],
    undo: { pending: [{ why: "mounts[2]", at: `${R}/c`, after: 1022 }] },
    ours: [20, 21, 22, 23],
  },
  {
    name: "pending: a mount at the place older than the mark is not the step's",
    proof: "unique",
    live: [base, self, a, b, m(23, 1010, 20, 1020, `${R}/c`)],
    undo: { pending: [{ why: "mounts[2]", at: `${R}/c`, after: 1022 }] },
    ours: [20, 21, 22],
  },
  {
    name: "pending: a newer mount elsewhere (made after a crash) is not the step's",
    proof: "unique",
    live: [base, self, a, b, m(23, 1040, 20, 1020, `${R}/late`)],
    undo: { pending: [{ why: "mounts[2]", at: `${R}/c`, after: 1022 }] },
    ours: [20, 21, 22],
  },
  {
    name: "pending self-bind: on the rootfs's own mount, newer than it",
    proof: "unique",
    live: [base, self],
    undo: {
      self: undefined,
      mounts: [],
      pending: [{ why: "root.path", at: R, after: 100, parent: base }],
    },
    ours: [20],
  },
  {
    name: "hook pending: any parent, newer than the hook's start, at the place",
    proof: "unique",
    live: [
      base,
      m(5, 500, 1, 100, "/c/dev"),
      m(40, 1040, 5, 500, "/c/dev/x"),
      m(41, 90, 5, 500, "/c/dev/y"),
    ],
    undo: {
      self: undefined,
      mounts: [],
      pending: [{ why: "mounts[0]", at: "/c/dev/x", after: 1000, anyParent: true }],
    },
    ours: [40],
  },
  {
    name: "hook, place proof: a recorded mount on one of the runtime's (there when it began)",
    proof: "place",
    live: [
      base,
      m(5, 0, 1, 0, "/c/dev"),
      m(40, 0, 5, 0, "/c/dev/x"),
      m(41, 0, 40, 0, "/c/dev/x/y"),
    ],
    undo: {
      self: undefined,
      existing: [1, 5],
      mounts: [m(40, 0, 0, 0, "/c/dev/x"), m(41, 0, 0, 0, "/c/dev/x/y")].map((mount) => ({
        why: "mounts[0]",
        mount,
      })),
    },
    ours: [40, 41],
  },
  {
    name: "hook, place proof: a recorded pair on a mount made since it began is not proven",
    proof: "place",
    live: [base, m(6, 0, 1, 0, "/c/late"), m(40, 0, 6, 0, "/c/late/x")],
    undo: {
      self: undefined,
      existing: [1, 5],
      mounts: [{ why: "mounts[0]", mount: m(40, 0, 0, 0, "/c/late/x") }],
    },
    ours: [],
  },
  {
    name: "hook pending, place proof: not one of the mounts there before the hook",
    proof: "place",
    live: [base, m(5, 0, 1, 0, "/c/dev"), m(40, 0, 5, 0, "/c/dev/x")],
    undo: {
      self: undefined,
      mounts: [],
      pending: [
        { why: "mounts[0]", at: "/c/dev/x", after: 0, anyParent: true, existing: [1, 5, 40] },
      ],
    },
    ours: [],
  },
];

describe("ownedMounts: the ownership rules", () => {
  for (const row of rows)
    test(`${row.proof}: ${row.name}`, () => {
      expect(ids(ownedMounts(set(row.proof, row.undo), row.live))).toEqual(row.ours);
    });
});

describe("ownedMounts: confirm (place proof's root check)", () => {
  const withDev = (x: MountIdentity, rootStat: string): MountIdentity => ({ ...x, rootStat });
  const recorded = set("place", {
    mounts: [withDev(self, "0:1"), withDev(a, "0:2"), withDev(b, "0:3")].map((mount, i) => ({
      why: i ? `mounts[${i - 1}]` : "root.path",
      mount,
    })),
  });
  const under = m(23, 0, 22, 0, `${R}/b/c`);
  const rows: ReadonlyArray<{ name: string; denied: string[]; ours: number[] }> = [
    { name: "nothing denied: every match is ours", denied: [], ours: [20, 21, 22] },
    { name: "a denied match is not ours", denied: ["0:2"], ours: [20, 22] },
    { name: "denying the self-bind leaves nothing proven below it", denied: ["0:1"], ours: [] },
  ];
  for (const row of rows)
    test(row.name, () => {
      const asked: string[] = [];
      const confirm = (_live: MountIdentity, rec: MountIdentity) => {
        asked.push(rec.rootStat ?? "");
        return !row.denied.includes(rec.rootStat ?? "");
      };
      expect(ids(ownedMounts(recorded, [base, self, a, b], confirm))).toEqual(row.ours);
      expect(asked.length).toBeGreaterThan(0);
    });
  test("a recorded identity without a root stat (an older journal) is never asked about", () => {
    const asked: MountIdentity[] = [];
    const ours = ownedMounts(set("place"), [base, self, a, b, under], (l) => {
      asked.push(l);
      return false;
    });
    expect(ids(ours)).toEqual([20, 21, 22]);
    expect(asked).toEqual([]);
  });
});
