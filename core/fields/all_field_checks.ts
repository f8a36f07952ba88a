import type { CompileFieldChecksOptions } from "./compile_field_checks.ts";
import { dependentRequirements } from "./dependent_requirements.ts";
import { FORMAT_CHECKS } from "./format_checks.ts";
import { fieldKinds } from "./kinds/field_kinds.ts";
import { runStandardSchema } from "./standard_schema_runner.ts";

/**
 * Every field kind, string format and feature, for {@linkcode compileFieldChecks}:
 * what validators use outside browser bundles (which import only what their
 * fields need).
 */
export const allFieldChecks: CompileFieldChecksOptions = {
  kinds: fieldKinds,
  formats: FORMAT_CHECKS,
  requirements: dependentRequirements,
  runSchema: runStandardSchema,
};
