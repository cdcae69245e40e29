import { afterAll, describe, expect, test } from "bun:test";
import {
  makeTree,
  type RandomTreeProfile,
  randomPath,
  randomTree,
  seededRandom,
} from "@ocimount/test-utils";
import { type ProbeMode, setProbeMode } from "./runAhead.ts";
import { disagreement } from "./testdata/differential.fixture.ts";
import { buildOracle, Oracle, removeOracle } from "./testdata/oracle.fixture.ts";

// Random trees full of symlinks, random paths, every answer compared with the kernel's
// (openat2 RESOLVE_IN_ROOT, cross-checked with realpath after chroot). Fixed seeds plus one new
// seed per run, printed in the test name: rerun a failure with SEED=<n> bun test.
const TREES_PER_SEED = 8;
const PATHS_PER_TREE = 250;
const NAMES = ["a", "b", "c", "d", "e", "f"];
/** Shallow trees thick with symlinks (a tenth files), and `..`-heavy paths. */
const DENSE: RandomTreeProfile = {
  names: NAMES,
  size: 60,
  maxDepth: Number.POSITIVE_INFINITY,
  dirShare: 0.35,
  fileShare: 0.1,
  maxLength: 7,
  dotDotShare: 0.28,
};
/** Deeper trees, mostly directories, and long paths: runs of plain directories to probe. */
const DEEP: RandomTreeProfile = {
  ...DENSE,
  size: 160,
  dirShare: 0.7,
  maxLength: 14,
  dotDotShare: 0.08,
};
const randomSeed = Number(process.env.SEED ?? Math.floor(Math.random() * 2 ** 31));
const seeds = [1, 2, 3, 20250101, randomSeed];

const oracle = buildOracle();
afterAll(() => {
  removeOracle();
  setProbeMode("auto");
});

const title =
  oracle === undefined
    ? "differential against the kernel: SKIPPED, the C oracle did not build (no cc?)"
    : "differential against the kernel";

describe.skipIf(oracle === undefined)(title, () => {
  // Realpath probes are only a speed hint: the answers must not depend on them.
  const runs = seeds.flatMap((seed) =>
    (["always", "never"] as const).map((mode) => [seed, mode] as const),
  );
  test.each(runs)(
    "seed %d, probes %s",
    async (seed: number, mode: ProbeMode) => {
      setProbeMode(mode);
      const random = seededRandom(seed);
      let cases = 0;
      const tally = new Map<string, number>();
      const problems: string[] = [];
      for (let t = 0; t < TREES_PER_SEED; t++) {
        const profile = t % 2 === 0 ? DENSE : DEEP;
        const tree = makeTree(randomTree(random, profile));
        const root = tree.root;
        const kernel = new Oracle(oracle!, "openat2", root);
        const chrooted = new Oracle(oracle!, "chroot", root);
        try {
          const paths = Array.from({ length: PATHS_PER_TREE }, () => randomPath(random, profile));
          const answers = await kernel.ask(paths);
          const viaChroot = await chrooted.ask(paths);
          for (let i = 0; i < paths.length && problems.length < 10; i++) {
            cases++;
            const a = answers[i]!;
            const kind = a.ok ? "ok" : a.errno;
            tally.set(kind, (tally.get(kind) ?? 0) + 1);
            const c = viaChroot[i]!;
            const same = a.ok
              ? c.ok && (c.path === "/" ? root : root + c.path) === a.path
              : !c.ok && c.errno === a.errno;
            if (!same)
              problems.push(
                `tree ${t} ${JSON.stringify(paths[i])}: openat2 ${JSON.stringify(a)} but chroot+realpath ${JSON.stringify(c)}`,
              );
            const problem = await disagreement(root, kernel, paths[i]!, a);
            if (problem !== undefined) problems.push(`tree ${t} ${problem}`);
          }
        } finally {
          await kernel.close();
          await chrooted.close();
          tree.remove();
        }
      }
      console.log(
        `seed ${seed}: ${cases} cases, kernel said ${JSON.stringify(Object.fromEntries(tally))}`,
      );
      expect(problems).toEqual([]);
      expect(cases).toBe(TREES_PER_SEED * PATHS_PER_TREE);
    },
    60_000,
  );
});
