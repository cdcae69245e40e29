/** A writable stream as far as colouring cares: is it a terminal? */
export interface MaybeTty {
  isTTY?: boolean;
}

/**
 * Whether output to `stream` may be coloured: only on a terminal, never when `NO_COLOR` is set
 * (to anything, https://no-color.org), never for `TERM=dumb`.
 */
export function colorEnabled(
  stream: MaybeTty,
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  if (env.NO_COLOR !== undefined) return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

/** Removes ANSI SGR escapes (citty colours its usage text unconditionally). */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}

/** Wraps `text` in an SGR colour when `on`. */
export function paint(on: boolean, code: number, text: string): string {
  return on ? `\u001b[${code}m${text}\u001b[0m` : text;
}
