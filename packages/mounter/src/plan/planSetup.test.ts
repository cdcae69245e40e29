import { describe, expect, test } from "bun:test";
import {
  MS_NODEV,
  MS_NOSUID,
  MS_PRIVATE,
  MS_RDONLY,
  MS_REC,
  MS_SLAVE,
} from "@ocimount/mount-flags";
import type { MountConfig } from "../configTypes.ts";
import { MountError } from "../errors.ts";
import { createFakeSyscalls } from "../sys/fake.ts";
import { formatPlan } from "./formatPlan.ts";
import { planSetup } from "./planSetup.ts";
import { planToJson } from "./planToJson.ts";

const BUNDLE = "/nonexistent/bundle";
/** The fake's statx finds every path (a directory): the bundle check passes on made-up paths. */
const sys = createFakeSyscalls();
const plan = (config: MountConfig) => planSetup(config, BUNDLE, { resolveHostPaths: false, sys });
const root = { path: "rootfs" };

describe("planSetup: step order and why", () => {
  const cases: ReadonlyArray<{ name: string; config: MountConfig; want: string[] }> = [
    { name: "only the rootfs self-bind", config: { root }, want: ["rootfs-bind root.path"] },
    {
      name: "every kind, in spec order",
      config: {
        root: { path: "rootfs", readonly: true },
        mounts: [
          { destination: "/proc", type: "proc", source: "proc" },
          { destination: "/data", type: "bind", source: "/srv/data", options: ["rbind"] },
        ],
        linux: {
          maskedPaths: ["/proc/kcore"],
          readonlyPaths: ["/proc/sys"],
          rootfsPropagation: "rslave",
        },
      },
      want: [
        "rootfs-bind root.path",
        "new-fs mounts[0]",
        "bind mounts[1]",
        "mask linux.maskedPaths[0]",
        "readonly linux.readonlyPaths[0]",
        "root-readonly root.readonly",
        "rootfs-propagation linux.rootfsPropagation",
      ],
    },
    {
      name: "bind option without bind type is a bind",
      config: {
        root,
        mounts: [{ destination: "/a", type: "none", source: "/x", options: ["bind"] }],
      },
      want: ["rootfs-bind root.path", "bind mounts[0]"],
    },
  ];
  for (const c of cases) {
    test(c.name, () =>
      expect(plan(c.config).steps.map((s) => `${s.kind} ${s.why}`)).toEqual(c.want),
    );
  }
});

describe("planSetup: paths", () => {
  const cases: ReadonlyArray<{
    name: string;
    mount: { destination: string; source?: string; options?: string[]; type?: string };
    target: string;
    source?: string;
    warns?: boolean;
  }> = [
    { name: "absolute destination", mount: { destination: "/a/b", type: "tmpfs" }, target: "/a/b" },
    {
      name: "relative destination is taken from /",
      mount: { destination: "a/b", type: "tmpfs" },
      target: "/a/b",
      warns: true,
    },
    {
      name: "dotdot cannot leave the root",
      mount: { destination: "/../../etc", type: "tmpfs" },
      target: "/etc",
    },
    {
      name: "relative bind source is relative to the bundle",
      mount: { destination: "/x", type: "bind", source: "shared" },
      target: "/x",
      source: `${BUNDLE}/shared`,
    },
    {
      name: "absolute bind source kept",
      mount: { destination: "/x", type: "bind", source: "/srv//data/" },
      target: "/x",
      source: "/srv/data/",
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const p = plan({ root, mounts: [c.mount] });
      const step = p.steps[1]!;
      expect(step.target.path).toBe(c.target);
      expect(step.target.hostPath).toBe(`${BUNDLE}/rootfs${c.target}`);
      if (c.source) expect(step.kind === "bind" && step.source).toBe(c.source);
      expect(p.warnings.length > 0).toBe(c.warns ?? false);
    });
  }
});

