// ShellCheck's directive (shellcheck.net/wiki/Directive): a comment alone on its line that starts
// with `shellcheck` (lower case, after blanks), then `key=value` pairs separated by blanks:
//   # shellcheck disable=SC2086,SC2046   codes with or without `SC`, ranges (`SC1000-SC9999`), `all`
// Before the first command (after the shebang) it applies to the whole script; elsewhere to the
// command after it, a compound one (`if … fi`, a loop, a function) entirely. After a command on
// the same line ShellCheck rejects it (SC1126): it silences nothing, and is not reported. Other
// keys (`source=`, `shell=`, `enable=`) silence nothing. A reason follows as another comment,
// `# shellcheck disable=SC2086 # word splitting wanted` (SC1125).
import type { DirectiveMatcher } from './context';
import { isBlank, isComma, lineEnd, makeDirective, splitList } from './scan';

const KEYWORD = 'shellcheck';

export const matchShellcheck: DirectiveMatcher = (text, context) => {
  if (context.standalone !== true) return [];
  let start = 0;
  while (isBlank(text.charCodeAt(start))) start++;
  if (!text.startsWith(KEYWORD, start) || !isBlank(text.charCodeAt(start + KEYWORD.length))) return [];
  const end = pairsEnd(text, start + KEYWORD.length);
  const ids: string[] = [];
  let disables = false;
  let bodyEnd = start + KEYWORD.length;
  for (let at = start + KEYWORD.length; at < end;) {
    while (at < end && isBlank(text.charCodeAt(at))) at++;
    let pairEnd = at;
    while (pairEnd < end && !isBlank(text.charCodeAt(pairEnd))) pairEnd++;
    if (pairEnd === at) break;
    if (text.startsWith('disable=', at)) {
      disables = true;
      ids.push(...splitList(text, at + 'disable='.length, pairEnd, isComma).map((code) => code.value));
      bodyEnd = pairEnd;
    }
    at = pairEnd;
  }
  if (!disables) return [];
  return [
    makeDirective({
      tool: 'shellcheck',
      scope: context.leading ? 'file' : 'declaration',
      ids: ids.some((id) => id === 'all') ? [] : ids,
      start,
      end: bodyEnd,
      reasonInsertAt: bodyEnd,
      reasonSeparator: ' # ',
    }),
  ];
};

/** The key=value pairs run to the line's end or to a `#` that starts the reason. */
function pairsEnd(text: string, from: number): number {
  const end = lineEnd(text, from);
  const hash = text.indexOf('#', from);
  return hash === -1 || hash > end ? end : hash;
}
