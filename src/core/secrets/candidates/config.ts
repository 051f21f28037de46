// Config-file values as candidates: the key is the name, the value span is exact, and the whole
// value is what a fix replaces (configs have no separate literal syntax to keep).
import type { ConfigDocument } from '../../languages/config/model';
import type { StringCandidate } from './model';

export function configCandidates(document: ConfigDocument, text: string): StringCandidate[] {
  return document.entries.map((entry) => {
    // Quotes belong to the literal only when they really sit around the value (one-line values).
    const quoted = entry.quote !== undefined && text[entry.valueSpan.start - 1] === entry.quote && text[entry.valueSpan.end] === entry.quote;
    return {
      value: entry.value,
      valueStart: entry.valueSpan.start,
      valueEnd: entry.valueSpan.end,
      literalStart: quoted ? entry.valueSpan.start - 1 : entry.valueSpan.start,
      literalEnd: quoted ? entry.valueSpan.end + 1 : entry.valueSpan.end,
      verbatim: text.slice(entry.valueSpan.start, entry.valueSpan.end) === entry.value,
      name: entry.key,
    };
  });
}
