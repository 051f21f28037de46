// Python string literals as constant text and interpolations. Escapes are decoded the way Python
// does (raw strings keep backslashes; f-strings turn `{{`/`}}` into braces) so that the SQL module
// sees the value the driver receives, not the source spelling.
import type { Node } from '@vscode/tree-sitter-wasm';
import { decodePythonString, literalStyle } from './python-strings';
import { listItems, namedChildren, unwrapParens } from './python-syntax';

/** One piece of a literal: decoded text or an f-string interpolation. */
export type LiteralPiece = { text: string } | { interpolation: Node; expression: Node; conversion?: string; formatSpec?: string };

export function isStringLiteral(node: Node): boolean {
  return node.type === 'string' || node.type === 'concatenated_string';
}

/** The pieces of a `string` or `concatenated_string`; undefined for bytes or malformed literals. */
export function literalPieces(node: Node): LiteralPiece[] | undefined {
  const strings = node.type === 'concatenated_string' ? namedChildren(node) : [node];
  const pieces: LiteralPiece[] = [];
  for (const string of strings) {
    const style = literalStyle(string);
    const start = string.firstChild;
    const end = string.lastChild;
    if (!style || style.bytes || !start || end?.type !== 'string_end') return undefined;
    const text = string.text;
    const slice = (from: number, to: number) => text.slice(from - string.startIndex, to - string.startIndex);
    let cursor = start.endIndex;
    for (const child of string.children) {
      if (child?.type !== 'interpolation') continue;
      pieces.push({ text: decodePythonString(slice(cursor, child.startIndex), style) });
      const expression = child.childForFieldName('expression');
      if (!expression) return undefined;
      const conversion = child.childForFieldName('type_conversion')?.text.slice(1);
      const formatSpec = child.childForFieldName('format_specifier')?.text.slice(1);
      pieces.push({ interpolation: child, expression, ...(conversion ? { conversion } : {}), ...(formatSpec !== undefined ? { formatSpec } : {}) });
      cursor = child.endIndex;
    }
    pieces.push({ text: decodePythonString(slice(cursor, end.startIndex), style) });
  }
  return pieces;
}

/** The value of a literal without interpolations. */
export function constantString(node: Node): string | undefined {
  if (!isStringLiteral(node)) return undefined;
  const pieces = literalPieces(node);
  if (!pieces || pieces.some((piece) => !('text' in piece))) return undefined;
  return pieces.map((piece) => ('text' in piece ? piece.text : '')).join('');
}

export function isTripleQuoted(node: Node): boolean {
  const strings = node.type === 'concatenated_string' ? namedChildren(node) : [node];
  return strings.some((string) => literalStyle(string)?.triple);
}

/** The constant strings of a list literal (`['GET', 'POST']`); undefined when any item is not one. */
export function stringItems(node: Node | undefined): string[] | undefined {
  const items = listItems(node);
  if (!items) return undefined;
  const values = items.map((item) => constantString(item));
  return values.every((value): value is string => value !== undefined) ? values : undefined;
}

export function stringValue(node: Node | undefined): string | undefined {
  return node ? constantString(unwrapParens(node)) : undefined;
}
