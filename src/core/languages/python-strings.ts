// Python string literals (tree-sitter nodes): their prefix and quoting, and the value Python reads
// from their text. Shared by the secret candidates and the query analyzer.
import type { Node } from '@vscode/tree-sitter-wasm';

export interface LiteralStyle {
  raw: boolean;
  format: boolean;
  bytes: boolean;
  triple: boolean;
}

/** Prefix and quoting of a `string` node; undefined for anything else. */
export function literalStyle(node: Node): LiteralStyle | undefined {
  const start = node.firstChild;
  if (node.type !== 'string' || start?.type !== 'string_start') return undefined;
  const prefix = start.text.replace(/["']+$/, '').toLowerCase();
  const quotes = start.text.slice(prefix.length);
  return { raw: prefix.includes('r'), format: prefix.includes('f'), bytes: prefix.includes('b'), triple: quotes.length === 3 };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\n': '',
  '\r': '',
};

/** The text between a literal's quotes as Python reads it (raw strings keep backslashes; f-strings turn `{{`/`}}` into braces). */
export function decodePythonString(raw: string, style: Pick<LiteralStyle, 'raw' | 'format'>): string {
  const pattern = style.raw ? /\{\{|\}\}/g : /\{\{|\}\}|\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|\r\n|[\s\S])/g;
  return raw.replace(pattern, (match: string, escape: string | undefined) => {
    if (escape === undefined) return style.format ? match[0] : match;
    if (/^[xuU]/.test(escape)) return String.fromCodePoint(parseInt(escape.slice(1), 16));
    if (/^[0-7]/.test(escape)) return String.fromCodePoint(parseInt(escape, 8));
    if (escape === '\r\n') return '';
    return SIMPLE_ESCAPES[escape] ?? match;
  });
}
