import { realpathSync } from "node:fs";
import { realpath } from "node:fs/promises";
import { ResolveError } from "./ResolveError.ts";
import { toResolveError } from "./toResolveError.ts";

/**
 * The trusted root, canonicalised with realpath (its own symlinks are the caller's business, not
 * the container's). Throws `ResolveError` (ENOENT, ENOTDIR, EACCES, ...) when it is unusable.
 */
export function canonicalRootSync(root: string, unsafePath: string): string {
  checkArguments(root, unsafePath);
  try {
    // "/." makes realpath itself refuse a non-directory with ENOTDIR: no extra stat.
    return realpathSync.native(`${root}/.`);
  } catch (error) {
    throw toResolveError(error, root, unsafePath, root);
  }
}

/** The async twin of {@link canonicalRootSync}. */
export async function canonicalRoot(root: string, unsafePath: string): Promise<string> {
  checkArguments(root, unsafePath);
  try {
    return await realpath(`${root}/.`);
  } catch (error) {
    throw toResolveError(error, root, unsafePath, root);
  }
}

function checkArguments(root: string, unsafePath: string): void {
  for (const value of [root, unsafePath]) {
    if (typeof value !== "string" || value.includes("\0")) {
      throw new ResolveError({
        code: "EINVAL",
        root: String(root),
        path: String(unsafePath),
        component: String(value),
        errno: "EINVAL",
      });
    }
  }
  if (root === "") {
    throw new ResolveError({
      code: "ENOENT",
      root,
      path: unsafePath,
      component: root,
      errno: "ENOENT",
    });
  }
}
