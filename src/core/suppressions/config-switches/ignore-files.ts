// Ignore files: every entry switches scanning off for what it matches.
// - `.semgrepignore` (semgrep.dev "Ignore files"): gitignore syntax; each pattern is a directive
//   whose scope is the pattern. `#` lines are comments; `!pattern` re-includes files, which
//   switches nothing off; `:include .gitignore` pulls another file's patterns in and is reported
//   with that line as its scope.
// - `.gitleaksignore` (gitleaks README "Additional Configuration"): one finding fingerprint per
//   line, `[commit:]file:rule-id:line`; the whole line is the id, the file part the scope.
import { makeSwitch, type ConfigSwitch } from './switch';

interface Line {
  value: string;
  start: number;
  end: number;
}

export function semgrepIgnoreSwitches(text: string): ConfigSwitch[] {
  return entryLines(text)
    .filter((line) => !line.value.startsWith('!'))
    .map((line) => makeSwitch({ tool: 'semgrep', ids: [], span: line, configScope: [line.value] }));
}

export function gitleaksIgnoreSwitches(text: string): ConfigSwitch[] {
  return entryLines(text).map((line) => {
    const file = fingerprintFile(line.value);
    return makeSwitch({ tool: 'gitleaks', ids: [line.value], span: line, configScope: file === undefined ? undefined : [file] });
  });
}

/** `[commit:]file:rule-id:line` → `file`; undefined when the line is not shaped like that. */
function fingerprintFile(fingerprint: string): string | undefined {
  const parts = fingerprint.split(':');
  if (parts.length < 3 || !/^\d+$/.test(parts[parts.length - 1])) return undefined;
  const withoutRuleAndLine = parts.slice(0, -2);
  if (withoutRuleAndLine.length > 1 && /^[0-9a-f]{7,40}$/.test(withoutRuleAndLine[0])) withoutRuleAndLine.shift();
  const file = withoutRuleAndLine.join(':');
  return file === '' ? undefined : file;
}

/** Non-blank lines that are not `#` comments, trimmed, with their spans. */
function entryLines(text: string): Line[] {
  const lines: Line[] = [];
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (lineStart <= text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end === -1) end = text.length;
    let start = lineStart;
    let contentEnd = end;
    while (start < contentEnd && isBlank(text.charCodeAt(start))) start++;
    while (contentEnd > start && isBlank(text.charCodeAt(contentEnd - 1))) contentEnd--;
    if (contentEnd > start && text.charCodeAt(start) !== 35) lines.push({ value: text.slice(start, contentEnd), start, end: contentEnd });
    lineStart = end + 1;
  }
  return lines;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}
