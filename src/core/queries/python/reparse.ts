// A fix is offered only if the file still parses as well as it did: the edits are applied in
// memory and the result is parsed with the same grammar the analysis used.
import { Parser, type Node, type Tree } from '@vscode/tree-sitter-wasm';
import { applyTextEdits } from '../../edits';
import type { TextEdit } from '../../types';

export function editsKeepSyntax(tree: Tree, text: string, edits: readonly TextEdit[]): boolean {
  let edited: string;
  try {
    edited = applyTextEdits(text, edits);
  } catch {
    return false; // overlapping edits: never offer them
  }
  const parser = new Parser();
  try {
    parser.setLanguage(tree.language);
    const reparsed = parser.parse(edited);
    if (!reparsed) return false;
    try {
      return problemCount(reparsed.rootNode) <= problemCount(tree.rootNode);
    } finally {
      reparsed.delete();
    }
  } finally {
    parser.delete();
  }
}

function problemCount(root: Node): number {
  if (!root.hasError) return 0;
  let count = 0;
  const visit = (node: Node): void => {
    if (node.isError || node.isMissing) count++;
    if (node.hasError) for (const child of node.children) if (child) visit(child);
  };
  visit(root);
  return count;
}
