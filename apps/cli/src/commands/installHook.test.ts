import { afterAll, describe, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../runCli.fixture.ts";
import { HOOK_ANNOTATION_PATTERN, hookDefinition } from "./installHookDefinition.ts";

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A temp dir with an "executable" and its sha256 file, as a release ships them. */
function release(content = "#!/bin/sh\necho ocimount\n") {
  const dir = mkdtempSync(join(tmpdir(), "ocimount-install-"));
  made.push(dir);
  const exe = join(dir, "ocimount-linux-x64");
  writeFileSync(exe, content);
  const sha = createHash("sha256").update(content).digest("hex");
  writeFileSync(`${exe}.sha256`, `${sha}  ocimount-linux-x64\n`);
  const prefix = join(dir, "usr/local/libexec/ocimount");
  const hooksDir = join(dir, "usr/share/containers/oci/hooks.d");
  const where = ["--prefix", prefix, "--hooks-dir", hooksDir];
  return { dir, exe, sha, prefix, hooksDir, where, target: join(prefix, "ocimount") };
}

const hookFile = (hooksDir: string) => join(hooksDir, "50-ocimount.json");

describe("install-hook", () => {
  test("into a hooks dir that does not exist yet: the executable, then the definition", () => {
    const r = release();
    const run = runCli(["install-hook", "--from", r.exe, ...r.where]);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      `installed ${r.target} (sha256 ${r.sha})\nwrote ${r.prefix}/SHA256SUMS\nwrote ${hookFile(r.hooksDir)}\n`,
    );
    expect(readFileSync(join(r.prefix, "SHA256SUMS"), "utf8")).toBe(`${r.sha}  ocimount\n`);
    expect(readFileSync(r.target, "utf8")).toBe(readFileSync(r.exe, "utf8"));
    expect(statSync(r.target).mode & 0o777).toBe(0o755);
    expect(JSON.parse(readFileSync(hookFile(r.hooksDir), "utf8"))).toEqual(
      hookDefinition(r.target),
    );
    expect(readdirSync(r.hooksDir)).toEqual(["50-ocimount.json"]); // no temp file left
    expect(readdirSync(r.prefix).sort()).toEqual(["SHA256SUMS", "ocimount"]);
  });

  test("the definition: createRuntime, explicit env and timeout, only our annotations", () => {
    const def = hookDefinition("/usr/local/libexec/ocimount/ocimount", { timeout: 10 });
    expect(def.stages).toEqual(["createRuntime"]);
    expect(def.hook.env).toEqual([
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    ]);
    expect(def.hook.timeout).toBe(10);
    expect(def.hook.args).toEqual(["ocimount", "hook"]);
    const re = new RegExp(HOOK_ANNOTATION_PATTERN);
    const keys = {
      "org.ocimount.mounts": true,
      "org.ocimount.mounts/web": true,
      "org.ocimount.mounts/my_ctr.v2-x": true,
      "org.ocimount.mountsX": false,
      "org.ocimount.mounts/": false,
      "org.ocimount.mounts/a/b": false,
      "xorg.ocimount.mounts": false,
      "org.ocimount.profile": false,
    };
    expect(Object.fromEntries(Object.keys(keys).map((k) => [k, re.test(k)]))).toEqual(keys);
  });

  test("an executable already installed is left as it is; the definition is rewritten", () => {
    const r = release();
    expect(runCli(["install-hook", "--from", r.exe, ...r.where]).exitCode).toBe(0);
    const before = statSync(r.target);
    writeFileSync(hookFile(r.hooksDir), "{}"); // an older definition
    const run = runCli(["install-hook", "--from", r.exe, ...r.where, "--timeout", "5"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toStartWith(`already installed ${r.target} (sha256 ${r.sha})\n`);
    expect(statSync(r.target).ino).toBe(before.ino);
    expect(JSON.parse(readFileSync(hookFile(r.hooksDir), "utf8")).hook.timeout).toBe(5);
  });

  test("another executable at the path is replaced by the new one", () => {
    const r = release();
    mkdirSync(r.prefix, { recursive: true });
    writeFileSync(r.target, "old");
    const run = runCli(["install-hook", "--from", r.exe, ...r.where]);
    expect(run.exitCode).toBe(0);
    expect(readFileSync(r.target, "utf8")).toBe(readFileSync(r.exe, "utf8"));
    expect(readdirSync(r.prefix).sort()).toEqual(["SHA256SUMS", "ocimount"]);
  });

  test("a failure half-way (hooks dir under a file) undoes the install and leaves no definition", () => {
    const r = release();
    writeFileSync(join(r.dir, "usr-file"), "");
    const hooksDir = join(r.dir, "usr-file", "hooks.d");
    const run = runCli([
      "install-hook",
      "--from",
      r.exe,
      "--prefix",
      r.prefix,
      "--hooks-dir",
      hooksDir,
    ]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      `ocimount: install-hook: mkdir failed (${hooksDir}): ENOTDIR (errno 20, Not a directory)\n`,
    );
    expect(existsSync(join(r.dir, "usr"))).toBe(false); // the prefix it made is gone too
  });

  test("a failure half-way keeps the executable that was there before", () => {
    const r = release();
    mkdirSync(r.prefix, { recursive: true });
    writeFileSync(r.target, "old");
    mkdirSync(join(hookFile(r.hooksDir), "x"), { recursive: true }); // rename onto a dir fails
    const run = runCli(["install-hook", "--from", r.exe, ...r.where]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toStartWith(
      `ocimount: install-hook: write failed (${hookFile(r.hooksDir)}): `,
    );
    expect(readFileSync(r.target, "utf8")).toBe("old");
    expect(readdirSync(r.prefix)).toEqual(["ocimount"]);
    expect(readdirSync(r.hooksDir)).toEqual(["50-ocimount.json"]); // the directory, no temp file
  });

  test("a checksum mismatch installs nothing", () => {
    const r = release();
    writeFileSync(r.exe, "tampered");
    const run = runCli(["install-hook", "--from", r.exe, ...r.where]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toStartWith(
      `ocimount: install-hook: checksum mismatch (${r.exe}): EINTEGRITY (sha256 is `,
    );
    expect(existsSync(join(r.dir, "usr"))).toBe(false);
  });

  test("no checksum file and no --sha256: refused with a hint", () => {
    const r = release();
    rmSync(`${r.exe}.sha256`);
    const run = runCli(["install-hook", "--from", r.exe, ...r.where]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe(
      `ocimount: install-hook: no checksum for the executable (${r.exe}.sha256): ENOENT (errno 2, No such file or directory)`,
    );
    expect(runCli(["install-hook", "--from", r.exe, "--sha256", r.sha, ...r.where]).exitCode).toBe(
      0,
    );
  });

  test("--dry-run prints the steps and the definition, and changes nothing", () => {
    const r = release();
    const run = runCli(["install-hook", "--from", r.exe, ...r.where, "--dry-run"]);
    expect(run.exitCode).toBe(0);
    const [first, sums, second, ...json] = run.stdout.trimEnd().split("\n");
    expect(first).toBe(`would install ${r.target} (sha256 ${r.sha})`);
    expect(sums).toBe(`would write ${r.prefix}/SHA256SUMS`);
    expect(second).toBe(`would write ${hookFile(r.hooksDir)}`);
    expect(JSON.parse(json.join("\n"))).toEqual(hookDefinition(r.target));
    expect(existsSync(join(r.dir, "usr"))).toBe(false);
  });

  test("--uninstall removes the definition, then the executable and its empty directory", () => {
    const r = release();
    expect(runCli(["install-hook", "--from", r.exe, ...r.where]).exitCode).toBe(0);
    const dry = runCli(["install-hook", "--uninstall", "--dry-run", ...r.where]);
    expect(dry.stdout).toBe(
      `would remove ${hookFile(r.hooksDir)}\nwould remove ${r.target}\nwould remove ${r.prefix}/SHA256SUMS\n`,
    );
    expect(existsSync(r.target)).toBe(true);
    const run = runCli(["install-hook", "--uninstall", ...r.where]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      `removed ${hookFile(r.hooksDir)}\nremoved ${r.target}\nremoved ${r.prefix}/SHA256SUMS\nremoved ${r.prefix}\n`,
    );
    expect(existsSync(r.prefix)).toBe(false);
    expect(readdirSync(r.hooksDir)).toEqual([]);
    const again = runCli(["install-hook", "--uninstall", ...r.where]);
    expect(again.stdout).toBe("nothing installed, nothing to do\n");
  });

  test("--uninstall leaves a definition that runs another executable", () => {
    const r = release();
    mkdirSync(r.hooksDir, { recursive: true });
    writeFileSync(hookFile(r.hooksDir), JSON.stringify(hookDefinition("/opt/other/ocimount")));
    const run = runCli(["install-hook", "--uninstall", ...r.where]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("hook definition runs another executable, not removed");
    expect(existsSync(hookFile(r.hooksDir))).toBe(true);
  });

  test("--root: files under DIR, the definition names the node's own paths", () => {
    const r = release();
    const root = join(r.dir, "host");
    const hooks = "/etc/containers/oci/hooks.d";
    const run = runCli(["install-hook", "--from", r.exe, "--root", root, "--hooks-dir", hooks]);
    expect(run.exitCode).toBe(0);
    const exe = "/usr/local/libexec/ocimount/ocimount";
    expect(readFileSync(join(root, exe), "utf8")).toBe(readFileSync(r.exe, "utf8"));
    const def = JSON.parse(readFileSync(join(root, hooks, "50-ocimount.json"), "utf8"));
    expect(def).toEqual(hookDefinition(exe));
    const gone = runCli(["install-hook", "--uninstall", "--root", root, "--hooks-dir", hooks]);
    expect(gone.exitCode).toBe(0);
    expect(existsSync(join(root, exe))).toBe(false);
    expect(readdirSync(join(root, hooks))).toEqual([]);
  });

  test("the sealed executable's two files: payload first, then the front, checked against SHA256SUMS", () => {
    const dir = mkdtempSync(join(tmpdir(), "ocimount-install-"));
    made.push(dir);
    const rel = join(dir, "linux-x64");
    mkdirSync(rel);
    const files = { ocimount: "front", "ocimount-bun": "payload" };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(rel, name), text);
    const sha = (t: string) => createHash("sha256").update(t).digest("hex");
    const sums = `${sha("front")}  ocimount\n${sha("payload")}  ocimount-bun\n`;
    writeFileSync(join(rel, "SHA256SUMS"), sums);
    const prefix = join(dir, "prefix");
    const where = ["--prefix", prefix, "--hooks-dir", join(dir, "hooks.d")];
    const run = runCli(["install-hook", "--from", join(rel, "ocimount"), ...where]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.split("\n").slice(0, 2)).toEqual([
      `installed ${prefix}/ocimount-bun (sha256 ${sha("payload")})`,
      `installed ${prefix}/ocimount (sha256 ${sha("front")})`,
    ]);
    expect(readFileSync(join(prefix, "ocimount-bun"), "utf8")).toBe("payload");
    expect(readFileSync(join(prefix, "SHA256SUMS"), "utf8")).toBe(
      `${sha("payload")}  ocimount-bun\n${sha("front")}  ocimount\n`,
    );
    writeFileSync(join(rel, "ocimount-bun"), "tampered");
    const bad = runCli(["install-hook", "--from", join(rel, "ocimount"), ...where]);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toStartWith(
      `ocimount: install-hook: checksum mismatch (${rel}/ocimount-bun): EINTEGRITY`,
    );
    rmSync(join(rel, "SHA256SUMS"));
    const none = runCli(["install-hook", "--from", join(rel, "ocimount"), ...where]);
    expect(none.stderr).toStartWith(
      "ocimount: install-hook: no checksums for the sealed executable",
    );
    const gone = runCli(["install-hook", "--uninstall", ...where]);
    expect(gone.exitCode).toBe(0);
    expect(existsSync(prefix)).toBe(false);
  });

  test("from bun (not the sealed executable) without --from: a usage error", () => {
    const r = release();
    chmodSync(r.exe, 0o755);
    const run = runCli(["install-hook", ...r.where]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("give --from FILE");
  });
});
