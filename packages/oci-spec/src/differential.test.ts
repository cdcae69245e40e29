import { expect, test } from "bun:test";
import { collectEnumValues, createReference } from "./ajvReference.fixture.ts";
import { type Kind, listFixtures } from "./conformance.fixture.ts";
import { validateConfig, validateFeatures, validateState } from "./index.ts";
import { KITCHEN_SINK_CONFIG, KITCHEN_SINK_FEATURES } from "./kitchenSink.fixture.ts";
import { createRandom, mutate } from "./mutate.fixture.ts";

// Differential test: our valibot validators against the official JSON Schema run by Ajv, on
// thousands of seeded mutations of the good fixtures and of documents using every field.
// Re-run a failure with OCI_SPEC_SEED=<seed printed below>.
const SEED = Number(process.env.OCI_SPEC_SEED ?? Math.floor(Math.random() * 2 ** 32));
const MUTATIONS_PER_SEED = 400;

const ours: Record<Kind, (value: unknown) => boolean> = {
  config: (value) => validateConfig(value).success,
  state: (value) => validateState(value).success,
  features: (value) => validateFeatures(value).success,
};

async function seeds(): Promise<{ kind: Kind; name: string; doc: unknown }[]> {
  const good = listFixtures().filter((f) => f.verdict === "good");
  const docs = await Promise.all(good.map(async (f) => JSON.parse(await Bun.file(f.file).text())));
  return [
    ...good.map((f, i) => ({ kind: f.kind, name: `${f.kind}/${f.name}`, doc: docs[i] })),
    { kind: "config", name: "kitchen-sink config", doc: KITCHEN_SINK_CONFIG },
    { kind: "features", name: "kitchen-sink features", doc: KITCHEN_SINK_FEATURES },
  ];
}

test(`valibot and Ajv agree on every mutation (seed ${SEED})`, async () => {
  console.log(`differential seed: ${SEED} (set OCI_SPEC_SEED to replay)`);
  const reference = createReference();
  const strings = collectEnumValues();
  const random = createRandom(SEED);
  const disagreements: string[] = [];
  let total = 0;
  let accepted = 0;
  for (const { kind, name, doc } of await seeds()) {
    expect(`${name}: ${reference[kind](doc)}`).toBe(`${name}: true`);
    for (let i = 0; i < MUTATIONS_PER_SEED; i++) {
      const { doc: mutated, steps } = mutate(doc, random, strings);
      const want = reference[kind](mutated);
      if (want) accepted++;
      total++;
      if (ours[kind](mutated) !== want) {
        disagreements.push(`${name} [${steps.join("; ")}]: Ajv says ${want ? "valid" : "invalid"}`);
      }
    }
  }
  console.log(`${total} mutations, ${accepted} valid and ${total - accepted} invalid per Ajv`);
  expect(disagreements.slice(0, 20)).toEqual([]);
  // The generator must produce both verdicts in quantity, or agreement proves little.
  expect(accepted).toBeGreaterThan(total / 10);
  expect(total - accepted).toBeGreaterThan(total / 3);
});
