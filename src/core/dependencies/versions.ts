// Version order and requirement rewriting per ecosystem: npm's semver (the `semver` package, npm's
// own) and PyPI's PEP 440 (`@renovatebot/pep440`, Renovate's).
import { compare as comparePep440, satisfies as satisfiesPep440, valid as validPep440 } from '@renovatebot/pep440';
import { compare as compareSemver, satisfies as satisfiesSemver, valid as validSemver, validRange } from 'semver';
import type { Ecosystem } from './model';
import { pep440Alternatives } from './python-specifiers';

export function isVersion(ecosystem: Ecosystem, version: string): boolean {
  return ecosystem === 'npm' ? validSemver(version) !== null : validPep440(version) !== null;
}

/** Negative, zero or positive as `a` sorts before, with or after `b`; both must be versions. */
export function compareVersions(ecosystem: Ecosystem, a: string, b: string): number {
  return ecosystem === 'npm' ? compareSemver(a, b) : comparePep440(a, b);
}

/** Whether the requirement `spec`, as a manifest writes it, allows `version`; undefined when it is not one this reads (a dist-tag). */
export function allowsVersion(ecosystem: Ecosystem, spec: string, version: string): boolean | undefined {
  if (!isVersion(ecosystem, version)) return undefined;
  if (ecosystem === 'npm') return validRange(spec) === null ? undefined : satisfiesSemver(version, spec);
  return pep440Alternatives(spec)?.some((specifier) => specifier === '' || satisfiesPep440(version, specifier));
}

/**
 * The requirement `spec` raised to allow `version` at least, in the same style — `^4.17.1` →
 * `^4.17.21`, `==2.2.2` → `==2.2.5`, `>=1.0` → `>=1.2` — or undefined when the style is one a
 * rewrite could change the meaning of (several clauses, wildcards, `<`).
 */
export function raisedSpec(ecosystem: Ecosystem, spec: string, version: string): string | undefined {
  const style = (ecosystem === 'npm' ? /^(\^|~|>=|=|v)?\s*(\S+)$/ : /^(===|==|~=|>=)\s*(\S+)$/).exec(spec.trim());
  // A single clause on one exact version (no `1.x`, no `2.*`): only that can be raised as written.
  if (!style || !isVersion(ecosystem, style[2].replace(/^v/, ''))) return undefined;
  const operator = style[1] === 'v' ? '' : (style[1] ?? '');
  return `${operator}${version}`;
}
