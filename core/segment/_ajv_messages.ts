// The messages of Segment's AggregateAjvError (AJV's errors, told in words with the fields'
// labels as titles), written from the field engine's issues.
import type { FieldIssue } from "../errors.ts";
import type { InputField, InputFields } from "../fields/mod.ts";

// The labels Segment's error messages give JSON Schema formats.
const FORMAT_LABELS: Readonly<Record<string, string>> = {
  "date-time": "date and time",
  email: "email address",
  ipv4: "IPv4 address",
  ipv6: "IPv6 address",
  uri: "URI",
  "uri-reference": "URI Reference",
  "uri-template": "URI-template",
  "json-pointer": "JSON Pointer",
  "relative-json-pointer": "relative JSON Pointer",
  regex: "regular expression",
};

// The schema a path step reaches: its title (a field's label) and the fields inside it.
interface Step {
  title?: string;
  field?: InputField;
  properties?: InputFields;
}

// Splits a field path such as `items[0].id` into its keys and indexes.
function splitPath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    keys.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  return keys;
}

// Walks the fields along `keys`: an index enters a multiple field's items, which have no title.
function stepTo(fields: InputFields, keys: readonly (string | number)[]): Step {
  let step: Step = { properties: fields };
  for (const key of keys) {
    if (typeof key === "number") {
      step = { field: step.field, properties: step.properties };
      continue;
    }
    const field = step.properties?.[key];
    if (field === undefined) return {};
    step = {
      title: field.label,
      field,
      properties: field.properties as InputFields | undefined,
    };
  }
  return step;
}

// AJV's instance path, such as `/items/0`.
function pointer(keys: readonly (string | number)[]): string {
  return keys.map((key) =>
    `/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`
  ).join("");
}

function valueAt(
  payload: unknown,
  keys: readonly (string | number)[],
): unknown {
  let value = payload;
  for (const key of keys) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function subject(
  fields: InputFields,
  keys: readonly (string | number)[],
): string {
  const { title } = stepTo(fields, keys);
  if (title) return title;
  return keys.length === 0 ? "the root value" : `the value at ${pointer(keys)}`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value === undefined) return "undefined";
  return `${article(typeof value)} ${typeof value}`;
}

function list(items: readonly string[]): string {
  if (items.length <= 2) return items.join(" or ");
  return `${items.slice(0, -1).join(", ")}, or ${items[items.length - 1]}`;
}

function characters(count: number): string {
  return `${count} ${count === 1 ? "character" : "characters"}`;
}

function choiceValues(field: InputField | undefined): string[] {
  const choices = (field?.choices ?? []) as unknown[];
  return choices.map((choice) =>
    JSON.stringify(
      choice !== null && typeof choice === "object"
        ? (choice as { value: unknown }).value
        : choice,
    )
  );
}

// Where AJV reports an issue, as a sort key: at each object, the missing required keys come
// first, then the checks of its properties in the fields' order (items by index).
function issueOrder(
  fields: InputFields,
  keys: readonly (string | number)[],
  required: boolean,
): number[] {
  const order: number[] = [];
  let properties: InputFields | undefined = fields;
  keys.forEach((key, depth) => {
    order.push(required && depth === keys.length - 1 ? 0 : 1);
    if (typeof key === "number") {
      order.push(key);
      return;
    }
    const names: string[] = properties === undefined
      ? []
      : Object.keys(properties);
    order.push(names.indexOf(key));
    properties = properties?.[key]?.properties as InputFields | undefined;
  });
  return order;
}

function compareOrders(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < a.length && index < b.length; index++) {
    if (a[index] !== b[index]) return a[index] - b[index];
  }
  return a.length - b.length;
}

/**
 * Tells the issues of a failed validation as Segment's AggregateAjvError does: one sentence
 * each, in AJV's order, joined by spaces.
 */
export function ajvMessages(
  fields: InputFields,
  payload: unknown,
  issues: readonly FieldIssue[],
): string {
  const keyed = issues.map((issue) => ({
    issue,
    order: issueOrder(
      fields,
      splitPath(issue.path),
      issue.message === "is required",
    ),
  }));
  keyed.sort((a, b) => compareOrders(a.order, b.order));
  return keyed.map(({ issue }) => ajvMessage(fields, payload, issue)).join(" ");
}

/**
 * Tells one issue of the field engine as Segment's AggregateAjvError does: sentence case, a
 * final period, the field's label (or `the value at /path`) as subject. An issue AJV would
 * word differently and that has no rule here keeps the engine's words after the subject.
 */
function ajvMessage(
  fields: InputFields,
  payload: unknown,
  issue: FieldIssue,
): string {
  const keys = splitPath(issue.path);
  const { message } = issue;
  let text: string;
  if (message === "is required" && keys.length > 0) {
    const parent = keys.slice(0, -1);
    text = `${subject(fields, parent)} is missing the required field '${
      keys[keys.length - 1]
    }'`;
  } else {
    const own = subject(fields, keys);
    const value = valueAt(payload, keys);
    const type = /^must be (.+), received /.exec(message);
    const format = /^must be a valid (.+)$/.exec(message);
    const length = /^must be at (least|most) (\d+) characters long$/.exec(
      message,
    );
    const limit = /^must be at (least|most) (-?[\d.e+-]+)$/.exec(message);
    if (message.startsWith("must be one of ")) {
      const values = choiceValues(stepTo(fields, keys).field);
      text = `${own} must be one of: ${list(values)}`;
    } else if (type !== null) {
      text = `${own} must be ${type[1]} but it was ${typeOf(value)}`;
    } else if (format !== null) {
      text = `${own} must be a valid ${
        FORMAT_LABELS[format[1]] ?? format[1]
      } string but it was not`;
    } else if (length !== null && typeof value === "string") {
      text = `${own} must be ${characters(Number(length[2]))} or ${
        length[1] === "least" ? "more" : "fewer"
      } but it was ${characters(value.length)}`;
    } else if (limit !== null) {
      text = `${own} must be equal to or ${
        limit[1] === "least" ? "greater" : "less"
      } than ${limit[2]}`;
    } else {
      text = `${own} ${message}`;
    }
  }
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
