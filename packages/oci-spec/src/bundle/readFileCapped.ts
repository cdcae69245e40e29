import { constants } from "node:fs";
import { type FileHandle, open, stat } from "node:fs/promises";
import { BundleError } from "./BundleError.ts";
import { fileTypeName } from "./fileTypeName.ts";
import { osError } from "./osError.ts";

const CHUNK = 64 * 1024;

/**
 * Reads a regular file (a symlink to one is fine) of at most `maxBytes` bytes.
 * FIFOs, devices, directories and sockets are refused before any read: the path is stat'ed
 * first, so a device is not even opened in the usual case, then opened O_RDONLY|O_NONBLOCK (a FIFO
 * without a writer cannot block the open) and fstat'ed again, closing the race with a swap.
 * Node/libuv and Bun always add O_CLOEXEC. At most maxBytes+1 bytes are read; st_size is not
 * trusted (files can grow, /proc files report 0).
 * @throws BundleError ENOENT, EACCES, ELOOP, ENOTDIR, ENOTREG, EFBIG or EIO.
 */
export async function readFileCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  const before = await stat(path).catch((cause: unknown) => {
    throw osError(path, cause);
  });
  refuseIrregular(path, before);
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (cause) {
    throw osError(path, cause);
  }
  try {
    refuseIrregular(path, await handle.stat());
    return await readAtMost(handle, path, maxBytes);
  } catch (cause) {
    throw cause instanceof BundleError ? cause : osError(path, cause);
  } finally {
    await handle.close();
  }
}

function refuseIrregular(path: string, stats: import("node:fs").Stats): void {
  if (stats.isFile()) return;
  const fileType = fileTypeName(stats);
  throw new BundleError("ENOTREG", path, `not a regular file but a ${fileType}`, { fileType });
}

async function readAtMost(handle: FileHandle, path: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const want = Math.min(CHUNK, maxBytes + 1 - total);
    const chunk = new Uint8Array(want);
    const { bytesRead } = await handle.read(chunk, 0, want, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) {
      throw new BundleError("EFBIG", path, `larger than the limit of ${maxBytes} bytes`);
    }
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
