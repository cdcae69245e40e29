// The bundle both sides of bench/mounts use: N empty mountpoints rootfs/m/<i> and a config.json
// of N `bind` mounts of ./shared onto them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Makes the bundle in a fresh temporary directory and returns its path. With
 * `mountpoints: false` the mountpoints are left for setup to create (bench/mounts/removal.ts
 * measures their removal).
 */
export function makeBenchBundle(n: number, options: { mountpoints?: boolean } = {}): string {
  const bundle = mkdtempSync(join(tmpdir(), "bench-mounts-"));
  mkdirSync(join(bundle, "shared"));
  mkdirSync(join(bundle, "rootfs"));
  if (options.mountpoints !== false) {
    mkdirSync(join(bundle, "rootfs", "m"));
    for (let i = 0; i < n; i++) mkdirSync(join(bundle, "rootfs", "m", String(i)));
  }
  const mounts = Array.from({ length: n }, (_, i) => ({
    destination: `/m/${i}`,
    type: "bind",
    source: "shared",
    options: ["bind"],
  }));
  writeFileSync(
    join(bundle, "config.json"),
    JSON.stringify({ ociVersion: "1.3.0", root: { path: "rootfs" }, mounts }),
  );
  return bundle;
}

/** Deletes a bundle made by `makeBenchBundle` (nothing is mounted on it outside the namespaces). */
export function removeBenchBundle(bundle: string): void {
  rmSync(bundle, { recursive: true, force: true });
}

/** The median of `xs`. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
