// Test-only helpers (excluded from the build): locate the shared conformance data.
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

/** The repository root (this file is packages/oci-spec/src/). */
export const REPO_ROOT = resolve(import.meta.dir, "../../..");

/** `../shared/conformance` relative to the repository root. */
export const CONFORMANCE_DIR = resolve(REPO_ROOT, "../shared/conformance");

/** The runtime-spec schema folder; throws a clear error when the shared data is missing. */
export function schemaDir(): string {
  const dir = join(CONFORMANCE_DIR, "runtime-spec/schema");
  if (!existsSync(join(dir, "config-schema.json"))) {
    throw new Error(`conformance data not found at ${dir} (expected ../shared/conformance)`);
  }
  return dir;
}

/** The three document kinds with fixtures. */
export const KINDS = ["config", "state", "features"] as const;
/** A document kind. */
export type Kind = (typeof KINDS)[number];

/** Every fixture as `{ kind, verdict, name, file }`. */
export function listFixtures() {
  const rows: { kind: Kind; verdict: "good" | "bad"; name: string; file: string }[] = [];
  for (const kind of KINDS) {
    for (const verdict of ["good", "bad"] as const) {
      const dir = join(schemaDir(), "test", kind, verdict);
      for (const name of readdirSync(dir).sort()) {
        rows.push({ kind, verdict, name, file: join(dir, name) });
      }
    }
  }
  return rows;
}
