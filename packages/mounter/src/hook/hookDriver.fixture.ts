/**
 * Runs `runHook` once, as a hook process would: the state on stdin, the mounts file as argv[2].
 * Prints `{ result }` or `{ error: { name, code, message, rollback } }` as JSON on stdout.
 * Tests start it in its own private mount namespace, so if it failed to move into the target's
 * namespace, whatever it mounted would die with that namespace, never reach the machine.
 */
import { runHook } from "./runHook.ts";

const mountsFile = process.argv[2];
try {
  const stateText = await Bun.stdin.text();
  const result = await runHook({ stateText, ...(mountsFile ? { mountsFile } : {}) });
  console.log(JSON.stringify({ result }));
} catch (err) {
  const e = err as { name?: string; code?: string; message?: string; rollback?: unknown };
  console.log(
    JSON.stringify({
      error: { name: e.name, code: e.code, message: e.message, rollback: e.rollback ?? null },
    }),
  );
}
