/**
 * Makes untrusted text safe for one terminal line: control characters (newlines, escapes,
 * NUL...) become `\n`, `\x1b` style escapes, so a hostile path cannot split or recolour an
 * error line.
 */
export function oneLine(unsafeText: string): string {
  return unsafeText.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\t") return "\\t";
    if (c === "\r") return "\\r";
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
  });
}
