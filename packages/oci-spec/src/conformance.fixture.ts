// Test-only helpers (excluded from the build): locate the conformance data kept in this package.
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

/** `packages/oci-spec/conformance`: the runtime-spec v1.3.0 schema and fixtures (see its README). */
export const CONFORMANCE_DIR = resolve(import.meta.dir, "../conformance");

/** The runtime-spec schema folder; throws a clear error when the data is missing. */
export function schemaDir(): string {
  const dir = join(CONFORMANCE_DIR, "runtime-spec/schema");
  if (!existsSync(join(dir, "config-schema.json"))) {
    throw new Error(
      `conformance data not found at ${dir} (expected packages/oci-spec/conformance/runtime-spec/schema)`,
    );
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
