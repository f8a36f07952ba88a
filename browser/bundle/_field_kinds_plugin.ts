import type { Plugin } from "esbuild";
import type {
  FieldFormat,
  FieldType,
  InputField,
  InputFields,
} from "../../core/fields/input_field.ts";

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

// What the generated kind table imports for each `type`, from core/fields/kinds/.
const KIND_SOURCES: Readonly<Record<FieldType, [string, string, string]>> = {
  string: ["stringCheck", "./_string_check.ts", "stringCheck"],
  text: ["stringCheck", "./_string_check.ts", "stringCheck"],
  password: ["stringCheck", "./_string_check.ts", "stringCheck"],
  number: [
    "makeNumberCheck",
    "./_number_check.ts",
    'makeNumberCheck("number")',
  ],
  integer: [
    "makeNumberCheck",
    "./_number_check.ts",
    'makeNumberCheck("integer")',
  ],
  datetime: ["datetimeCheck", "./_datetime_check.ts", "datetimeCheck"],
  boolean: ["booleanCheck", "./_boolean_check.ts", "booleanCheck"],
  object: ["objectCheck", "./_object_check.ts", "objectCheck"],
};

// What the generated format table imports for each format, from core/fields/_formats.ts.
const FORMAT_SOURCES: Readonly<Record<FieldFormat, [string, string]>> = {
  date: ["isDate", "isDate"],
  "date-time": ["isDateTime", "isDateTime"],
  email: ["isEmail", "isEmail"],
  hostname: ["isHostname", "isHostname"],
  ipv4: ["isIPv4", "isIPv4"],
  ipv6: ["isIPv6", "isIPv6"],
  password: ["isAnyText", "isAnyText"],
  regex: ["isRegex", "isRegex"],
  text: ["isAnyText", "isAnyText"],
  time: ["isTime", "(text) => isTime(text)"],
  uri: ["isURI", "isURI"],
  "uri-reference": ["isURIReference", "isURIReference"],
  "uri-template": ["isURITemplate", "isURITemplate"],
  uuid: ["isUUID", "isUUID"],
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

/**
 * An esbuild plugin that replaces the lean validator's tables of field kinds
 * (`core/fields/kinds/_kind_checks.ts`) and string formats
 * (`core/fields/_format_checks.ts`) with tables of only the kinds and formats
 * in `selection`, so that a bundle leaves the other checks out; when no field
 * is required by conditions or has a Standard Schema, it replaces
 * `core/fields/_conditions.ts` or `core/fields/_standard_schema_check.ts` with
 * a module that only refuses them. A kind, format, condition or schema left
 * out throws a `TypeError` naming it when fields are compiled.
 *
 * @throws {Error} When `selection` names a kind or format core does not know.
 */
export function fieldKindsPlugin(selection: FieldKindSelection): Plugin {
  const omitted = (["conditionalRequired", "standardSchema"] as const).filter(
    (feature) => selection[feature] === false,
  );
  const kindTable = generateKindTable(selection.types, omitted);
  const formatTable = generateFormatTable(selection.formats);
  return {
    name: "destkit-field-kinds",
    setup(build) {
      build.onLoad(
        { filter: /\/core\/fields\/kinds\/_kind_checks\.ts$/ },
        (args) => ({
          contents: kindTable,
          loader: "ts",
          resolveDir: dirname(args.path),
        }),
      );
      build.onLoad(
        { filter: /\/core\/fields\/_format_checks\.ts$/ },
        (args) => ({
          contents: formatTable,
          loader: "ts",
          resolveDir: dirname(args.path),
        }),
      );
      if (omitted.includes("conditionalRequired")) {
        build.onLoad(
          { filter: /\/core\/fields\/_conditions\.ts$/ },
          () => ({ contents: WITHOUT_CONDITIONS, loader: "ts" }),
        );
      }
      if (omitted.includes("standardSchema")) {
        build.onLoad(
          { filter: /\/core\/fields\/_standard_schema_check\.ts$/ },
          () => ({ contents: WITHOUT_STANDARD_SCHEMA, loader: "ts" }),
        );
      }
    },
  };
}

// Stand for core/fields/_conditions.ts and _standard_schema_check.ts when no
// field uses them: there is then nothing to evaluate. A field that does (one
// the definition did not show at bundle time) is refused by the kind table.
const WITHOUT_CONDITIONS =
  `// Generated by browser/bundle/_field_kinds_plugin.ts.
export function collectRequirements(): never[] {
  return [];
}
export function findMissingRequirements(): never[] {
  return [];
}
`;
const WITHOUT_STANDARD_SCHEMA =
  `// Generated by browser/bundle/_field_kinds_plugin.ts.
export function hasStandardSchema(): boolean {
  return false;
}
export function applyStandardSchema(_schema: unknown, value: unknown): unknown {
  return value;
}
`;

// The field features a bundle may leave out: how a kind table spots a field using one.
const FEATURE_TESTS = {
  conditionalRequired: [
    'typeof field.required === "object"',
    "conditions in required",
  ],
  standardSchema: ["field.schema !== undefined", "a schema"],
} as const;

/**
 * Returns the source of a kind table holding only `types`; its kinds refuse a
 * field that uses one of the `omitted` features.
 */
export function generateKindTable(
  types: readonly string[],
  omitted: readonly (keyof typeof FEATURE_TESTS)[] = [],
): string {
  const imports = new Map<string, string>();
  const entries: string[] = [];
  for (const type of types) {
    if (!Object.hasOwn(KIND_SOURCES, type)) {
      throw new Error(
        `Cannot bundle field kinds: type ${JSON.stringify(type)} is unknown`,
      );
    }
    const [name, from, expression] = KIND_SOURCES[type as FieldType];
    imports.set(name, from);
    entries.push(`${JSON.stringify(type)}: ${expression},`);
  }
  const module = lookupModule(
    [...imports].map(([name, from]) => `import { ${name} } from "${from}";`),
    entries,
    "getKindCheck",
    "type",
    types,
  );
  if (omitted.length === 0) return module;
  const uses = omitted.map((feature) => FEATURE_TESTS[feature][0]).join(" || ");
  const what = omitted.map((feature) => FEATURE_TESTS[feature][1]).join(" or ");
  return `${module}for (const [key, kind] of Object.entries(table)) {
  table[key] = {
    jsonTypes: kind.jsonTypes,
    check(field: any) {
      if (${uses}) {
        throw new TypeError(
          \`Cannot compile fields: field "\${field.label}" uses ${what}, which this bundle leaves out\`,
        );
      }
      return kind.check(field);
    },
  };
}
`;
}

/** Returns the source of a format table holding only `formats`. */
export function generateFormatTable(formats: readonly string[]): string {
  const names = new Set<string>();
  const entries: string[] = [];
  for (const format of formats) {
    if (!Object.hasOwn(FORMAT_SOURCES, format)) {
      throw new Error(
        `Cannot bundle string formats: format ${
          JSON.stringify(format)
        } is unknown`,
      );
    }
    const [name, expression] = FORMAT_SOURCES[format as FieldFormat];
    names.add(name);
    entries.push(`${JSON.stringify(format)}: ${expression},`);
  }
  const imports = names.size === 0
    ? []
    : [`import { ${[...names].join(", ")} } from "./_formats.ts";`];
  return lookupModule(imports, entries, "getFormatCheck", "format", formats) +
    `export const FORMATS = ${JSON.stringify(formats)};\n`;
}

// A table and its getter, which throws for a key the bundle left out.
function lookupModule(
  imports: string[],
  entries: string[],
  getter: string,
  what: string,
  bundled: readonly string[],
): string {
  const list = bundled.length === 0 ? "none" : bundled.join(", ");
  return `// Generated by browser/bundle/_field_kinds_plugin.ts.
${imports.join("\n")}
const table: Record<string, any> = {
${entries.join("\n")}
};
export function ${getter}(key: string) {
  if (Object.hasOwn(table, key)) return table[key];
  throw new TypeError(
    \`Cannot compile fields: ${what} \${JSON.stringify(key)} is not in this bundle (it has ${list})\`,
  );
}
`;
}

function dirname(path: string): string {
  return path.slice(0, path.lastIndexOf("/"));
}
