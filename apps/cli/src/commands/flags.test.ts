import { describe, expect, test } from "bun:test";
import { runCli } from "../runCli.fixture.ts";

interface Row {
  name: string;
  args: string[];
  expect: Record<string, unknown>;
}

const ROWS: Row[] = [
  {
    name: "ro and nosuid set bits",
    args: ["ro", "nosuid"],
    expect: { flags: { value: 3, hex: "0x3", names: ["ro", "nosuid"] } },
  },
  {
    name: "comma-joined options are split",
    args: ["ro,nosuid"],
    expect: { options: ["ro", "nosuid"], flags: { value: 3, hex: "0x3", names: ["ro", "nosuid"] } },
  },
  {
    name: "last wins: ro,rw is rw and clears MS_RDONLY",
    args: ["ro,rw"],
    expect: {
      flags: { value: 0, hex: "0x0", names: [] },
      clearFlags: { value: 1, hex: "0x1", names: ["ro"] },
    },
  },
  {
    name: "access time: both bits stay and noatime beats relatime",
    args: ["noatime,relatime"],
    expect: { flags: { value: 0x200400, names: ["noatime", "relatime"] }, atime: "noatime" },
  },
  {
    name: "access time: strictatime beats noatime, whatever the order",
    args: ["strictatime,noatime"],
    expect: { atime: "strictatime" },
  },
  {
    name: "access time: noatime,atime sets no mode (relatime on a new mount)",
    args: ["noatime,atime"],
    expect: { flags: { value: 0 }, atime: null },
  },
  {
    name: "rbind is a recursive bind",
    args: ["rbind"],
    expect: { bind: true, recursiveBind: true },
  },
  {
    name: "rprivate is MS_PRIVATE|MS_REC propagation",
    args: ["rprivate"],
    expect: { propagation: [{ value: 0x44000, hex: "0x44000", names: ["rprivate"] }] },
  },
  {
    name: "recursive read-only goes to mount_setattr attributes",
    args: ["rro"],
    expect: {
      recursive: {
        attrSet: { value: 1, hex: "0x1", names: ["ro"] },
        attrClr: { value: 0, hex: "0x0", names: [] },
      },
    },
  },
  {
    name: "unknown options are filesystem data",
    args: ["mode=755", "size=1m"],
    expect: { data: "mode=755,size=1m", unknown: ["mode=755", "size=1m"] },
  },
];

describe("flags --json", () => {
  for (const row of ROWS) {
    test(row.name, () => {
      const r = runCli(["flags", "--json", ...row.args]);
      expect(r.stderr).toBe("");
      expect(r.exitCode).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject(row.expect);
    });
  }
});

test("flags prints a readable table with names and hex", () => {
  const r = runCli(["flags", "ro,nosuid", "rprivate", "mode=755"]);
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toMatch(/^flags\s+0x3\s+ro\|nosuid$/m);
  expect(r.stdout).toMatch(/^propagation\s+0x44000\s+rprivate$/m);
  expect(r.stdout).toMatch(/^data\s+mode=755$/m);
  expect(r.stdout).toMatch(/^atime\s+- \(none set/m);
  expect(r.stdout).not.toContain("\u001b[");
});

test("options after -- may start with a dash", () => {
  const r = runCli(["flags", "--json", "--", "-weird"]);
  expect(r.exitCode).toBe(0);
  expect(JSON.parse(r.stdout).unknown).toEqual(["-weird"]);
});

test("a control character in an option cannot split the table", () => {
  const r = runCli(["flags", "x\ny"]);
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toMatch(/^unknown\s+x\\ny$/m);
});

test("flags never loads the mounter", () => {
  const script = `
    const { run } = await import(${JSON.stringify(new URL("../run.ts", import.meta.url).pathname)});
    const code = await run(["flags", "ro"]);
    const loaded = Object.keys(require.cache).filter((k) => k.includes("/mounter/"));
    console.error("LOADED=" + JSON.stringify(loaded) + " CODE=" + code);
  `;
  const r = Bun.spawnSync(["bun", "-e", script], { stdout: "pipe", stderr: "pipe" });
  const err = r.stderr.toString();
  expect(err).toContain("CODE=0");
  expect(err).toContain("LOADED=[]");
});
