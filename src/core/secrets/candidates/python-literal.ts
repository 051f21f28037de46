// A Python string literal's value and where it sits (tree-sitter), for the candidate readers.
import type { Node } from '@vscode/tree-sitter-wasm';
import { decodePythonString, literalStyle } from '../../languages/python-strings';
import type { StringCandidate } from './model';

export type Literal = Pick<StringCandidate, 'value' | 'valueStart' | 'valueEnd' | 'literalStart' | 'literalEnd' | 'verbatim'>;

/** The literal's value, or undefined for f-strings with interpolations (not constants) and unclosed strings. */
export function stringLiteral(node: Node): Literal | undefined {
  const start = node.firstChild;
  const end = node.lastChild;
  const style = literalStyle(node);
  if (!style || !start || !end || end.type !== 'string_end') return undefined;
  if (node.children.some((child) => child?.type === 'interpolation')) return undefined;
  const raw = node.text.slice(start.text.length, node.text.length - end.text.length);
  const value = decodePythonString(raw, style);
  return { value, valueStart: start.endIndex, valueEnd: end.startIndex, literalStart: node.startIndex, literalEnd: node.endIndex, verbatim: value === raw };
}

export function sameNode(a: Node | null | undefined, b: Node): boolean {
  return !!a && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}
