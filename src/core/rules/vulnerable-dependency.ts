// A dependency whose declared or locked version a published advisory affects (OSV.dev). The scan
// looks the versions up before the rules run (scan/dependencies/); this rule reads the answers
// from the project facts and reports at the line that declares the package — in the manifest,
// or in the lock file for a package only the lock has. Where the advisories name a fixed
// version, the fix raises the requirement to it in the requirement's own style.
import { folderOf } from '../dependencies/manifests';
import { dependencyFileInAnalysis } from '../dependencies/read-in-analysis';
import { packageKey, type Advisory, type DeclaredDependency, type Ecosystem } from '../dependencies/model';
import { resolvedVersion, resolvesDeclaration } from '../dependencies/resolved-version';
import { compareVersions, isVersion, raisedSpec } from '../dependencies/versions';
import { defineRule, type RuleContext } from '../rule';
import type { Fix, Severity } from '../types';

const SEVERITY_ORDER = ['low', 'moderate', 'medium', 'high', 'critical'];

export default defineRule({
  meta: {
    id: 'vulnerable-dependency',
    category: 'risky-dependency',
    defaultSeverity: 'warning',
    description: 'A dependency version affected by a published advisory (OSV.dev); error when the advisory is rated high or critical.',
    fixable: true,
    languages: 'all',
  },
  check(context) {
    const file = dependencyFileInAnalysis(context);
    if (!file) return;
    const { read, facts } = file;
    const folder = folderOf(context.file.path);
    for (const dependency of read.declared) {
      const version = resolvedVersion(facts.locked, folder, dependency);
      if (!version) continue; // a range without a lock: which version installs is not known
      const advisories = facts.advisories.get(packageKey(dependency.ecosystem, dependency.name, version));
      if (!advisories?.length) continue;
      report(
        context,
        dependency.displayName,
        version,
        advisories,
        dependency.span,
        fixedVersion(dependency.ecosystem, advisories, version),
        fixFor(context, dependency, version, advisories),
      );
    }
    // Packages only the lock file has (transitive ones): the manifest cannot point at them.
    const seen = new Set<string>();
    for (const locked of read.locked) {
      if (resolvesDeclaration(facts, folder, locked)) continue;
      const key = packageKey(locked.ecosystem, locked.name, locked.version);
      const advisories = facts.advisories.get(key);
      if (!advisories?.length || seen.has(key)) continue;
      seen.add(key);
      const fixedIn = fixedVersion(locked.ecosystem, advisories, locked.version);
      report(
        context,
        locked.name,
        locked.version,
        advisories,
        locked.span,
        fixedIn,
        undefined,
        ' It is a dependency of a dependency: update the package that requires it, or override its version.',
      );
    }
  },
});

function report(
  context: RuleContext,
  name: string,
  version: string,
  advisories: readonly Advisory[],
  span: { start: number; end: number },
  fixedIn: string | undefined,
  fix: Fix | undefined,
  hint = '',
): void {
  const severity = worstSeverity(advisories);
  const ids = advisories.map((advisory) => (advisory.aliases.length ? `${advisory.id} (${advisory.aliases.join(', ')})` : advisory.id)).join('; ');
  context.report({
    range: context.file.lines.rangeOf(span.start, span.end),
    severity: findingSeverity(severity),
    message:
      `\`${name}\` ${version} is affected by ${advisories.length === 1 ? 'a published advisory' : `${advisories.length} published advisories`}${severity ? ` (${severity})` : ''}: ${ids}. ` +
      (fixedIn ? `Fixed in ${fixedIn}.` : 'No fixed version is published: consider another package.') +
      hint,
    ...(fix ? { fixes: [fix] } : {}),
    fingerprintText: `${name}@${version}`,
  });
}

/** The lowest version fixing every advisory (the highest of their first fixes), when each names one. */
function fixedVersion(ecosystem: Ecosystem, advisories: readonly Advisory[], version: string): string | undefined {
  if (advisories.some((advisory) => !advisory.firstFixed)) return undefined;
  const fixes = advisories.map((advisory) => advisory.firstFixed!).filter((fixed) => isVersion(ecosystem, fixed) && isVersion(ecosystem, version));
  if (fixes.length !== advisories.length) return undefined;
  return fixes.reduce((highest, candidate) => (compareVersions(ecosystem, candidate, highest) > 0 ? candidate : highest));
}

function fixFor(context: RuleContext, dependency: DeclaredDependency, version: string, advisories: readonly Advisory[]): Fix | undefined {
  const target = fixedVersion(dependency.ecosystem, advisories, version);
  const spec = target && dependency.specSpan && raisedSpec(dependency.ecosystem, dependency.spec, target);
  if (!spec || !dependency.specSpan) return undefined;
  return {
    title: `Require ${dependency.displayName} ${spec} (fixes ${advisories.map((advisory) => advisory.id).join(', ')})`,
    safe: false,
    edits: [{ range: context.file.lines.rangeOf(dependency.specSpan.start, dependency.specSpan.end), newText: spec }],
  };
}

function worstSeverity(advisories: readonly Advisory[]): string | undefined {
  let worst: string | undefined;
  for (const { severity } of advisories) if (severity && SEVERITY_ORDER.indexOf(severity) > SEVERITY_ORDER.indexOf(worst ?? '')) worst = severity;
  return worst;
}

function findingSeverity(severity: string | undefined): Severity {
  return severity === 'high' || severity === 'critical' ? 'error' : 'warning';
}
