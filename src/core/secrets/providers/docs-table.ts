// The provider table as the Markdown list in docs/rules/provider-token.md, generated so the page
// cannot drift from the rows (scripts/gen-rule-docs.mjs writes it; a unit test checks it).
import type { ProviderRow } from './row';

function prefixes(row: ProviderRow): readonly string[] {
  return typeof row.token.prefix === 'string' ? [row.token.prefix] : (row.token.prefix ?? []);
}

/** How a row is recognised, in a few words: `` `glpat-…` ``, `` `…Q~…` ``, a name holding `datadog`. */
function recognisedBy(row: ProviderRow): string {
  const shapes = prefixes(row).map((prefix) => `\`${row.token.lead ? '…' : ''}${prefix.replace(/\|/g, '\\|')}…\``);
  const verified = row.validate ? ' (verified)' : '';
  if (!row.context) return `${shapes.join(', ')}${verified}`;
  const words = row.context.map((word) => `\`${word}\``).join(', ');
  const value = shapes.length > 0 ? `${shapes.join(', ')} ` : '';
  return `${value}assigned to a name with ${words}${verified}`;
}

export function providerListMarkdown(rows: readonly ProviderRow[]): string {
  const lines = rows.map((row) => {
    const severity = row.severity ?? (row.context ? 'warning' : 'error');
    return `| [${row.kind}](${row.docs}) | ${recognisedBy(row)} | ${severity} | \`${row.envName}\` |`;
  });
  return ['| Credential | Recognised by | Default | Moved to |', '| --- | --- | --- | --- |', ...lines].join('\n');
}
