import { describe, expect, test } from "bun:test";
import { HookError } from "./HookError.ts";
import { parseHookState } from "./parseHookState.ts";

const good = { ociVersion: "1.0.2", id: "c1", status: "creating" as const, pid: 42, bundle: "/b" };
const json = (v: unknown) => JSON.stringify(v);

interface Bad {
  name: string;
  text: string;
  code: string;
  /** Text the message must contain. */
  says: string;
  /** JSON pointer of the first issue, when there are issues. */
  issue?: string;
}

const BAD: Bad[] = [
  { name: "empty input", text: "", code: "EJSON", says: "stdin:1:1: EJSON: not JSON: " },
  { name: "not JSON", text: "pid=42", code: "EJSON", says: "stdin:1:1: EJSON: not JSON: " },
  { name: "truncated JSON", text: '{"pid": 4', code: "EJSON", says: "stdin:1:" },
  { name: "deep nesting", text: "[".repeat(10_000), code: "EINVALID", says: "nested too deeply" },
  { name: "an array", text: "[]", code: "EINVALID", says: "not a container state", issue: "" },
  {
    name: "missing pid",
    text: json({ ...good, pid: undefined }),
    code: "ENOPID",
    says: "the state has no pid",
  },
  {
    name: "negative pid",
    text: json({ ...good, pid: -1 }),
    code: "EINVALID",
    says: "not a container state",
    issue: "/pid",
  },
  {
    name: "pid as a string",
    text: json({ ...good, pid: "42" }),
    code: "EINVALID",
    says: "not a container state",
    issue: "/pid",
  },
  {
    name: "missing bundle",
    text: json({ ...good, bundle: undefined }),
    code: "EINVALID",
    says: "not a container state",
    issue: "/bundle",
  },
  {
    name: "relative bundle",
    text: json({ ...good, bundle: "b" }),
    code: "EINVALID",
    says: "must be absolute",
    issue: "/bundle",
  },
  {
    name: "unknown status",
    text: json({ ...good, status: "booting" }),
    code: "EINVALID",
    says: "not a container state",
    issue: "/status",
  },
  { name: "over 1 MiB", text: " ".repeat((1 << 20) + 1), code: "EFBIG", says: "more than" },
];

describe("parseHookState refuses", () => {
  test.each(BAD)("$name", ({ text, code, says, issue }) => {
    let error: unknown;
    try {
      parseHookState(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HookError);
    const e = error as HookError;
    expect(e.code).toBe(code as HookError["code"]);
    expect(e.op).toBe("read state");
    expect(e.path).toBe("stdin");
    expect(e.message).toContain(says);
    if (issue !== undefined) expect(e.issues[0]?.path).toBe(issue);
  });
});

test("a runtime's state is accepted as is, annotations included", () => {
  const state = { ...good, annotations: { "org.ocimount.mounts": "[]" } };
  const parsed = parseHookState(json(state));
  expect(parsed).toEqual({ state, pid: 42, bundle: "/b" });
});

test("pid 0 (crun's createContainer state) is parsed; containerProcDir decides", () => {
  expect(parseHookState(json({ ...good, pid: 0 })).pid).toBe(0);
});

test("JSON errors carry line and column, in position and nowhere else", () => {
  try {
    parseHookState('{\n  "pid": 42,\n  oops\n}');
    throw new Error("not thrown");
  } catch (e) {
    expect(e).toMatchObject({
      code: "EJSON",
      line: 3,
      column: 3,
      position: { line: 3, column: 3 },
    });
    expect((e as HookError).detail).toStartWith("not JSON: ");
    expect((e as HookError).detail).not.toContain("3");
  }
});
