// JSON and JSONC through jsonc-parser's visitor: every string, number and boolean property value
// or array element becomes an entry (array elements as `[]`), nulls do not. Comments are
// collected in both formats; in strict JSON each one is also reported as a problem.
import { visit, printParseErrorCode, ParseErrorCode } from 'jsonc-parser';
import type { ConfigDocument, Span } from './model';
import { ConfigDocumentBuilder, appendSegment } from './document';
import { BYTE_ORDER_MARK } from './chars';

/** Errors that mean the token itself is broken: a value read from it would be a misread. */
const BROKEN_TOKEN_ERRORS = new Set<ParseErrorCode>([
  ParseErrorCode.UnexpectedEndOfString,
  ParseErrorCode.InvalidUnicode,
  ParseErrorCode.InvalidEscapeCharacter,
  ParseErrorCode.InvalidCharacter,
]);

interface Container {
  isArray: boolean;
  /** The keyPath segment naming this container inside its parent; undefined for the root. */
  segment: string | undefined;
  /** Set for a container under a broken key: its values get no entries, having no sure keyPath. */
  unnamed: boolean;
  /** The property whose value comes next (objects only). */
  pendingKey: { name: string; span: Span; broken: boolean } | undefined;
}

export function readJson(text: string, format: 'json' | 'jsonc'): ConfigDocument {
  const doc = new ConfigDocumentBuilder(text, format);
  const containers: Container[] = [];
  let brokenTokenOffset = -1;

  const segments = (): string[] | undefined => {
    const path: string[] = [];
    for (const container of containers) {
      if (container.unnamed) return undefined;
      if (container.segment !== undefined) path.push(container.segment);
    }
    return path;
  };
  /** The segment and key of the value about to be visited, consuming the pending property. */
  const takeSlot = (valueSpan: Span): { segment: string; keySpan: Span } | undefined => {
    const parent = containers[containers.length - 1];
    if (!parent) return undefined;
    if (parent.isArray) return { segment: '[]', keySpan: valueSpan };
    const key = parent.pendingKey;
    parent.pendingKey = undefined;
    return key && !key.broken ? { segment: key.name, keySpan: key.span } : undefined;
  };
  const enter = (isArray: boolean, offset: number): void => {
    const slot = takeSlot({ start: offset, end: offset + 1 });
    const isRoot = containers.length === 0;
    containers.push({ isArray, segment: slot?.segment, unnamed: !isRoot && !slot, pendingKey: undefined });
  };

  visit(
    // jsonc-parser does not skip a byte order mark; a space keeps every offset in place.
    text.charCodeAt(0) === BYTE_ORDER_MARK ? ' ' + text.slice(1) : text,
    {
      onObjectBegin: (offset) => enter(false, offset),
      onArrayBegin: (offset) => enter(true, offset),
      onObjectEnd: () => void containers.pop(),
      onArrayEnd: () => void containers.pop(),
      onObjectProperty: (name, offset, length) => {
        const parent = containers[containers.length - 1];
        if (parent) parent.pendingKey = { name, span: { start: offset + 1, end: offset + length - 1 }, broken: offset === brokenTokenOffset };
      },
      onLiteralValue: (value: unknown, offset, length) => {
        const isString = typeof value === 'string';
        const valueSpan = isString ? { start: offset + 1, end: offset + length - 1 } : { start: offset, end: offset + length };
        const slot = takeSlot(isString ? { start: offset, end: offset + length } : valueSpan);
        if (!slot || offset === brokenTokenOffset || value === null) return;
        const parentPath = segments();
        if (!parentPath) return;
        // Numbers keep their spelling (`1e3`, `0.10`), which String(value) would not.
        const entryValue = isString ? value : text.slice(offset, offset + length);
        doc.addEntry(appendSegment(parentPath, slot.segment), slot.keySpan, entryValue, valueSpan, isString ? '"' : undefined);
      },
      onComment: (offset, length) => {
        const isBlock = text.startsWith('/*', offset);
        doc.addComment(offset, offset + length, 2, isBlock && length >= 4 && text.startsWith('*/', offset + length - 2) ? 2 : 0);
        if (format === 'json') doc.addProblem('comments are not allowed in JSON', offset, offset + length);
      },
      onError: (error, offset, length) => {
        if (BROKEN_TOKEN_ERRORS.has(error)) brokenTokenOffset = offset;
        doc.addProblem(printParseErrorCode(error), offset, offset + length);
      },
    },
    { allowTrailingComma: format === 'jsonc', disallowComments: false, allowEmptyContent: true },
  );
  return doc.build();
}
