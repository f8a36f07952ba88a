import ts from "typescript";
import { isReservedWord } from "./_names.ts";

/** What {@linkcode registerAction} found and did. */
export interface RegisterActionResult {
  /** The new text of the destination's `index.ts`. */
  text: string;
  /** Whether the action was already registered (the text is then unchanged). */
  alreadyRegistered: boolean;
  /**
   * The name the action is imported under: the action's name, or another one
   * when that is a reserved word or already used in the module.
   */
  importName: string;
}

interface Edit {
  at: number;
  end?: number;
  text: string;
}

function applyEdits(text: string, edits: Edit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) {
    result = result.slice(0, edit.at) + edit.text +
      result.slice(edit.end ?? edit.at);
  }
  return result;
}

function propertyName(name: ts.PropertyName | undefined): string | undefined {
  if (name === undefined) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return undefined;
}

/** Finds the object literal `actions: {...}` of the destination definition. */
function findActionsObject(
  source: ts.SourceFile,
): ts.ObjectLiteralExpression | undefined {
  let found: ts.ObjectLiteralExpression | undefined;
  function visit(node: ts.Node): void {
    if (found !== undefined) return;
    if (
      ts.isObjectLiteralExpression(node) &&
      node.properties.some((property) =>
        propertyName(property.name) === "slug" ||
        propertyName(property.name) === "name"
      )
    ) {
      for (const property of node.properties) {
        if (
          ts.isPropertyAssignment(property) &&
          propertyName(property.name) === "actions" &&
          ts.isObjectLiteralExpression(property.initializer)
        ) {
          found = property.initializer;
          return;
        }
      }
    }
    ts.forEachChild(node, visit);
  }
  visit(source);
  return found;
}

/** Names declared at the top of the module: imports, functions, classes, variables. */
function topLevelNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (
      ts.isImportDeclaration(statement) && statement.importClause !== undefined
    ) {
      const clause = statement.importClause;
      if (clause.name !== undefined) names.add(clause.name.text);
      const bindings = clause.namedBindings;
      if (bindings !== undefined && ts.isNamespaceImport(bindings)) {
        names.add(bindings.name.text);
      }
      if (bindings !== undefined && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) names.add(element.name.text);
      }
    } else addDeclaredNames(statement, names);
  }
  return names;
}

/** Adds the names a top-level statement declares (variables, functions, classes, types, enums). */
function addDeclaredNames(statement: ts.Statement, names: Set<string>): void {
  if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
    }
  } else if (
    (ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isEnumDeclaration(statement)) && statement.name !== undefined
  ) {
    names.add(statement.name.text);
  }
}

/** Names the module refers to as values or types (property keys left out): a new import must not shadow them. */
function referencedNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  function visit(node: ts.Node): void {
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isKey = parent !== undefined &&
        (ts.isPropertyAssignment(parent) ||
          ts.isPropertyAccessExpression(parent) ||
          ts.isMethodDeclaration(parent) || ts.isPropertySignature(parent) ||
          ts.isPropertyDeclaration(parent) || ts.isMethodSignature(parent) ||
          ts.isGetAccessorDeclaration(parent) ||
          ts.isSetAccessorDeclaration(parent)) &&
        parent.name === node;
      if (!isKey) names.add(node.text);
    }
    ts.forEachChild(node, visit);
  }
  visit(source);
  return names;
}

