// What a JS/TS module imports, read one way for the query rules (which module a called name comes
// from, which database driver the file loads) and for the route readers (which file an imported
// router lives in, which locals are express, Koa or Fastify): `import` declarations, `require`
// calls, `import()`. Module names stay as written; a reader that ignores the `node:` prefix says so
// with normalizeModule.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { constantString } from './js-constant-string';
import { unwrapAwaitedExpression } from './js-unwrap';

/** One name that a top-level `import` or `require` binds. */
export interface JsImport {
  /** The identifier bound: `c` in `import { b as c } from 'm'` and in `const { b: c } = require('m')`. */
  local: TSESTree.Identifier;
  /** As written: `./routes/admin`, `express`, `node:child_process`. */
  module: string;
  /** `default`, `*` (namespace or whole module) or the exported name. */
  imported: string;
  /** `import type { X }`, `import { type X }`: a name that holds no value at run time. */
  typeOnly: boolean;
}

/**
 * The names one top-level statement imports: `import a, { b as c } from 'm'`, `const x = require('m')`,
 * `const { a, b: c } = require('m')`, `const x = require('m').y`, also under `export const`.
 */
export function statementImports(statement: TSESTree.ProgramStatement): JsImport[] {
  if (statement.type === 'ImportDeclaration') {
    return statement.specifiers.map((specifier) => ({
      local: specifier.local,
      module: statement.source.value,
      imported: importedName(specifier),
      typeOnly: statement.importKind === 'type' || (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type'),
    }));
  }
  const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
  if (declaration?.type !== 'VariableDeclaration') return [];
  return declaration.declarations.flatMap(requireBindings);
}

/** The export an import specifier takes: `default`, `*` for a namespace, else the name imported. */
export function importedName(specifier: TSESTree.ImportClause): string {
  if (specifier.type === 'ImportDefaultSpecifier') return 'default';
  if (specifier.type === 'ImportNamespaceSpecifier') return '*';
  return specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value);
}

/** `require('x')` → 'x'. */
export function requiredModule(node: TSESTree.Node): string | undefined {
  if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require' || node.arguments.length !== 1) return undefined;
  return constantString(node.arguments[0]);
}

/** `import('x')` → 'x'. */
export function dynamicImportModule(node: TSESTree.Node): string | undefined {
  return node.type === 'ImportExpression' ? constantString(node.source) : undefined;
}

/** The module `require('x')` or `import('x')` loads. */
export function loadedModule(node: TSESTree.Node): string | undefined {
  return requiredModule(node) ?? dynamicImportModule(node);
}

/** The module any node names: `import … from 'm'`, `export … from 'm'`, `import x = require('m')`, `require('m')`, `import('m')`. */
export function referencedModule(node: TSESTree.Node): string | undefined {
  if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') return node.source?.value;
  if (node.type === 'TSExternalModuleReference') return node.expression.type === 'Literal' ? String(node.expression.value) : undefined;
  return loadedModule(node);
}

/** `node:fs` and `fs` are one module. */
export function normalizeModule(name: string): string {
  return name.startsWith('node:') ? name.slice('node:'.length) : name;
}

function requireBindings(declarator: TSESTree.VariableDeclarator): JsImport[] {
  const init = declarator.init && unwrapAwaitedExpression(declarator.init);
  if (!init) return [];
  const module = requiredModule(init);
  if (module !== undefined) return patternBindings(declarator.id, module, undefined);
  // `require('m').y`: the member `y` of module `m`.
  if (init.type !== 'MemberExpression' || init.computed || init.property.type !== 'Identifier') return [];
  const owner = requiredModule(unwrapAwaitedExpression(init.object));
  return owner === undefined ? [] : patternBindings(declarator.id, owner, init.property.name);
}

/** `x = …` binds the whole value; `{ a, b: c = d } = …` its members, one level deep (not those of a member). */
function patternBindings(id: TSESTree.BindingName, module: string, member: string | undefined): JsImport[] {
  if (id.type === 'Identifier') return [{ local: id, module, imported: member ?? '*', typeOnly: false }];
  if (id.type !== 'ObjectPattern' || member !== undefined) return [];
  const bindings: JsImport[] = [];
  for (const property of id.properties) {
    if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
    const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
    if (value.type === 'Identifier') bindings.push({ local: value, module, imported: property.key.name, typeOnly: false });
  }
  return bindings;
}
