// RuboCop's directive comments, as lib/rubocop/directive_comment.rb matches them (searched in
// each comment, case-sensitive, every blank in the pattern standing for \s*):
//   # rubocop : (disable|enable|todo)\b (?:\s+(all|COP(\s*,\s*COP)*))?
//   COP = ([A-Za-z]\w+/)*[A-Za-z]\w+          (a cop, `Security/Eval`, or a department, `Security`)
// A directive naming no cop is malformed and disables nothing. `todo` works as `disable`. Text
// after ` -- ` is the comment RuboCop allows after the cops. RuboCop takes the first match in a
// comment only. Scope: after code on its line, that line; alone on its line, every line to the
// matching `enable` (or the end of the file).
// (RuboCop's newer `push`/`pop` modes are not read.)
import type { SuppressionDirective } from '../model';
import type { CommentContext, DirectiveMatcher } from './context';
import { directiveWithReason, hashAnchors, isLetter, isWhitespace, isWordCharacter, readReason, reasonLimit, skipWhitespace } from './scan';

const MODES = ['disable', 'enable', 'todo'] as const;

export const matchRubocop: DirectiveMatcher = (text, context) => {
  for (const anchor of hashAnchors(text)) {
    const start = skipWhitespace(text, anchor);
    if (!text.startsWith('rubocop', start)) continue;
    const colon = skipWhitespace(text, start + 'rubocop'.length);
    if (text.charCodeAt(colon) !== 58) continue;
    const modeStart = skipWhitespace(text, colon + 1);
    const mode = MODES.find((candidate) => text.startsWith(candidate, modeStart));
    if (!mode || isWordCharacter(text.charCodeAt(modeStart + mode.length))) continue;
    const directive = readCops(text, start, modeStart + mode.length, mode, context);
    return directive ? [directive] : [];
  }
  return [];
};

function readCops(text: string, start: number, modeEnd: number, mode: (typeof MODES)[number], context: CommentContext): SuppressionDirective | undefined {
  if (!isWhitespace(text.charCodeAt(modeEnd))) return undefined;
  let at = skipWhitespace(text, modeEnd);
  const ids: string[] = [];
  let bodyEnd = modeEnd;
  if (text.startsWith('all', at) && !isWordCharacter(text.charCodeAt(at + 3))) {
    bodyEnd = at + 3;
  } else {
    for (;;) {
      const copEnd = readCop(text, at);
      if (copEnd === -1) break;
      ids.push(text.slice(at, copEnd));
      bodyEnd = copEnd;
      const comma = skipWhitespace(text, copEnd);
      if (text.charCodeAt(comma) !== 44) break;
      at = skipWhitespace(text, comma + 1);
    }
    if (ids.length === 0) return undefined;
  }
  const reason = readReason(text, bodyEnd, reasonLimit(text, bodyEnd, context.family), ['--'], false);
  const scope = mode === 'enable' ? 'block-end' : context.standalone ? 'block-start' : 'line';
  return directiveWithReason({ tool: 'rubocop', scope, ids, start, bodyEnd, reason, reasonSeparator: ' -- ' });
}

/** `([A-Za-z]\w+/)*[A-Za-z]\w+` at `at`: the end of the cop name, or -1. */
function readCop(text: string, at: number): number {
  let end = -1;
  for (let segment = at; ;) {
    if (!isLetter(text.charCodeAt(segment)) || !isWordCharacter(text.charCodeAt(segment + 1))) return end;
    let segmentEnd = segment + 2;
    while (isWordCharacter(text.charCodeAt(segmentEnd))) segmentEnd++;
    end = segmentEnd;
    if (text.charCodeAt(segmentEnd) !== 47) return end;
    segment = segmentEnd + 1;
  }
}
