import { describe, expect, test } from "bun:test";
import { fitColumns, fitWidths, truncateMiddle } from "./fitColumns.ts";

const WIDTHS: {
  name: string;
  widths: number[];
  max: number;
  cuttable?: number[];
  fitted: number[];
}[] = [
  { name: "fits already", widths: [3, 10, 20], max: 80, fitted: [3, 10, 20] },
  { name: "exactly fits", widths: [3, 10, 20], max: 37, fitted: [3, 10, 20] },
  { name: "only the widest is cut", widths: [3, 10, 60], max: 60, fitted: [3, 10, 43] },
  { name: "the two widest, evenly", widths: [3, 40, 41], max: 60, fitted: [3, 26, 27] },
  { name: "never below 12", widths: [30, 30], max: 10, fitted: [12, 12] },
  { name: "narrow columns keep their width", widths: [2, 5, 100], max: 20, fitted: [2, 5, 12] },
  {
    name: "columns not cuttable keep their width",
    widths: [20, 40, 40],
    max: 70,
    cuttable: [1, 2],
    fitted: [20, 23, 23],
  },
];

describe("fitWidths", () => {
  for (const row of WIDTHS) {
    test(row.name, () => {
      expect(fitWidths(row.widths, row.max, row.cuttable)).toEqual(row.fitted);
    });
  }
});

const CUTS: { text: string; width: number; cut: string }[] = [
  { text: "/short", width: 10, cut: "/short" },
  { text: "/very/long/path/to/leaf", width: 12, cut: "/very…o/leaf" },
  { text: "abcdef", width: 5, cut: "ab…ef" },
  { text: "abcdef", width: 1, cut: "…" },
];

describe("truncateMiddle", () => {
  for (const row of CUTS) {
    test(`${row.text} in ${row.width}`, () => {
      const cut = truncateMiddle(row.text, row.width);
      expect(cut).toBe(row.cut);
      expect(cut.length).toBeLessThanOrEqual(row.width);
    });
  }
});

test("fitColumns cuts only the cells that are too long, in the widest column", () => {
  const rows = [
    ["1", "bind", "/a"],
    ["2", "tmpfs", `/${"x".repeat(60)}`],
  ];
  const fitted = fitColumns(rows, 40);
  expect(fitted[0]).toEqual(["1", "bind", "/a"]);
  expect(fitted[1]?.[1]).toBe("tmpfs");
  expect(fitted[1]?.[2]?.length).toBe(40 - 1 - 5 - 4);
  expect(fitColumns(rows, undefined)).toEqual(rows);
});
