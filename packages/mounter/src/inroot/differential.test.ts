import { expect, test } from "bun:test";
import { AT_FDCWD, O_DIRECTORY, O_PATH } from "@ocimount/mount-flags/linux";
import { resolveInRootSync } from "@ocimount/symlink-resolver";
import { seededRandom } from "@ocimount/test-utils";
import { createSyscalls } from "../sys/ffi.ts";
import { fdPath } from "./fdPath.ts";
import { InRootError } from "./InRootError.ts";
import { openInRoot } from "./openInRoot.ts";
import { makeTree } from "./tree.fixture.ts";

const sys = createSyscalls();
const NAMES = ["a", "b", "c", "..", ".", ""];

/** A random path of 1-5 components from NAMES, absolute half of the time. */
function randomPath(next: () => number): string {
  const length = 1 + Math.floor(next() * 5);
  const parts = Array.from({ length }, () => NAMES[Math.floor(next() * NAMES.length)]!);
  return (next() < 0.5 ? "/" : "") + parts.join("/");
}

/** Random tree lines: directories, files and links with random targets, 3 levels deep. */
function randomTree(next: () => number): string[] {
  const lines: string[] = [];
  const dirs = [""];
  for (let i = 0; i < 14; i++) {
    const parent = dirs[Math.floor(next() * dirs.length)]!;
    const name = `${parent}${parent ? "/" : ""}${"abc"[Math.floor(next() * 3)]}`;
    if (lines.some((l) => l.split(" ")[1] === name) || name.split("/").length > 3) continue;
    const kind = next();
    if (kind < 0.4) {
      lines.push(`dir ${name}`);
      dirs.push(name);
    } else if (kind < 0.55) lines.push(`file ${name}`);
    else lines.push(`symlink ${name} -> ${randomPath(next)}`);
  }
  return lines;
}

/** The opener's answer: the in-root path, or "CODE at component". */
function answer(rootFd: number, root: string, unsafePath: string, forceFallback: boolean): string {
  try {
    const fd = openInRoot(sys, rootFd, unsafePath, { forceFallback });
    const path = fdPath(fd);
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
    const tree = makeTree(randomTree(next));
    const rootFd = sys.openat(AT_FDCWD, tree.root, O_PATH | O_DIRECTORY);
    try {
      for (let i = 0; i < 120; i++, cases++) {
        const unsafePath = randomPath(next);
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
