/**
 * Joins the mount namespace of pid argv[2] from this (threaded) bun process, first with a bare
 * setns(2), then with `enterMountNamespace`; prints what happened as JSON. Tests run it in a
 * private mount namespace of its own.
 */
import { readlinkSync } from "node:fs";
import { AT_FDCWD, CLONE_NEWNS, O_CLOEXEC, O_RDONLY } from "@ocimount/mount-flags/linux";
import { createSyscalls } from "../sys/ffi.ts";
import { enterMountNamespace } from "./enterMountNamespace.ts";

const sys = createSyscalls();
const pid = process.argv[2];
const code = (fn: () => unknown) => {
  try {
    return fn();
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
};
const own = sys.openat(AT_FDCWD, "/proc/thread-self/ns/mnt", O_RDONLY | O_CLOEXEC);
const theirs = sys.openat(AT_FDCWD, `/proc/${pid}/ns/mnt`, O_RDONLY | O_CLOEXEC);
const out = {
  ownAgain: code(() => enterMountNamespace(sys, own)),
  bareSetns: code(() => sys.setns(theirs, CLONE_NEWNS)),
  entered: code(() => enterMountNamespace(sys, theirs)),
  now: readlinkSync("/proc/thread-self/ns/mnt"),
  target: readlinkSync(`/proc/${pid}/ns/mnt`),
  enteredAgain: code(() => enterMountNamespace(sys, theirs)),
};
console.log(JSON.stringify(out));
