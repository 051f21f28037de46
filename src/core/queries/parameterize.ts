// Turns a built query (constant parts + holes) into placeholder SQL for the driver's style: the
// text the "Parameterize query" fix writes, and the parameters in placeholder order. It refuses
// (with a reason the message can show) whatever it cannot rewrite exactly: identifiers, SQL
// fragments, IN lists, typed literals, a style clash with placeholders already in the text.
import { analyzeSqlTemplate } from '../sql';
import { scanTemplate } from '../sql/scanner';
import { flattenTemplate, type TemplateText } from '../sql/template-text';
import type { DelimiterPosition, HoleRole } from '../sql/types';
import type { ParameterizeResult, ParameterizedParam, Part, PlaceholderStyle } from './model';

/** One placeholder of the result: where it goes in the flattened text and what it binds. */
interface Slot {
  position: number;
  /** Flattened text this slot replaces (an existing placeholder or a whole quoted literal). */
  replaceEnd: number;
  param: { hole: number; prefix: string; suffix: string } | { existing: number; existingText: string };
}

const NAMED_STYLES: ReadonlySet<PlaceholderStyle> = new Set(['named-colon', 'named-at']);

export function parameterizeSql(parts: readonly Part[], style: PlaceholderStyle, nameOf: (hole: number) => string): ParameterizeResult {
  const analysis = analyzeSqlTemplate(parts);
  if (!analysis.isSql) return { ok: false, reason: 'the text is not recognisably SQL' };
  const template = flattenTemplate(parts);
  const scan = scanTemplate(template);

  const existing = scan.tokens.filter((token) => token.kind === 'placeholder');
  const existingStyles = new Set(existing.map((token) => token.placeholder));
  if (existingStyles.size > 1) return { ok: false, reason: 'the query already mixes placeholder styles' };
  const [existingStyle] = existingStyles;
  if (existingStyle && existingStyle !== style && !(existingStyle === 'pyformat' && style === 'format')) {
    return { ok: false, reason: `the query already uses ${existingStyle} placeholders, not the driver's ${style}` };
  }

  const removals: { start: number; end: number }[] = [];
  const slots: Slot[] = existing.map((token, index) => ({
    position: token.start,
    replaceEnd: token.end,
    param: { existing: index, existingText: token.text },
  }));
  for (let ordinal = 0; ordinal < template.holeIds.length; ordinal++) {
    const hole = template.holeIds[ordinal];
    const role = analysis.holes.find((candidate) => candidate.hole === hole);
    const refusal = refusalFor(role);
    if (refusal) return { ok: false, reason: refusal };
    const offset = template.holeOffsets[ordinal];
    if (role!.quotedWithText) {
      // '%{term}%' → one placeholder bound to '%' + term + '%': the whole literal goes.
      const { quoteBefore, quoteAfter, prefix, suffix } = role!.quotedWithText;
      const start = flatOffset(template, quoteBefore);
      const end = flatOffset(template, quoteAfter) + quoteAfter.length;
      slots.push({ position: start, replaceEnd: end, param: { hole, prefix, suffix } });
    } else {
      if (role!.quotedAlone) {
        // '{code}' → the quotes go: a bound parameter is a value, not text inside a literal.
        for (const delimiter of [role!.quotedAlone.quoteBefore, role!.quotedAlone.quoteAfter]) {
          const start = flatOffset(template, delimiter);
          removals.push({ start, end: start + delimiter.length });
        }
      }
      slots.push({ position: offset, replaceEnd: offset, param: { hole, prefix: '', suffix: '' } });
    }
  }
  slots.sort((a, b) => a.position - b.position);

  const names = new Set(NAMED_STYLES.has(style) ? existing.map((token) => token.text.slice(1)) : []);
  const numbering = new Map<string, number>();
  const params: ParameterizedParam[] = [];
  const replacements: { start: number; end: number; text: string }[] = removals.map((removal) => ({ ...removal, text: '' }));
  for (const slot of slots) {
    if ('existing' in slot.param) {
      const { existing: index, existingText } = slot.param;
      if (style === 'numeric') {
        // $2 written twice is one parameter: renumber by first appearance, in the new order.
        let number = numbering.get(existingText);
        if (number === undefined) {
          number = numbering.size + 1;
          numbering.set(existingText, number);
          params.push({ existing: Number(existingText.replace(/\D/g, '')) - 1 });
        }
        replacements.push({ start: slot.position, end: slot.replaceEnd, text: `$${number}` });
      } else {
        params.push(NAMED_STYLES.has(style) ? { existing: index, name: existingText.slice(1) } : { existing: index });
      }
      continue;
    }
    const { hole, prefix, suffix } = slot.param;
    let name: string | undefined;
    let text: string;
    if (NAMED_STYLES.has(style)) {
      name = uniqueName(nameOf(hole), names);
      text = `${style === 'named-at' ? '@' : ':'}${name}`;
    } else if (style === 'numeric') {
      const number = numbering.size + 1;
      numbering.set(`hole:${hole}:${slot.position}`, number);
      text = `$${number}`;
    } else {
      text = style === 'qmark' ? '?' : '%s';
    }
    params.push({ hole, ...(name ? { name } : {}), prefix, suffix });
    replacements.push({ start: slot.position, end: slot.replaceEnd, text });
  }

  let sql = applyReplacements(template.text, replacements);
  // With parameters, format-style drivers read every % as a directive: a literal % must be %%.
  if (style === 'format' && existing.length === 0) sql = escapePercents(sql);
  return { ok: true, sql: sql.text, params };
}

