import { COMMANDS } from "../src/commandTable.ts";

/**
 * The commands that need Bun: they load `@ocimount/mounter` (bun:ffi, libc). The others are pure
 * TypeScript and also run under Node.js, which is what the npm launcher falls back to when Bun is
 * not on PATH. `tests/sealed-npm.test.ts` runs every command of `COMMANDS` under Node to keep
 * this list true: a new command that loads the mounter fails there until it is added here.
 */
export const NEEDS_BUN: ReadonlySet<string> = new Set([
  "setup",
  "teardown",
  "plan",
  "status",
  "list",
  "hook",
  "version",
  "features",
]);

/** The one line printed when `command` is run under Node.js (no newline). */
export function needsBunMessage(command: string): string {
  const underNode = COMMANDS.map((c) => c.name).filter((name) => !NEEDS_BUN.has(name));
  return `ocimount: ${command} needs Bun 1.4, which is not on PATH (under Node.js only --help, --version, ${underNode.join(", ")} run): npm install -g bun@1.4.5`;
}
