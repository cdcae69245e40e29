import { BundleError } from "./BundleError.ts";
import { readFileCapped } from "./readFileCapped.ts";
import { type ReadJsonTextOptions, readJsonText } from "./readJsonText.ts";

/** Options for `readJsonDocument`. */
export interface ReadJsonDocumentOptions extends Omit<ReadJsonTextOptions, "path"> {
  /** Largest file accepted, in bytes (default 16 MiB). */
  maxBytes?: number;
}

/** Default size cap for JSON documents: 16 MiB. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads and parses a JSON file safely: regular files only (no FIFO, device, directory or socket,
 * not even behind a symlink), at most `maxBytes`, strict UTF-8 (a leading BOM is ignored), syntax
 * errors with line and column, nesting limited. It does not validate against any schema.
 * @throws BundleError (ENOENT, EACCES, ELOOP, ENOTDIR, ENOTREG, EFBIG, EENCODING, EJSON, EDEPTH, EIO).
 */
export async function readJsonDocument(
  path: string,
  options: ReadJsonDocumentOptions = {},
): Promise<unknown> {
  const bytes = await readFileCapped(path, options.maxBytes ?? DEFAULT_MAX_BYTES);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (cause) {
    throw new BundleError("EENCODING", path, "not valid UTF-8", { cause });
  }
  return readJsonText(text, { ...options, path });
}
