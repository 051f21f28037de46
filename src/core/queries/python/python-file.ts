// Per-file state of one analysis: the tree, the imports and the scope indexes, each built once.
import type { Node } from '@vscode/tree-sitter-wasm';
import { readImports, type ImportTable } from './imports';
import { indexScope, type ScopeIndex } from './scope';
import { enclosingScope } from '../../languages/python-syntax';

export class PythonFile {
  readonly imports: ImportTable;
  private readonly scopes = new Map<number, ScopeIndex>();

  constructor(
    readonly root: Node,
    readonly text: string,
  ) {
    this.imports = readImports(root);
  }

  scopeOf(node: Node): ScopeIndex {
    return this.index(enclosingScope(node));
  }

  get moduleScope(): ScopeIndex {
    return this.index(this.root);
  }

  private index(scope: Node): ScopeIndex {
    let index = this.scopes.get(scope.id);
    if (!index) {
      index = indexScope(scope);
      this.scopes.set(scope.id, index);
    }
    return index;
  }
}
