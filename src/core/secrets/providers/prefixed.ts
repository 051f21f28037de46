// Prefixed formats (`glpat-…`, `dop_v1_…`, `…Q~…`): every `prefix[body]*` run, extended left over
// the row's lead, that stands alone (not glued inside a longer identifier or blob) and passes the
// row's checks. One regex pass per row; the lead scan and the checks are bounded per candidate.
import { isGlueChar, standsAlone } from '../detectors/support/token-runs';
import type { CompiledRow } from './compile';
import { acceptsToken } from './token-check';

export interface FoundToken {
  start: number;
  end: number;
}

/** Start of the lead before `prefixStart` (the run of lead characters, read at most max + 1 back). */
function leadStart(compiled: CompiledRow, text: string, prefixStart: number): number {
  const lead = compiled.lead;
  if (!lead) return prefixStart;
  let start = prefixStart;
  while (start > 0 && prefixStart - start <= lead.max) {
    const code = text.charCodeAt(start - 1);
    if (code > 127 || lead.chars[code] === 0) break;
    start--;
  }
  return start;
}

/** The token starts right after one of the row's `gluedAfter` literals and ends standing alone. */
function followsAllowedGlue(compiled: CompiledRow, text: string, start: number, end: number): boolean {
  const literals = compiled.row.token.gluedAfter;
  if (!literals || (end < text.length && isGlueChar(text.charCodeAt(end)))) return false;
  return literals.some((literal) => {
    const literalStart = start - literal.length;
    return text.startsWith(literal, literalStart) && (literalStart === 0 || !isGlueChar(text.charCodeAt(literalStart - 1)));
  });
}

/** The token [start, end) whose prefix is [prefixStart, prefixEnd), if it stands alone and passes the row's checks. */
function candidateAt(compiled: CompiledRow, text: string, start: number, prefixStart: number, prefixEnd: number, end: number): FoundToken | undefined {
  if (end - prefixEnd < compiled.minBody || end - prefixEnd > compiled.maxBody) return undefined;
  if (!standsAlone(text, start, end) && !followsAllowedGlue(compiled, text, start, end)) return undefined;
  if (!acceptsToken(compiled, text.slice(start, end), end - prefixEnd, prefixStart - start)) return undefined;
  return compiled.row.reportBodyOnly ? { start: prefixEnd, end } : { start, end };
}

export function findPrefixedTokens(compiled: CompiledRow, text: string): FoundToken[] {
  const found: FoundToken[] = [];
  if (!compiled.candidates) return found;
  for (const match of text.matchAll(compiled.candidates)) {
    const prefixStart = match.index;
    const prefix = compiled.prefixes.find((candidate) => match[0].startsWith(candidate)) ?? '';
    const prefixEnd = prefixStart + prefix.length;
    const end = prefixStart + match[0].length;
    const start = leadStart(compiled, text, prefixStart);
    // A run may end with the period that ends the sentence: tried without it first.
    const trimmed = compiled.bodyHasDot && text[end - 1] === '.' && end - 1 > prefixEnd;
    const token =
      (trimmed ? candidateAt(compiled, text, start, prefixStart, prefixEnd, end - 1) : undefined) ??
      candidateAt(compiled, text, start, prefixStart, prefixEnd, end);
    if (token) found.push(token);
  }
  return found;
}
