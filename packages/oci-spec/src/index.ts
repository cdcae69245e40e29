export type { BundleErrorCode, BundleErrorDetails } from "./bundle/BundleError.ts";
export { BundleError } from "./bundle/BundleError.ts";
export type { BundleConfig, ReadBundleConfigOptions } from "./bundle/readBundleConfig.ts";
export { readBundleConfig } from "./bundle/readBundleConfig.ts";
export type { ReadJsonDocumentOptions } from "./bundle/readJsonDocument.ts";
export { DEFAULT_MAX_BYTES, readJsonDocument } from "./bundle/readJsonDocument.ts";
export type { ReadJsonTextOptions } from "./bundle/readJsonText.ts";
export { DEFAULT_MAX_DEPTH, readJsonText } from "./bundle/readJsonText.ts";
export { checkForSetup } from "./lint/checkForSetup.ts";
export { isBindMount } from "./lint/isBindMount.ts";
export { isKnownMountOption, KNOWN_MOUNT_OPTIONS } from "./lint/knownMountOptions.ts";
export type { LintOptions } from "./lint/lintConfig.ts";
export { lintConfig } from "./lint/lintConfig.ts";
export type { SetupConfig } from "./lint/SetupConfig.ts";
export type { SpecWarning } from "./lint/SpecWarning.ts";
export type { Features } from "./schemas/features.ts";
export { FeaturesSchema } from "./schemas/features.ts";
export type { FreeBSD } from "./schemas/freebsd.ts";
export type { Hook, Hooks } from "./schemas/hooks.ts";
export type { Linux, LinuxDevice, LinuxNamespace } from "./schemas/linux.ts";
export type { LinuxResources } from "./schemas/linuxResources.ts";
export type { LinuxSeccomp } from "./schemas/linuxSeccomp.ts";
export type { IDMapping, Mount } from "./schemas/mount.ts";
export { MountSchema } from "./schemas/mount.ts";
export type { Process } from "./schemas/process.ts";
export type { Solaris } from "./schemas/solaris.ts";
export type { Root, Spec } from "./schemas/spec.ts";
export { SpecSchema } from "./schemas/spec.ts";
export type { State } from "./schemas/state.ts";
export { StateSchema } from "./schemas/state.ts";
export type { VM } from "./schemas/vm.ts";
export type { Windows } from "./schemas/windows.ts";
export type { ZOS } from "./schemas/zos.ts";
export { parseConfig } from "./validate/parseConfig.ts";
export type { SpecIssue, ValidationResult } from "./validate/SpecIssue.ts";
export { SpecValidationError } from "./validate/SpecValidationError.ts";
export { validateConfig } from "./validate/validateConfig.ts";
export { validateFeatures } from "./validate/validateFeatures.ts";
export {
  isReadBySetup,
  SETUP_PATHS,
  type SetupValidation,
  validateConfigForSetup,
} from "./validate/validateForSetup.ts";
export { type HookMounts, validateHookMounts } from "./validate/validateHookMounts.ts";
export { validateState } from "./validate/validateState.ts";
export { SPEC_VERSION } from "./version.ts";
