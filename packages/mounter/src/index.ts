export { errnoName } from "./errnoName.ts";
