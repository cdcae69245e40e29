/**
 * Environment variables that make the runtime load or run something before ocimount's own code
 * does, or write files on its behalf. Every form of ocimount (the sealed executable's front, the
 * npm launcher and the bundled entry point) refuses to start while one of them is set, with the
 * one-line message of `refusalMessage`. `tests/sealed-exe.test.ts` shows with Bun 1.4.5 that
 * BUN_OPTIONS (a --preload), BUN_BE_BUN and BUN_BYTECODE_ORDER_OUT act before any of our code can
 * look at them, in a compiled executable too; the other rows are refused on what Bun and the
 * loader document.
 *
 * This table drives the C front (`front.c`, through a generated header), the npm launcher
 * (`ocimount.sh`, generated) and `refusedVariable`: one list, three places.
 */

/** One refused variable, or a family of them (`match: "prefix"`). */
export interface RefusedVariable {
  /** The variable's name, or the prefix every name of the family starts with. */
  readonly name: string;
  readonly match: "name" | "prefix";
  /**
   * Who acts on it: Bun, Node.js (the npm launcher's fallback when Bun is missing) or the dynamic
   * loader (every dynamically linked runtime). A form refuses the rows of the runtime it starts.
   */
  readonly runtime: "bun" | "node" | "loader";
  /** What it does, for the refusal message. */
  readonly effect: string;
}

/** Every refused variable, in the order the forms check them. */
export const REFUSED_ENVIRONMENT: readonly RefusedVariable[] = [
  {
    name: "BUN_OPTIONS",
    match: "name",
    runtime: "bun",
    effect: "Bun applies its options, such as --preload, before ocimount's code runs",
  },
  {
    name: "BUN_BE_BUN",
    match: "name",
    runtime: "bun",
    effect: "a compiled Bun executable becomes the bun CLI",
  },
  {
    name: "BUN_INSPECT",
    match: "prefix",
    runtime: "bun",
    effect: "Bun hands the process to a debugger",
  },
  {
    name: "BUN_JSC_",
    match: "prefix",
    runtime: "bun",
    effect: "Bun passes it to the JavaScript engine as an option",
  },
  {
    name: "BUN_BYTECODE_",
    match: "prefix",
    runtime: "bun",
    effect: "a compiled Bun executable writes a profile to that path",
  },
  {
    name: "NODE_OPTIONS",
    match: "name",
    runtime: "node",
    effect: "Node.js applies its options, such as --require, before ocimount's code runs",
  },
  {
    name: "LD_PRELOAD",
    match: "name",
    runtime: "loader",
    effect: "the dynamic loader loads that library into the process",
  },
  {
    name: "LD_AUDIT",
    match: "name",
    runtime: "loader",
    effect: "the dynamic loader loads that library into the process",
  },
  {
    name: "LD_LIBRARY_PATH",
    match: "name",
    runtime: "loader",
    effect: "the dynamic loader looks for libraries there first",
  },
];