function refusalFor(role: HoleRole | undefined): string | undefined {
  if (!role) return 'a value could not be placed in the query';
  switch (role.role) {
    case 'value':
      return role.inList ? 'an IN (…) list needs one placeholder per item (or an array parameter)' : undefined;
    case 'identifier':
      return 'a table or column name cannot be a parameter';
    case 'keyword-or-fragment':
      return 'part of the SQL itself is built from a value';
    case 'inside-string':
      return 'a value sits inside a SQL literal that is more than the value';
    case 'inside-comment':
      return 'a value sits inside a SQL comment';
    default:
      return 'the role of an interpolated value in the query is unclear';
  }
}

function flatOffset(template: TemplateText, position: DelimiterPosition): number {
  return template.partStarts[template.partIndexes.indexOf(position.part)] + position.offset;
}

function uniqueName(base: string, taken: Set<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'param';
  const start = /^[0-9]/.test(clean) ? `p_${clean}` : clean;
  let name = start;
  for (let attempt = 2; taken.has(name); attempt++) name = `${start}_${attempt}`;
  taken.add(name);
  return name;
}

interface Rewritten {
  text: string;
  /** Output ranges written by replacements (placeholders), which escaping must leave alone. */
  written: { start: number; end: number }[];
}

function applyReplacements(text: string, replacements: { start: number; end: number; text: string }[]): Rewritten {
  const sorted = [...replacements].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  const written: Rewritten['written'] = [];
  for (const replacement of sorted) {
    if (replacement.start < cursor) continue; // nested inside a literal that is replaced whole
    out += text.slice(cursor, replacement.start);
    written.push({ start: out.length, end: out.length + replacement.text.length });
    out += replacement.text;
    cursor = replacement.end;
  }
  return { text: out + text.slice(cursor), written };
}

function escapePercents(rewritten: Rewritten): Rewritten {
  let out = '';
  let cursor = 0;
  const written: Rewritten['written'] = [];
  for (const range of rewritten.written) {
    out += rewritten.text.slice(cursor, range.start).replace(/%/g, '%%');
    written.push({ start: out.length, end: out.length + range.end - range.start });
    out += rewritten.text.slice(range.start, range.end);
    cursor = range.end;
  }
  return { text: out + rewritten.text.slice(cursor).replace(/%/g, '%%'), written };
}
