// Rows become detectors: one SecretDetector per provider, running its rows (prefixed or context)
// and reporting what they find in text order. The provider-token rule runs a detector only when one
// of its keywords is in the file, so the ~200 rows cost a set lookup each on most files.
import type { SecretDetector, SecretMatch } from '../model';
import { contextTokenAt, findContextTokens } from './context';
import type { CompiledRow } from './compile';
import { assignedNameBefore } from '../detectors/support/assignment';
import { findPrefixedTokens } from './prefixed';

function detectWithRow(compiled: CompiledRow, text: string): SecretMatch[] {
  const { kind, envName } = compiled.row;
  const tokens = compiled.row.context ? findContextTokens(compiled, text) : findPrefixedTokens(compiled, text);
  return tokens.map(({ start, end }) => ({ kind, start, end, severity: compiled.severity, envName }));
}

function providerDetector(id: string, rows: readonly CompiledRow[]): SecretDetector {
  return {
    id,
    keywords: [...new Set(rows.flatMap((compiled) => compiled.keywords))],
    detect(text) {
      return rows.flatMap((compiled) => detectWithRow(compiled, text)).sort((a, b) => a.start - b.start || a.end - b.end);
    },
  };
}

/** One detector per provider, in the order providers first appear in the table. */
export function buildDetectors(rows: readonly CompiledRow[]): SecretDetector[] {
  const ids = new Set<string>();
  const byProvider = new Map<string, CompiledRow[]>();
  for (const compiled of rows) {
    if (ids.has(compiled.row.id)) throw new Error(`duplicate provider row id ${compiled.row.id}`);
    ids.add(compiled.row.id);
    const group = byProvider.get(compiled.row.provider) ?? [];
    group.push(compiled);
    byProvider.set(compiled.row.provider, group);
  }
  return [...byProvider].map(([provider, group]) => providerDetector(provider, group));
}

/**
 * Whether a context row reports exactly [start, end) of `text`: the value assigned there, under
 * a name holding a provider word. The generic-secret rule asks, so one credential is one finding.
 */
export function isContextCredentialAt(rows: readonly CompiledRow[], text: string, start: number, end: number): boolean {
  const name = assignedNameBefore(text, start);
  if (!name) return false;
  return rows.some((compiled) => compiled.row.context !== undefined && contextTokenAt(compiled, text, start, name)?.end === end);
}
