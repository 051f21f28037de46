// Suppression directives in one comment, in every dialect its file type can carry. The caller has
// found the comment with a real parser (tree-sitter, typescript-estree, the config readers), so
// strings and prose outside comments never reach us; `commentText` is the comment without its
// marker (`#`, `//`, `/* */`) and every offset in the result is relative to it.
//
// Each tool has its own matcher file, which cites the tool's documented syntax or source and
// matches exactly what the tool honours: where a tool has no word boundary (`#nosecurity` for
// Bandit, `// @ts-ignored` for TypeScript, `nosemantics` for Semgrep) the comment is reported,
// because the tool really is silenced by it. Matchers scan with indexOf/charCodeAt only, so any
// comment is read in linear time.
import { partitionPoint } from '../../partition-point';
import type { SuppressionDirective } from '../model';
import { matchBanditNosec } from './bandit';
import { matchBiome } from './biome';
import { matchCheckstyle } from './checkstyle';
import { isHashFamily, type CommentFamily, type CommentOptions, type DirectiveMatcher } from './context';
import { matchDetectSecrets } from './detect-secrets';
import { matchEslint } from './eslint';
import { matchGitleaksAllow } from './gitleaks';
import { matchGosec } from './gosec';
import { matchNolint } from './nolint';
import { matchNoqa } from './noqa';
import { matchPhpcs } from './phpcs';
import { matchPhpstan } from './phpstan';
import { matchNopmd } from './pmd';
import { matchPsalm } from './psalm';
import { matchPylint } from './pylint';
import { matchRubocop } from './rubocop';
import { readReason, segmentEnd, skipWhitespace } from './scan';
import { matchSecretlint } from './secretlint';
import { matchNosemgrep } from './semgrep';
import { matchShellcheck } from './shellcheck';
import { matchDeepcodeIgnore } from './snyk';
import { matchNosonar } from './sonar';
import { matchPyrightIgnore, matchTypeIgnore } from './type-ignore';
import { matchTypescript } from './typescript';

export type { CommentFamily, CommentOptions } from './context';
export { insertIds, insertReason } from './insertion';

/** Language-agnostic scanners read comments in every language they scan. */
const ANY_LANGUAGE: readonly DirectiveMatcher[] = [matchNosemgrep, matchDetectSecrets, matchGitleaksAllow, matchSecretlint, matchNosonar, matchDeepcodeIgnore];

/**
 * The tools that read comments in each family. (Annotations, attributes and pragmas, which are
 * code rather than comments, are read in code-directives.ts.)
 */
const MATCHERS: Record<CommentFamily, readonly DirectiveMatcher[]> = {
  python: [matchBanditNosec, matchNoqa, matchTypeIgnore, matchPyrightIgnore, matchPylint, ...ANY_LANGUAGE],
  javascript: [matchEslint, matchTypescript, matchBiome, ...ANY_LANGUAGE],
  config: [matchGitleaksAllow, matchDetectSecrets, matchNosemgrep, matchSecretlint],
  go: [matchNolint, matchGosec, ...ANY_LANGUAGE],
  java: [matchCheckstyle, matchNopmd, ...ANY_LANGUAGE],
  kotlin: ANY_LANGUAGE,
  csharp: ANY_LANGUAGE,
  ruby: [matchRubocop, ...ANY_LANGUAGE],
  php: [matchPhpcs, matchPhpstan, matchPsalm, ...ANY_LANGUAGE],
  rust: ANY_LANGUAGE,
  shell: [matchShellcheck, ...ANY_LANGUAGE],
  'c-like': ANY_LANGUAGE,
  'hash-comments': ANY_LANGUAGE,
  'dash-comments': ANY_LANGUAGE,
};

/**
 * Every directive in the comment, ordered by position. `options` tells where the comment sits when
 * the caller knows (see CommentOptions): pylint's `disable` is `line` in a trailing comment and
 * `block-start` alone on its line (`standalone: true`); unknown means trailing.
 */
export function parseSuppressionComment(commentText: string, family: CommentFamily, options: CommentOptions = {}): SuppressionDirective[] {
  const context = { ...options, family };
  const directives: SuppressionDirective[] = [];
  for (const match of MATCHERS[family]) {
    for (const directive of match(commentText, context)) directives.push(directive);
  }
  directives.sort((a, b) => a.start - b.start);
  cutReasonsAtDirectives(commentText, directives);
  if (isHashFamily(family)) attachHashReasons(commentText, directives);
  return directives;
}

/**
 * Free text after a directive is its reason, but not where another directive starts in it: a
 * nosec followed by gitleaks' allow marker has no reason, and an ESLint justification that ends in
 * Sonar's marker keeps only the words before it. The reason always ends the directive's span, so
 * it starts `reason.length` before the span's end.
 */
function cutReasonsAtDirectives(text: string, directives: SuppressionDirective[]): void {
  for (const directive of directives) {
    if (directive.reason === undefined) continue;
    const reasonStart = directive.end - directive.reason.length;
    const next = firstStartingIn(directives, reasonStart, directive.end);
    if (!next) continue;
    let reasonEnd = next.start;
    while (reasonEnd > reasonStart && TRAILING_PUNCTUATION.has(text.charCodeAt(reasonEnd - 1))) reasonEnd--;
    if (reasonEnd > reasonStart) {
      directive.reason = text.slice(reasonStart, reasonEnd);
      directive.end = reasonEnd;
      continue;
    }
    // Nothing left: the directive ends before its separator, and a reason can be added there.
    let end = reasonStart;
    while (end > directive.start && TRAILING_PUNCTUATION.has(text.charCodeAt(end - 1))) end--;
    delete directive.reason;
    directive.end = end;
    directive.reasonInsertAt = end;
  }
}

/** Blanks and the separators a reason is introduced or closed with: `--`, `-`, `—`, `:`, `,`, `;`. */
const TRAILING_PUNCTUATION: ReadonlySet<number> = new Set([32, 9, 10, 13, 45, 0x2014, 0x2013, 58, 44, 59]);

/**
 * In `#` comments the usual place for a justification is one more comment on the same line:
 * `# nosec B608  # input is an enum`, `# type: ignore[arg-type]  # upstream stub is wrong`. A
 * directive without a reason takes the segment after the next `#`, unless that segment holds a
 * directive of its own (`# type: ignore  # noqa`).
 */
function attachHashReasons(text: string, directives: SuppressionDirective[]): void {
  for (const directive of directives) {
    if (directive.reason !== undefined) continue;
    const hash = skipWhitespace(text, directive.end);
    if (text.charCodeAt(hash) !== 35) continue;
    const end = segmentEnd(text, hash + 1);
    if (firstStartingIn(directives, hash, end)) continue;
    const reason = readReason(text, hash, end, ['#'], false);
    if (!reason) continue;
    directive.reason = reason.reason;
    directive.end = reason.end;
    delete directive.reasonInsertAt;
  }
}

/** The first directive (sorted by start) that starts in [from, to), by binary search. */
function firstStartingIn(directives: readonly SuppressionDirective[], from: number, to: number): SuppressionDirective | undefined {
  const found = directives[partitionPoint(directives, (directive) => directive.start < from)];
  return found && found.start < to ? found : undefined;
}
