import { describe, expect, test } from "bun:test";
import type { StatusReport, StepStatus } from "@ocimount/mounter";
import { formatStatusView } from "./formatStatusView.ts";

function report(steps: StepStatus[]): StatusReport {
  return { bundleDir: "/b", state: "set-up", finished: true, steps };
}
const mounted = (why: string, target?: string): StepStatus => ({
  why,
  state: "mounted",
  ...(target === undefined ? {} : { target }),
});

const TREES: { name: string; steps: StepStatus[]; tree: string[] }[] = [
  {
    name: "nested mounts under the root",
    steps: [
      mounted("root.path", "/"),
      mounted("mounts[0]", "/proc"),
      mounted("mounts[1]", "/dev"),
      mounted("mounts[2]", "/dev/shm"),
      mounted("linux.readonlyPaths[0]", "/proc/sys"),
      mounted("root.readonly"),
    ],
    tree: ["/", "├─/proc", "│ └─/proc/sys", "└─/dev", "  └─/dev/shm"],
  },
  {
    name: "a mount made before its parent's path was covered stays under the root",
    steps: [mounted("root.path", "/"), mounted("mounts[0]", "/a/b"), mounted("mounts[1]", "/a")],
    tree: ["/", "├─/a/b", "└─/a"],
  },
  {
    name: "two mounts on one path are stacked",
    steps: [mounted("root.path", "/"), mounted("mounts[0]", "/x"), mounted("mounts[1]", "/x")],
    tree: ["/", "└─/x", "  └─/x"],
  },
  {
    name: "components, not string prefixes: /ab is not under /a",
    steps: [mounted("root.path", "/"), mounted("mounts[0]", "/a"), mounted("mounts[1]", "/ab")],
    tree: ["/", "├─/a", "└─/ab"],
  },
  {
    name: "steps that made nothing are left out",
    steps: [
      mounted("root.path", "/"),
      { why: "linux.maskedPaths[0]", state: "skipped" },
      mounted("linux.rootfsPropagation", "/"),
    ],
    tree: ["/"],
  },
];

describe("status --format tree draws the mounts as findmnt does", () => {
  for (const row of TREES) {
    test(row.name, () => {
      const lines = formatStatusView(report(row.steps), "tree", false);
      expect(lines[0]).toBe("/b: set-up");
      expect(lines[1]).toMatch(/^TARGET\s+STATE\s+WHY\s+DETAIL$/);
      const targets = lines.slice(2, -1).map((l) => /^(.*?\S)\s{2,}/.exec(l)?.[1]);
      expect(targets).toEqual(row.tree);
      expect(lines.at(-1)).toMatch(/^\d+ steps: /);
    });
  }
});

test("the last line counts the steps by state", () => {
  const steps = [
    mounted("root.path", "/"),
    { why: "mounts[0]", state: "missing", target: "/a" } as StepStatus,
    mounted("mounts[1]", "/b"),
    { why: "mounts[2]", state: "changed", target: "/c", detail: "ro, expected rw" } as StepStatus,
  ];
  for (const format of ["table", "tree"] as const) {
    expect(formatStatusView(report(steps), format, false).at(-1)).toBe(
      "4 steps: 2 mounted, 1 missing, 1 changed",
    );
  }
});

test("a width cuts WHERE and DETAIL, only in the rows too long", () => {
  const long = `/${"deep/".repeat(30)}leaf`;
  const steps = [mounted("root.path", "/"), mounted("mounts[0]", long), mounted("mounts[1]", "/a")];
  for (const format of ["table", "tree"] as const) {
    const lines = formatStatusView(report(steps), format, false, 60);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    expect(lines.join("\n")).toContain("…");
    expect(
      lines.some((l) => /^(mounts\[1\]\s+mounted\s+\/a|└─\/a\s+mounted\s+mounts\[1\])$/.test(l)),
    ).toBe(true);
  }
  expect(formatStatusView(report(steps), "table", false).join("\n")).toContain(long);
});
