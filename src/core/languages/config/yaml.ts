// YAML, read by indentation: block mappings become keyPath segments, `- ` items become `[]`, and
// every scalar value (plain, quoted or block) becomes an entry. Flow collections (`{...}`,
// `[...]`) are stepped over without entries. Compose-style `- KEY=value` items are read as the
// key KEY, so `environment:` yields the same entries whether it is a mapping or a list.
import type { ConfigDocument, Span } from './model';
import { addHashComment, ConfigDocumentBuilder, readLineTail, type Quote } from './document';
import { appendSegment } from './key-paths';
import { LineCursor } from './lines';
import { assembleBlockScalar, decodeDoubleQuoted, decodeSingleQuoted, type Chomping } from './yaml-scalars';
import {
  NULLS,
  countSpaces,
  environmentKeyLength,
  findSingleQuoteClose,
  isDocumentMarker,
  isItemMarker,
  readKey,
  scanPlainLine,
  skipSpaces,
  skipToBlank,
  startsFlowToken,
  startsWithClosingBracket,
  type Key,
} from './yaml-syntax';
import {
  AMPERSAND,
  ASTERISK,
  AT,
  BACKTICK,
  BANG,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  DOUBLE_QUOTE,
  GREATER_THAN,
  HASH,
  MINUS,
  OPEN_BRACE,
  OPEN_BRACKET,
  PERCENT,
  PIPE,
  QUESTION,
  SINGLE_QUOTE,
  TAB,
  findUnescapedQuote,
  isBlank,
  skipBlanks,
} from './chars';

const PLUS = 43;

export function readYaml(text: string): ConfigDocument {
  const doc = new ConfigDocumentBuilder(text, 'yaml');
  new YamlReader(text, doc).read();
  return doc.build();
}

/** An open block node: a key whose value is on the following lines, or a list item. */
interface Frame {
  indent: number;
  segment: string;
  isItem: boolean;
  keySpan: Span;
  /** Whether a line below already belongs to it (a scalar on its own line can only come first). */
  hasChildren: boolean;
}

/** Where the value about to be read belongs. */
interface ValueTarget {
  /** Empty for a document-level scalar, which has no key and so yields no entry. */
  keyPath: string[];
  keySpan: Span;
  /** Indentation of the node owning the value; its continuation lines must be deeper. */
  parentIndent: number;
  isItem: boolean;
  /** Whether a block node on the following lines opens a frame (a key's does; an item has one). */
  opensFrame: boolean;
}

class YamlReader {
  private readonly lines: LineCursor;
  private readonly frames: Frame[] = [];

  constructor(
    private readonly text: string,
    private readonly doc: ConfigDocumentBuilder,
  ) {
    this.lines = new LineCursor(text);
  }

  read(): void {
    while (this.lines.advance()) this.readLine();
  }

  private readLine(): void {
    const { text, lines } = this;
    const { start, end } = lines;
    const pos = skipSpaces(text, start, end);
    if (pos === end) return;
    const first = text.charCodeAt(pos);
    if (first === TAB) {
      const content = skipBlanks(text, pos, end);
      if (content === end) return;
      if (text.charCodeAt(content) === HASH) this.addComment(content, end);
      else this.doc.addProblem('tab in indentation', start, end);
      return;
    }
    if (first === HASH) {
      this.addComment(pos, end);
      return;
    }
    if (pos === start && isDocumentMarker(text, pos, end)) {
      this.frames.length = 0;
      // `--- |` or `--- !tag` start a document-level node; it has no key, so nothing is emitted,
      // but its lines must still be stepped over.
      const rest = skipBlanks(text, pos + 3, end);
      if (rest < end) this.readValue(rest, { keyPath: [], keySpan: { start: pos, end: pos }, parentIndent: -1, isItem: false, opensFrame: false });
      return;
    }
    if (pos === start && first === PERCENT) return; // %YAML and %TAG directives
    this.readNode(pos);
  }

  /** Reads the node starting at `pos` on the current line, its column giving its depth. */
  private readNode(pos: number): void {
    const { text, lines } = this;
    const indent = pos - lines.start;
    if (isItemMarker(text, pos, lines.end)) {
      this.readItem(pos, indent);
      return;
    }
    const key = readKey(text, pos, lines.end);
    if (key) {
      this.readKeyedValue(indent, key);
      return;
    }
    this.popTo(indent, false);
    const parent = this.frames[this.frames.length - 1];
    // `key:` followed by its scalar on the next line.
    if (parent && !parent.hasChildren && parent.indent < indent) {
      parent.hasChildren = true;
      this.readValue(pos, this.targetOf(parent));
      return;
    }
    const code = text.charCodeAt(pos);
    if (!parent && (code === OPEN_BRACE || code === OPEN_BRACKET)) {
      this.skipFlowCollection(pos, -1); // a JSON-style document
      return;
    }
    this.doc.addProblem(code === QUESTION ? 'complex keys (`? `) are not read' : 'expected `key: value` or `- item`', pos, lines.end);
  }

