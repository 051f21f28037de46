// YAML, read by indentation: block mappings become keyPath segments, `- ` items become `[]`, and
// every scalar value (plain, quoted or block) becomes an entry. Flow collections (`{...}`,
// `[...]`) yield no entries, only their spans. Compose-style `- KEY=value` items are read as the
// key KEY, so `environment:` yields the same entries whether it is a mapping or a list.
// The same reading can also build a value tree of the first document (readYamlTree), flow
// collections included, for callers that need the structure rather than entries.
import type { ConfigDocument, Span } from './model';
import { addHashComment, ConfigDocumentBuilder, readLineTail, type Quote } from './document';
import { appendSegment } from './key-paths';
import { LineCursor } from './lines';
import { Slot, type ScalarStyle, type ValueTreeBuilder } from './value-tree';
import { FlowCollectionReader } from './yaml-flow';
import { assembleBlockScalar, decodeQuoted, type Chomping } from './yaml-scalars';
import {
  NULLS,
  continuesDeeperThan,
  countSpaces,
  environmentKeyLength,
  findClosingQuote,
  isDocumentMarker,
  isItemMarker,
  readKey,
  scanPlainLine,
  skipNodeProperties,
  skipSpaces,
  skipToBlank,
  valueStart,
  type Key,
} from './yaml-syntax';
import { DOUBLE_QUOTE, GREATER_THAN, HASH, MINUS, PERCENT, QUESTION, TAB, skipBlanks } from './chars';

const PLUS = 43;

export function readYaml(text: string): ConfigDocument {
  const doc = new ConfigDocumentBuilder(text, 'yaml');
  new YamlReader(text, doc, undefined).read();
  return doc.build();
}

/**
 * The first document as a value tree of the caller's nodes, read exactly as readYaml reads it
 * (undefined when it holds no value). Broken parts are left out, as readYaml leaves them out of
 * the entries.
 */
export function readYamlTree<N>(text: string, builder: ValueTreeBuilder<N>): N | undefined {
  let root: N | undefined;
  const tree: Tree<N> = { builder, root: new Slot(builder, (node) => (root = node)), hasRoot: () => root !== undefined };
  new YamlReader(text, new ConfigDocumentBuilder(text, 'yaml'), tree).read();
  return root;
}

/** The value tree being built, when one is. */
interface Tree<N> {
  builder: ValueTreeBuilder<N>;
  root: Slot<N>;
  hasRoot(): boolean;
}

/** An open block node: a key whose value is on the following lines, or a list item. */
interface Frame<N> {
  indent: number;
  segment: string;
  isItem: boolean;
  keySpan: Span;
  /** Whether a line below already belongs to it (a scalar on its own line can only come first). */
  hasChildren: boolean;
  /** Where its value goes in the value tree. */
  slot: Slot<N> | undefined;
}

/** Where the value about to be read belongs. */
interface ValueTarget<N> {
  /** Empty for a document-level scalar, which has no key and so yields no entry. */
  keyPath: string[];
  keySpan: Span;
  /** Indentation of the node owning the value; its continuation lines must be deeper. */
  parentIndent: number;
  isItem: boolean;
  /** Whether a block node on the following lines opens a frame (a key's does; an item has one). */
  opensFrame: boolean;
  slot: Slot<N> | undefined;
}

class YamlReader<N> {
  private readonly lines: LineCursor;
  private readonly frames: Frame<N>[] = [];
  private flows: FlowCollectionReader<N> | undefined;
  private done = false;

  constructor(
    private readonly text: string,
    private readonly doc: ConfigDocumentBuilder,
    private readonly tree: Tree<N> | undefined,
  ) {
    this.lines = new LineCursor(text);
  }

  read(): void {
    while (!this.done && this.lines.advance()) this.readLine();
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
      // The value tree is the first document's.
      if (this.tree?.hasRoot()) this.done = true;
      // `--- |` or `--- !tag` start a document-level node; it has no key, so nothing is emitted,
      // but its lines must still be stepped over.
      const rest = skipBlanks(text, pos + 3, end);
      if (rest < end && !this.done) this.readValue(rest, this.documentTarget(pos));
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
    if (!parent && valueStart(text, pos, lines.end) === 'flow') {
      this.readFlow(pos, this.documentTarget(pos)); // a JSON-style document
      return;
    }
    this.doc.addProblem(text.charCodeAt(pos) === QUESTION ? 'complex keys (`? `) are not read' : 'expected `key: value` or `- item`', pos, lines.end);
  }

