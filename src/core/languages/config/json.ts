// JSON and JSONC through jsonc-parser's visitor: every string, number and boolean property value
// or array element becomes an entry (array elements as `[]`), nulls do not. Comments are
// collected in both formats; in strict JSON each one is also reported as a problem.
import { visit, printParseErrorCode, ParseErrorCode } from 'jsonc-parser';
import type { ConfigDocument, Span } from './model';
import { ConfigDocumentBuilder } from './document';
import { appendSegment } from './key-paths';
import { BYTE_ORDER_MARK } from './chars';

/** Errors that mean the token itself is broken: a value read from it would be a misread. */
const BROKEN_TOKEN_ERRORS = new Set<ParseErrorCode>([
  ParseErrorCode.UnexpectedEndOfString,
  ParseErrorCode.InvalidUnicode,
  ParseErrorCode.InvalidEscapeCharacter,
  ParseErrorCode.InvalidCharacter,
]);

export function readJson(text: string, format: 'json' | 'jsonc'): ConfigDocument {
  const doc = new ConfigDocumentBuilder(text, format);
  const collector = new JsonCollector(text, doc);
  try {
    visitJson(text, format, doc, collector);
  } catch (error) {
    // jsonc-parser recurses once per nesting level; thousands of `[` exhaust the stack. What was
    // read up to there stays valid.
    if (!(error instanceof RangeError)) throw error;
    doc.addProblem('nesting too deep to read', 0, 0);
  }
  return doc.build();
}

function visitJson(text: string, format: 'json' | 'jsonc', doc: ConfigDocumentBuilder, collector: JsonCollector): void {
  visit(
    // jsonc-parser does not skip a byte order mark; a space keeps every offset in place.
    text.charCodeAt(0) === BYTE_ORDER_MARK ? ' ' + text.slice(1) : text,
    {
      onObjectBegin: () => collector.enter(false),
      onArrayBegin: () => collector.enter(true),
      onObjectEnd: () => collector.exit(),
      onArrayEnd: () => collector.exit(),
      onObjectProperty: (name, offset, length) => collector.property(name, offset, length),
      onLiteralValue: (value: unknown, offset, length) => collector.literal(value, offset, length),
      onComment: (offset, length) => {
        const isBlock = text.startsWith('/*', offset);
        doc.addComment(offset, offset + length, 2, isBlock && length >= 4 && text.startsWith('*/', offset + length - 2) ? 2 : 0);
        if (format === 'json') doc.addProblem('comments are not allowed in JSON', offset, offset + length);
      },
      onError: (error, offset, length) => {
        if (BROKEN_TOKEN_ERRORS.has(error)) collector.brokenTokenOffset = offset;
        doc.addProblem(printParseErrorCode(error), offset, offset + length);
      },
    },
    { allowTrailingComma: format === 'jsonc', disallowComments: false, allowEmptyContent: true },
  );
}

interface Container {
  isArray: boolean;
  /** Whether entering it added a segment to the path (the root adds none). */
  addedSegment: boolean;
  /** Whether it sits under a broken key: its values then get no entries, having no sure keyPath. */
  unnamed: boolean;
}

/** Keeps the keyPath up to date as the visitor walks in and out of objects and arrays. */
class JsonCollector {
  /** Offset of the last token the scanner reported as broken. */
  brokenTokenOffset = -1;
  private readonly containers: Container[] = [];
  private readonly path: string[] = [];
  private unnamedDepth = 0;
  private pendingKey: { name: string; span: Span; broken: boolean } | undefined;

  constructor(
    private readonly text: string,
    private readonly doc: ConfigDocumentBuilder,
  ) {}

  enter(isArray: boolean): void {
    const parent = this.containers[this.containers.length - 1];
    const segment = parent ? this.takeSegment(parent) : undefined;
    const unnamed = parent !== undefined && segment === undefined;
    if (segment !== undefined) this.path.push(segment);
    if (unnamed) this.unnamedDepth++;
    this.containers.push({ isArray, addedSegment: segment !== undefined, unnamed });
    this.pendingKey = undefined;
  }

  exit(): void {
    const container = this.containers.pop();
    if (container?.addedSegment) this.path.pop();
    if (container?.unnamed) this.unnamedDepth--;
    this.pendingKey = undefined;
  }

  property(name: string, offset: number, length: number): void {
    this.pendingKey = { name, span: { start: offset + 1, end: offset + length - 1 }, broken: offset === this.brokenTokenOffset };
  }

  literal(value: unknown, offset: number, length: number): void {
    const parent = this.containers[this.containers.length - 1];
    if (!parent) return; // a document that is a bare scalar has no key
    const key = parent.isArray ? undefined : this.pendingKey;
    const segment = this.takeSegment(parent);
    if (segment === undefined || this.unnamedDepth > 0 || offset === this.brokenTokenOffset || value === null) return;
    const isString = typeof value === 'string';
    const valueSpan = isString ? { start: offset + 1, end: offset + length - 1 } : { start: offset, end: offset + length };
    // Array elements have no key of their own; their key span is the element.
    const keySpan = key ? key.span : { start: offset, end: offset + length };
    // Numbers keep their spelling (`1e3`, `0.10`), which String(value) would not.
    const entryValue = isString ? value : this.text.slice(offset, offset + length);
    this.doc.addEntry(appendSegment(this.path, segment), keySpan, entryValue, valueSpan, isString ? '"' : undefined);
  }

  /** The segment the next value gets in `parent`, consuming the pending property name. */
  private takeSegment(parent: Container): string | undefined {
    if (parent.isArray) return '[]';
    const key = this.pendingKey;
    this.pendingKey = undefined;
    return key && !key.broken ? key.name : undefined;
  }
}
