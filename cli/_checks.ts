import {
  checkFieldDefinitions,
  explainFqlDifferences,
  FqlSyntaxError,
  parseFql,
  validateMapping,
} from "@destkit/core";
import type { InputField, InputFields } from "@destkit/core";
import type { Finding } from "./_finding.ts";
import type { LoadedDefinition } from "./_load.ts";
import { checkSlug } from "./_names.ts";

/** Where the findings of one definition point. */
export interface CheckContext {
  /** The folder of the destination. */
  folder: string;
  /** The file of the definition. */
  file: string;
  /** The file an action is written in. */
  actionFile(action: string): string;
}

const SECRET =
  /(secret|password|passwd|token|api_?key|private_?key|credential)/i;
const NOT_SECRET = /(url|uri|endpoint|type|name|region|id)$/i;

type Report = (level: Finding["level"], path: string, message: string) => void;

function isDirectiveObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) &&
    Object.keys(value).some((key) => key.startsWith("@"));
}

function choiceValues(field: InputField): unknown[] | undefined {
  return field.choices?.map((choice) =>
    typeof choice === "object" ? choice.value : choice
  );
}

function literalFits(field: InputField, value: unknown): string | undefined {
  if (value === null) {
    return field.allowNull
      ? undefined
      : "is null but the field does not allow null";
  }
  if (field.multiple) {
    if (!Array.isArray(value)) {
      return "is not an array but the field is multiple";
    }
    for (const item of value) {
      const problem = literalFits({ ...field, multiple: false }, item);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  const kind = typeof value;
  const expected: Record<string, string[]> = {
    string: ["string"],
    text: ["string"],
    password: ["string"],
    datetime: ["string", "number"],
    number: ["number"],
    integer: ["number"],
    boolean: ["boolean"],
    object: ["object"],
  };
  if (!(expected[field.type] ?? []).includes(kind)) {
    return `is ${JSON.stringify(value)} but the field is of type ${field.type}`;
  }
  if (field.type === "integer" && !Number.isInteger(value)) {
    return `is ${value} but the field is an integer`;
  }
  const values = choiceValues(field);
  if (values !== undefined && !values.includes(value)) {
    return `is ${JSON.stringify(value)}, which is not one of its choices (${
      values.map((v) => JSON.stringify(v)).join(", ")
    })`;
  }
  return undefined;
}

/** Checks a mapping as the runtime will, one finding per fault. */
function checkMapping(mapping: unknown, path: string, report: Report): void {
  try {
    validateMapping(mapping);
  } catch (error) {
    const errors = error instanceof AggregateError ? error.errors : [error];
    for (const fault of errors) {
      report(
        "error",
        path,
        `the mapping is invalid: ${
          fault instanceof Error ? fault.message : String(fault)
        }`,
      );
    }
  }
}

/** Checks fields: descriptions, choices and defaults that fit, nested properties. */
export function checkFields(
  fields: InputFields,
  prefix: string,
  report: Report,
): void {
  for (const [key, field] of Object.entries(fields)) {
    const path = `${prefix}.${key}`;
    if (typeof field !== "object" || field === null) {
      report("error", path, "a field must be an object");
      continue;
    }
    if (typeof field.label !== "string" || field.label.trim() === "") {
      report("error", path, "the field has no label");
    }
    if (
      typeof field.description !== "string" || field.description.trim() === ""
    ) {
      report("error", path, "the field has no description");
    }
    if (isDirectiveObject(field.default)) {
      checkMapping({ [key]: field.default }, `${path}.default`, report);
    }
    try {
      checkFieldDefinitions({ [key]: field }, prefix);
    } catch (error) {
      report(
        "error",
        path,
        error instanceof Error ? error.message : String(error),
      );
      continue;
    }
    const values = choiceValues(field);
    for (const [index, value] of (values ?? []).entries()) {
      const problem = literalFits({
        ...field,
        choices: undefined,
        multiple: false,
      }, value);
      if (problem !== undefined) {
        report("error", `${path}.choices[${index}]`, `the choice ${problem}`);
      }
    }
    if (
      field.default !== undefined && !isDirectiveObject(field.default) &&
      field.type !== "object"
    ) {
      const problem = literalFits(field, field.default);
      if (problem !== undefined) {
        report("error", `${path}.default`, `the default ${problem}`);
      }
    }
    if (field.properties !== undefined) {
      checkFields(field.properties, `${path}.properties`, report);
    }
  }
}

/** Checks the settings fields: those above plus secrets typed `password`. */
function checkSettings(
  fields: InputFields,
  prefix: string,
  report: Report,
): void {
  checkFields(fields, prefix, report);
  for (const [key, field] of Object.entries(fields)) {
    if (
      SECRET.test(key) && !NOT_SECRET.test(key) && field.type !== "password"
    ) {
      report(
        "error",
        `${prefix}.${key}`,
        `"${key}" looks like a secret but is of type ${field.type}: make it type "password" so it is masked and redacted`,
      );
    }
  }
}

/** Checks a subscription query: it parses, and where Segment would differ. */
function checkQuery(query: unknown, path: string, report: Report): void {
  if (typeof query !== "string") {
    report("error", path, "the subscription must be a string");
    return;
  }
  try {
    parseFql(query);
  } catch (error) {
    if (error instanceof FqlSyntaxError) {
      report("error", path, error.message);
      return;
    }
    throw error;
  }
  for (const difference of explainFqlDifferences(query)) {
    report(
      "warning",
      path,
      `column ${difference.column}: ${difference.message}`,
    );
  }
}

/** Returns the findings of one destination's definition (everything but slug uniqueness and git). */
export function checkDefinition(
  definition: LoadedDefinition,
  context: CheckContext,
): Finding[] {
  const findings: Finding[] = [];
  let file = context.file;
  const report: Report = (level, path, message) =>
    findings.push({ level, file, path, message });

  if (typeof definition.name !== "string" || definition.name.trim() === "") {
    report("error", "name", "the destination has no name");
  }
  if (definition.slug === undefined) {
    report("error", "slug", "the destination has no slug");
  } else {
    const problem = checkSlug(definition.slug);
    if (problem !== undefined) report("error", "slug", problem);
  }
  if (definition.mode !== "cloud" && definition.mode !== "device") {
    report(
      "error",
      "mode",
      `the mode must be "cloud" or "device", not ${
        JSON.stringify(definition.mode)
      }`,
    );
  }
  if (definition.authentication?.fields !== undefined) {
    checkSettings(
      definition.authentication.fields,
      "authentication.fields",
      report,
    );
  }
  // Device-mode settings ship to the browser, so a key there is public by design.
  if (definition.settings !== undefined) {
    checkFields(definition.settings, "settings", report);
  }

  const actions = definition.actions ?? {};
  for (const [key, action] of Object.entries(actions)) {
    file = context.actionFile(key);
    const path = `actions.${key}`;
    if (typeof action.title !== "string" || action.title.trim() === "") {
      report("error", `${path}.title`, "the action has no title");
    }
    if (
      typeof action.description !== "string" || action.description.trim() === ""
    ) {
      report("error", `${path}.description`, "the action has no description");
    }
    if (action.defaultSubscription !== undefined) {
      checkQuery(
        action.defaultSubscription,
        `${path}.defaultSubscription`,
        report,
      );
    }
    checkFields(action.fields ?? {}, `${path}.fields`, report);
  }

  file = context.file;
  for (const [index, preset] of (definition.presets ?? []).entries()) {
    const path = `presets[${index}]`;
    if (typeof preset.name !== "string" || preset.name === "") {
      report("error", `${path}.name`, "the preset has no name");
    }
    const action = actions[preset.partnerAction];
    if (action === undefined) {
      const known = Object.keys(actions).join(", ") || "there are none";
      report(
        "error",
        `${path}.partnerAction`,
        `no action is named "${preset.partnerAction}" (actions: ${known})`,
      );
    }
    if (preset.type !== "specificEvent") {
      checkQuery(
        (preset as { subscribe?: unknown }).subscribe,
        `${path}.subscribe`,
        report,
      );
    }
    if (preset.mapping !== undefined && action !== undefined) {
      const fields = action.fields ?? {};
      for (const key of Object.keys(preset.mapping)) {
        if (!(key in fields)) {
          report(
            "error",
            `${path}.mapping.${key}`,
            `action "${preset.partnerAction}" has no field "${key}"`,
          );
        }
      }
      checkMapping(preset.mapping, `${path}.mapping`, report);
    }
  }
  return findings;
}
