/**
 * Decodes the kernel's `\ooo` escapes (mangle() in fs/proc_namespace.c writes space, tab, newline
 * and backslash as `\040`, `\011`, `\012`, `\134`). Any other backslash is kept as it is.
 * Internal to the mountinfo parser.
 */
export function unescapeOctal(text: string): string {
  if (!text.includes("\\")) return text;
  return text.replace(/\\([0-3][0-7]{2})/g, (_match, octal: string) =>
    String.fromCharCode(Number.parseInt(octal, 8)),
  );
}
