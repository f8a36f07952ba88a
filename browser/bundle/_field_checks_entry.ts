import type {
  FieldFormat,
  InputField,
  InputFields,
} from "../../core/fields/input_field.ts";
import { FORMAT_CHECKS } from "../../core/fields/format_checks.ts";
import { fieldKinds } from "../../core/fields/kinds/mod.ts";

/** The field kinds (`type`) and string formats a destination's fields use. */
export interface FieldKindSelection {
  types: readonly string[];
  formats: readonly string[];
  /**
   * Whether a field is required by conditions (`required: { conditions }`);
   * without one, the bundle leaves out the code that evaluates them.
   * @default {true}
   */
  conditionalRequired?: boolean;
  /**
   * Whether a field has a Standard Schema (`schema`); without one, the bundle
   * leaves out the code that runs them.
   * @default {true}
   */
  standardSchema?: boolean;
}

/** The parts of a definition whose fields decide which kinds a bundle carries. */
export interface FieldsOfDefinition {
  settings?: InputFields;
  actions?: Record<string, { fields?: InputFields }>;
}

// What the entry imports for each format, from core/fields/formats.ts.
const FORMAT_FUNCTIONS: Readonly<Record<FieldFormat, string>> = {
  date: "isDate",
  "date-time": "isDateTime",
  email: "isEmail",
  hostname: "isHostname",
  ipv4: "isIPv4",
  ipv6: "isIPv6",
  password: "isAnyText",
  regex: "isRegex",
  text: "isAnyText",
  time: "isTime",
  uri: "isURI",
  "uri-reference": "isURIReference",
  "uri-template": "isURITemplate",
  uuid: "isUUID",
};

/** Returns the kinds and formats of every field of a definition, nested `properties` included. */
export function collectFieldKinds(
  definition: FieldsOfDefinition,
): FieldKindSelection {
  const types = new Set<string>();
  const formats = new Set<string>();
  let conditionalRequired = false;
  let standardSchema = false;
  function visit(fields: InputFields | undefined): void {
    for (const field of Object.values(fields ?? {}) as InputField[]) {
      types.add(field.type);
      if (field.format !== undefined) formats.add(field.format);
      if (typeof field.required === "object") conditionalRequired = true;
      if (field.schema !== undefined) standardSchema = true;
      visit(field.properties);
    }
  }
  visit(definition.settings);
  for (const action of Object.values(definition.actions ?? {})) {
    visit(action.fields);
  }
  return {
    types: [...types].sort(),
    formats: [...formats].sort(),
    conditionalRequired,
    standardSchema,
  };
}

/** What {@linkcode generateFieldChecksEntry} writes: imports, and the options expression. */
export interface FieldChecksSource {
  /** The import statements, one a line. */
  imports: string;
  /** A `CompileFieldChecksOptions` expression naming only what was imported. */
  expression: string;
}

/**
 * Returns the source a bundle's entry uses to pass the field checks of
 * `selection` (`withFieldChecks`): ordinary imports of the kinds, the format
 * checks and the features the fields use, from core's public modules under
 * `root`, so that esbuild leaves every other kind and format out.
 *
 * @throws {Error} When `selection` names a kind or format core does not know.
 */
export function generateFieldChecksEntry(
  selection: FieldKindSelection,
  root: string,
): FieldChecksSource {
  const { conditionalRequired = true, standardSchema = true } = selection;
  const kinds: string[] = [];
  for (const type of selection.types) {
    if (!Object.hasOwn(fieldKinds, type)) {
      throw new Error(
        `Cannot bundle field kinds: type ${JSON.stringify(type)} is unknown`,
      );
    }
    kinds.push(type);
  }
  const formats = new Map<string, string>();
  for (const format of selection.formats) {
    if (!Object.hasOwn(FORMAT_CHECKS, format)) {
      throw new Error(
        `Cannot bundle string formats: format ${
          JSON.stringify(format)
        } is unknown`,
      );
    }
    formats.set(format, FORMAT_FUNCTIONS[format as FieldFormat]);
  }
  const from = (path: string) => JSON.stringify(`${root}/core/fields/${path}`);
  const imports: string[] = [];
  const names = kinds.map((type) => `${type}Check`);
  if (names.length > 0) {
    imports.push(
      `import { ${names.join(", ")} } from ${from("kinds/mod.ts")};`,
    );
  }
  const functions = [...new Set(formats.values())];
  if (functions.length > 0) {
    imports.push(
      `import { ${functions.join(", ")} } from ${from("formats.ts")};`,
    );
  }
  const options = [
    `kinds: { ${
      kinds.map((type) => `${JSON.stringify(type)}: ${type}Check`).join(", ")
    } }`,
    `formats: { ${
      [...formats].map(([format, name]) => `${JSON.stringify(format)}: ${name}`)
        .join(", ")
    } }`,
  ];
  if (conditionalRequired) {
    imports.push(
      `import { dependentRequirements } from ${
        from("dependent_requirements.ts")
      };`,
    );
    options.push("requirements: dependentRequirements");
  }
  if (standardSchema) {
    imports.push(
      `import { runStandardSchema } from ${from("standard_schema_runner.ts")};`,
    );
    options.push("runSchema: runStandardSchema");
  }
  return {
    imports: imports.join("\n"),
    expression: `{ ${options.join(", ")} }`,
  };
}