  /** `- ...`, including compact nested lists `- - x`, read in a loop so no input can nest calls deeply. */
  private readItem(firstDash: number, firstIndent: number): void {
    const { text, lines } = this;
    let dash = firstDash;
    let indent = firstIndent;
    for (;;) {
      this.popTo(indent, true);
      this.markParentUsed();
      this.frames.push({ indent, segment: '[]', isItem: true, keySpan: { start: dash, end: dash + 1 }, hasChildren: false });
      const content = skipBlanks(text, dash + 1, lines.end);
      if (content === lines.end) return;
      if (text.charCodeAt(content) === HASH) {
        this.addComment(content, lines.end);
        return;
      }
      if (!isItemMarker(text, content, lines.end)) {
        this.readNode(content); // `- key: value` or the item's scalar
        return;
      }
      dash = content;
      indent = content - lines.start;
    }
  }

  private readKeyedValue(indent: number, key: Key): void {
    this.popTo(indent, false);
    this.markParentUsed();
    const target: ValueTarget = {
      keyPath: appendSegment(this.path(), key.name),
      keySpan: key.span,
      parentIndent: indent,
      isItem: false,
      opensFrame: true,
    };
    this.readValue(skipBlanks(this.text, key.colon + 1, this.lines.end), target);
  }

  private readValue(pos: number, target: ValueTarget): void {
    const { text, lines } = this;
    const end = lines.end;
    // Anchors (`&name`) and tags (`!!str`, `!Ref`) decorate the node that follows them.
    let start = pos;
    while (start < end) {
      const code = text.charCodeAt(start);
      if (code !== AMPERSAND && code !== BANG) break;
      start = skipBlanks(text, skipToBlank(text, start, end), end);
    }
    if (start === end) {
      this.openBlock(target);
      return;
    }
    const code = text.charCodeAt(start);
    if (code === HASH) {
      this.addComment(start, end);
      this.openBlock(target);
    } else if (code === ASTERISK) {
      this.readLineTail(skipToBlank(text, start, end), end); // an alias repeats a node; it is no new value
    } else if (code === PIPE || code === GREATER_THAN) {
      this.readBlockScalar(start, target);
    } else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      this.readQuotedScalar(start, target);
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      const flowEnd = this.skipFlowCollection(start, target.parentIndent);
      if (flowEnd >= 0 && target.keyPath.length > 0) this.doc.addFlow(target.keyPath, start, flowEnd);
    } else if (isItemMarker(text, start, end)) {
      this.doc.addProblem('a list cannot start on the line of its key', start, end);
    } else if (code === AT || code === BACKTICK) {
      this.doc.addProblem('a plain value cannot start with a reserved character', start, end);
    } else {
      this.readPlainScalar(start, target);
    }
  }

  private readPlainScalar(start: number, target: ValueTarget): void {
    const { text, lines } = this;
    const firstLine = scanPlainLine(text, start, lines.end);
    if (firstLine.hasMappingIndicator) {
      this.doc.addProblem('a plain value cannot contain `: `; quote it', start, lines.end);
      return;
    }
    let value = text.slice(start, firstLine.contentEnd);
    let valueEnd = firstLine.contentEnd;
    if (firstLine.commentStart !== -1) {
      this.addComment(firstLine.commentStart, lines.end);
    } else {
      const continuation = this.readPlainContinuation(target.parentIndent);
      if (continuation === undefined) return;
      if (continuation.end !== -1) {
        value += continuation.text;
        valueEnd = continuation.end;
      }
    }
    if (valueEnd === firstLine.contentEnd && NULLS.has(value)) return;
    this.emitScalar(target, value, { start, end: valueEnd }, undefined, valueEnd === firstLine.contentEnd);
  }

  /**
   * Lines indented deeper than the owner continue a plain scalar, folded into it. Returns the
   * folded text and where it ends (-1: no continuation), or undefined when a continuation line
   * holds `key: value`, which makes the whole value a misread.
   */
  private readPlainContinuation(parentIndent: number): { text: string; end: number } | undefined {
    const { text, lines } = this;
    let resumeAt = lines.next;
    let folded = '';
    let foldedEnd = -1;
    let emptyLines = 0;
    while (lines.advance()) {
      const indent = countSpaces(text, lines.start, lines.end);
      const contentStart = skipBlanks(text, lines.start + indent, lines.end);
      if (contentStart === lines.end) {
        emptyLines++;
        continue;
      }
      if (indent <= parentIndent || text.charCodeAt(contentStart) === HASH || isDocumentMarker(text, lines.start, lines.end)) break;
      const line = scanPlainLine(text, contentStart, lines.end);
      if (line.hasMappingIndicator) {
        this.doc.addProblem('`key: value` inside a multi-line plain value', contentStart, lines.end);
        return undefined;
      }
      folded += (emptyLines === 0 ? ' ' : '\n'.repeat(emptyLines)) + text.slice(contentStart, line.contentEnd);
      foldedEnd = line.contentEnd;
      emptyLines = 0;
      resumeAt = lines.next;
      if (line.commentStart !== -1) {
        this.addComment(line.commentStart, lines.end);
        break;
      }
    }
    lines.resumeAt(resumeAt);
    return { text: folded, end: foldedEnd };
  }

  /**
   * Quoted scalars may span lines, each deeper than the owner. A closing quote that is not
   * followed by the line's end or a comment, or a line that breaks the indentation, means the
   * opening quote was never closed: we report it and read on from the next line.
   */
  private readQuotedScalar(quotePos: number, target: ValueTarget): void {
    const { text, lines } = this;
    const isDouble = text.charCodeAt(quotePos) === DOUBLE_QUOTE;
    const openingLineEnd = lines.end;
    const afterOpeningLine = lines.next;
    const close = isDouble ? findUnescapedQuote(text, '"', quotePos + 1, text.length) : findSingleQuoteClose(text, quotePos + 1, text.length);
    let closed = close !== -1;
    while (closed && close >= lines.end) {
      if (!lines.advance()) closed = false;
      else if (!this.continuesDeeperThan(target.parentIndent)) closed = false;
    }
    if (!closed) {
      this.doc.addProblem('unterminated quoted value', quotePos, openingLineEnd);
      lines.resumeAt(afterOpeningLine);
      return;
    }
    if (!this.readLineTail(close + 1, lines.end)) {
      lines.resumeAt(afterOpeningLine);
      return;
    }
    const value = isDouble ? decodeDoubleQuoted(text, quotePos + 1, close) : decodeSingleQuoted(text, quotePos + 1, close);
    if (value === undefined) {
      this.doc.addProblem('invalid escape in a double-quoted value', quotePos, close + 1);
      return;
    }
    const raw = text.slice(quotePos + 1, close);
    this.emitScalar(target, value, { start: quotePos + 1, end: close }, isDouble ? '"' : "'", value === raw);
  }

  /**
   * `|` keeps line breaks, `>` folds them; `-`/`+` strip or keep the final ones; a digit fixes the
   * indentation. The entry's value is the scalar's value; its span runs from the first content
   * character to the end of the last non-empty line. An empty block scalar yields no entry.
   */
  private readBlockScalar(indicator: number, target: ValueTarget): void {
    const { text, lines } = this;
    const folded = text.charCodeAt(indicator) === GREATER_THAN;
    let chomping: Chomping = 'clip';
    let explicitIndent = 0;
    let pos = indicator + 1;
    for (let k = 0; k < 2 && pos < lines.end; k++, pos++) {
      const code = text.charCodeAt(pos);
      if (code === PLUS) chomping = 'keep';
      else if (code === MINUS) chomping = 'strip';
      else if (code >= 49 && code <= 57) explicitIndent = code - 48;
      else break;
    }
    const headerIsValid = this.readLineTail(pos, lines.end);
    // The content lines are consumed even after a bad header, so that they are not read as keys.
    const parentIndent = target.parentIndent;
    let contentIndent = explicitIndent > 0 ? Math.max(parentIndent, 0) + explicitIndent : -1;
    const contentLines: Span[] = [];
    let resumeAt = lines.next;
    while (lines.advance()) {
      const indent = countSpaces(text, lines.start, lines.end);
      if (skipBlanks(text, lines.start + indent, lines.end) === lines.end) {
        contentLines.push({ start: lines.start, end: lines.end });
        continue;
      }
      if (isDocumentMarker(text, lines.start, lines.end)) break;
      if (contentIndent === -1) {
        if (indent <= parentIndent) break;
        contentIndent = indent;
      } else if (indent < contentIndent) {
        break;
      }
      contentLines.push({ start: lines.start, end: lines.end });
      resumeAt = lines.next;
    }
    lines.resumeAt(resumeAt);
    if (!headerIsValid || contentIndent === -1) return;

    const values: string[] = [];
    let firstContent: Span | undefined;
    let lastContent: Span | undefined;
    for (const line of contentLines) {
      const contentStart = line.start + contentIndent;
      values.push(contentStart < line.end ? text.slice(contentStart, line.end) : '');
      if (skipBlanks(text, Math.min(contentStart, line.end), line.end) < line.end) {
        firstContent ??= line;
        lastContent = line;
      }
    }
    if (!firstContent || !lastContent) return;
    const value = assembleBlockScalar(values, folded, chomping);
    this.emitScalar(target, value, { start: firstContent.start + contentIndent, end: lastContent.end }, undefined, false);
  }

  /**
   * Steps over `{...}`/`[...]`, which may span lines, recording the comments inside. The lines
   * after the first must be deeper than the owner; a line that is not ends the search. Returns the
   * offset after the closing bracket, or -1 when the collection does not close.
   */
  private skipFlowCollection(open: number, parentIndent: number): number {
    const { text, lines } = this;
    let depth = 0;
    let lineStart = lines.start;
    let end = lines.end;
    let i = open;
    for (;;) {
      while (i < end) {
        const code = text.charCodeAt(i);
        if (code === OPEN_BRACE || code === OPEN_BRACKET) {
          depth++;
        } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
          if (--depth === 0) {
            this.readLineTail(i + 1, end);
            return i + 1;
          }
        } else if ((code === DOUBLE_QUOTE || code === SINGLE_QUOTE) && startsFlowToken(text, lineStart, i)) {
          const close = code === DOUBLE_QUOTE ? findUnescapedQuote(text, '"', i + 1, end) : findSingleQuoteClose(text, i + 1, end);
          if (close === -1) {
            this.doc.addProblem('unterminated quoted value in a flow collection', i, end);
            break;
          }
          i = close;
        } else if (code === HASH && (i === lineStart || isBlank(text.charCodeAt(i - 1)))) {
          this.addComment(i, end);
          break;
        }
        i++;
      }
      if (!lines.advance()) {
        this.doc.addProblem('unterminated flow collection', open, end);
        return -1;
      }
      if (!this.continuesDeeperThan(parentIndent) && !startsWithClosingBracket(text, lines.start, lines.end)) {
        this.doc.addProblem('unterminated flow collection', open, end);
        lines.resumeAt(lines.start);
        return -1;
      }
      lineStart = i = lines.start;
      end = lines.end;
    }
  }

  /** The value is a block node on the following lines: a key's frame opens for them. */
  private openBlock(target: ValueTarget): void {
    if (!target.opensFrame) return;
    const segment = target.keyPath[target.keyPath.length - 1];
    this.frames.push({ indent: target.parentIndent, segment, isItem: false, keySpan: target.keySpan, hasChildren: false });
  }

  private emitScalar(target: ValueTarget, value: string, valueSpan: Span, quote: Quote | undefined, rawIsValue: boolean): void {
    if (target.keyPath.length === 0) return;
    const keyLength = target.isItem && rawIsValue ? environmentKeyLength(value) : 0;
    if (keyLength > 0) {
      const keyPath = appendSegment(target.keyPath.slice(0, -1), value.slice(0, keyLength));
      const keySpan = { start: valueSpan.start, end: valueSpan.start + keyLength };
      this.doc.addEntry(keyPath, keySpan, value.slice(keyLength + 1), { start: keySpan.end + 1, end: valueSpan.end }, quote);
      return;
    }
    this.doc.addEntry(target.keyPath, target.keySpan, value, valueSpan, quote);
  }

  /** Whether the current line (a continuation) is blank or indented deeper than `parentIndent`. */
  private continuesDeeperThan(parentIndent: number): boolean {
    const { text, lines } = this;
    const indent = countSpaces(text, lines.start, lines.end);
    if (skipBlanks(text, lines.start + indent, lines.end) === lines.end) return true;
    return indent > parentIndent && !isDocumentMarker(text, lines.start, lines.end);
  }

  private readLineTail(pos: number, end: number): boolean {
    return readLineTail(this.doc, this.text, pos, end);
  }

  private addComment(hash: number, end: number): void {
    addHashComment(this.doc, this.text, hash, end);
  }

  /** Closes the nodes that a line at `indent` ends; a `- ` at a key's own column stays inside it. */
  private popTo(indent: number, forItem: boolean): void {
    const frames = this.frames;
    while (frames.length > 0) {
      const top = frames[frames.length - 1];
      if (top.indent < indent || (top.indent === indent && forItem && !top.isItem)) break;
      frames.pop();
    }
  }

  private markParentUsed(): void {
    const parent = this.frames[this.frames.length - 1];
    if (parent) parent.hasChildren = true;
  }

  private path(): string[] {
    const path = new Array<string>(this.frames.length);
    for (let i = 0; i < path.length; i++) path[i] = this.frames[i].segment;
    return path;
  }

  private targetOf(frame: Frame): ValueTarget {
    return { keyPath: this.path(), keySpan: frame.keySpan, parentIndent: frame.indent, isItem: frame.isItem, opensFrame: false };
  }
}
