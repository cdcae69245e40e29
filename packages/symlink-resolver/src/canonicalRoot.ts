import { realpathSync, statSync } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { ResolveError } from "./ResolveError.ts";
import { toResolveError } from "./toResolveError.ts";

/**
 * The trusted root, canonicalised with realpath (its own symlinks are the caller's business, not
 * the container's). Throws `ResolveError` (ENOENT, ENOTDIR, EACCES, ...) when it is unusable.
 */
export function canonicalRootSync(root: string, unsafePath: string): string {
  checkArguments(root, unsafePath);
  try {
    const real = realpathSync.native(root);
    if (!statSync(real).isDirectory()) throw notDirectory(root, unsafePath, real);
    return real;
  } catch (error) {
    throw toResolveError(error, root, unsafePath, root);
  }
}

/** The async twin of {@link canonicalRootSync}. */
export async function canonicalRoot(root: string, unsafePath: string): Promise<string> {
  checkArguments(root, unsafePath);
  try {
    const real = await realpath(root);
    if (!(await stat(real)).isDirectory()) throw notDirectory(root, unsafePath, real);
    return real;
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

function notDirectory(root: string, unsafePath: string, real: string): ResolveError {
  return new ResolveError({
    code: "ENOTDIR",
    root,
    path: unsafePath,
    component: real,
    errno: "ENOTDIR",
  });
}
