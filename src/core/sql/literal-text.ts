// Describing a quoted literal that holds a hole, for a fix that turns it into a parameter: where
// its delimiters are in the caller's parts, and the SQL value of the text around the hole.
import { partPositionOf, type TemplateText } from './template-text';
import type { LiteralShape, Token } from './tokens';
import type { DelimiterPosition, QuotedAlone, QuotedWithText } from './types';

export interface QuoteDetails {
  quotedAlone?: QuotedAlone;
  quotedWithText?: QuotedWithText;
}

/** The literal `token` seen around its hole `ordinal`; empty when a delimiter straddles two parts. */
export function quoteDetails(template: TemplateText, token: Token, ordinal: number): QuoteDetails {
  const literal = token.literal;
  if (literal === undefined || !literal.terminated) return {};
  const quoteBefore = delimiterPosition(template, literal.openStart, literal.openLength);
  const quoteAfter = delimiterPosition(template, literal.closeStart, literal.closeLength);
  if (quoteBefore === undefined || quoteAfter === undefined) return {};
  const contentStart = literal.openStart + literal.openLength;
  const holeOffset = template.holeOffsets[ordinal];
  if (holeOffset === contentStart && holeOffset === literal.closeStart) return { quotedAlone: { quoteBefore, quoteAfter } };
  return {
    quotedWithText: {
      prefix: literalValue(template.text.slice(contentStart, holeOffset), literal),
      suffix: literalValue(template.text.slice(holeOffset, literal.closeStart), literal),
      quoteBefore,
      quoteAfter,
    },
  };
}

function delimiterPosition(template: TemplateText, start: number, length: number): DelimiterPosition | undefined {
  const first = partPositionOf(template, start);
  const last = partPositionOf(template, start + length - 1);
  return first.part === last.part ? { part: first.part, offset: first.offset, length } : undefined;
}

const BACKSLASH_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  '0': '\0',
  Z: '\x1a',
  // MySQL keeps the backslash of `\%` and `\_` so that LIKE still sees an escaped wildcard.
  '%': '\\%',
  _: '\\_',
};

/** The value SQL reads from a piece of literal content: doubled quotes and backslash escapes resolved. */
function literalValue(raw: string, literal: LiteralShape): string {
  if (literal.delimiter === '$') return raw;
  const quote = literal.delimiter === '[' ? ']' : literal.delimiter;
  let value = '';
  for (let index = 0; index < raw.length; index++) {
    const char = raw[index];
    if (literal.backslashEscapes && char === '\\' && index + 1 < raw.length) {
      const escaped = raw[++index];
      value += BACKSLASH_ESCAPES[escaped] ?? escaped;
    } else if (char === quote && raw[index + 1] === quote) {
      value += quote;
      index++;
    } else {
      value += char;
    }
  }
  return value;
}
