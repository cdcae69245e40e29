/**
 * The demo's steps, run inside a private mount namespace by demo.ts:
 *   bun examples/demoSteps.ts BUNDLE STATE_DIR
 * Every step is the real `ocimount` command; nothing here imitates its output.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const [bundle, stateDir] = process.argv.slice(2) as [string, string];
const cli = fileURLToPath(new URL("../apps/cli/bin/ocimount.ts", import.meta.url));
const bold = (s: string) =>
  process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[1m${s}\x1b[0m` : s;

function step(title: string, args: string[]): void {
  console.log(`\n${bold(`$ ocimount ${args.join(" ")}`)}   # ${title}`);
  const r = Bun.spawnSync(["bun", cli, ...args], { stdout: "inherit", stderr: "inherit" });
  if (r.exitCode !== 0) {
    console.error(`step failed with exit status ${r.exitCode}`);
    process.exit(r.exitCode ?? 1);
  }
}

function showMounts(title: string): void {
  console.log(`\n${bold(`# ${title}: /proc/self/mountinfo entries under ${bundle}`)}`);
  const lines = readFileSync("/proc/self/mountinfo", "utf8")
    .split("\n")
    .map((l) => l.split(" "))
    .filter((f) => f[4]?.startsWith(bundle));
  if (lines.length === 0) console.log("(none)");
  for (const f of lines) {
    const dash = f.indexOf("-");
    console.log(
      `${f[4]!.slice(bundle.length) || "/"}  ${f[dash + 1]}  ${f[5]}  ${f.slice(6, dash).join(" ")}`,
    );
  }
}

console.log(bold(`ocimount demo: bundle copied to ${bundle}, in a private mount namespace`));
step("check the bundle against the runtime-spec schema", ["validate", bundle]);
step("what setup will do, step by step (mounts nothing)", ["plan", "--bundle", bundle]);
step("do it", ["setup", "--bundle", bundle, "--state-dir", stateDir]);
showMounts("after setup, read back from the kernel");
step("compare the journal with the live mount table", [
  "status",
  "--bundle",
  bundle,
  "--state-dir",
  stateDir,
]);
step("undo exactly what setup did", ["teardown", "--bundle", bundle, "--state-dir", stateDir]);
showMounts("after teardown");
