// What the module imports, so that calls can be named by what they are (`subprocess.run`) rather
// than by how the file spells them (`sp.run`, `run`), and so the fix can pick the driver's style.
// The statements are read by languages/python-imports.ts, as for the route readers.
import type { Node } from '@vscode/tree-sitter-wasm';
import { pythonImports } from '../../languages/python-imports';
import { dottedName } from '../../languages/python-syntax';

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
  for (const { statement, from, relative, names } of pythonImports(root, 'anywhere')) {
    if (from === undefined) {
      for (const { name, local, aliased } of names) {
        modules.add(name);
        aliases.set(local, aliased ? name : local);
      }
    } else {
      if (relative) continue; // relative imports name project modules
      modules.add(from);
      for (const { name, local } of names) {
        aliases.set(local, `${from}.${name}`);
        modules.add(`${from}.${name}`);
      }
    }
    if (statement.parent?.type === 'module') statements.push(statement);
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
