import { COMMANDS, findCommand } from "../src/commandTable.ts";

/**
 * Whether `command` can run under Node.js (the npm launcher's fallback when Bun is not on PATH).
 * Only `@ocimount/mounter` needs Bun (bun:ffi, libc), and it refuses to be imported anywhere
 * else (its `requireBun.ts`), so a command runs under Node exactly when its module loads there.
 * Unknown commands count as runnable: the CLI itself reports them.
 */
export async function runsUnderNode(command: string | undefined): Promise<boolean> {
  const entry = command === undefined ? undefined : findCommand(command);
  if (!entry) return true;
  try {
    await entry.load();
    return true;
  } catch {
    return false;
  }
}

/** The one line printed when `command` is run under Node.js but needs Bun (no newline). */
export async function needsBunMessage(command: string): Promise<string> {
  const underNode: string[] = [];
  for (const c of COMMANDS) if (await runsUnderNode(c.name)) underNode.push(c.name);
  return `ocimount: ${command} needs Bun 1.4, which is not on PATH (under Node.js only --help, --version, ${underNode.join(", ")} run): npm install -g bun@1.4.5`;
}
