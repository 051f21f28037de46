// Adds an accepted finding to `.lastline.json` without disturbing the user's formatting or
// comments (jsonc-parser's `modify` edits the text in place, as VS Code's settings editor does).
import { applyEdits, modify, parse } from 'jsonc-parser';
import type { AllowlistEntry } from './config';

const FORMATTING = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

/** The config text with `entry` appended to `allowlist`; `undefined`/empty text starts a new file. */
export function addAllowlistEntry(configText: string | undefined, entry: AllowlistEntry): string {
  const text = configText && configText.trim() ? configText : '{}\n';
  const existing = parse(text, [], { allowTrailingComma: true }) as { allowlist?: unknown } | undefined;
  const value = { fingerprint: entry.fingerprint, ...(entry.rule ? { rule: entry.rule } : {}), reason: entry.reason };
  const edits = Array.isArray(existing?.allowlist)
    ? modify(text, ['allowlist', -1], value, { ...FORMATTING, isArrayInsertion: true })
    : modify(text, ['allowlist'], [value], FORMATTING);
  const updated = applyEdits(text, edits);
  return updated.endsWith('\n') ? updated : `${updated}\n`;
}
