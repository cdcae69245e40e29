import { describe, expect, test } from "bun:test";
import { canMount } from "./mountPrivilege.ts";

const ROWS: { name: string; capEff: string; can: boolean }[] = [
  { name: "root: every capability", capEff: "000001ffffffffff", can: true },
  { name: "an ordinary user: none", capEff: "0000000000000000", can: false },
  { name: "CAP_SYS_ADMIN alone", capEff: "0000000000200000", can: true },
  { name: "everything but CAP_SYS_ADMIN", capEff: "000001ffffdfffff", can: false },
];

describe("canMount reads CAP_SYS_ADMIN from CapEff", () => {
  for (const row of ROWS) {
    test(row.name, () => {
      const status = `Name:\tbun\nCapInh:\t0000000000000000\nCapEff:\t${row.capEff}\nCapBnd:\t000001ffffffffff\n`;
      expect(canMount(status)).toBe(row.can);
    });
  }
  test("this process: as its uid says when it is plain root or a plain user", () => {
    const uid = process.geteuid?.();
    if (uid !== 0) expect(canMount()).toBe(false);
    else expect(typeof canMount()).toBe("boolean");
  });
});
