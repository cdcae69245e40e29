// One half of the "ocimount" side of the mounts benchmark: what `ocimount setup <bundle>` does
// (read config.json, plan, set up with journal and read-back verification), as its own process.
// Usage: bun bench/mounts/setupBundle.ts <bundleDir> <stateDir>
import { readFileSync } from "node:fs";
// bench/ is not a workspace package, so it reaches the sources by path (like examples/).
import { setup } from "../../packages/mounter/src/index.ts";

const [bundleDir = "", stateDir = ""] = process.argv.slice(2);
const config = JSON.parse(readFileSync(`${bundleDir}/config.json`, "utf8"));
await setup({ config, bundleDir }, { stateDir });
