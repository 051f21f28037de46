import type { Rule } from './rule';

/** The README's rule list, generated from the registry (scripts/gen-rule-docs.mjs, checked by a test). */
export function ruleTableMarkdown(rules: readonly Rule[]): string {
  const rows = rules.map(
    ({ meta }) =>
      `| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${meta.category} | ${meta.defaultSeverity} | ${meta.fixable ? 'yes' : '—'} | ${meta.description} |`,
  );
  return ['| Rule | Category | Default | Quick fix | What it finds |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
