import { describe, expect, test } from "bun:test";
import { type OutputFds, processOutput } from "./Output.ts";

/** A fake pair of fds: each write answers with the next scripted reply for that fd. */
function fakeFds(script: { [fd: number]: (number | string)[] } = {}, ttys: number[] = []) {
  const written: { [fd: number]: string } = { 1: "", 2: "" };
  const asked: number[] = [];
  const decoder = new TextDecoder();
  const fds: OutputFds = {
    stdout: 1,
    stderr: 2,
    write: (fd, bytes, offset, length) => {
      const reply = script[fd]?.shift();
      if (typeof reply === "string") throw Object.assign(new Error(reply), { code: reply });
      const n = reply === undefined ? length : Math.min(reply, length);
      written[fd] += decoder.decode(bytes.subarray(offset, offset + n));
      return n;
    },
    isTty: (fd) => {
      asked.push(fd);
      return ttys.includes(fd);
    },
  };
  return { fds, written, asked };
}

const CASES: {
  name: string;
  script?: { [fd: number]: (number | string)[] };
  out: string;
  err: string;
  stdoutError: string | undefined;
}[] = [
  { name: "every line lands", out: "a\nb\n", err: "e\n", stdoutError: undefined },
  {
    name: "a short write is completed",
    script: { 1: [1, 0, 1] },
    out: "a\nb\n",
    err: "e\n",
    stdoutError: undefined,
  },
  {
    name: "EAGAIN and EINTR are waited out",
    script: { 1: ["EAGAIN", "EINTR"] },
    out: "a\nb\n",
    err: "e\n",
    stdoutError: undefined,
  },
  {
    name: "EPIPE on stdout stops its writes, quietly",
    script: { 1: ["EPIPE"] },
    out: "",
    err: "e\n",
    stdoutError: undefined,
  },
  {
    name: "ENOSPC on stdout stops its writes and is kept",
    script: { 1: [1, "ENOSPC"] },
    out: "a",
    err: "e\n",
    stdoutError: "ENOSPC",
  },
  {
    name: "a stderr error is never thrown nor reported",
    script: { 2: ["EPIPE"] },
    out: "a\nb\n",
    err: "",
    stdoutError: undefined,
  },
];

describe("processOutput writes whole lines with write(2) and never throws", () => {
  for (const c of CASES) {
    test(c.name, () => {
      const { fds, written, asked } = fakeFds(c.script);
      const out = processOutput(fds);
      out.out("a");
      out.err("e");
      out.out("b");
      expect(written[1]).toBe(c.out);
      expect(written[2]).toBe(c.err);
      expect(out.stdoutError).toBe(c.stdoutError);
      expect(asked).toEqual([]); // no terminal check unless a command asks
    });
  }
});

describe("progress", () => {
  test("only on a terminal stderr, cleared by the next line and by done()", () => {
    const { fds, written } = fakeFds({}, [2]);
    const out = processOutput(fds);
    out.progress("1/2");
    out.out("result");
    out.progress("2/2");
    out.done();
    out.done();
    expect(written[2]).toBe("\r\u001b[2K1/2\r\u001b[2K\r\u001b[2K2/2\r\u001b[2K");
    expect(written[1]).toBe("result\n");
  });

  test("nothing when stderr is not a terminal", () => {
    const { fds, written } = fakeFds();
    const out = processOutput(fds);
    out.progress("1/2");
    out.done();
    expect(written[2]).toBe("");
    expect(out.stderrTty).toBe(false);
  });
});

test("colour follows whether stdout is a terminal", () => {
  const env = process.env.NO_COLOR;
  delete process.env.NO_COLOR;
  try {
    expect(processOutput(fakeFds({}, [1]).fds).color).toBe(process.env.TERM !== "dumb");
    expect(processOutput(fakeFds({}, [2]).fds).color).toBe(false);
  } finally {
    if (env !== undefined) process.env.NO_COLOR = env;
  }
});
