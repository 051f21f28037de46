// What a config-switch reader reports: a `config`-scoped directive and the span to report at. For
// config scope the directive's start/end are offsets into the file text (there is no comment text
// to be relative to), equal to the span. A comment on the same line after the switch is its reason:
// `"S101",  # tests use assert` or `skips = ["B101"]  # asserts are only in tests`.
import type { ConfigComment, Span } from '../../languages/config';
import type { SuppressionDirective, SuppressionTool } from '../model';
import type { ConfigScalar } from './tree';

export interface ConfigSwitch {
  directive: SuppressionDirective;
  span: Span;
}

export interface SwitchFields {
  tool: SuppressionTool;
  ids: string[];
  span: Span;
  /** Globs or paths the switch applies to; empty = the whole project; absent = unknown. */
  configScope?: string[];
  reason?: string;
}

export function makeSwitch(fields: SwitchFields): ConfigSwitch {
  const directive: SuppressionDirective = {
    tool: fields.tool,
    scope: 'config',
    ids: fields.ids,
    start: fields.span.start,
    end: fields.span.end,
  };
  if (fields.configScope !== undefined) directive.configScope = fields.configScope;
  if (fields.reason !== undefined) directive.reason = fields.reason;
  return { directive, span: { start: fields.span.start, end: fields.span.end } };
}

/** Finds the comment that trails a span on its line. */
export class TrailingComments {
  constructor(
    private readonly text: string,
    private readonly comments: readonly ConfigComment[],
  ) {}

  reasonAfter(span: Span): string | undefined {
    const comments = this.comments;
    let low = 0;
    let high = comments.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (comments[middle].start < span.end) low = middle + 1;
      else high = middle;
    }
    const comment = comments[low];
    if (!comment || comment.text === '') return undefined;
    for (let i = span.end; i < comment.start; i++) {
      const code = this.text.charCodeAt(i);
      if (code === 10 || code === 13) return undefined;
    }
    return comment.text;
  }
}

/**
 * The items of a comma- or blank-separated scalar (`B608,B105` in an INI value, `S101, S608` in a
 * YAML string), each with its own span when the value is written as is, or differs from it only
 * in separators (a YAML value folded over lines); otherwise the scalar.
 */
export function splitScalar(text: string, scalar: ConfigScalar): ConfigScalar[] {
  const { start, end } = scalar.span;
  const raw = text.slice(start, end);
  if (raw !== scalar.value && listItems(raw) !== listItems(scalar.value)) return scalar.value.trim() ? [scalar] : [];
  const items: ConfigScalar[] = [];
  let i = start;
  while (i < end) {
    while (i < end && isListSeparator(text.charCodeAt(i))) i++;
    const itemStart = i;
    while (i < end && !isListSeparator(text.charCodeAt(i))) i++;
    if (i > itemStart) items.push({ kind: 'scalar', value: text.slice(itemStart, i), span: { start: itemStart, end: i }, quoted: scalar.quoted });
  }
  return items;
}

function listItems(value: string): string {
  return value
    .split(/[, \t\r\n]+/)
    .filter((item) => item !== '')
    .join('\n');
}

function isListSeparator(code: number): boolean {
  return code === 44 || code === 32 || code === 9 || code === 10 || code === 13;
}
