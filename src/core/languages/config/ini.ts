// INI-style files: `.ini`/`.cfg`/`.conf` (Python's configparser, git config) and `.npmrc` (npm's
// `ini` package). Both have `[section]` headers and `;`/`#` comment lines; they differ in where a
// key ends and in what ends an unquoted value.
import type { ConfigDocument, Span } from './model';
import { ConfigDocumentBuilder } from './document';
import { LineCursor } from './lines';
import { readQuotedLineValue } from './quoted-values';
import { BACKSLASH, COLON, DOUBLE_QUOTE, EQUALS, HASH, OPEN_BRACKET, SEMICOLON, SINGLE_QUOTE, isBlank, skipBlanks, trimBlanksEnd } from './chars';

interface IniDialect {
  format: 'ini' | 'npmrc';
  /** Offset of the character that separates key and value on [start, end), or -1. */
  findSeparator(text: string, start: number, end: number): number;
  readUnquotedValue(text: string, doc: ConfigDocumentBuilder, keyPath: string[], keySpan: Span, valueStart: number, lineEnd: number): void;
  /** A line without a separator: configparser rejects it, npm reads it as a flag set to true. */
  reportsLinesWithoutSeparator: boolean;
  /** configparser continues a value on lines indented deeper than its key; npm has no such lines. */
  hasContinuationLines: boolean;
}

/** `.ini`, `.cfg`, `.conf`, `.gitconfig`, `.pypirc`, `setup.cfg`. */
export function readIni(text: string): ConfigDocument {
  return readSectioned(text, INI);
}

/** `.npmrc` and `.yarnrc`: `//registry.npmjs.org/:_authToken=${NPM_TOKEN}`. */
export function readNpmrc(text: string): ConfigDocument {
  return readSectioned(text, NPMRC);
}

const INI: IniDialect = {
  format: 'ini',
  // configparser splits at the first `=` or `:`. A `:` only counts when a blank or the line end
  // follows, so `url = http://host:80` and nginx-like `proxy_pass http://backend:8080;` are not
  // split inside the URL.
  findSeparator(text, start, end) {
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === EQUALS) return i;
      if (code === COLON && (i + 1 === end || isBlank(text.charCodeAt(i + 1)))) return i;
    }
    return -1;
  },
  readUnquotedValue(text, doc, keyPath, keySpan, valueStart, lineEnd) {
    let commentStart = -1;
    for (let i = valueStart + 1; i < lineEnd; i++) {
      const code = text.charCodeAt(i);
      if ((code === HASH || code === SEMICOLON) && isBlank(text.charCodeAt(i - 1))) {
        commentStart = i;
        break;
      }
    }
    const valueEnd = trimBlanksEnd(text, valueStart, commentStart === -1 ? lineEnd : commentStart);
    doc.addEntry(keyPath, keySpan, text.slice(valueStart, valueEnd), { start: valueStart, end: valueEnd });
    if (commentStart !== -1) doc.addComment(commentStart, trimBlanksEnd(text, commentStart, lineEnd), 1);
  },
  reportsLinesWithoutSeparator: true,
  hasContinuationLines: true,
};

const NPMRC: IniDialect = {
  format: 'npmrc',
  // npm's ini takes everything before the first `=` as the key, `//host/:_authToken` included.
  findSeparator(text, start, end) {
    const found = text.indexOf('=', start);
    return found === -1 || found >= end ? -1 : found;
  },
  // npm's ini cuts an unquoted value at the first `;` or `#`, blank or not, unless escaped.
  readUnquotedValue(text, doc, keyPath, keySpan, valueStart, lineEnd) {
    let commentStart = -1;
    let value = '';
    let copiedUpTo = valueStart;
    for (let i = valueStart; i < lineEnd; i++) {
      const code = text.charCodeAt(i);
      if (code === BACKSLASH && i + 1 < lineEnd) {
        const next = text.charCodeAt(i + 1);
        if (next === SEMICOLON || next === HASH || next === BACKSLASH) {
          value += text.slice(copiedUpTo, i);
          copiedUpTo = i + 1;
          i++;
        }
      } else if (code === SEMICOLON || code === HASH) {
        commentStart = i;
        break;
      }
    }
    const valueEnd = trimBlanksEnd(text, valueStart, commentStart === -1 ? lineEnd : commentStart);
    value += text.slice(copiedUpTo, Math.max(copiedUpTo, valueEnd));
    doc.addEntry(keyPath, keySpan, value, { start: valueStart, end: valueEnd });
    if (commentStart !== -1) doc.addComment(commentStart, trimBlanksEnd(text, commentStart, lineEnd), 1);
  },
  reportsLinesWithoutSeparator: false,
  hasContinuationLines: false,
};

