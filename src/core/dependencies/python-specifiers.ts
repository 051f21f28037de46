// PyPI requirements as the manifests write them, as PEP 440 specifiers. pip's, PEP 621's and
// Pipfile's are PEP 440 already (`>= 2.31, < 3`, `~=2.2`, `==2.*`, `*`); Poetry adds `^1.2` (below
// the next major: `>=1.2,<2`; below 1.0 the next minor), `~1.2` (below the next minor), bare and
// `=` versions (that version), clauses separated by blanks, and `||` between alternatives.
import { validRange } from '@renovatebot/pep440';

/** The alternatives `spec` allows, each a PEP 440 specifier ('' allows any); undefined when a clause is not one of these. */
export function pep440Alternatives(spec: string): string[] | undefined {
  const alternatives: string[] = [];
  for (const alternative of spec.split('||')) {
    const clauses = alternative
      .replace(/(===|==|!=|~=|>=|<=|[<>^~=])\s+/g, '$1')
      .split(/[\s,]+/)
      .filter((clause) => clause !== '' && clause !== '*');
    const converted = clauses.map(pep440Clause);
    if (converted.some((clause) => clause === undefined)) return undefined;
    const specifier = converted.join(',');
    if (specifier !== '' && !validRange(specifier)) return undefined;
    alternatives.push(specifier);
  }
  return alternatives;
}

function pep440Clause(clause: string): string | undefined {
  if (/^(?:===|==|!=|~=|>=|<=|<|>)/.test(clause)) return clause;
  if (clause.startsWith('^')) return bounded(clause.slice(1), caretPart);
  if (clause.startsWith('~')) return bounded(clause.slice(1), (release) => (release.length >= 2 ? 1 : 0));
  if (clause.startsWith('=')) return `==${clause.slice(1)}`;
  return /^\d/.test(clause) ? `==${clause}` : undefined;
}

/** `^`: the first part that is not 0 (`^0.2.3` → below 0.3); when all are, the last (`^0.0` → below 0.1). */
function caretPart(release: readonly number[]): number {
  const first = release.findIndex((part) => part !== 0);
  return first === -1 ? release.length - 1 : first;
}

/** `>=version,<upper`, where the upper bound raises the release part at the index `bump` picks and drops those after it. */
function bounded(version: string, bump: (release: number[]) => number): string | undefined {
  const release = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/
    .exec(version)
    ?.slice(1)
    .filter((part) => part !== undefined)
    .map(Number);
  if (!release?.length) return undefined;
  const at = bump(release);
  return `>=${version},<${[...release.slice(0, at), release[at] + 1].join('.')}`;
}
