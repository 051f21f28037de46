// The name a value is assigned to on its own line: `NAME=value`, `name: "value"`, `"name": "value"`,
// `name := "value"`, `name => 'value'`, `$name = "value"`. Used where a bare format is ambiguous and
// the variable name is what identifies the provider (AWS secret keys, Twilio auth tokens, the
// provider table's context rows). Scans over a bounded window, so it costs O(1) per candidate
// whatever the input; assignedValueStart reads the same syntax forwards.
import { isKeyNameCharacter } from '../../../languages/ascii';

const WINDOW = 160;

function isQuote(code: number): boolean {
  return code === 34 || code === 39 || code === 96; // " ' `
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** The identifier assigned the value that starts at `valueStart`, or undefined when it is not an assignment. */
export function assignedNameBefore(text: string, valueStart: number): string | undefined {
  const limit = Math.max(0, valueStart - WINDOW);
  let i = valueStart - 1;
  const skip = (test: (code: number) => boolean) => {
    while (i >= limit && test(text.charCodeAt(i))) i--;
  };

  skip(isQuote);
  skip(isBlank);
  // The operator: =, :, :=, =>, or a YAML/JSON colon.
  const operatorEnd = i;
  if (text[i] === '>' && text[i - 1] === '=') i -= 2;
  else if (text[i] === '=' && text[i - 1] === ':') i -= 2;
  else if (text[i] === '=' || text[i] === ':') i -= 1;
  if (i === operatorEnd) return undefined;
  skip(isBlank);
  skip(isQuote);
  const nameEnd = i + 1;
  skip(isKeyNameCharacter);
  const name = text.slice(i + 1, nameEnd);
  return name.length > 0 ? name : undefined;
}

/**
 * Where the value assigned to the name ending at `nameEnd` starts — the mirror of
 * assignedNameBefore, which reads back from that point to the same name — or -1 when no
 * assignment operator follows the name.
 */
export function assignedValueStart(text: string, nameEnd: number): number {
  const limit = Math.min(text.length, nameEnd + WINDOW);
  let i = nameEnd;
  const skip = (test: (code: number) => boolean) => {
    while (i < limit && test(text.charCodeAt(i))) i++;
  };

  skip(isQuote);
  skip(isBlank);
  const operatorStart = i;
  if ((text[i] === '=' && text[i + 1] === '>') || (text[i] === ':' && text[i + 1] === '=')) i += 2;
  else if (text[i] === '=' || text[i] === ':') i += 1;
  // `==`, `===`: a comparison, not an assignment.
  if (i === operatorStart || text[i] === '=') return -1;
  skip(isBlank);
  skip(isQuote);
  return i < limit ? i : -1;
}
