// INI values through the shared config reader (setup.cfg, tox.ini, `.bandit`), plus what it skips:
// configparser's continuation lines. `skips =` followed by indented lines holds its list there,
// and the reader reports such an entry with an empty value.
import { readConfig, type ConfigComment } from '../../languages/config';
import type { ConfigScalar } from './tree';

export interface IniValues {
  /** The scalar values of `key` in `[section]`, continuation lines included. */
  valuesOf(section: string, key: string): ConfigScalar[];
  comments: ConfigComment[];
}

export function readIniValues(text: string): IniValues {
  const doc = readConfig(text, 'ini');
  return {
    comments: doc.comments,
    valuesOf(section, key) {
      const values: ConfigScalar[] = [];
      for (const entry of doc.entries) {
        if (entry.keyPath.length !== 2 || entry.keyPath[0] !== section || entry.key !== key) continue;
        if (entry.value !== '') values.push({ kind: 'scalar', value: entry.value, span: entry.valueSpan, quoted: entry.quote !== undefined });
        values.push(...continuationLines(text, entry.valueSpan.end));
      }
      return values;
    },
  };
}

/** The indented, non-comment lines after the line holding `pos`, each as one scalar. */
function continuationLines(text: string, pos: number): ConfigScalar[] {
  const lines: ConfigScalar[] = [];
  let lineStart = nextLineStart(text, pos);
  while (lineStart < text.length) {
    const end = lineEndAt(text, lineStart);
    let content = lineStart;
    while (content < end && (text.charCodeAt(content) === 32 || text.charCodeAt(content) === 9)) content++;
    if (content === lineStart && content < end) break; // not indented: the next key or section
    const first = text.charCodeAt(content);
    if (content < end && first !== 35 && first !== 59) {
      let contentEnd = end;
      while (contentEnd > content && (text.charCodeAt(contentEnd - 1) === 32 || text.charCodeAt(contentEnd - 1) === 9)) contentEnd--;
      lines.push({ kind: 'scalar', value: text.slice(content, contentEnd), span: { start: content, end: contentEnd }, quoted: false });
    }
    lineStart = nextLineStart(text, end);
  }
  return lines;
}

function lineEndAt(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return text.length;
}

function nextLineStart(text: string, pos: number): number {
  const end = lineEndAt(text, pos);
  if (end >= text.length) return text.length;
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}
