// A declared dependency its registry does not know — it cannot be installed as written, and anyone
// may register the name (assistants invent plausible package names; attackers register them:
// "slopsquatting") — is an error. One first published in the last RECENT_DAYS days, or a young
// package named one edit away from a popular one it is not, is a warning. The registry answers
// come from the scan (scan/dependencies/), as a project fact. The fix removes the declaration; a
// Poetry dependency written as several constraints is one declaration, reported once.
import { dependencyFileInAnalysis } from '../dependencies/read-in-analysis';
import { lookAlikeOf } from '../dependencies/look-alike';
import { nameKey, RECENT_DAYS, type DeclaredDependency } from '../dependencies/model';
import type { DeclarationSyntax } from '../dependencies/manifests';
import { removalOf } from '../dependencies/remove-declaration';
import { defineRule, type RuleContext } from '../rule';
import type { Fix } from '../types';

const REGISTRY: Record<DeclaredDependency['ecosystem'], string> = { npm: 'the npm registry', PyPI: 'PyPI' };

export default defineRule({
  meta: {
    id: 'unknown-dependency',
    category: 'risky-dependency',
    defaultSeverity: 'error',
    description:
      'A declared dependency its registry does not know (error), or one first published in the last 30 days or named like a popular package it is not (warning).',
    fixable: true,
    languages: 'all',
  },
  check(context) {
    const file = dependencyFileInAnalysis(context);
    const registry = file?.facts.registry;
    if (!file || !registry) return;
    const reported = new Set<number>();
    for (const dependency of file.read.declared) {
      const status = registry.get(nameKey(dependency.ecosystem, dependency.name));
      if (!status) continue; // not asked or no answer: said by the scan, not guessed here
      if (dependency.partOf && reported.has(dependency.partOf.start)) continue; // its first constraint said it
      if (dependency.partOf) reported.add(dependency.partOf.start);
      const where = REGISTRY[dependency.ecosystem];
      if (!status.exists) {
        report(
          context,
          file.syntax,
          dependency,
          'error',
          `\`${dependency.displayName}\` does not exist on ${where}: it cannot be installed as written, and anyone could publish a package under this name. An assistant may have invented it; check the name.`,
        );
        continue;
      }
      const popular = status.young ? lookAlikeOf(dependency.ecosystem, dependency.name) : undefined;
      if (popular) {
        report(
          context,
          file.syntax,
          dependency,
          'warning',
          `\`${dependency.displayName}\` is one letter away from the popular \`${popular}\` and was first published ${status.ageDays} days ago: check that it is the package you meant.`,
        );
      } else if (status.recent) {
        report(
          context,
          file.syntax,
          dependency,
          'warning',
          `\`${dependency.displayName}\` was first published on ${where} ${status.ageDays} days ago (under ${RECENT_DAYS}): a package this new has no track record; check who publishes it.`,
        );
      }
    }
  },
});

function report(
  context: RuleContext,
  syntax: DeclarationSyntax | undefined,
  dependency: DeclaredDependency,
  severity: 'error' | 'warning',
  message: string,
): void {
  const fix = syntax && removal(context, syntax, dependency);
  // Of several constraints, the name is what is in question: from it through the first one.
  const start = dependency.partOf?.start ?? dependency.span.start;
  context.report({
    range: context.file.lines.rangeOf(start, dependency.span.end),
    severity,
    message,
    ...(fix ? { fixes: [fix] } : {}),
    fingerprintText: `${dependency.ecosystem}:${dependency.name}`,
  });
}

function removal(context: RuleContext, syntax: DeclarationSyntax, dependency: DeclaredDependency): Fix | undefined {
  const span = removalOf(context.file.text, dependency, syntax);
  if (!span) return undefined;
  return { title: `Remove ${dependency.displayName}`, safe: false, edits: [{ range: context.file.lines.rangeOf(span.start, span.end), newText: '' }] };
}
