export { MS_NODEV, MS_NOEXEC, MS_NOSUID, MS_RDONLY } from "./constants.ts";
