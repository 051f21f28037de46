// Context rows: formats with no prefix of their own (a Datadog key is 32 hex digits), reported only
// when assigned to a name that holds the provider's word — `DATADOG_API_KEY = "…"`,
// `datadog_api_key: …`, `"datadogKey": "…"`. Candidates start at the provider word's occurrences:
// from each, the name is read to its end, the assignment operator crossed, and the value scanned
// for at most the row's longest body, so the cost per occurrence is bounded.
import { assignedNameBefore, assignedValueStart } from '../detectors/support/assignment';
import { isGlueChar } from '../detectors/support/token-runs';
import type { CompiledRow } from './compile';
import { holdsContextWord, isWholeWordAt, passesNameGate } from './name-gate';
import type { FoundToken } from './prefixed';
import { acceptsToken } from './token-check';
import { isKeyNameCharacter } from '../../languages/ascii';

/** A name longer than this is not a variable name (assignedNameBefore reads as far). */
const MAX_NAME_LENGTH = 160;

/** Body end from `bodyStart`: the run of body characters, or -1 when it runs past the longest body. */
function bodyEnd(compiled: CompiledRow, text: string, bodyStart: number): number {
  const limit = Math.min(text.length, bodyStart + compiled.maxBody + 1);
  let end = bodyStart;
  while (end < limit) {
    const code = text.charCodeAt(end);
    if (code > 127 || compiled.body[code] === 0) break;
    end++;
  }
  return end > bodyStart + compiled.maxBody ? -1 : end;
}

function acceptedValue(compiled: CompiledRow, text: string, valueStart: number, bodyStart: number, end: number): boolean {
  if (end < text.length && isGlueChar(text.charCodeAt(end))) return false;
  return acceptsToken(compiled, text.slice(valueStart, end), end - bodyStart, 0);
}

/**
 * The row's value starting at `valueStart`, when the name assigned it holds the provider word and
 * passes the row's name gate, and the value passes the row's checks.
 */
export function contextTokenAt(compiled: CompiledRow, text: string, valueStart: number, name = assignedNameBefore(text, valueStart)): FoundToken | undefined {
  if (!name || !holdsContextWord(name, compiled.spellings ?? []) || !passesNameGate(name, compiled.nameGate)) return undefined;
  const prefix = compiled.prefixes.find((candidate) => text.startsWith(candidate, valueStart));
  if (compiled.prefixes.length > 0 && prefix === undefined) return undefined;
  const bodyStart = valueStart + (prefix?.length ?? 0);
  const end = bodyEnd(compiled, text, bodyStart);
  if (end < 0) return undefined;
  // A value that ends a sentence (`the key is abc….`) is tried without the period first.
  if (compiled.bodyHasDot && text[end - 1] === '.' && acceptedValue(compiled, text, valueStart, bodyStart, end - 1)) return { start: valueStart, end: end - 1 };
  return acceptedValue(compiled, text, valueStart, bodyStart, end) ? { start: valueStart, end } : undefined;
}

export function findContextTokens(compiled: CompiledRow, text: string): FoundToken[] {
  const words = compiled.contextWords;
  if (!words) return [];
  const found: FoundToken[] = [];
  const seen = new Set<number>();
  for (const occurrence of text.matchAll(words)) {
    const wordEnd = occurrence.index + occurrence[0].length;
    if (!isWholeWordAt(text, occurrence.index, wordEnd)) continue;
    let nameEnd = wordEnd;
    while (nameEnd < text.length && nameEnd - occurrence.index < MAX_NAME_LENGTH && isKeyNameCharacter(text.charCodeAt(nameEnd))) nameEnd++;
    const valueStart = assignedValueStart(text, nameEnd);
    if (valueStart < 0 || seen.has(valueStart)) continue;
    seen.add(valueStart);
    const token = contextTokenAt(compiled, text, valueStart);
    if (token) found.push(token);
  }
  return found;
}
