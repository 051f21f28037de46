// What a Python module imports, in the route model's terms: `from .views import admin` binds
// `admin` to module `.views`; `from . import views` binds `views` to module `.`, name `views`
// (a submodule or a name of the package — the resolver tries both); `import app.views as v`
// binds `v` to the whole module. Every top-level name of a Python module is importable, so there
// are no export bindings.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { ImportBinding } from '../model';
import { namedChildren } from '../../languages/python-syntax';

export function readPythonImports(root: Node): ImportBinding[] {
  const imports: ImportBinding[] = [];
  for (const node of namedChildren(root)) {
    if (node.type === 'import_statement') {
      for (const child of namedChildren(node)) {
        const name = child.type === 'aliased_import' ? child.childForFieldName('name') : child;
        if (name?.type !== 'dotted_name') continue;
        const alias = child.type === 'aliased_import' ? child.childForFieldName('alias')?.text : undefined;
        // `import a.b` binds `a` (the package); `import a.b as c` binds `c` to `a.b`.
        if (alias) imports.push({ local: alias, module: name.text, imported: '*' });
        else imports.push({ local: name.text.split('.')[0], module: name.text.split('.')[0], imported: '*' });
      }
    } else if (node.type === 'import_from_statement') {
      const module = node.childForFieldName('module_name');
      if (!module) continue;
      const moduleText = module.text.replace(/\s+/g, '');
      for (const child of namedChildren(node)) {
        if (child.startIndex === module.startIndex) continue;
        if (child.type === 'wildcard_import') continue;
        const name = child.type === 'aliased_import' ? child.childForFieldName('name') : child;
        if (name?.type !== 'dotted_name') continue;
        const alias = child.type === 'aliased_import' ? child.childForFieldName('alias')?.text : undefined;
        imports.push({ local: alias ?? name.text, module: moduleText, imported: name.text });
      }
    }
  }
  return imports;
}
