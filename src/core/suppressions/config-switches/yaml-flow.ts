// YAML flow collections (`[B608, B105]`, `{ no-eval: off }`, `["off", { allow: [] }]`), which may
// span lines. As in the shared YAML reader, a line inside the collection must be indented deeper
// than the node owning it (or start with the closing bracket); a line that is not ends the search,
// and reading resumes on it.
import { decodeDoubleQuoted, decodeSingleQuoted } from '../../languages/config/yaml-scalars';
import { findSingleQuoteClose } from '../../languages/config/yaml-syntax';
import {
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  DOUBLE_QUOTE,
  HASH,
  OPEN_BRACE,
  OPEN_BRACKET,
  SINGLE_QUOTE,
  findUnescapedQuote,
} from '../../languages/config/chars';
import { newList, newMap, type ConfigMap, type ConfigNode } from './tree';

const MAX_DEPTH = 64;

/** The collection and the offset after its closing bracket; or where reading should resume. */
export type FlowResult = { node: ConfigNode; end: number } | { node?: undefined; resumeAt: number };

type Step = { end: number; node?: ConfigNode } | { resumeAt: number };

export function readFlowCollection(text: string, open: number, ownerIndent: number): FlowResult {
  const step = new FlowReader(text, ownerIndent).collection(open, 0);
  if ('resumeAt' in step) return { resumeAt: step.resumeAt };
  return step.node ? { node: step.node, end: step.end } : { resumeAt: step.end };
}

class FlowReader {
  constructor(
    private readonly text: string,
    private readonly ownerIndent: number,
  ) {}

  collection(open: number, depth: number): Step {
    const { text } = this;
    if (depth >= MAX_DEPTH) return { resumeAt: text.length };
    const isList = text.charCodeAt(open) === OPEN_BRACKET;
    const close = isList ? CLOSE_BRACKET : CLOSE_BRACE;
    const node = isList ? newList() : newMap();
    let i = open + 1;
    for (;;) {
      const skipped = this.skipSpace(i);
      if ('resumeAt' in skipped) return skipped;
      i = skipped.end;
      const code = text.charCodeAt(i);
      if (code === close) return { node, end: i + 1 };
      if (code === COMMA) {
        i++;
        continue;
      }
      const step = node.kind === 'list' ? this.value(i, depth) : this.entry(node, i, depth);
      if ('resumeAt' in step) return step;
      if (node.kind === 'list' && step.node) node.items.push(step.node);
      i = Math.max(step.end, i + 1);
    }
  }

  /** `key: value` inside `{...}`; a key without a value adds nothing. */
  private entry(map: ConfigMap, pos: number, depth: number): Step {
    const { text } = this;
    const code = text.charCodeAt(pos);
    let keyEnd: number;
    let name: string | undefined;
    let keySpan = { start: pos, end: pos };
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      const closeQuote = this.quoteClose(pos);
      if (closeQuote === -1) return { end: pos + 1 };
      name = code === DOUBLE_QUOTE ? decodeDoubleQuoted(text, pos + 1, closeQuote) : decodeSingleQuoted(text, pos + 1, closeQuote);
      keySpan = { start: pos + 1, end: closeQuote };
      keyEnd = closeQuote + 1;
      while (text.charCodeAt(keyEnd) === 32 || text.charCodeAt(keyEnd) === 9) keyEnd++;
    } else {
      keyEnd = pos;
      while (keyEnd < text.length && !this.endsPlain(keyEnd, true)) keyEnd++;
      const trimmed = trimBlanks(text, pos, keyEnd);
      name = text.slice(pos, trimmed);
      keySpan = { start: pos, end: trimmed };
    }
    if (text.charCodeAt(keyEnd) !== COLON) return { end: keyEnd };
    const skipped = this.skipSpace(keyEnd + 1);
    if ('resumeAt' in skipped) return skipped;
    const valueStart = skipped.end;
    const next = text.charCodeAt(valueStart);
    if (next === COMMA || next === CLOSE_BRACE) return { end: valueStart };
    const value = this.value(valueStart, depth);
    if ('resumeAt' in value) return value;
    if (name !== undefined && value.node) map.entries.push({ key: name, keySpan, value: value.node });
    return { end: value.end };
  }

  private value(pos: number, depth: number): Step {
    const { text } = this;
    const code = text.charCodeAt(pos);
    if (code === OPEN_BRACKET || code === OPEN_BRACE) return this.collection(pos, depth + 1);
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      const closeQuote = this.quoteClose(pos);
      if (closeQuote === -1) return { end: pos + 1 };
      const value = code === DOUBLE_QUOTE ? decodeDoubleQuoted(text, pos + 1, closeQuote) : decodeSingleQuoted(text, pos + 1, closeQuote);
      if (value === undefined) return { end: closeQuote + 1 };
      return { node: { kind: 'scalar', value, span: { start: pos + 1, end: closeQuote }, quoted: true }, end: closeQuote + 1 };
    }
    let end = pos;
    while (end < text.length && !this.endsPlain(end, false)) end++;
    const trimmed = trimBlanks(text, pos, end);
    if (trimmed === pos) return { end: pos + 1 };
    return { node: { kind: 'scalar', value: text.slice(pos, trimmed), span: { start: pos, end: trimmed }, quoted: false }, end };
  }

  /** A quoted scalar's closing quote on the same line; -1 when it is not there. */
  private quoteClose(pos: number): number {
    const { text } = this;
    const end = lineEnd(text, pos);
    return text.charCodeAt(pos) === DOUBLE_QUOTE ? findUnescapedQuote(text, '"', pos + 1, end) : findSingleQuoteClose(text, pos + 1, end);
  }

  /** A plain scalar ends at `,` `[` `]` `{` `}`, a ` #` comment, the line's end, and (keys) `: `. */
  private endsPlain(pos: number, isKey: boolean): boolean {
    const { text } = this;
    const code = text.charCodeAt(pos);
    if (code === COMMA || code === CLOSE_BRACKET || code === CLOSE_BRACE || code === OPEN_BRACKET || code === OPEN_BRACE) return true;
    if (code === 10 || code === 13) return true;
    if (code === HASH && (text.charCodeAt(pos - 1) === 32 || text.charCodeAt(pos - 1) === 9)) return true;
    if (isKey && code === COLON) {
      const next = text.charCodeAt(pos + 1);
      return next === 32 || next === 9 || next === 10 || next === 13 || next === COMMA || next === CLOSE_BRACE || pos + 1 >= text.length;
    }
    return false;
  }

  /** Blanks, comments and line breaks; a continuation line must be deeper than the owner. */
  private skipSpace(pos: number): { end: number } | { resumeAt: number } {
    const { text } = this;
    let i = pos;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === 32 || code === 9) {
        i++;
      } else if (code === HASH && (i === 0 || isSpace(text.charCodeAt(i - 1)))) {
        i = lineEnd(text, i);
      } else if (code === 10 || code === 13) {
        i += code === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        const lineStart = i;
        while (text.charCodeAt(i) === 32) i++;
        const first = text.charCodeAt(i);
        const isBlankLine = i >= text.length || first === 10 || first === 13;
        if (!isBlankLine && i - lineStart <= this.ownerIndent && first !== CLOSE_BRACKET && first !== CLOSE_BRACE) return { resumeAt: lineStart };
      } else {
        return { end: i };
      }
    }
    return { resumeAt: text.length };
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function lineEnd(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return text.length;
}

function trimBlanks(text: string, start: number, end: number): number {
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end;
}
