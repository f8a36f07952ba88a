// The directives that need no third-party code; `@liquid` (liquid.ts) is passed in where wanted,
// so that a bundle that leaves it out never reaches liquidjs.
import type { Directive, Rule } from "./_types.ts";
import { arrayPathDirective, arrayPathRule } from "./array_path.ts";
import { caseDirective, caseRule } from "./case.ts";
import {
  excludeWhenNullDirective,
  excludeWhenNullRule,
} from "./exclude_when_null.ts";
import { flattenDirective, flattenRule } from "./flatten.ts";
import { ifDirective, ifRule } from "./if.ts";
import { jsonDirective, jsonRule } from "./json.ts";
import { literalDirective, literalRule } from "./literal.ts";
import { mergeDirective, mergeRule } from "./merge.ts";
import { pathDirective, pathRule } from "./path.ts";
import { replaceDirective, replaceRule } from "./replace.ts";
import { templateDirective, templateRule } from "./template.ts";
import { transformDirective, transformRule } from "./transform.ts";

/** The twelve directives of the mapping language that need no third-party code: all but `@liquid`. */
export const standardDirectives: readonly Directive[] = [
  pathDirective,
  templateDirective,
  literalDirective,
  ifDirective,
  caseDirective,
  replaceDirective,
  arrayPathDirective,
  jsonDirective,
  flattenDirective,
  mergeDirective,
  transformDirective,
  excludeWhenNullDirective,
];

/** The validation rules of the twelve, by directive name, for `createMappingValidator`. */
export const standardRules: Readonly<Record<string, Rule>> = {
  "@path": pathRule,
  "@template": templateRule,
  "@literal": literalRule,
  "@if": ifRule,
  "@case": caseRule,
  "@replace": replaceRule,
  "@arrayPath": arrayPathRule,
  "@json": jsonRule,
  "@flatten": flattenRule,
  "@merge": mergeRule,
  "@transform": transformRule,
  "@excludeWhenNull": excludeWhenNullRule,
};
