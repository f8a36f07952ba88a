// Segment's directive guards over mapping values.

const DIRECTIVE_KEYS = new Set([
  "@if",
  "@path",
  "@template",
  "@literal",
  "@arrayPath",
  "@case",
  "@replace",
  "@json",
  "@flatten",
  "@merge",
  "@transform",
  "@excludeWhenNull",
  "@liquid",
]);

type Bag = Record<string, unknown>;

/** A mapping value: a literal, an object of values, or a directive. */
export type FieldValue = string | number | boolean | object | Directive;
/** A value without structure. */
export type PrimitiveValue = boolean | number | string | null;
/** `_metadata` a directive may carry beside its key. */
export interface DirectiveMetadata {
  _metadata?: { label?: string; type: string };
}
/** `{ "@path": "$.a.b" }` */
export interface PathDirective extends DirectiveMetadata {
  "@path": string;
}
/** `{ "@template": "{{a}}" }` */
export interface TemplateDirective extends DirectiveMetadata {
  "@template": string;
}
/** `{ "@literal": value }` */
export interface LiteralDirective extends DirectiveMetadata {
  "@literal": PrimitiveValue | Record<string, FieldValue>;
}
/** `{ "@if": { exists | blank, then, else } }` */
export interface IfDirective extends DirectiveMetadata {
  "@if": {
    exists?: FieldValue;
    blank?: FieldValue;
    then: FieldValue;
    else?: FieldValue;
  };
}
/** `{ "@arrayPath": [path, shape?] }` */
export interface ArrayPathDirective extends DirectiveMetadata {
  "@arrayPath": [string, { [key: string]: FieldValue } | undefined] | [string];
}
/** `{ "@case": { operator, value } }` */
export interface CaseDirective extends DirectiveMetadata {
  "@case": { operator: string; value?: FieldValue };
}
/** `{ "@replace": { pattern, replacement, value, ... } }` */
export interface ReplaceDirective extends DirectiveMetadata {
  "@replace": {
    pattern: string;
    replacement: string;
    pattern2?: string;
    replacement2?: string;
    value?: FieldValue;
    ignorecase?: boolean;
    global?: boolean;
  };
}
/** `{ "@json": { value, mode } }` */
export interface JSONDirective extends DirectiveMetadata {
  "@json": { value: FieldValue; mode: PrimitiveValue };
}
/** `{ "@flatten": { value, separator } }` */
export interface FlattenDirective extends DirectiveMetadata {
  "@flatten": { value: FieldValue; separator: string };
}
/** `{ "@merge": { objects, direction } }` */
export interface MergeDirective extends DirectiveMetadata {
  "@merge": { objects: FieldValue[]; direction: "left" | "right" };
}
/** `{ "@transform": { apply, mapping } }` */
export interface TransformDirective extends DirectiveMetadata {
  "@transform": { apply: FieldValue; mapping: FieldValue };
}
/** `{ "@excludeWhenNull": value }` */
export interface ExcludeWhenNullDirective extends DirectiveMetadata {
  "@excludeWhenNull": FieldValue;
}
/** `{ "@liquid": "{{ a }}" }` */
export interface LiquidDirective extends DirectiveMetadata {
  "@liquid": string;
}
/** Any directive. */
export type Directive =
  | IfDirective
  | TemplateDirective
  | PathDirective
  | LiteralDirective
  | ArrayPathDirective
  | CaseDirective
  | ReplaceDirective
  | JSONDirective
  | FlattenDirective
  | MergeDirective
  | TransformDirective
  | ExcludeWhenNullDirective
  | LiquidDirective;

/** Whether `value` is an object with at least one directive key. */
export function isDirective(value: unknown): value is Directive {
  return value !== null && typeof value === "object" &&
    Object.keys(value).some((key) => DIRECTIVE_KEYS.has(key));
}

function hasObject(value: unknown, key: string, member: string): boolean {
  if (!isDirective(value) || !(key in value)) return false;
  const inner = (value as unknown as Bag)[key];
  return inner !== null && typeof inner === "object" && member in inner;
}

/** Whether `value` is a `@literal` directive. */
export function isLiteralDirective(value: unknown): value is LiteralDirective {
  return isDirective(value) && "@literal" in value;
}
/** Whether `value` is a `@template` directive. */
export function isTemplateDirective(
  value: unknown,
): value is TemplateDirective {
  return isDirective(value) && "@template" in value;
}
/** Whether `value` is a `@path` directive. */
export function isPathDirective(value: unknown): value is PathDirective {
  return isDirective(value) && "@path" in value;
}
/** Whether `value` is an `@if` directive with `exists` or `blank`. */
export function isIfDirective(value: unknown): value is IfDirective {
  return hasObject(value, "@if", "exists") || hasObject(value, "@if", "blank");
}
/** Whether `value` is an `@arrayPath` directive with a list. */
export function isArrayPathDirective(
  value: unknown,
): value is ArrayPathDirective {
  return isDirective(value) && "@arrayPath" in value &&
    Array.isArray((value as unknown as Bag)["@arrayPath"]);
}
/** Whether `value` is a `@case` directive with an `operator`. */
export function isCaseDirective(value: unknown): value is CaseDirective {
  return hasObject(value, "@case", "operator");
}
/** Whether `value` is a `@replace` directive with a `pattern`. */
export function isReplaceDirective(value: unknown): value is ReplaceDirective {
  return hasObject(value, "@replace", "pattern");
}
/** Whether `value` is a `@json` directive with a `value`. */
export function isJSONDirective(value: unknown): value is JSONDirective {
  return hasObject(value, "@json", "value");
}
/** Whether `value` is an `@excludeWhenNull` directive. */
export function isExcludeWhenNullDirective(
  value: unknown,
): value is ExcludeWhenNullDirective {
  return isDirective(value) && "@excludeWhenNull" in value;
}

/** Returns a `@template` directive's template, else `value` itself. */
export function getFieldValue(value: unknown): unknown {
  return isTemplateDirective(value) ? value["@template"] : value;
}
