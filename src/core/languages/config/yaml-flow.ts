// YAML flow collections (`[B608, B105]`, `{ no-eval: off }`, `["off", { allow: [] }]`), which may
// span lines. A line inside the collection must be indented deeper than the node owning it (or
// start with a closing bracket); a line that is not ends the search, and reading resumes on it.
// Where the collection ends, its comments and its problems are found the same way whether or not
// a value tree is built, so the document's entries never depend on who reads the file.
import { addHashComment, readLineTail, type ConfigDocumentBuilder } from './document';
import type { LineCursor } from './lines';
import { MAX_TREE_DEPTH, type ValueTreeBuilder } from './value-tree';
import { decodeQuoted } from './yaml-scalars';
import { continuesDeeperThan, findClosingQuote, startsFlowToken, startsWithClosingBracket } from './yaml-syntax';
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
  isBlank,
  skipBlanks,
  trimBlanksEnd,
} from './chars';

/** An open `[` or `{` and, in a map, the key whose value comes next. */
interface OpenCollection<N> {
  isMap: boolean;
  node: N | undefined;
  expectsValue: boolean;
  key: string | undefined;
  keyStart: number;
  keyEnd: number;
}

/**
 * Reads flow collections for one YAML reader; lock files hold thousands of them, so one instance
 * serves them all, and unless a value tree is built reading one allocates nothing of its own.
 */
export class FlowCollectionReader<N> {
  /** After read: the collection's value, when a value tree is built and the collection closes. */
  node: N | undefined;
  /** The open collections, innermost last; entries past `depth` are kept for reuse. */
  private readonly stack: OpenCollection<N>[] = [];
  private depth = 0;
  private tooDeep = false;
  private lineStart = 0;
  private end = 0;
  /** Where the last plain scalar's text ends, blanks excluded. */
  private plainEnd = 0;

  constructor(
    private readonly text: string,
    private readonly lines: LineCursor,
    private readonly doc: ConfigDocumentBuilder,
    private readonly builder: ValueTreeBuilder<N> | undefined,
  ) {}