function readSectioned(text: string, dialect: IniDialect): ConfigDocument {
  const doc = new ConfigDocumentBuilder(text, dialect.format);
  const lines = new LineCursor(text);
  let section: string | undefined;
  /** Indentation of the last key line, for configparser's continuation lines; -1 before any. */
  let lastKeyIndent = -1;
  while (lines.advance()) {
    const { start, end } = lines;
    const contentStart = skipBlanks(text, start, end);
    if (contentStart === end) continue;
    const first = text.charCodeAt(contentStart);
    const indent = contentStart - start;
    if (first === SEMICOLON || first === HASH) {
      doc.addComment(contentStart, trimBlanksEnd(text, contentStart, end), 1);
      continue;
    }
    if (dialect.hasContinuationLines && lastKeyIndent !== -1 && indent > lastKeyIndent) {
      continue; // more of the previous value (`install_requires =` followed by indented lines)
    }
    if (first === OPEN_BRACKET) {
      section = readSectionHeader(text, doc, contentStart, end);
      lastKeyIndent = -1;
      continue;
    }
    const separator = dialect.findSeparator(text, contentStart, end);
    if (separator === -1) {
      if (dialect.reportsLinesWithoutSeparator) doc.addProblem('expected key = value', contentStart, end);
      continue;
    }
    const keyEnd = trimBlanksEnd(text, contentStart, separator);
    if (keyEnd === contentStart) {
      doc.addProblem('missing key before the separator', contentStart, end);
      continue;
    }
    lastKeyIndent = indent;
    const key = text.slice(contentStart, keyEnd);
    const keyPath = section === undefined ? [key] : [section, key];
    const keySpan = { start: contentStart, end: keyEnd };
    const valueStart = skipBlanks(text, separator + 1, end);
    const quote = text.charCodeAt(valueStart);
    if (valueStart < end && (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE)) {
      readQuotedLineValue(text, doc, keyPath, keySpan, valueStart, end);
    } else if (valueStart === end) {
      // An empty value sits right after the separator, where a fix would insert one.
      doc.addEntry(keyPath, keySpan, '', { start: separator + 1, end: separator + 1 });
    } else {
      dialect.readUnquotedValue(text, doc, keyPath, keySpan, valueStart, end);
    }
  }
  return doc.build();
}

/**
 * `[section]`, `[remote "origin"]`, `[options.entry_points]`: the name becomes the first keyPath
 * segment, as written. A header that does not close still names the keys below it.
 */
function readSectionHeader(text: string, doc: ConfigDocumentBuilder, open: number, end: number): string {
  const close = text.indexOf(']', open + 1);
  if (close === -1 || close >= end) {
    doc.addProblem('unterminated section header', open, end);
    return text.slice(skipBlanks(text, open + 1, end), trimBlanksEnd(text, open + 1, end));
  }
  const tail = skipBlanks(text, close + 1, end);
  const tailCode = text.charCodeAt(tail);
  if (tail < end) {
    if (tailCode === HASH || tailCode === SEMICOLON) doc.addComment(tail, trimBlanksEnd(text, tail, end), 1);
    else doc.addProblem('unexpected text after the section header', tail, end);
  }
  const nameStart = skipBlanks(text, open + 1, close);
  return text.slice(nameStart, trimBlanksEnd(text, nameStart, close));
}
