export { installBuilt } from "./installBuilt.ts";
export { addToTree, type MakeTreeOptions, makeTree, removeTree, type Tree } from "./makeTree.ts";
export { type RandomTreeProfile, randomPath, randomTree } from "./randomTree.ts";
export { seededRandom } from "./seededRandom.ts";
export { directory, fifo, file, link, type TreeEntry, type TreeSpec } from "./treeEntry.ts";
