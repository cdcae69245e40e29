/** The runtime-spec release these schemas follow. */
export const SPEC_VERSION = "1.3.0";
