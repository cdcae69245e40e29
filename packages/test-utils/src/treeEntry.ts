/** One entry of a fixture tree: what `makeTree` makes at a path. */
export type TreeEntry =
  | { readonly kind: "dir" }
  | { readonly kind: "file"; readonly content: string | Uint8Array; readonly mode?: number }
  | { readonly kind: "link"; readonly target: string }
  | { readonly kind: "fifo" };

/**
 * A fixture tree: paths (relative to the tree's root; `..` reaches the temporary directory that
 * holds it, for siblings) to entries. Missing parents are made as directories, so order only
 * matters where one entry's parent is another entry.
 */
export type TreeSpec = Readonly<Record<string, TreeEntry>>;

/** A directory. */
export const directory: TreeEntry = { kind: "dir" };

/** A regular file holding `content` (empty by default), with `mode` if given (not umasked). */
export function file(content: string | Uint8Array = "", mode?: number): TreeEntry {
  return mode === undefined ? { kind: "file", content } : { kind: "file", content, mode };
}

/** A symbolic link to `target`, written as given (relative, absolute, dangling or looping). */
export function link(target: string): TreeEntry {
  return { kind: "link", target };
}

/** A named pipe (made with mkfifo(1): Node has no mkfifo). */
export const fifo: TreeEntry = { kind: "fifo" };
