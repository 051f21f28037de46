// The two runtime formatting mini-languages: printf-style `"…%s…" % values` and `"…{}…".format()`.
// Each template becomes text segments and field references; the resolver pairs fields with the
// call's arguments. Anything we do not model (`*` widths, nested fields) returns undefined.

export interface FormatField {
  /** Positional index (explicit or automatic) or keyword name. */
  key: number | string;
  /** The conversion only accepts numbers, so the value cannot carry text into the statement. */
  numeric: boolean;
  /** `{0.name}` / `{row[1]}` accessors after the key: the value is not the argument itself. */
  accessor: string;
  /** `!r`/`!a`/`%r`: the value is repr()-quoted, so a built string is not spliced in verbatim. */
  repr: boolean;
}

export type FormatSegment = { text: string } | { field: FormatField };

// printf conversions that raise TypeError for a str argument. `c` takes a one-character str.
const PRINTF_NUMERIC = new Set(['d', 'i', 'o', 'u', 'x', 'X', 'e', 'E', 'f', 'F', 'g', 'G']);

export function parsePrintfTemplate(template: string): FormatSegment[] | undefined {
  const segments: FormatSegment[] = [];
  const spec = /%(?:\(([^)]*)\))?([#0\- +]*)(\*|\d+)?(?:\.(\*|\d+))?[hlL]?([diouxXeEfFgGcrsa%])/y;
  let text = '';
  let positional = 0;
  let named = 0;
  for (let index = 0; index < template.length;) {
    if (template[index] !== '%') {
      text += template[index++];
      continue;
    }
    spec.lastIndex = index;
    const match = spec.exec(template);
    if (!match) return undefined; // Python would raise "incomplete format"
    const [whole, name, , width, precision, conversion] = match;
    index += whole.length;
    if (conversion === '%') {
      text += '%';
      continue;
    }
    if (width === '*' || precision === '*') return undefined;
    segments.push({ text });
    text = '';
    if (name !== undefined) named++;
    const key = name ?? positional++;
    segments.push({ field: { key, numeric: PRINTF_NUMERIC.has(conversion), accessor: '', repr: conversion === 'r' || conversion === 'a' } });
  }
  if (named > 0 && positional > 0) return undefined; // Python raises: mixing is not allowed
  segments.push({ text });
  return segments;
}

// Format-spec presentation types that reject str values.
const FORMAT_NUMERIC_TYPE = /[bdoxXneEfFgG%]$/;

export function isNumericFormatSpec(spec: string | undefined): boolean {
  return !!spec && !spec.includes('{') && FORMAT_NUMERIC_TYPE.test(spec);
}

export function parseFormatTemplate(template: string): FormatSegment[] | undefined {
  const segments: FormatSegment[] = [];
  let text = '';
  let automatic = 0;
  let explicit = false;
  for (let index = 0; index < template.length;) {
    const char = template[index];
    if ((char === '{' || char === '}') && template[index + 1] === char) {
      text += char;
      index += 2;
      continue;
    }
    if (char === '}') return undefined; // a lone `}` raises ValueError
    if (char !== '{') {
      text += char;
      index++;
      continue;
    }
    const close = template.indexOf('}', index);
    const inner = close < 0 ? undefined : template.slice(index + 1, close);
    if (inner === undefined || inner.includes('{')) return undefined;
    const match = /^([^.[!:]*)((?:\.[A-Za-z_]\w*|\[[^\]]*\])*)(?:!([rsa]))?(?::(.*))?$/s.exec(inner);
    if (!match) return undefined;
    const [, keyText, accessor, conversion, spec] = match;
    let key: number | string;
    if (keyText === '') key = automatic++;
    else if (/^\d+$/.test(keyText)) {
      key = Number(keyText);
      explicit = true;
    } else key = keyText;
    segments.push({ text });
    text = '';
    segments.push({ field: { key, numeric: !conversion && isNumericFormatSpec(spec), accessor, repr: conversion === 'r' || conversion === 'a' } });
    index = close + 1;
  }
  if (explicit && automatic > 0) return undefined; // Python raises on mixing `{}` and `{0}`
  segments.push({ text });
  return segments;
}
