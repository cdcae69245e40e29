import { MOUNT_OPTIONS, type MountOption } from "./MOUNT_OPTIONS.ts";
import { OPERATION_OPTIONS, type OperationOption } from "./OPERATION_OPTIONS.ts";
import { PROPAGATION_OPTIONS, type PropagationOption } from "./PROPAGATION_OPTIONS.ts";
import { RECURSIVE_OPTIONS, type RecursiveOption } from "./RECURSIVE_OPTIONS.ts";

/** A known option with the table it came from. */
export type KnownOption =
  | { kind: "flag"; entry: MountOption }
  | { kind: "operation"; entry: OperationOption }
  | { kind: "propagation"; entry: PropagationOption }
  | { kind: "recursive"; entry: RecursiveOption };

function buildIndex(): ReadonlyMap<string, KnownOption> {
  const index = new Map<string, KnownOption>();
  const add = (known: KnownOption): void => {
    if (index.has(known.entry.option)) {
      throw new Error(`mount option ${known.entry.option} is in two tables`);
    }
    index.set(known.entry.option, known);
  };
  for (const entry of MOUNT_OPTIONS) add({ kind: "flag", entry });
  for (const entry of OPERATION_OPTIONS) add({ kind: "operation", entry });
  for (const entry of PROPAGATION_OPTIONS) add({ kind: "propagation", entry });
  for (const entry of RECURSIVE_OPTIONS) add({ kind: "recursive", entry });
  return index;
}

/** Every known option by name (internal: built once from the four tables). */
export const OPTION_INDEX: ReadonlyMap<string, KnownOption> = buildIndex();
