#!/usr/bin/env bun
import { run } from "../src/run.ts";

process.exitCode = await run(process.argv.slice(2));
