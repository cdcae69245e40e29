import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from "node:fs";
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
 *
 * The system calls are synchronous: a regular file's read never blocks for long, and the
 * promise-based fs (its module, a thread pool, a turn of the event loop per call) cost the CLI
 * milliseconds at every start (bench/vs-crun). The result is still a promise, as before.
 * @throws BundleError ENOENT, EACCES, ELOOP, ENOTDIR, ENOTREG, EFBIG or EIO.
 */
export async function readFileCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  return readFileCappedSync(path, maxBytes);
}

function readFileCappedSync(path: string, maxBytes: number): Uint8Array {
  let before: Stats;
  try {
    before = statSync(path);
  } catch (cause) {
    throw osError(path, cause);
  }
  refuseIrregular(path, before);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (cause) {
    throw osError(path, cause);
  }
  try {
    refuseIrregular(path, fstatSync(fd));
    return readAtMost(fd, path, maxBytes);
  } catch (cause) {
    throw cause instanceof BundleError ? cause : osError(path, cause);
  } finally {
    closeSync(fd);
  }
}

function refuseIrregular(path: string, stats: Stats): void {
  if (stats.isFile()) return;
  const fileType = fileTypeName(stats);
  throw new BundleError("ENOTREG", path, `not a regular file but a ${fileType}`, { fileType });
}

function readAtMost(fd: number, path: string, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const want = Math.min(CHUNK, maxBytes + 1 - total);
    const chunk = new Uint8Array(want);
    const bytesRead = readSync(fd, chunk, 0, want, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) {
      throw new BundleError("EFBIG", path, `larger than the limit of ${maxBytes} bytes`);
    }
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
