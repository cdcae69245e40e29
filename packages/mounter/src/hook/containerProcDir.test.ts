import { describe, expect, test } from "bun:test";
import { containerProcDir, currentProcessView, type ProcessView } from "./containerProcDir.ts";
import { HookError } from "./HookError.ts";

const view = (pid: number, ppid: number, procSelf: number, procParent: number): ProcessView => ({
  pid,
  ppid,
  procSelf: String(procSelf),
  procParent: () => procParent,
});

const CASES = [
  {
    name: "createRuntime: /proc is of our pid namespace, the pid is used as is",
    pid: 4242,
    view: view(5000, 4000, 5000, 4000),
    dir: "/proc/4242",
  },
  {
    name: "createContainer: /proc is the host's, the state's pid is our parent (runc init)",
    pid: 1,
    view: view(7, 1, 5001, 4242),
    dir: "/proc/4242",
  },
  {
    name: "crun's createContainer: pid 0, /proc is the host's: our parent (the container's init)",
    pid: 0,
    view: view(2, 1, 5002, 4243),
    dir: "/proc/4243",
  },
  {
    name: "createContainer without a pid namespace: /proc matches, used as is",
    pid: 4242,
    view: view(5001, 4242, 5001, 4242),
    dir: "/proc/4242",
  },
];

describe("containerProcDir", () => {
  test.each(CASES)("$name", ({ pid, view, dir }) => {
    expect(containerProcDir(pid, view)).toBe(dir);
  });

  test("another pid namespace and not our parent: ENOTSUP, never /proc/<pid> of a stranger", () => {
    expect(() => containerProcDir(1, view(7, 3, 5001, 4242))).toThrow(HookError);
    try {
      containerProcDir(1, view(7, 3, 5001, 4242));
    } catch (e) {
      expect(e).toMatchObject({ code: "ENOTSUP", op: "find container" });
    }
  });

  test("pid 0 with /proc of our own pid namespace: ENOPID (our parent is the runtime, not the container)", () => {
    expect(() => containerProcDir(0, view(5000, 4000, 5000, 4000))).toThrow(HookError);
    try {
      containerProcDir(0, view(5000, 4000, 5000, 4000));
    } catch (e) {
      expect(e).toMatchObject({ code: "ENOPID", op: "find container" });
    }
  });

  test("this process: /proc is of its pid namespace", () => {
    const self = currentProcessView();
    expect(self.procSelf).toBe(String(process.pid));
    expect(self.procParent()).toBe(process.ppid);
    expect(containerProcDir(process.ppid)).toBe(`/proc/${process.ppid}`);
  });
});
