// Python string literals as constant text and interpolations. Escapes are decoded the way Python
// does (raw strings keep backslashes; f-strings turn `{{`/`}}` into braces) so that the SQL module
// sees the value the driver receives, not the source spelling.
import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from './syntax';

export interface LiteralStyle {
  raw: boolean;
  format: boolean;
  bytes: boolean;
  triple: boolean;
}

/** One piece of a literal: decoded text or an f-string interpolation. */
export type LiteralPiece = { text: string } | { interpolation: Node; expression: Node; conversion?: string; formatSpec?: string };

export function isStringLiteral(node: Node): boolean {
  return node.type === 'string' || node.type === 'concatenated_string';
}

export function literalStyle(node: Node): LiteralStyle | undefined {
  const start = node.firstChild;
  if (node.type !== 'string' || start?.type !== 'string_start') return undefined;
  const prefix = start.text.replace(/["']+$/, '').toLowerCase();
  const quotes = start.text.slice(prefix.length);
  return { raw: prefix.includes('r'), format: prefix.includes('f'), bytes: prefix.includes('b'), triple: quotes.length === 3 };
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
      pieces.push({ text: decode(slice(cursor, child.startIndex), style) });
      const expression = child.childForFieldName('expression');
      if (!expression) return undefined;
      const conversion = child.childForFieldName('type_conversion')?.text.slice(1);
      const formatSpec = child.childForFieldName('format_specifier')?.text.slice(1);
      pieces.push({ interpolation: child, expression, ...(conversion ? { conversion } : {}), ...(formatSpec !== undefined ? { formatSpec } : {}) });
      cursor = child.endIndex;
    }
    pieces.push({ text: decode(slice(cursor, end.startIndex), style) });
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

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\n': '', '\r': '' };

function decode(raw: string, style: LiteralStyle): string {
  const pattern = style.raw ? /\{\{|\}\}/g : /\{\{|\}\}|\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|\r\n|[\s\S])/g;
  return raw.replace(pattern, (match: string, escape: string | undefined) => {
    if (escape === undefined) return style.format ? match[0] : match;
    if (/^[xuU]/.test(escape)) return String.fromCodePoint(parseInt(escape.slice(1), 16));
    if (/^[0-7]/.test(escape)) return String.fromCodePoint(parseInt(escape, 8));
    if (escape === '\r\n') return '';
    return SIMPLE_ESCAPES[escape] ?? match;
  });
}
