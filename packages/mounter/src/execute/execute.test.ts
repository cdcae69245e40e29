import { describe, expect, test } from "bun:test";
import { parseMountOptions } from "@ocimount/mount-flags";
import { ERRNO } from "@ocimount/mount-flags/errors";
import { MountError } from "../errors.ts";
import type { SetupPlan, Step } from "../plan/types.ts";
import { createFakeSyscalls } from "../sys/fake.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import type { BindSources } from "./BindSources.ts";
import { sourcesInPlace } from "./BindSources.ts";
import { execute } from "./execute.ts";
import type { Recorder } from "./Recorder.ts";

const root = { path: "/", hostPath: "/b/rootfs" };
const selfBind: Step = { kind: "rootfs-bind", why: "root.path", target: root };
const bind = (i: number, source: string): Step => ({
  kind: "bind",
  why: `mounts[${i}]`,
  source,
  recursive: false,
  target: { path: `/m${i}`, hostPath: `/b/rootfs/m${i}` },
  options: parseMountOptions(["bind", "ro"]),
});
const plan = (steps: Step[]): SetupPlan => ({
  bundleDir: "/b",
  rootfs: "/b/rootfs",
  steps,
  warnings: [],
});

/** A recorder that logs what it is told, with an empty undo set (undo then has nothing to do). */
function logRecorder() {
  const log: string[] = [];
  const recorder: Recorder = {
    begin: () => log.push("begin"),
    intent: (i) => log.push(`intent ${i.why} ${i.at} after=${i.after}`),
    mounted: (m) => log.push(`mounted ${m.why}`),
    created: (why) => log.push(`created ${why}`),
    complete: () => log.push("complete"),
    undoSet: () => {
      log.push("undoSet");
      return {
        bundleDir: "/b",
        rootfs: "/b/rootfs",
        proof: "place",
        mntns: 0,
        base: { id: 1, unique: 0, parent: 0, parentUnique: 0, at: "/" },
        mounts: [],
        pending: [],
        created: [],
      };
    },
    discard: () => log.push("discard"),
    close: () => log.push("close"),
  };
  return { log, recorder };
}

function run(sys: Syscalls, steps: Step[], sources: BindSources = sourcesInPlace(sys, true)) {
  const { log, recorder } = logRecorder();
  const done = execute({
    sys,
    plan: plan(steps),
    rootfsReal: "/real/rootfs",
    after: 0,
    sources,
    recorder,
    op: "setup",
    verify: false,
  });
  return { log, done };
}

describe("execute: one executor for setup and the hook", () => {
  test("tells the recorder before and after every attach, then completes; no fd left open", async () => {
    const sys = createFakeSyscalls();
    const { log, done } = run(sys, [selfBind, bind(0, "/src")]);
    expect((await done).mounts.map((m) => m.why)).toEqual(["root.path", "mounts[0]"]);
    expect(log).toEqual([
      "begin",
      "intent root.path /real/rootfs after=0",
      "mounted root.path",
      "intent mounts[0] /real/rootfs/m0 after=0",
      "mounted mounts[0]",
      "complete",
      "close",
    ]);
    expect([...sys.openFds]).toEqual([]);
  });

  test.each([
    ["the attach fails", "moveMount", 2, "moveMount"],
    ["the source cannot be opened", "openTree", 2, "openTree"],
  ] as const)(
    "a step that fails (%s) is named, rolled back from the recorder's undo set, discarded",
    async (_, op, nth, name) => {
      let seen = 0;
      const sys = createFakeSyscalls({
        failOn: (o) => (o === op && ++seen === nth ? ERRNO.EACCES : undefined),
      });
      const { log, done } = run(sys, [selfBind, bind(0, "/src")]);
      const error = await done.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MountError);
      expect(error).toMatchObject({ where: "mounts[0]", op: name, errnoName: "EACCES" });
      expect((error as MountError).rollback).toBeUndefined();
      expect(log.slice(-3)).toEqual(["undoSet", "discard", "close"]);
      expect([...sys.openFds]).toEqual([]);
    },
  );

  test("a plan without a self-bind (the hook's) opens the root as it is, first", async () => {
    const sys = createFakeSyscalls();
    await run(sys, [bind(0, "/src")]).done;
    const fdCalls = sys.calls.filter((c) => c.op === "openat" || c.op === "openTree");
    expect(fdCalls[0]?.op).toBe("openat");
    expect(fdCalls[0]?.args.slice(0, 2)).toEqual([-100, "/b/rootfs"]);
    expect([...sys.openFds]).toEqual([]);
  });

  test("bind sources come from the sources phase, never looked up by the step", async () => {
    const sys = createFakeSyscalls();
    const opened: string[] = [];
    let closed = 0;
    const sources: BindSources = {
      open(step) {
        opened.push(step.why);
        return { fd: sys.openat(-100, "/held", 0), tree: true };
      },
      close: () => closed++,
    };
    await run(sys, [bind(0, "/src"), bind(1, "/src")], sources).done;
    expect(opened).toEqual(["mounts[0]", "mounts[1]"]);
    expect(sys.argsOf("openTree")).toEqual([]);
    expect(closed).toBe(1);
    expect([...sys.openFds]).toEqual([]);
  });

  test("without open_tree the in-place sources hand over O_PATH fds for mount(2)", async () => {
    const sys = createFakeSyscalls({
      failOn: (o) => (o === "openTree" ? ERRNO.ENOSYS : undefined),
    });
    const source = sourcesInPlace(sys, true).open(bind(0, "/src") as never);
    expect(source.tree).toBe(false);
    expect(sys.calls.map((c) => c.op)).toEqual(["openTree", "openat"]);
  });
});
