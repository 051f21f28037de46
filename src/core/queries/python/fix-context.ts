// What every fix needs from the analysed file: the text to edit, offsets → positions, the tree to
// re-parse against, and the per-file analysis state.
import type { Tree } from '@vscode/tree-sitter-wasm';
import type { LineIndex } from '../../text';
import type { TextEdit } from '../../types';
import type { Span } from '../model';
import type { PythonFile } from './python-file';

export interface FixContext {
  file: PythonFile;
  lines: LineIndex;
  tree: Tree;
}

export type FixChoice<T> = { ok: true; value: T } | { ok: false; reason: string };

export function editAt(context: FixContext, span: Span, newText: string): TextEdit {
  return { range: context.lines.rangeOf(span.start, span.end), newText };
}