  /**
   * Reads the collection opening at `open` on the cursor's current line, leaving the cursor on
   * the line of the closing bracket (or, when the collection breaks off, before the line that
   * ended it). Returns the offset after the closing bracket, or -1 when it does not close.
   */
  read(open: number, parentIndent: number): number {
    const { text, lines, doc } = this;
    this.depth = 0;
    this.node = undefined;
    this.tooDeep = false;
    this.lineStart = lines.start;
    this.end = lines.end;
    this.open(open);
    let i = open + 1;
    for (;;) {
      const end = this.end;
      while (i < end) {
        const code = text.charCodeAt(i);
        if (isBlank(code)) {
          i++;
        } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
          this.open(i++);
        } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
          if (--this.depth === 0) {
            readLineTail(doc, text, i + 1, end);
            if (this.tooDeep) this.node = undefined;
            return i + 1;
          }
          i++;
        } else if (code === COMMA) {
          this.top().expectsValue = false;
          i++;
        } else if (code === HASH && (i === this.lineStart || isBlank(text.charCodeAt(i - 1)))) {
          addHashComment(doc, text, i, end);
          break;
        } else {
          i = this.readScalar(i);
          if (i === -1) {
            this.top().expectsValue = false; // the key's value was the broken quote
            break;
          }
        }
      }
      if (!lines.advance()) return this.unterminated(open, end);
      if (!continuesDeeperThan(text, lines.start, lines.end, parentIndent) && !startsWithClosingBracket(text, lines.start, lines.end)) {
        lines.resumeAt(lines.start);
        return this.unterminated(open, end);
      }
      this.lineStart = i = lines.start;
      this.end = lines.end;
    }
  }

  private unterminated(open: number, end: number): number {
    this.doc.addProblem('unterminated flow collection', open, end);
    this.node = undefined;
    return -1;
  }

  private top(): OpenCollection<N> {
    return this.stack[this.depth - 1];
  }

  /** `[` or `{` at `pos`: a list item, a key's value, or a key (which no tree keeps). */
  private open(pos: number): void {
    const isMap = this.text.charCodeAt(pos) === OPEN_BRACE;
    const parent = this.depth > 0 ? this.top() : undefined;
    let node: N | undefined;
    if (this.builder && (!parent || parent.node !== undefined)) {
      // A collection nested too deep ends where it should, but then yields no value at all.
      if (this.depth >= MAX_TREE_DEPTH) this.tooDeep = true;
      else if (!parent || !parent.isMap || parent.expectsValue) node = isMap ? this.builder.map() : this.builder.list();
    }
    if (parent) this.addValue(parent, node);
    else this.node = node;
    const collection = this.stack[this.depth];
    if (collection === undefined) {
      this.stack.push({ isMap, node, expectsValue: false, key: undefined, keyStart: pos, keyEnd: pos });
    } else {
      collection.isMap = isMap;
      collection.node = node;
      collection.expectsValue = false;
      collection.key = undefined;
    }
    this.depth++;
  }

  /**
   * A quoted or plain scalar at `pos`: a map's key, or a value. Returns where reading goes on, or
   * -1 when a quote does not close on its line, which ends what can be read of the line.
   */
  private readScalar(pos: number): number {
    const { text, builder } = this;
    // Without a tree only where the collection ends matters, and scanning a quoted or plain
    // scalar as plain text (quotes stepped over whole) finds the same end.
    if (!builder) return this.scanPlain(pos, false);
    const collection = this.top();
    const isKey = collection.isMap && !collection.expectsValue;
    if (isQuote(text.charCodeAt(pos)) && startsFlowToken(text, this.lineStart, pos)) {
      const close = findClosingQuote(text, pos, this.end);
      if (close === -1) {
        this.unterminatedQuote(pos);
        return -1;
      }
      const value = decodeQuoted(text, pos, close);
      if (!isKey) {
        this.addValue(collection, value === undefined ? undefined : builder.scalar(value, { start: pos + 1, end: close }, 'quoted'));
        return close + 1;
      }
      // A quoted key is followed by its `:` directly or after blanks; else a key starts again there.
      const colon = skipBlanks(text, close + 1, this.end);
      if (text.charCodeAt(colon) !== COLON) return colon;
      this.expectValue(collection, value, pos + 1, close);
      return colon + 1;
    }
    const next = this.scanPlain(pos, isKey);
    const plainEnd = this.plainEnd;
    if (!isKey) {
      this.addValue(collection, plainEnd > pos ? builder.scalar(text.slice(pos, plainEnd), { start: pos, end: plainEnd }, 'plain') : undefined);
      return next;
    }
    if (next === -1 || text.charCodeAt(next) !== COLON) return next;
    this.expectValue(collection, text.slice(pos, plainEnd), pos, plainEnd);
    return next + 1;
  }

  /**
   * A plain scalar ends at `,` `[` `]` `{` `}`, a ` #` comment, the line's end, and (keys) a `: `.
   * A quote after a blank or `:` is stepped over whole (`[a "b, c"]`), as where the collection
   * ends must not depend on reading plain scalars right. Returns where the scalar stops (-1 when
   * that quote does not close) and leaves where its text ends in `plainEnd`.
   */
  private scanPlain(start: number, isKey: boolean): number {
    const { text, end } = this;
    let i = start;
    while (i < end) {
      const code = text.charCodeAt(i);
      if (code >= 128 || PLAIN_SPECIAL[code] === 0) {
        i++;
        continue;
      }
      if (code === COMMA || code === OPEN_BRACKET || code === CLOSE_BRACKET || code === OPEN_BRACE || code === CLOSE_BRACE) break;
      if (code === HASH && isBlank(text.charCodeAt(i - 1))) break;
      if (code === COLON && isKey && isFlowMappingColon(text, i, end)) break;
      if (isQuote(code) && startsFlowToken(text, this.lineStart, i)) {
        const close = findClosingQuote(text, i, end);
        if (close === -1) {
          this.unterminatedQuote(i);
          this.plainEnd = trimBlanksEnd(text, start, i);
          return -1;
        }
        i = close;
      }
      i++;
    }
    this.plainEnd = trimBlanksEnd(text, start, i);
    return i;
  }

  private unterminatedQuote(pos: number): void {
    this.doc.addProblem('unterminated quoted value in a flow collection', pos, this.end);
  }

  private expectValue(collection: OpenCollection<N>, key: string | undefined, start: number, end: number): void {
    collection.expectsValue = true;
    collection.key = key;
    collection.keyStart = start;
    collection.keyEnd = end;
  }

  /** A value read in `collection`: its next item, or the value of the key before it (a map). */
  private addValue(collection: OpenCollection<N>, node: N | undefined): void {
    const { builder } = this;
    if (!builder || (collection.isMap && !collection.expectsValue)) return; // no tree, or a key that is a collection
    const key = collection.key;
    collection.expectsValue = false;
    if (node === undefined || collection.node === undefined) return;
    if (!collection.isMap) builder.addItem(collection.node, node);
    else if (key !== undefined) builder.addEntry(collection.node, key, { start: collection.keyStart, end: collection.keyEnd }, node);
  }
}

/** The characters a plain scalar in a flow collection may stop at; the rest are stepped over fast. */
const PLAIN_SPECIAL = new Uint8Array(128);
for (const code of [COMMA, OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE, HASH, COLON, DOUBLE_QUOTE, SINGLE_QUOTE]) PLAIN_SPECIAL[code] = 1;

function isQuote(code: number): boolean {
  return code === DOUBLE_QUOTE || code === SINGLE_QUOTE;
}

/** In a flow map a plain key ends at a `:` followed by a blank, the line's end or a flow indicator (`key:[a]`). */
function isFlowMappingColon(text: string, pos: number, end: number): boolean {
  if (pos + 1 === end) return true;
  const next = text.charCodeAt(pos + 1);
  return isBlank(next) || next === COMMA || next === OPEN_BRACKET || next === CLOSE_BRACKET || next === OPEN_BRACE || next === CLOSE_BRACE;
}
