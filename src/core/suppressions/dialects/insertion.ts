// Edits that narrow or justify a directive in the dialect's own syntax, for quick fixes: the
// directive says where (`idsInsertAt`, `reasonInsertAt`), these say what each tool expects there.
import type { SuppressionDirective } from '../model';

/**
 * The comment text with `ids` added to a blanket directive, or undefined when the directive is not
 * a blanket or its tool has no id syntax (detect-secrets, gitleaks, Sonar, TypeScript), or its
 * blanket is a word to replace rather than a place to add (`all`, `warnings`).
 * Bandit needs a blank after each comma (`nosec B608, B105`): without it only the last id counts.
 */
export function insertIds(commentText: string, directive: SuppressionDirective, ids: readonly string[]): string | undefined {
  const at = directive.idsInsertAt;
  if (at === undefined || ids.length === 0) return undefined;
  const before = commentText.slice(0, at);
  const after = commentText.slice(at);
  const list = ids.join(', ');
  switch (directive.tool) {
    case 'bandit':
    case 'eslint':
    case 'secretlint':
    case 'snyk':
    case 'phpcs':
    case 'csharp':
      return `${before} ${list}${after}`;
    case 'gosec':
      return `${before} ${ids.join(' ')}${after}`;
    case 'golangci-lint':
      // golangci-lint splits at commas; a blank after the keyword would make the list a blanket.
      return `${before}:${ids.join(',')}${after}`;
    case 'flake8':
    case 'ruff':
    case 'semgrep':
      return /[:=]$/.test(before) ? `${before} ${list}${after}` : `${before}: ${list}${after}`;
    case 'mypy':
    case 'pyright':
      return `${before}[${list}]${after}`;
    case 'biome':
      // The blanket is the bare `lint` category at `idsInsertAt`; the rules replace it.
      return commentText.startsWith('lint', at) ? `${before}${ids.join(' ')}${commentText.slice(at + 'lint'.length)}` : undefined;
    default:
      return undefined;
  }
}

/** The comment text with `reason` added in the dialect's convention, or undefined when it has one. */
export function insertReason(commentText: string, directive: SuppressionDirective, reason: string): string | undefined {
  const at = directive.reasonInsertAt;
  if (at === undefined) return undefined;
  return `${commentText.slice(0, at)}${directive.reasonSeparator ?? ' -- '}${reason}${directive.reasonTerminator ?? ''}${commentText.slice(at)}`;
}
