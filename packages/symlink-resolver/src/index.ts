export { isInsideRoot } from "./isInsideRoot.ts";
