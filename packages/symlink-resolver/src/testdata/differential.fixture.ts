import { lstatSync, mkdirSync, rmdirSync } from "node:fs";
import { ResolveError } from "../ResolveError.ts";
import { runSync } from "../resolveInRootSync.ts";
import { Walk } from "../Walk.ts";
import type { KernelAnswer, Oracle } from "./oracle.fixture.ts";

/** What our resolver says about one path, with the kernel verdict it predicts. */
export interface OurAnswer {
  /** The host path, or `ELOOP`. */
  result: string;
  verdict: Walk["verdict"];
  /** Host paths of the missing components, in the order they were appended. */
  missing: string[];
}

/** Resolves with the internal walk so that the predicted verdict and the missing list show. */
export function ourAnswer(root: string, unsafePath: string): OurAnswer {
  const missing: string[] = [];
  const walk = new Walk(root, unsafePath, root, missing);
  try {
    runSync(walk, root, unsafePath);
    return { result: walk.result(), verdict: walk.verdict, missing };
  } catch (error) {
    if (error instanceof ResolveError && error.code === "ELOOP") {
      return { result: "ELOOP", verdict: walk.verdict, missing };
    }
    throw error;
  }
}

function show(answer: KernelAnswer): string {
  return answer.ok ? answer.path : answer.errno;
}

/**
 * Compares our answer for `unsafePath` with the kernel's (`kernel`, from openat2); returns a
 * description of the disagreement, or `undefined`. Where the kernel says ENOENT, the missing
 * components our walk appended are created as directories, and then the kernel must agree with
 * the answer we gave before (checked the same way, one level deeper); they are removed after.
 */
export async function disagreement(
  root: string,
  oracle: Oracle,
  unsafePath: string,
  kernel: KernelAnswer,
  depth = 0,
): Promise<string | undefined> {
  const ours = ourAnswer(root, unsafePath);
  const where = `${JSON.stringify(unsafePath)}${depth > 0 ? " (after creating the missing)" : ""}`;
  const differ = `${where}: ours ${ours.result} (${ours.verdict}), kernel ${show(kernel)}`;
  if (kernel.ok) return ours.verdict === "ok" && ours.result === kernel.path ? undefined : differ;
  if (kernel.errno === "ELOOP")
    return ours.result === "ELOOP" && ours.verdict === "ok" ? undefined : differ;
  if (kernel.errno !== ours.verdict) return differ;
  if (kernel.errno !== "ENOENT") return undefined; // ENOTDIR: we agree on the verdict
  const prefix = await prefixDisagreement(root, oracle, ours.result);
  if (prefix !== undefined) return `${where}: ${prefix}`;
  if (depth > 2) return `${where}: still ENOENT after creating the missing components`;
  return withMissingCreated(ours.missing, async () => {
    const again = await disagreement(
      root,
      oracle,
      unsafePath,
      (await oracle.ask([unsafePath]))[0]!,
      depth + 1,
    );
    if (again !== undefined) return again;
    const after = ourAnswer(root, unsafePath);
    return after.result === ours.result
      ? undefined
      : `${where}: ${ours.result} became ${after.result}`;
  });
}

/**
 * Where the answer does not exist, its longest existing prefix must be where the kernel resolves
 * that prefix (i.e. no symlink was left in it).
 */
async function prefixDisagreement(
  root: string,
  oracle: Oracle,
  result: string,
): Promise<string | undefined> {
  if (result === "ELOOP") return undefined;
  let prefix = result;
  while (prefix.length > root.length && !exists(prefix))
    prefix = prefix.slice(0, prefix.lastIndexOf("/"));
  if (prefix === result) return undefined; // exists: a missing component was popped again
  const inRoot = prefix.slice(root.length) || "/";
  const [kernel] = await oracle.ask([inRoot]);
  return kernel!.ok && kernel!.path === prefix
    ? undefined
    : `existing prefix ${prefix} resolves to ${show(kernel!)}`;
}

function exists(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false; // ENOTDIR: below a file
  }
}

async function withMissingCreated<T>(
  missing: readonly string[],
  run: () => Promise<T>,
): Promise<T> {
  const created: string[] = [];
  try {
    for (const path of missing) {
      if (exists(path)) continue;
      mkdirSync(path);
      created.push(path);
    }
    return await run();
  } finally {
    for (const path of created.reverse()) rmdirSync(path);
  }
}
