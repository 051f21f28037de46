// What a Python module imports, read one way for the query rules (which module `sp.run` names,
// which database driver the file uses, which names a scope binds) and for the route readers (which
// project module `from .views import admin` points at): `import a.b`, `import a.b as c`,
// `from m import x, y as z`, `from . import views`. Names stay as written; each reader decides
// what it follows (the query rules leave relative imports out, the route readers follow them).
import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from './python-syntax';

/** One name an import statement binds. */
export interface ImportedName {
  /** As written after `import`: `a.b` in `import a.b`, `x` in `from m import x as y`. */
  name: string;
  /** The name bound: the alias, else the package `a` for `import a.b`, `x` for `from m import x`. */
  local: string;
  /** Written with `as`: for `import a.b as c`, `c` is the module `a.b` itself. */
  aliased: boolean;
}

export interface PythonImport {
  statement: Node;
  /** `from M import …`: M as written (`a.b`, `.views`, `..`); undefined for `import …`. */
  from?: string;
  /** `from .views import …`, `from . import …`: a module of the project, relative to this one. */
  relative: boolean;
  /** What the statement binds; `from m import *` binds names no reader can know, so none. */
  names: ImportedName[];
}

/** An `import` or `from … import` statement, read; undefined for any other node or a `from` without its module. */
export function readPythonImport(node: Node): PythonImport | undefined {
  if (node.type === 'import_statement') return { statement: node, relative: false, names: importedNames(node, undefined) };
  if (node.type !== 'import_from_statement') return undefined;
  const module = node.childForFieldName('module_name');
  if (!module) return undefined;
  return { statement: node, from: module.text, relative: module.type !== 'dotted_name', names: importedNames(node, module) };
}

/** The module's import statements: its top-level ones, or every one (inside functions and blocks too). */
export function pythonImports(root: Node, where: 'top-level' | 'anywhere'): PythonImport[] {
  // descendantsOfType searches inside the WASM module: far cheaper than walking every node here.
  const statements = where === 'top-level' ? namedChildren(root) : root.descendantsOfType(['import_statement', 'import_from_statement']);
  const imports: PythonImport[] = [];
  for (const statement of statements) {
    const read = statement && readPythonImport(statement);
    if (read) imports.push(read);
  }
  return imports;
}

function importedNames(statement: Node, module: Node | undefined): ImportedName[] {
  const names: ImportedName[] = [];
  for (const child of namedChildren(statement)) {
    if (module && child.startIndex === module.startIndex) continue;
    const aliased = child.type === 'aliased_import';
    const name = aliased ? child.childForFieldName('name') : child;
    if (name?.type !== 'dotted_name') continue;
    const alias = aliased ? child.childForFieldName('alias')?.text : undefined;
    // `import a.b` binds the package `a`; `from m import x` binds `x`.
    const local = alias || (module ? name.text : (namedChildren(name)[0]?.text ?? name.text));
    names.push({ name: name.text, local, aliased: !!alias });
  }
  return names;
}
