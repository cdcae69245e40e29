#!/usr/bin/env bun
/**
 * The entry point of every form of ocimount: the sealed executable (compiled from this file), the
 * npm package (bundled to dist/bin/ocimount.js, started by the launcher dist/bin/ocimount) and
 * the workspace (`bun apps/cli/bin/ocimount.ts`). Before anything else it refuses a variable of
 * REFUSED_ENVIRONMENT.ts, as the two launchers do before Bun starts: here that comes too late to
 * stop Bun itself, so it only makes a direct run fail as loudly as a launched one.
 * `ocimount hook` then changes to `/` before it loads the CLI: runc starts a createContainer hook
 * in the container's rootfs, a directory the image decides.
 */
import { needsBunMessage, runsUnderNode } from "../launcher/needsBun.ts";
import { refusalMessage, refusedVariable } from "../launcher/refusedVariable.ts";

const argv = process.argv.slice(2);
const underBun = process.versions.bun !== undefined;
const refused = refusedVariable(process.env, underBun ? "bun" : "node");
if (refused) {
  process.stderr.write(`${refusalMessage(refused.variable, refused.row)}\n`);
  process.exitCode = 1;
} else if (!underBun && !(await runsUnderNode(argv[0]))) {
  process.stderr.write(`${await needsBunMessage(argv[0]!)}\n`);
  process.exitCode = 1;
} else {
  // A run lives milliseconds: the optimizing JITs' work would mostly be thrown away (25-30% of
  // setup + teardown's CPU, bench/vs-crun). The sealed executable starts so already
  // (--compile-jit-policy); this does the same for the npm form, before the CLI is loaded.
  if (underBun) Bun.unsafe.setJITPolicy(64);
  if (argv[0] === "hook") process.chdir("/");
  const { run } = await import("../src/run.ts");
  process.exitCode = await run(argv);
}
