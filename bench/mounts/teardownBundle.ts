// The other half: what `ocimount teardown <bundle>` does, as its own process.
// Usage: bun bench/mounts/teardownBundle.ts <bundleDir> <stateDir>
import { teardown } from "../../packages/mounter/src/index.ts";

const [bundleDir = "", stateDir = ""] = process.argv.slice(2);
await teardown(bundleDir, { stateDir });
