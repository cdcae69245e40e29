/**
 * isatty(3) for a file descriptor, without creating `process.stdout` (Bun builds the Node
 * stream for it, about 20 ms of start-up) or loading `node:tty` (which loads the stream layer
 * too): Bun's native `tty_wrap.isTTY`, with `node:tty` as the fallback where that binding is
 * missing. False for an fd that is not open.
 */
export function isTerminal(fd: number): boolean {
  try {
    const binding = (process as unknown as { binding(name: string): unknown }).binding("tty_wrap");
    const isTTY = (binding as { isTTY?: (fd: number) => boolean }).isTTY;
    if (typeof isTTY === "function") return isTTY(fd) === true;
  } catch {
    // No such binding in this runtime: ask node:tty below.
  }
  return (require("node:tty") as typeof import("node:tty")).isatty(fd);
}
