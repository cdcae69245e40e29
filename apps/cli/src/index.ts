export { main } from "./main.ts";
export { run } from "./run.ts";
export { VERSION } from "./version.ts";
