// C#'s `#pragma warning disable CS0168, CA2100` … `#pragma warning restore CA2100` (a
// preprocessor line, not a comment), honoured by the compiler and every Roslyn analyzer: the ids
// are warning ids of either (`CA2100`, `S2077`, `SCS0002`, `CS0618` or just `618`); none means
// every warning, to the matching restore or the end of the file. A `//` comment after the ids is
// the reason.
import type { LexicalStructure } from '../../languages/lexical';
import type { DirectiveSite } from '../model';
import { codeSite } from './code-site';
import { isBlank, isComma, isWordCharacter, lineEnd, makeDirective, splitList } from './scan';

const PRAGMA = '#pragma';

export function csharpPragmaDirectives(structure: LexicalStructure): DirectiveSite[] {
  const { text } = structure.scan;
  const sites: DirectiveSite[] = [];
  for (let at = text.indexOf(PRAGMA); at !== -1; at = text.indexOf(PRAGMA, at + PRAGMA.length)) {
    if (!structure.isCode(at) || !onlyBlanksBefore(text, at)) continue;
    const warning = word(text, at + PRAGMA.length);
    if (warning?.value !== 'warning') continue;
    const action = word(text, warning.end);
    if (action?.value !== 'disable' && action?.value !== 'restore') continue;
    const end = lineEnd(text, action.end);
    const comment = structure.spanAt(commentStart(text, structure, action.end, end));
    const idsEnd = comment ? comment.start : end;
    const ids = splitList(text, action.end, idsEnd, isComma);
    const bodyEnd = ids.length > 0 ? ids[ids.length - 1].end : action.end;
    const { site, reason } = codeSite(structure, at, bodyEnd);
    sites.push({
      comment: site,
      directive: makeDirective({
        tool: 'csharp',
        scope: action.value === 'disable' ? 'block-start' : 'block-end',
        ids: ids.map((id) => id.value),
        start: 0,
        end: site.end - site.start,
        reason,
        idsInsertAt: action.end - at,
        reasonInsertAt: bodyEnd - at,
        reasonSeparator: ' // ',
      }),
    });
  }
  return sites;
}

/** A word after at least one blank. */
function word(text: string, from: number): { value: string; end: number } | undefined {
  let start = from;
  while (isBlank(text.charCodeAt(start))) start++;
  if (start === from) return undefined;
  let end = start;
  while (isWordCharacter(text.charCodeAt(end))) end++;
  return end > start ? { value: text.slice(start, end), end } : undefined;
}

function onlyBlanksBefore(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && text.charCodeAt(i) !== 10; i--) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

/** Where a comment starts on the line [from, end), or `end`. */
function commentStart(text: string, structure: LexicalStructure, from: number, end: number): number {
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === 47 && !structure.isCode(i)) return i;
  return end;
}
