// A flat list of scalars written inline: a Dockerfile exec form (`["redis-server", "--port", "6380"]`,
// JSON) or a YAML flow sequence (`[redis-server, '--port', "6380"]`). Its items with the span of
// each item's content, so a finding in one can point at it. Lists that nest, or that do not close
// before `end`, are not read.

export interface ListItem {
  value: string;
  /** [start, end) of the item's content, quotes excluded. */
  start: number;
  end: number;
  /** The content is written exactly as its value (no escapes), so offsets inside it map 1:1. */
  verbatim: boolean;
}

/** Items beyond this are not read: argument lists are short. */
const MAX_ITEMS = 512;

/** The items of the list whose `[` is at `open`, or undefined when it is not a flat list of scalars. */
export function readStringList(text: string, open: number, end = text.length): ListItem[] | undefined {
  if (text[open] !== '[') return undefined;
  const items: ListItem[] = [];
  let pos = skipSpace(text, open + 1, end);
  if (text[pos] === ']') return items;
  while (pos < end && items.length < MAX_ITEMS) {
    const item = readItem(text, pos, end);
    if (!item) return undefined;
    items.push(item.item);
    pos = skipSpace(text, item.next, end);
    if (text[pos] === ']') return items;
    if (text[pos] !== ',') return undefined;
    pos = skipSpace(text, pos + 1, end);
  }
  return undefined;
}

function readItem(text: string, pos: number, end: number): { item: ListItem; next: number } | undefined {
  const quote = text[pos];
  if (quote === '"') {
    let close = pos + 1;
    while (close < end && text[close] !== '"') close += text[close] === '\\' ? 2 : 1;
    if (close >= end) return undefined;
    const raw = text.slice(pos + 1, close);
    const value = decodeDoubleQuoted(raw);
    return { item: { value, start: pos + 1, end: close, verbatim: value === raw }, next: close + 1 };
  }
  if (quote === "'") {
    // YAML single quotes: '' is a quote.
    let close = pos + 1;
    while (close < end && (text[close] !== "'" || text[close + 1] === "'")) close += text[close] === "'" ? 2 : 1;
    if (close >= end) return undefined;
    const raw = text.slice(pos + 1, close);
    return { item: { value: raw.replace(/''/g, "'"), start: pos + 1, end: close, verbatim: !raw.includes("''") }, next: close + 1 };
  }
  if (quote === '[' || quote === '{') return undefined;
  // A YAML plain scalar: up to `,` or `]`, trailing blanks excluded.
  let stop = pos;
  while (stop < end && !/[,\]\n]/.test(text[stop])) stop++;
  let valueEnd = stop;
  while (valueEnd > pos && /\s/.test(text[valueEnd - 1])) valueEnd--;
  if (valueEnd === pos) return undefined;
  return { item: { value: text.slice(pos, valueEnd), start: pos, end: valueEnd, verbatim: true }, next: stop };
}

function decodeDoubleQuoted(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

function skipSpace(text: string, pos: number, end: number): number {
  while (pos < end && /\s/.test(text[pos])) pos++;
  return pos;
}
