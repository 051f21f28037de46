// Suppression directives in every common dialect — Bandit's nosec, ESLint's disable comments,
// TypeScript's ignore comments, golangci-lint's and gosec's, Java's and C#'s suppress annotations,
// RuboCop's, PHP_CodeSniffer's, Rust's allow attributes, ShellCheck's and the rest — and config
// switches (Bandit skips, Ruff S ignores, ESLint security rules off, .semgrepignore) — judged by
// what they hide. Runs after the other rules: a directive over a real finding is worst.
import { lexicalStructure } from '../languages/lexical';
import { defineRule } from '../rule';
import { collectComments } from '../suppressions/comments';
import { findConfigSwitches } from '../suppressions/config-switches';
import { parseSuppressionComment } from '../suppressions/dialects';
import { findCodeDirectives } from '../suppressions/dialects/code-directives';
import { judgeDirectives, type DirectiveSite } from '../suppressions/judge';

/**
 * Words every directive holds (case-insensitively, for the dialects that are); files without any
 * skip comment collection (and parsing).
 */
const DIRECTIVE_WORD =
  /nosec|noqa|type:\s*ignore|pyright:|pylint:|nosem|allowlist|gitleaks|eslint-(?:disable|enable)|@ts-(?:ignore|nocheck|expect-error)|biome.ignore|nosonar|secretlint-(?:disable|enable)|deepcode|ruff:|flake8:|nolint|gosec:|@Suppress|SuppressMessage|#pragma\s+warning|#!?\[\s*(?:allow|expect)\b|rubocop|phpcs|codingStandards|@phpstan-ignore|@psalm-suppress|shellcheck|CHECKSTYLE|NOPMD/i;

export default defineRule({
  meta: {
    id: 'silenced-check',
    category: 'suppression',
    defaultSeverity: 'warning',
    description:
      'Suppression directives (# nosec, # noqa, eslint-disable, @ts-ignore, nosemgrep, //nolint, @SuppressWarnings, #pragma warning, rubocop:disable, …) and config switches that turn security checks off — error when one hides a Lastline finding.',
    fixable: true,
    languages: 'all',
    needsFindings: true,
  },
  check(context) {
    const { path, text } = context.file;
    for (const { directive, span } of findConfigSwitches(path, text)) {
      const ids = directive.ids.length ? directive.ids.join(', ') : 'all checks';
      const where = directive.configScope?.length ? ` for ${directive.configScope.join(', ')}` : ' for the whole project';
      context.report({
        range: context.file.lines.rangeOf(span.start, span.end),
        severity: 'warning',
        message: `${path} switches ${directive.tool} ${ids} off${where}: every instance of the problem it checks is hidden, including new ones an assistant writes. Prefer a justified line-level directive where one is needed.`,
      });
    }
    if (!DIRECTIVE_WORD.test(text)) return;
    const sites: DirectiveSite[] = collectComments(context).flatMap((comment) =>
      parseSuppressionComment(comment.text, comment.family, { standalone: comment.ownLine, kind: comment.kind, leading: comment.leading }).map((directive) => ({
        comment,
        directive,
      })),
    );
    const structure = lexicalStructure(context);
    if (structure) sites.push(...findCodeDirectives(structure));
    if (sites.length === 0) return;
    for (const report of judgeDirectives(context, sites, context.options.reportJustified === true)) context.report(report);
  },
});
