import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];
/**
 * Removes every directory made so far. Each test file that makes some calls
 * `afterAll(removeTempDirs)`: this module is shared by several test files and evaluated once, so an
 * afterAll registered here would only run after the first of them (and bun test fires no
 * process "exit" event).
 */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh temporary directory, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "ocimount-cli-"));
  made.push(dir);
  return dir;
}

/** A small valid config: a tmpfs and a bind of `shared` into `rootfs`. */
export function validConfig(): Record<string, unknown> {
  return {
    ociVersion: "1.3.0",
    root: { path: "rootfs" },
    mounts: [
      { destination: "/tmp", type: "tmpfs", source: "tmpfs", options: ["nosuid", "size=1m"] },
      { destination: "/srv", type: "bind", source: "shared", options: ["rbind", "ro"] },
    ],
  };
}

/**
 * Writes a bundle: `config.json` (an object is serialised, a string written as is), and unless
 * told otherwise a `rootfs/` and a `shared/` directory. Returns the bundle directory.
 */
export function writeBundle(
  config: unknown,
  options: { rootfs?: boolean; shared?: boolean; dir?: string } = {},
): string {
  const dir = options.dir ?? tempDir();
  writeFileSync(
    join(dir, "config.json"),
    typeof config === "string" ? config : JSON.stringify(config),
  );
  if (options.rootfs !== false) mkdirSync(join(dir, "rootfs"), { recursive: true });
  if (options.shared !== false) mkdirSync(join(dir, "shared"), { recursive: true });
  return dir;
}
