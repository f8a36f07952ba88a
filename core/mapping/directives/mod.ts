// The directive table without @liquid, so that builds which leave liquidjs out can use it.
import type { DirectiveTable } from "./_types.ts";
import { compileArrayPath } from "./array_path.ts";
import { compileCase } from "./case.ts";
import { compileExcludeWhenNull } from "./exclude_when_null.ts";
import { compileFlatten } from "./flatten.ts";
import { compileIf } from "./if.ts";
import { compileJSON } from "./json.ts";
import { compileLiteral } from "./literal.ts";
import { compileMerge } from "./merge.ts";
import { compilePath } from "./path.ts";
import { compileReplace } from "./replace.ts";
import { compileTemplate } from "./template.ts";
import { compileTransform } from "./transform.ts";

/** The twelve directives that need no third-party code. */
export const BASE_DIRECTIVES: DirectiveTable = {
  "@path": compilePath,
  "@template": compileTemplate,
  "@literal": compileLiteral,
  "@if": compileIf,
  "@case": compileCase,
  "@replace": compileReplace,
  "@arrayPath": compileArrayPath,
  "@json": compileJSON,
  "@flatten": compileFlatten,
  "@merge": compileMerge,
  "@transform": compileTransform,
  "@excludeWhenNull": compileExcludeWhenNull,
};
