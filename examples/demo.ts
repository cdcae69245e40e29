/**
 * The Quick start demo: in a throwaway private mount namespace, show what ocimount does with the
 * example bundle. Stages that are not built yet are said to be missing, never faked.
 */
import { fileURLToPath } from "node:url";

const bundle = fileURLToPath(new URL("./bundle", import.meta.url));
const cli = fileURLToPath(new URL("../apps/cli/bin/ocimount.ts", import.meta.url));
console.log(`ocimount demo: bundle ${bundle}`);
const r = Bun.spawnSync(["bun", cli, "--help"], { stdout: "inherit", stderr: "inherit" });
console.log("setup/plan/teardown are not built yet; nothing was mounted.");
process.exit(r.exitCode ?? 1);
