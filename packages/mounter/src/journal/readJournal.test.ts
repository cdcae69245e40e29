import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readJournal } from "./readJournal.ts";

const dir = mkdtempSync(join(tmpdir(), "ocimount-journal-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const begin = JSON.stringify({ t: "begin", v: 1, bundleDir: "/b", steps: ["a\nb"] });
const intent = JSON.stringify({ t: "intent", why: "mounts[0]", target: "/x,y" });

const cases: ReadonlyArray<{ name: string; text: string; want: number | string }> = [
  { name: "intact: every line", text: `${begin}\n${intent}\n`, want: 2 },
  { name: "a torn last line is ignored", text: `${begin}\n${intent}\n{"t":"mou`, want: 2 },
  { name: "a last line without its newline still counts", text: `${begin}\n${intent}`, want: 2 },
  { name: "a bad line in the middle", text: `${begin}\n{"t":\n${intent}\n`, want: "EJOURNAL" },
  { name: "no begin entry", text: `${intent}\n`, want: "EJOURNAL" },
  { name: "an empty line between entries is skipped", text: `${begin}\n\n${intent}\n`, want: 2 },
];

describe("readJournal", () => {
  for (const [i, c] of cases.entries())
    test(c.name, () => {
      const path = join(dir, `${i}.jsonl`);
      writeFileSync(path, c.text);
      if (typeof c.want === "number") {
        const entries = readJournal(path);
        expect(entries).toHaveLength(c.want);
        expect(entries?.[0]).toMatchObject({ t: "begin", steps: ["a\nb"] });
      } else expect(() => readJournal(path)).toThrow(expect.objectContaining({ code: c.want }));
    });
  test("no journal is null", () => expect(readJournal(join(dir, "none.jsonl"))).toBeNull());
});
