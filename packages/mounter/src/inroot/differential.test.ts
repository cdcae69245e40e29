import { expect, test } from "bun:test";
import { AT_FDCWD, O_DIRECTORY, O_PATH } from "@ocimount/mount-flags/linux";
import { resolveInRootSync } from "@ocimount/symlink-resolver";
import {
  makeTree,
  type RandomTreeProfile,
  randomPath,
  randomTree,
  seededRandom,
} from "@ocimount/test-utils";
import { createSyscalls } from "../sys/ffi.ts";
import { InRootError } from "./InRootError.ts";
import { openInRoot } from "./openInRoot.ts";

const sys = createSyscalls();
/** Small trees, 3 levels of a, b, c, links with random targets; paths of 1-5 components. */
const SMALL: RandomTreeProfile = {
  names: ["a", "b", "c"],
  size: 20,
  maxDepth: 3,
  dirShare: 0.4,
  fileShare: 0.15,
  maxLength: 5,
  dotDotShare: 0.2,
};

/** The opener's answer: the in-root path, or "CODE at component". */
function answer(rootFd: number, root: string, unsafePath: string, forceFallback: boolean): string {
  try {
    const fd = openInRoot(sys, rootFd, unsafePath, { forceFallback });
    const path = sys.fdPath(fd);
    sys.close(fd);
    return path === root
      ? "/"
      : path.startsWith(`${root}/`)
        ? path.slice(root.length)
        : `OUTSIDE ${path}`;
  } catch (error) {
    if (!(error instanceof InRootError)) throw error;
    return `${error.code} at ${error.component}`;
  }
}

test("random trees: openat2, the fallback walk and resolveInRootSync agree", () => {
  const disagreements: string[] = [];
  let cases = 0;
  const stats: Record<string, number> = {};
  for (let seed = 1; seed <= 25; seed++) {
    const next = seededRandom(seed);
    const tree = makeTree(randomTree(next, SMALL));
    const rootFd = sys.openat(AT_FDCWD, tree.root, O_PATH | O_DIRECTORY);
    try {
      for (let i = 0; i < 120; i++, cases++) {
        const unsafePath = randomPath(next, SMALL);
        const kernel = answer(rootFd, tree.root, unsafePath, false);
        const walk = answer(rootFd, tree.root, unsafePath, true);
        let strings: string;
        try {
          strings = resolveInRootSync(tree.root, unsafePath).slice(tree.root.length) || "/";
        } catch (error) {
          strings = String((error as { code?: unknown }).code);
        }
        const outcome = kernel.startsWith("E") ? kernel.split(" ")[0]! : "ok";
        stats[outcome] = (stats[outcome] ?? 0) + 1;
        const agree = kernel === walk && (kernel.startsWith("E") || kernel === strings);
        if (!agree)
          disagreements.push(
            `seed ${seed} ${JSON.stringify(unsafePath)}: openat2 ${kernel}, walk ${walk}, resolver ${strings}`,
          );
      }
    } finally {
      sys.close(rootFd);
      tree.remove();
    }
  }
  expect(cases).toBe(3000);
  // The seeded trees exercise every outcome (deterministic: the seeds are fixed).
  expect(Object.keys(stats).sort()).toEqual(["ELOOP", "ENOENT", "ENOTDIR", "ok"]);
  expect(disagreements).toEqual([]);
});
