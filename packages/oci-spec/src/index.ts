export { SPEC_VERSION } from "./version.ts";
