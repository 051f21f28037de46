// The one-letter backslash escapes of the INI-like formats (`\n`, `\"`): each reader passes the
// table its format knows, and any other backslash stays as written, as those parsers keep it.
import { BACKSLASH } from './chars';

/** `raw` with every backslash followed by a key of `escapes` replaced by that key's value. */
export function replaceSimpleEscapes(raw: string, escapes: Readonly<Record<string, string>>): string {
  if (raw.indexOf('\\') === -1) return raw;
  let result = '';
  let copiedUpTo = 0;
  for (let i = 0; i + 1 < raw.length; i++) {
    if (raw.charCodeAt(i) !== BACKSLASH) continue;
    const replacement = escapes[raw[i + 1]];
    if (replacement === undefined) continue;
    result += raw.slice(copiedUpTo, i) + replacement;
    i++;
    copiedUpTo = i + 1;
  }
  return result + raw.slice(copiedUpTo);
}
