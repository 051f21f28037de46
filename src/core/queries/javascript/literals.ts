// Writing strings back into JS/TS source for a fix: a one-line query stays a quoted string in the
// file's prevailing quote style, a multi-line one becomes a template literal without `${}`.
import type { SyntaxTree } from './tree';

export type Quote = "'" | '"';

/**
 * The quote most string literals of the file use (ties: single, the common JS/TS style).
 * Import specifiers count: they are the quotes a formatter or the author settled on.
 */
export function prevailingQuote(tree: SyntaxTree, text: string): Quote {
  let single = 0;
  let double = 0;
  for (const node of tree.nodes) {
    if (node.type !== 'Literal' || typeof node.value !== 'string') continue;
    if (text[node.range[0]] === "'") single++;
    else if (text[node.range[0]] === '"') double++;
  }
  return double > single ? '"' : "'";
}

/**
 * A string literal for `value`. The preferred quote is used unless the value holds it and not the
 * other one (SQL's own single quotes read better inside double quotes than escaped).
 */
export function quotedString(value: string, preferred: Quote): string {
  const other: Quote = preferred === "'" ? '"' : "'";
  const quote = value.includes(preferred) && !value.includes(other) ? other : preferred;
  let body = '';
  for (const char of value) {
    if (char === '\\') body += '\\\\';
    else if (char === quote) body += `\\${quote}`;
    else if (char === '\n') body += '\\n';
    else if (char === '\r') body += '\\r';
    else if (char === '\t') body += '\\t';
    else if (char === '\u2028' || char === '\u2029') body += char === '\u2028' ? '\\u2028' : '\\u2029';
    else body += char;
  }
  return `${quote}${body}${quote}`;
}

/** The body of a template literal holding `value` verbatim (no interpolation). */
export function templateBody(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

/** A literal for a query's text: multi-line text stays a template literal, one line a quoted string. */
export function stringLiteral(value: string, preferred: Quote): string {
  return value.includes('\n') ? `\`${templateBody(value)}\`` : quotedString(value, preferred);
}

/** A JS identifier-ish name from an expression's text, for named placeholders (`req.query.code` → `code`). */
export function parameterNameFor(expressionText: string): string {
  const words = expressionText.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  const meaningful = words.filter((word) => !NOISE_WORDS.has(word));
  return meaningful[meaningful.length - 1] ?? words[words.length - 1] ?? 'value';
}

const NOISE_WORDS = new Set(['trim', 'toString', 'toLowerCase', 'toUpperCase', 'String', 'Number', 'parseInt', 'parseFloat', 'this', 'await']);
