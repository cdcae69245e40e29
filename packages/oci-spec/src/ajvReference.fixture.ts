// Test-only: the official runtime-spec JSON Schema run by Ajv (draft-04), the reference for the
// differential test.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import type { Kind } from "./conformance.fixture.ts";
import { schemaDir } from "./conformance.fixture.ts";

/**
 * The two in-memory corrections to the released v1.3.0 schema files, both made upstream after the
 * release (see the conformance README). The files on disk stay byte-for-byte upstream.
 * 1. defs.json ArrayOfUint32: `#definitions/uint32` -> `#/definitions/uint32` (04836b1e).
 * 2. config-vm.json iomems: `items: [X]` (first element only under draft-04) -> `items: X`
 *    (4361740b); our valibot schema follows that intended meaning.
 */
export function loadSchemaFiles(): Map<string, unknown> {
  const files = new Map<string, unknown>();
  for (const name of readdirSync(schemaDir())
    .filter((n) => n.endsWith(".json"))
    .sort()) {
    let text = readFileSync(join(schemaDir(), name), "utf8");
    if (name === "defs.json") {
      const fixed = text.replace('"#definitions/uint32"', '"#/definitions/uint32"');
      if (fixed === text) throw new Error("defs.json: the known broken $ref is not there any more");
      text = fixed;
    }
    const schema = JSON.parse(text);
    if (name === "config-vm.json") {
      const iomems = schema.vm.properties.hwConfig.properties.iomems;
      if (!Array.isArray(iomems.items)) throw new Error("config-vm.json: iomems.items changed");
      iomems.items = iomems.items[0];
    }
    files.set(name, schema);
  }
  return files;
}

/** Ajv validators for each kind's entry schema, every file registered under its own name. */
export function createReference(): Record<Kind, (value: unknown) => boolean> {
  // strict: false because the sub-schema files carry an unknown top-level key (`linux`, `vm`...).
  // strictNumbers: true so that non-finite numbers (JSON.parse("1e400") is Infinity) are not
  // integers, as in our schemas; strict: false would otherwise turn that check off too.
  // ajv-draft-04 is CommonJS: its class is both module.exports and .default.
  const Ajv = AjvDraft04.default;
  const ajv = new Ajv({ strict: false, strictNumbers: true, allErrors: false });
  for (const [name, schema] of loadSchemaFiles()) ajv.addSchema(schema as object, name);
  const get = (name: string) => {
    const validate = ajv.getSchema(name);
    if (!validate) throw new Error(`Ajv could not compile ${name}`);
    return (value: unknown) => validate(value) === true;
  };
  return {
    config: get("config-schema.json"),
    state: get("state-schema.json"),
    features: get("features-schema.json"),
  };
}

/** Every `enum` value of every schema file: strings the mutator tries in string positions. */
export function collectEnumValues(): string[] {
  const values = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [key, child] of Object.entries(node)) {
        if (key === "enum" && Array.isArray(child)) {
          for (const e of child) if (typeof e === "string") values.add(e);
        } else walk(child);
      }
    }
  };
  for (const schema of loadSchemaFiles().values()) walk(schema);
  return [...values].sort();
}
