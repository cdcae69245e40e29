/**
 * The magic link `/proc/thread-self/fd/N` for mount(2) and umount2(2), which take paths: the
 * kernel resolves it to exactly the file the fd holds, so nothing in the rootfs is re-resolved.
 * thread-self, because bun:ffi calls run on the calling thread.
 */
export function procFd(fd: number): string {
  return `/proc/thread-self/fd/${fd}`;
}