  /** `- ...`, including compact nested lists `- - x`, read in a loop so no input can nest calls deeply. */
  private readItem(firstDash: number, firstIndent: number): void {
    const { text, lines } = this;
    let dash = firstDash;
    let indent = firstIndent;
    for (;;) {
      this.popTo(indent, true);
      this.markParentUsed();
      const slot = this.parentSlot()?.item(indent);
      this.frames.push({ indent, segment: '[]', isItem: true, keySpan: { start: dash, end: dash + 1 }, hasChildren: false, slot });
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
    const target: ValueTarget<N> = {
      keyPath: appendSegment(this.path(), key.name),
      keySpan: key.span,
      parentIndent: indent,
      isItem: false,
      opensFrame: true,
      slot: this.parentSlot()?.entry(key.name, key.span, indent),
    };
    this.readValue(skipBlanks(this.text, key.colon + 1, this.lines.end), target);
  }

  private readValue(pos: number, target: ValueTarget<N>): void {
    const { text, lines } = this;
    const end = lines.end;
    const start = skipNodeProperties(text, pos, end);
    switch (valueStart(text, start, end)) {
      case 'empty':
        this.openBlock(target);
        break;
      case 'comment':
        this.addComment(start, end);
        this.openBlock(target);
        break;
      case 'alias':
        this.readLineTail(skipToBlank(text, start, end), end); // an alias repeats a node; it is no new value
        break;
      case 'block':
        this.readBlockScalar(start, target);
        break;
      case 'quoted':
        this.readQuotedScalar(start, target);
        break;
      case 'flow':
        this.readFlow(start, target);
        break;
      case 'item':
        this.doc.addProblem('a list cannot start on the line of its key', start, end);
        break;
      case 'reserved':
        this.doc.addProblem('a plain value cannot start with a reserved character', start, end);
        break;
      case 'plain':
        this.readPlainScalar(start, target);
    }
  }

  private readPlainScalar(start: number, target: ValueTarget<N>): void {
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
    this.emitScalar(target, value, { start, end: valueEnd }, 'plain', undefined, valueEnd === firstLine.contentEnd);
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
  private readQuotedScalar(quotePos: number, target: ValueTarget<N>): void {
    const { text, lines } = this;
    const openingLineEnd = lines.end;
    const afterOpeningLine = lines.next;
    const close = findClosingQuote(text, quotePos, text.length);
    let closed = close !== -1;
    while (closed && close >= lines.end) {
      if (!lines.advance()) closed = false;
      else if (!continuesDeeperThan(text, lines.start, lines.end, target.parentIndent)) closed = false;
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
    const value = decodeQuoted(text, quotePos, close);
    if (value === undefined) {
      this.doc.addProblem('invalid escape in a double-quoted value', quotePos, close + 1);
      return;
    }
    const raw = text.slice(quotePos + 1, close);
    const quote = text.charCodeAt(quotePos) === DOUBLE_QUOTE ? '"' : "'";
    this.emitScalar(target, value, { start: quotePos + 1, end: close }, 'quoted', quote, value === raw);
  }

  /**
   * `|` keeps line breaks, `>` folds them; `-`/`+` strip or keep the final ones; a digit fixes the
   * indentation. The entry's value is the scalar's value; its span runs from the first content
   * character to the end of the last non-empty line. An empty block scalar yields no entry.
   */
  private readBlockScalar(indicator: number, target: ValueTarget<N>): void {
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
    this.emitScalar(target, value, { start: firstContent.start + contentIndent, end: lastContent.end }, 'block', undefined, false);
  }

  /** `{...}`/`[...]`: no entries, but the span of a key's collection, and its value in the tree. */
  private readFlow(open: number, target: ValueTarget<N>): void {
    this.flows ??= new FlowCollectionReader(this.text, this.lines, this.doc, this.tree?.builder);
    const end = this.flows.read(open, target.parentIndent);
    if (end < 0) return;
    if (target.keyPath.length > 0) this.doc.addFlow(target.keyPath, open, end);
    target.slot?.set(this.flows.node);
  }

  /** The value is a block node on the following lines: a key's frame opens for them. */
  private openBlock(target: ValueTarget<N>): void {
    if (!target.opensFrame) return;
    const segment = target.keyPath[target.keyPath.length - 1];
    this.frames.push({ indent: target.parentIndent, segment, isItem: false, keySpan: target.keySpan, hasChildren: false, slot: target.slot });
  }

  private emitScalar(target: ValueTarget<N>, value: string, valueSpan: Span, style: ScalarStyle, quote: Quote | undefined, rawIsValue: boolean): void {
    if (target.slot) target.slot.set(this.tree?.builder.scalar(value, valueSpan, style));
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

  private targetOf(frame: Frame<N>): ValueTarget<N> {
    return { keyPath: this.path(), keySpan: frame.keySpan, parentIndent: frame.indent, isItem: frame.isItem, opensFrame: false, slot: frame.slot };
  }

  /** A node at the document's top level, after `---` or as a JSON-style document: it has no key. */
  private documentTarget(pos: number): ValueTarget<N> {
    return { keyPath: [], keySpan: { start: pos, end: pos }, parentIndent: -1, isItem: false, opensFrame: false, slot: this.tree?.root };
  }

  /** Where the value tree puts a key or an item read now: under the innermost open node. */
  private parentSlot(): Slot<N> | undefined {
    const frames = this.frames;
    return frames.length > 0 ? frames[frames.length - 1].slot : this.tree?.root;
  }
}
