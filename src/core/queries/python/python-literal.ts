// Writes a value back as Python source: a string literal that reads like the one it replaces
// (a triple-quoted query stays triple-quoted with its line breaks, a single-line one stays on one
// line with `\n` escapes) and needs as few escapes as possible.

export function pythonStringLiteral(value: string, tripleQuotes: boolean): string {
  return tripleQuotes ? tripleQuoted(value) : singleQuoted(value);
}

function singleQuoted(value: string): string {
  const quote = value.includes('"') && !value.includes("'") ? "'" : '"';
  let body = '';
  for (const char of value) {
    if (char === '\\') body += '\\\\';
    else if (char === quote) body += `\\${quote}`;
    else body += controlEscape(char, false);
  }
  return `${quote}${body}${quote}`;
}

function tripleQuoted(value: string): string {
  const quote = value.includes('"""') && !value.includes("'''") ? "'" : '"';
  const delimiter = quote.repeat(3);
  let body = '';
  for (const char of value) body += char === '\\' ? '\\\\' : controlEscape(char, true);
  // A run of the quote character must not close the literal early, nor merge with the closing one.
  body = body.split(delimiter).join(`${quote}${quote}\\${quote}`);
  if (body.endsWith(quote)) body = `${body.slice(0, -1)}\\${quote}`;
  return `${delimiter}${body}${delimiter}`;
}

function controlEscape(char: string, multiline: boolean): string {
  if (char === '\n') return multiline ? '\n' : '\\n';
  if (char === '\t') return multiline ? '\t' : '\\t';
  if (char === '\r') return '\\r';
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
  return char;
}
