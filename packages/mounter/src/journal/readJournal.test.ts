import { afterAll, describe, expect, test } from "bun:test";
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readJournal } from "./readJournal.ts";

const dir = mkdtempSync(join(tmpdir(), "ocimount-journal-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const identity = { id: 1, unique: 0, parent: 0, parentUnique: 0, at: "/" };
const begin = JSON.stringify({
  t: "begin",
  v: 2,
  bundleDir: "/b",
  bundleDev: "1",
  bundleIno: "2",
  rootfs: "/b/rootfs",
  rootfsReal: "/b/rootfs",
  rootfsDev: "1",
  rootfsIno: "3",
  mntns: 1,
  proof: "place",
  base: identity,
  steps: ["a\nb"],
  pid: 1,
  startedAt: "",
});
const intent = JSON.stringify({
  t: "intent",
  why: "mounts[0]",
  target: "/x,y",
  at: "/b/rootfs/x,y",
  after: 0,
});

const cases: ReadonlyArray<{ name: string; text: string; want: number | string }> = [
  { name: "intact: every line", text: `${begin}\n${intent}\n`, want: 2 },
  { name: "a torn last line is ignored", text: `${begin}\n${intent}\n{"t":"mou`, want: 2 },
  { name: "a last line without its newline still counts", text: `${begin}\n${intent}`, want: 2 },
  { name: "a bad line in the middle", text: `${begin}\n{"t":\n${intent}\n`, want: "EJOURNAL" },
  { name: "no begin entry", text: `${intent}\n`, want: "EJOURNAL" },
  { name: "an empty line between entries is skipped", text: `${begin}\n\n${intent}\n`, want: 2 },
  { name: "a version 1 journal", text: `${begin.replace('"v":2', '"v":1')}\n`, want: "EJOURNAL" },
  {
    name: "a mount ID that is not a number (schema)",
    text: `${begin}\n${JSON.stringify({ t: "mounted", why: "m", target: "/x", recursive: false, mount: { ...identity, id: "7" }, below: [] })}\n`,
    want: "EJOURNAL",
  },
  {
    name: "a created path that is not absolute (schema)",
    text: `${begin}\n${JSON.stringify({ t: "created", why: "m", paths: ["../../etc/passwd"] })}\n`,
    want: "EJOURNAL",
  },
  { name: "an unknown entry kind", text: `${begin}\n{"t":"rm","path":"/"}\n`, want: "EJOURNAL" },
  {
    name: "a mount with its root stat (place proof)",
    text: `${begin}\n${JSON.stringify({ t: "mounted", why: "m", target: "/x", recursive: false, mount: { ...identity, rootStat: "0:42 1 1796177056.752428895" }, below: [] })}\n`,
    want: 2,
  },
  {
    name: "a root stat of another shape (schema)",
    text: `${begin}\n${JSON.stringify({ t: "mounted", why: "m", target: "/x", recursive: false, mount: { ...identity, rootStat: "../x" }, below: [] })}\n`,
    want: "EJOURNAL",
  },
];

describe("readJournal", () => {
  for (const [i, c] of cases.entries())
    test(c.name, () => {
      const path = join(dir, `${i}.jsonl`);
      writeFileSync(path, c.text, { mode: 0o600 });
      if (typeof c.want === "number") {
        const entries = readJournal(path);
        expect(entries).toHaveLength(c.want);
        expect(entries?.[0]).toMatchObject({ t: "begin", steps: ["a\nb"] });
      } else expect(() => readJournal(path)).toThrow(expect.objectContaining({ code: c.want }));
    });
  test("no journal is null", () => expect(readJournal(join(dir, "none.jsonl"))).toBeNull());
  test("a journal writable by others is refused (EUNSAFE)", () => {
    const path = join(dir, "open.jsonl");
    writeFileSync(path, `${begin}\n`);
    chmodSync(path, 0o666);
    expect(() => readJournal(path)).toThrow(expect.objectContaining({ code: "EUNSAFE" }));
  });
  test("a symlink in the journal's place is refused, never followed (EUNSAFE)", () => {
    const target = join(dir, "real.jsonl");
    writeFileSync(target, `${begin}\n`, { mode: 0o600 });
    symlinkSync(target, join(dir, "link.jsonl"));
    expect(() => readJournal(join(dir, "link.jsonl"))).toThrow(
      expect.objectContaining({ code: "EUNSAFE" }),
    );
  });
});