describe("planSetup: options", () => {
  test("flags, propagation, data and recursion are parsed", () => {
    const p = plan({
      root,
      mounts: [
        {
          destination: "/s",
          type: "bind",
          source: "/s",
          options: ["rbind", "ro", "nosuid", "nodev", "rprivate", "slave"],
        },
      ],
    });
    const step = p.steps[1]!;
    if (step.kind !== "bind") throw new Error("not a bind");
    expect(step.recursive).toBe(true);
    expect(step.options.flags).toBe(MS_RDONLY | MS_NOSUID | MS_NODEV);
    expect(step.options.propagation).toEqual([MS_PRIVATE | MS_REC, MS_SLAVE]);
  });
  test("data on a bind is a warning", () => {
    expect(
      plan({
        root,
        mounts: [{ destination: "/s", type: "bind", source: "/s", options: ["size=1m"] }],
      }).warnings,
    ).toHaveLength(1);
  });
  test("tmpfs keeps its data", () => {
    const step = plan({
      root,
      mounts: [{ destination: "/t", type: "tmpfs", options: ["mode=1777", "size=16m"] }],
    }).steps[1]!;
    expect(step.kind === "new-fs" && step.options.data).toBe("mode=1777,size=16m");
  });
  test("rootfsPropagation word", () => {
    const step = plan({ root, linux: { rootfsPropagation: "rslave" } }).steps[1]!;
    expect(step.kind === "rootfs-propagation" && step.propagation).toBe(MS_SLAVE | MS_REC);
  });
});

describe("planSetup: refusals", () => {
  /** `issues`: checkBundle's refusal (its pointers); `where`: the planner's own. */
  const cases: ReadonlyArray<{
    name: string;
    config: MountConfig;
    issues?: string[];
    where?: string;
  }> = [
    { name: "no root", config: {}, issues: ["/root"] },
    {
      name: "bind without source",
      config: { root, mounts: [{ destination: "/a", type: "bind" }] },
      issues: ["/mounts/0/source"],
    },
    {
      name: "no type, no bind",
      config: { root, mounts: [{ destination: "/a" }] },
      issues: ["/mounts/0/type"],
    },
    {
      name: "unknown propagation",
      config: { root, linux: { rootfsPropagation: "sideways" } },
      where: "linux.rootfsPropagation",
    },
    {
      name: "NUL in a destination",
      config: { root, mounts: [{ destination: "/a\0b", type: "tmpfs" }] },
      issues: ["/mounts/0/destination"],
    },
    {
      name: "idmap without mappings",
      config: {
        root,
        mounts: [{ destination: "/a", type: "bind", source: "/a", options: ["idmap"] }],
      },
      issues: ["/mounts/0/uidMappings", "/mounts/0/gidMappings"],
    },
    {
      name: "every issue at once, not the first",
      config: { root: { path: "" }, mounts: [{ destination: "" }, { destination: "/b" }] },
      issues: ["/root/path", "/mounts/0/destination", "/mounts/0/type", "/mounts/1/type"],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      let err: unknown;
      try {
        plan(c.config);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(MountError);
      const e = err as MountError;
      expect(e.code).toBe("EINVALID");
      if (c.where !== undefined) expect(e.where).toBe(c.where);
      if (c.issues !== undefined) {
        expect(e.op).toBe("check bundle");
        expect(e.issues.map((i) => i.path)).toEqual(c.issues);
      }
    });
  }
});

describe("formatPlan and planToJson", () => {
  const p = plan({
    root,
    mounts: [
      { destination: "/tmp", type: "tmpfs", source: "tmpfs", options: ["nosuid", "size=1m"] },
    ],
  });
  test("one numbered line per step", () => {
    const text = formatPlan(p);
    expect(text).toContain("1. root.path");
    expect(text).toMatch(
      /2\. mounts\[0\]\s+tmpfs\s+tmpfs -> \/tmp \[\/nonexistent\/bundle\/rootfs\/tmp\]\s+nosuid,data=size=1m/,
    );
  });
  test("JSON round-trips", () => {
    const json = JSON.parse(JSON.stringify(planToJson(p)));
    expect(json.steps[1].describe.action).toBe("tmpfs");
    expect(json.steps[1].options.data).toBe("size=1m");
  });
});
