// What the module imports, so that calls can be named by what they are (`subprocess.run`) rather
// than by how the file spells them (`sp.run`, `run`), and so the fix can pick the driver's style.
import type { Node } from '@vscode/tree-sitter-wasm';
import { dottedName, namedChildren } from '../../languages/python-syntax';

export interface ImportTable {
  /** Local name → qualified name: `sp` → `subprocess`, `run` → `subprocess.run`. */
  aliases: ReadonlyMap<string, string>;
  /** Every imported module path (`mysql.connector`, `django.db`, `django.db.connection`). */
  modules: ReadonlySet<string>;
  /** Top-level `import`/`from` statements in source order (where a new import goes). */
  statements: readonly Node[];
}

export function readImports(root: Node): ImportTable {
  const aliases = new Map<string, string>();
  const modules = new Set<string>();
  const statements: Node[] = [];
  // descendantsOfType searches inside the WASM module: far cheaper than walking every node here.
  for (const node of root.descendantsOfType(['import_statement', 'import_from_statement'])) {
    if (!node) continue;
    if (node.type === 'import_statement') {
      for (const child of namedChildren(node)) {
        const name = child.type === 'aliased_import' ? child.childForFieldName('name') : child;
        if (name?.type !== 'dotted_name') continue;
        modules.add(name.text);
        const alias = child.type === 'aliased_import' ? child.childForFieldName('alias')?.text : undefined;
        if (alias) aliases.set(alias, name.text);
        else aliases.set(name.text.split('.')[0], name.text.split('.')[0]);
      }
    } else {
      const module = node.childForFieldName('module_name');
      if (module?.type !== 'dotted_name') continue; // relative imports name project modules
      modules.add(module.text);
      for (const child of namedChildren(node)) {
        if (child.startIndex === module.startIndex) continue;
        const name = child.type === 'aliased_import' ? child.childForFieldName('name') : child;
        if (name?.type !== 'dotted_name') continue;
        const alias = child.type === 'aliased_import' ? child.childForFieldName('alias')?.text : name.text;
        if (alias) aliases.set(alias, `${module.text}.${name.text}`);
        modules.add(`${module.text}.${name.text}`);
      }
    }
    if (node.parent?.type === 'module') statements.push(node);
  }
  return { aliases, modules, statements };
}

/** `sp.run` → `subprocess.run` when `import subprocess as sp`; unknown roots stay as written. */
export function qualifiedName(node: Node | null | undefined, imports: ImportTable): string | undefined {
  const name = dottedName(node);
  if (!name) return undefined;
  const [root, ...rest] = name.split('.');
  const qualified = imports.aliases.get(root);
  return qualified ? [qualified, ...rest].join('.') : name;
}

export function importsModule(imports: ImportTable, module: string): boolean {
  for (const imported of imports.modules) if (imported === module || imported.startsWith(`${module}.`)) return true;
  return false;
}
