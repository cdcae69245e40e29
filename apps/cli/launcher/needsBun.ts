/**
 * The commands that need Bun: they load `@ocimount/mounter` (bun:ffi, libc). The others
 * (`--help`, `--version`, `flags`, `validate`, `resolve`) are pure TypeScript and also run under
 * Node.js, which is what the npm launcher falls back to when Bun is not on PATH.
 * `tests/sealed-npm.test.ts` runs every command of `COMMANDS` under Node to keep this list true.
 */
export const NEEDS_BUN: ReadonlySet<string> = new Set([
  "setup",
  "teardown",
  "plan",
  "status",
  "hook",
]);

/** The one line printed when `command` is run under Node.js (no newline). */
export function needsBunMessage(command: string): string {
  return `ocimount: ${command} needs Bun 1.4, which is not on PATH (under Node.js only --help, --version, flags, validate and resolve run): npm install -g bun@1.4.5`;
}
