/**
 * Fails the import of @ocimount/mounter anywhere but Bun, with one clear message. index.ts
 * loads it first, so in plain Node it throws before any other module of the package runs
 * (nothing here imports bun:ffi statically, so Node links the package and gets this far instead
 * of failing with a cryptic ERR_UNSUPPORTED_ESM_URL_SCHEME). In Bun it does nothing.
 */
if (typeof (globalThis as { Bun?: unknown }).Bun === "undefined") {
  throw new Error("@ocimount/mounter needs Bun (it uses bun:ffi); see README");
}

export {};
