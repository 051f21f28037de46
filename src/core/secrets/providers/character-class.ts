// The characters of a table row's class (`'A-Za-z0-9_-'`): its size is the default alphabet of the
// randomness check, and the lead scan tests membership without a regex per character.

/**
 * Every character the class source admits, in order. Ranges (`a-f`), single characters and
 * backslash escapes (`\\]`); a `-` first or last is literal. Negated classes are refused: a body
 * of "anything but" is not a token alphabet.
 */
export function classCharacters(source: string): string[] {
  if (source.startsWith('^')) throw new Error(`negated class [${source}] cannot be a token alphabet`);
  const units: { character: string; escaped: boolean }[] = [];
  for (let index = 0; index < source.length; index++) {
    if (source[index] === ']') throw new Error(`unescaped ] in class [${source}]`);
    const escaped = source[index] === '\\';
    if (escaped) index++;
    if (index >= source.length) throw new Error(`dangling escape in class [${source}]`);
    units.push({ character: source[index], escaped });
  }
  const characters = new Set<string>();
  for (let unit = 0; unit < units.length; unit++) {
    const dash = units[unit + 1];
    const end = units[unit + 2];
    if (dash && end && dash.character === '-' && !dash.escaped) {
      const from = units[unit].character.charCodeAt(0);
      const to = end.character.charCodeAt(0);
      if (to < from) throw new Error(`reversed range in class [${source}]`);
      for (let code = from; code <= to; code++) characters.add(String.fromCharCode(code));
      unit += 2;
    } else {
      characters.add(units[unit].character);
    }
  }
  return [...characters];
}

/** A membership table over char codes 0–127 (token alphabets are ASCII). */
export function classTable(source: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const character of classCharacters(source)) {
    const code = character.charCodeAt(0);
    if (code > 127) throw new Error(`non-ASCII character in class [${source}]`);
    table[code] = 1;
  }
  return table;
}
