export { installBuilt } from "./installBuilt.ts";
export { seededRandom } from "./seededRandom.ts";
