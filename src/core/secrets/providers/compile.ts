// A table row made ready to scan, with the checks that keep every row linear-time done once, when
// the table is loaded: candidates are found by `prefix[class]*` (a literal, then ONE greedy class,
// so each match consumes its run and the scan never backtracks), leads are scanned in code with a
// bound, and layouts — applied only to bounded candidates — may not quantify a group.
import type { Severity } from '../../types';
import { classCharacters, classTable } from './character-class';
import type { Length, NameGate, ProviderRow } from './row';

/** Longest body a row may declare: candidates are bounded, so checks on them cost O(1) per candidate. */
export const MAX_BODY_LENGTH = 8192;

export interface CompiledRow {
  row: ProviderRow;
  /** Longest first, so an alternation never stops at a shorter prefix of a longer one. */
  prefixes: readonly string[];
  /** Prefixed rows: `(?:prefix|…)[body]*`, global (context rows start from their words instead). */
  candidates?: RegExp;
  body: Uint8Array;
  minBody: number;
  maxBody: number;
  lead?: { chars: Uint8Array; min: number; max: number };
  alphabet: number;
  /** A `.` in the body class: a run ending in `.` may end a sentence, and is retried without it. */
  bodyHasDot: boolean;
  severity: Severity;
  keywords: readonly string[];
  /** Context rows: every spelling of the provider words (see contextSpellings), and a global regex finding them. */
  spellings?: readonly string[];
  contextWords?: RegExp;
  nameGate: NameGate;
}

function range(length: Length): [number, number] {
  return typeof length === 'number' ? [length, length] : [length[0], length[1]];
}

function escapeLiteral(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** `datadog` → datadog, Datadog, DATADOG; `newRelic` also keeps newRelic and gets NewRelic. */
export function contextSpellings(words: readonly string[]): string[] {
  const spellings = new Set<string>();
  for (const word of words) {
    const lower = word.toLowerCase();
    for (const spelling of [word, lower, word.toUpperCase(), lower[0].toUpperCase() + lower.slice(1), word[0].toUpperCase() + word.slice(1)]) {
      spellings.add(spelling);
    }
  }
  return [...spellings];
}

/**
 * Throws unless the layout is anchored and no group carries a quantifier but `?`: a quantified
 * group holding a quantifier is what makes a regex backtrack exponentially.
 */
function checkLayout(id: string, layout: RegExp): void {
  const source = layout.source;
  if (!source.startsWith('^') || !source.endsWith('$')) throw new Error(`${id}: layout must be anchored (^…$)`);
  if (/\)(?:[*+]|\{\d)/.test(source)) throw new Error(`${id}: layout quantifies a group`);
  if (/\\\d/.test(source)) throw new Error(`${id}: layout uses a backreference`);
  if (layout.flags.includes('g') || layout.flags.includes('y')) throw new Error(`${id}: layout must not be global or sticky`);
}

export function compileRow(row: ProviderRow): CompiledRow {
  const prefixes = (typeof row.token.prefix === 'string' ? [row.token.prefix] : [...(row.token.prefix ?? [])]).sort((a, b) => b.length - a.length);
  if (!row.context && prefixes.length === 0) throw new Error(`${row.id}: a row without context words needs a prefix`);
  if (prefixes.some((prefix) => prefix.length === 0)) throw new Error(`${row.id}: empty prefix`);
  const [minBody, maxBody] = range(row.token.length);
  if (minBody < 0 || maxBody < minBody || maxBody > MAX_BODY_LENGTH) throw new Error(`${row.id}: body length ${minBody}..${maxBody}`);
  if (row.token.layout) checkLayout(row.id, row.token.layout);
  // The randomness check reads the body, or the layout's groups when the random part is elsewhere.
  if (maxBody === 0 && !row.token.layout) throw new Error(`${row.id}: an empty body needs a layout whose groups hold the random part`);

  const bodyCharacters = row.token.body === '' ? [] : classCharacters(row.token.body);
  // A literal alternation, then ONE greedy class: each match consumes its run, so the scan is linear.
  const candidates = row.context
    ? undefined
    : new RegExp(`(?:${prefixes.map(escapeLiteral).join('|')})${row.token.body === '' ? '' : `[${row.token.body}]*`}`, 'g');
  const lead = row.token.lead && { chars: classTable(row.token.lead.chars), min: range(row.token.lead.length)[0], max: range(row.token.lead.length)[1] };
  if (lead && lead.max > 256) throw new Error(`${row.id}: lead longer than 256 characters`);
  const spellings = row.context ? contextSpellings(row.context) : undefined;
  return {
    row,
    prefixes,
    candidates,
    body: row.token.body === '' ? new Uint8Array(128) : classTable(row.token.body),
    minBody,
    maxBody,
    lead,
    // The random part is the body's, or the lead's when the body is empty (`…_mmk`, `…NRAL`).
    alphabet: row.token.alphabet ?? (bodyCharacters.length > 0 ? bodyCharacters.length : classCharacters(row.token.lead?.chars ?? 'a').length),
    bodyHasDot: bodyCharacters.includes('.'),
    severity: row.severity ?? (row.context ? 'warning' : 'error'),
    keywords: row.keywords ?? spellings ?? prefixes,
    spellings,
    contextWords:
      spellings &&
      new RegExp(
        [...spellings]
          .sort((a, b) => b.length - a.length)
          .map(escapeLiteral)
          .join('|'),
        'g',
      ),
    nameGate: row.nameGate ?? 'credential',
  };
}