function lineIndent(text: string, position: number): string {
  const start = text.lastIndexOf("\n", position - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? "";
}

/**
 * Registers the action `name`, imported from `./<name>/index.ts`, in the
 * `actions` object of a destination's `index.ts`: the module is parsed, an
 * import is inserted after the last import and a property at the end of
 * `actions`, and the rest of the text is kept as it was.
 *
 * @throws {Error} When the module has no `actions: { ... }` object literal.
 */
export function registerAction(
  text: string,
  name: string,
  fileName = "index.ts",
): RegisterActionResult {
  const source = parseModule(text, fileName);
  const actions = findActionsObject(source);
  if (actions === undefined) {
    throw new Error(
      `Cannot register action "${name}" in ${fileName}: it has no \`actions: { ... }\` object literal`,
    );
  }
  const specifier = `./${name}/index.ts`;
  const registered = actions.properties.some((property) =>
    propertyName(property.name) === name
  );
  if (registered) {
    const local = source.statements.find((statement) =>
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text === specifier
    ) as ts.ImportDeclaration | undefined;
    return {
      text,
      alreadyRegistered: true,
      importName: local?.importClause?.name?.text ?? name,
    };
  }

  const imported = source.statements.find((statement) =>
    ts.isImportDeclaration(statement) &&
    ts.isStringLiteral(statement.moduleSpecifier) &&
    statement.moduleSpecifier.text === specifier &&
    statement.importClause?.name !== undefined
  ) as ts.ImportDeclaration | undefined;
  const edits: Edit[] = [];
  let local = imported?.importClause?.name?.text;
  if (local === undefined) {
    const names = topLevelNames(source);
    for (const referenced of referencedNames(source)) names.add(referenced);
    local = names.has(name) || isReservedWord(name) ? `${name}Action` : name;
    for (let index = 2; names.has(local); index++) {
      local = `${name}Action${index}`;
    }
    const imports = source.statements.filter(ts.isImportDeclaration);
    const line = `import ${local} from "${specifier}";`;
    const last = imports.at(-1);
    if (last === undefined) {
      edits.push({ at: 0, text: `${line}\n\n` });
    } else {
      const lineEnd = text.indexOf("\n", last.getEnd());
      edits.push({
        at: lineEnd === -1 ? text.length : lineEnd,
        text: `\n${line}`,
      });
    }
  }

  const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
  const property = local === name ? name : `${key}: ${local}`;
  const outer = lineIndent(text, actions.getStart(source));
  if (actions.properties.length === 0) {
    edits.push({
      at: actions.getStart(source),
      end: actions.getEnd(),
      text: `{\n${outer}  ${property},\n${outer}}`,
    });
  } else {
    const first = actions.properties[0];
    const sameLine = !text.slice(
      actions.getStart(source),
      first.getStart(source),
    ).includes("\n");
    const elements = actions.properties;
    const afterLast = elements.hasTrailingComma
      ? text.indexOf(",", elements[elements.length - 1].getEnd()) + 1
      : elements[elements.length - 1].getEnd();
    const separator = elements.hasTrailingComma ? "" : ",";
    if (sameLine) {
      edits.push({
        at: afterLast,
        text: `${separator} ${property}${elements.hasTrailingComma ? "," : ""}`,
      });
    } else {
      const indent = lineIndent(text, first.getStart(source));
      edits.push({
        at: afterLast,
        text: `${separator}\n${indent}${property}${
          elements.hasTrailingComma ? "," : ""
        }`,
      });
    }
  }
  return {
    text: applyEdits(text, edits),
    alreadyRegistered: false,
    importName: local,
  };
}

/** Returns the `mode` written in a destination's definition (`"cloud"` when absent). */
export function destinationMode(text: string, fileName = "index.ts"): string {
  const source = parseModule(text, fileName);
  const actions = findActionsObject(source);
  const definition = actions?.parent.parent;
  if (definition === undefined || !ts.isObjectLiteralExpression(definition)) {
    return "cloud";
  }
  for (const property of definition.properties) {
    if (
      ts.isPropertyAssignment(property) &&
      propertyName(property.name) === "mode" &&
      ts.isStringLiteralLike(property.initializer)
    ) {
      return property.initializer.text;
    }
  }
  return "cloud";
}

/** The names a module exports (values and types), as written in its text. */
export function exportedNames(
  text: string,
  fileName = "index.ts",
): Set<string> {
  const source = parseModule(text, fileName);
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (clause !== undefined && ts.isNamedExports(clause)) {
        for (const element of clause.elements) names.add(element.name.text);
      }
      continue;
    }
    const exported = ts.canHaveModifiers(statement) &&
      (ts.getModifiers(statement) ?? []).some((modifier) =>
        modifier.kind === ts.SyntaxKind.ExportKeyword
      );
    if (exported) addDeclaredNames(statement, names);
  }
  return names;
}

/** The module's syntax tree (TypeScript, parents set). */
function parseModule(text: string, fileName: string): ts.SourceFile {
  return ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS,
  );
}
