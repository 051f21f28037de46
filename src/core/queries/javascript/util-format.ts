// Node's util.format, read statically: which argument each `%` specifier takes and how it is
// rendered. `%s` keeps the argument's text, `%d`/`%i`/`%f` print a number, `%j`/`%o`/`%O` print
// JSON or an inspection, `%c` takes an argument and prints nothing, `%%` is a percent sign;
// arguments left over are appended after spaces.

export type FormatSegment = { text: string } | { argument: number; as: 'text' | 'number' | 'json' | 'nothing' };

export function formatSegments(template: string, argumentCount: number): FormatSegment[] {
  const segments: FormatSegment[] = [];
  let literal = '';
  let next = 0;
  for (let index = 0; index < template.length; index++) {
    const char = template[index];
    const specifier = template[index + 1];
    if (char !== '%' || specifier === undefined) {
      literal += char;
      continue;
    }
    if (specifier === '%') {
      literal += '%';
      index++;
      continue;
    }
    const as = SPECIFIERS[specifier];
    if (!as || next >= argumentCount) {
      literal += char;
      continue;
    }
    index++;
    segments.push({ text: literal }, { argument: next++, as });
    literal = '';
  }
  segments.push({ text: literal });
  for (; next < argumentCount; next++) segments.push({ text: ' ' }, { argument: next, as: 'text' });
  return segments;
}

const SPECIFIERS: Record<string, 'text' | 'number' | 'json' | 'nothing'> = {
  s: 'text',
  d: 'number',
  i: 'number',
  f: 'number',
  j: 'json',
  o: 'json',
  O: 'json',
  c: 'nothing',
};
