export { installBuilt } from "./installBuilt.ts";
