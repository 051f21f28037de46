// What a Python module imports, in the route model's terms: `from .views import admin` binds
// `admin` to module `.views`; `from . import views` binds `views` to module `.`, name `views`
// (a submodule or a name of the package — the resolver tries both); `import app.views as v`
// binds `v` to the whole module. Every top-level name of a Python module is importable, so there
// are no export bindings.
import type { Node } from '@vscode/tree-sitter-wasm';
import { pythonImports } from '../../languages/python-imports';
import type { ImportBinding } from '../model';

export function readPythonImports(root: Node): ImportBinding[] {
  const imports: ImportBinding[] = [];
  for (const { from, names } of pythonImports(root, 'top-level')) {
    for (const { name, local, aliased } of names) {
      if (from === undefined) imports.push({ local, module: aliased ? name : local, imported: '*' });
      else imports.push({ local, module: from.replace(/\s+/g, ''), imported: name });
    }
  }
  return imports;
}
