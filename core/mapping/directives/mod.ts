/**
 * The directives of the mapping language, one file each (compiler,
 * validation rule, keys read): `standardDirectives` (all but `@liquid`) and
 * `liquidDirective`, to pass to `compileMappingWith`, and their validation
 * rules (`standardRules`, `liquidRule`), for `createMappingValidator`.
 *
 * @module
 */
export { standardDirectives, standardRules } from "./standard.ts";
export { liquidDirective, liquidRule } from "./liquid.ts";
export type {
  Check,
  Checker,
  CompileContext,
  Directive,
  Resolver,
  Rule,
  Stack,
} from "./_types.ts";
