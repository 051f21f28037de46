// Judges each directive against what it covers:
//   masks a finding (error) > unused: nothing it could silence (info) > blanket, or file-wide over a
//   security check (warning) > scoped without a reason (info) > scoped with a reason (silent unless
//   `reportJustified`).
import { createHash } from 'node:crypto';
import { partitionPoint } from '../partition-point';
import type { RuleContext } from '../rule';
import type { Finding, Fix, Report } from '../types';
import { lexicalStructure } from '../languages/lexical';
import { idsFor, silencesCategory, silencesSecurity } from './check-ids';
import { describeDirective, expectErrorFix, justifyFix, narrowFix, removeDirectiveFix } from './fixes';
import type { CommentSite, DirectiveSite, SuppressionDirective } from './model';
import { statementAt, statementRanges, type LineRange } from './statements';

export type { DirectiveSite } from './model';

const CATEGORY_PHRASE: Record<string, string> = {
  'string-built-query': 'a string-built SQL query',
  'string-built-command': 'a string-built shell command',
  'inline-secret': 'an inline secret',
  'open-route': 'an unauthenticated route',
};

const TOOL_NAME: Record<string, string> = {
  bandit: 'Bandit',
  flake8: 'flake8/Ruff',
  ruff: 'Ruff',
  mypy: 'mypy',
  pyright: 'Pyright',
  pylint: 'Pylint',
  semgrep: 'Semgrep',
  'detect-secrets': 'detect-secrets',
  gitleaks: 'gitleaks',
  eslint: 'ESLint',
  typescript: 'TypeScript',
  biome: 'Biome',
  sonar: 'SonarQube',
  secretlint: 'secretlint',
  snyk: 'Snyk Code',
  'golangci-lint': 'golangci-lint',
  gosec: 'gosec',
  java: 'Java',
  kotlin: 'Kotlin',
  'android-lint': 'Android Lint',
  spotbugs: 'SpotBugs',
  pmd: 'PMD',
  checkstyle: 'Checkstyle',
  csharp: 'C#',
  rubocop: 'RuboCop',
  phpcs: 'PHP_CodeSniffer',
  phpstan: 'PHPStan',
  psalm: 'Psalm',
  rust: 'Rust',
  shellcheck: 'ShellCheck',
};

/** A directive that hides many findings lists this many (its message counts them all). */
const MAX_MASKED_LISTED = 20;

export function judgeDirectives(context: RuleContext, sites: readonly DirectiveSite[], reportJustified: boolean): Report[] {
  const { text, lines } = context.file;
  const findings = context.findings().filter((finding) => finding.category !== 'suppression');
  const code = new CoveredCode(context);
  const reports: Report[] = [];
  for (const site of sites) {
    const { comment, directive } = site;
    if (directive.scope === 'block-end' || directive.scope === 'config') continue;
    const line = lines.positionAt(comment.textStart + directive.start).line;
    const covered = coverage(context, sites, site, line);
    const range = lines.rangeOf(comment.textStart + directive.start, comment.textStart + directive.end);
    const name = describeDirective(text, comment, directive);
    const tool = TOOL_NAME[directive.tool] ?? directive.tool;
    const remove = removeDirectiveFix(text, lines, comment, directive);

    const masked = code.masked(covered, directive, () =>
      findings.filter((finding) => touches(finding, covered) && silencesCategory(directive.tool, directive.ids, finding.category)),
    );
    if (masked.length) {
      const listed = masked.slice(0, MAX_MASKED_LISTED);
      const first = masked[0];
      const what = CATEGORY_PHRASE[first.category] ?? `a ${first.category} finding`;
      const narrow = directive.ids.length === 0 ? narrowFix(lines, comment, directive, idsFor(directive.tool, first.category)) : undefined;
      reports.push({
        range,
        severity: 'error',
        message: `${name} hides ${what}${masked.length > 1 ? ` and ${masked.length - 1} more finding(s)` : ''}: ${first.message}`,
        related: listed.map((finding) => ({ message: `${finding.ruleId}: ${finding.message}`, range: finding.range })),
        // The underlying problem's own fix first: fixing it is what makes the directive unnecessary.
        fixes: [...listed.flatMap((finding) => finding.fixes.filter((fix) => fix.edits.length > 0)), remove, ...(narrow ? [narrow] : [])],
        fingerprintText: `masks ${name} ${code.digest(covered)}`,
      });
      continue;
    }

    if (silencesSecurity(directive.tool, directive.ids) && directive.scope === 'line' && !code.couldFire(covered, comment)) {
      reports.push({
        range,
        severity: 'info',
        message: `${name} covers code where no ${tool} check could fire; it silences nothing today and would hide a future problem.`,
        fixes: [remove],
        fingerprintText: `unused ${name} ${code.digest(covered)}`,
      });
      continue;
    }
    const tsIgnore = directive.tool === 'typescript' && /@ts-ignore/.test(text.slice(comment.textStart + directive.start, comment.textStart + directive.end));
    // A block opened and never closed silences the rest of the file: as wide as a file directive.
    const unclosed = directive.scope === 'block-start' && !blockEnd(sites, site);
    const fileWide = directive.scope === 'file' || unclosed;
    const blanket = directive.ids.length === 0 && !(directive.tool === 'typescript' && !tsIgnore && directive.scope !== 'file');
    const fixes = (...extra: (Fix | undefined)[]) => [...extra.filter((fix): fix is Fix => fix !== undefined), remove];

    // File-wide but naming only checks that guard no security (`#![allow(dead_code)]`, a file's
    // `pylint: disable=missing-docstring`): no wider a risk than the same directive on one line.
    if (blanket || (fileWide && silencesSecurity(directive.tool, directive.ids))) {
      const where = directive.scope === 'file' || covered[0] === 0 ? 'this file' : `this file from line ${covered[0] + 1} on`;
      const checks = blanket ? `every ${tool} check` : listIds(directive.ids);
      const scope = fileWide
        ? `${checks} in ${where}`
        : `${checks} on this ${directive.scope === 'declaration' ? 'declaration' : covered[1] > covered[0] ? 'statement' : 'line'}`;
      reports.push({
        range,
        severity: 'warning',
        message: `${name} silences ${scope}${directive.reason ? '' : ', without a reason'}. ${blanket ? 'Name the check' : 'Cover only the code that needs it'}${tsIgnore ? ' (or use @ts-expect-error, which fails when the error is gone)' : ''} and say why it is safe.`,
        fixes: fixes(
          tsIgnore ? expectErrorFix(lines, comment, directive, text) : undefined,
          directive.reason ? undefined : justifyFix(lines, comment, directive),
        ),
        fingerprintText: `blanket ${name} ${code.digest(covered)}`,
      });
      continue;
    }
    if (!directive.reason) {
      reports.push({
        range,
        severity: 'info',
        message: `${name} gives no reason. Say why the ${tool} check is safe to silence here, so reviewers can check it.`,
        fixes: fixes(justifyFix(lines, comment, directive)),
        fingerprintText: `unjustified ${name} ${code.digest(covered)}`,
      });
      continue;
    }
    if (reportJustified) {
      reports.push({
        range,
        severity: 'info',
        message: `${name} (justified: ${directive.reason}).`,
        fixes: fixes(),
        fingerprintText: `justified ${name} ${code.digest(covered)}`,
      });
    }
  }
  return reports;
}

function listIds(ids: readonly string[]): string {
  const shown = ids
    .slice(0, 3)
    .map((id) => `\`${id}\``)
    .join(', ');
  return ids.length > 3 ? `${shown} and ${ids.length - 3} more` : shown;
}

/** The lines a directive covers, by its scope. */
function coverage(context: RuleContext, sites: readonly DirectiveSite[], site: DirectiveSite, line: number): LineRange {
  const { lines } = context.file;
  const last = lines.lineCount - 1;
  switch (site.directive.scope) {
    case 'file':
      return [0, last];
    case 'next-line': {
      const next = nextCodeLine(context, site.comment);
      return next === undefined ? [line, line] : statementAt(safeStatements(context), next);
    }
    case 'declaration':
      return [line, Math.max(line, lines.positionAt(declarationEnd(context, site.comment) - 1).line)];
    case 'block-start': {
      const end = blockEnd(sites, site);
      return [line, end ? lines.positionAt(end.comment.start).line : last];
    }
    default:
      return statementAt(safeStatements(context), line);
  }
}

/** Each tool's block-end directives by position, per list of sites (searching all sites per block was quadratic). */
const blockEndsBySites = new WeakMap<readonly DirectiveSite[], Map<string, DirectiveSite[]>>();

/** The first later block-end of the same tool: `eslint-enable` for `eslint-disable`, and so on. */
function blockEnd(sites: readonly DirectiveSite[], site: DirectiveSite): DirectiveSite | undefined {
  let byTool = blockEndsBySites.get(sites);
  if (!byTool) {
    byTool = new Map();
    for (const other of sites) {
      if (other.directive.scope !== 'block-end') continue;
      (byTool.get(other.directive.tool) ?? byTool.set(other.directive.tool, []).get(other.directive.tool)!).push(other);
    }
    for (const ends of byTool.values()) ends.sort((a, b) => a.comment.start - b.comment.start);
    blockEndsBySites.set(sites, byTool);
  }
  const ends = byTool.get(site.directive.tool) ?? [];
  return ends[partitionPoint(ends, (end) => end.comment.start <= site.comment.end)];
}

function safeStatements(context: RuleContext): LineRange[] {
  try {
    return statementRanges(context);
  } catch {
    return []; // no structure (parse failure): a directive then covers its own line
  }
}

/** The first line after the comment that holds code. */
function nextCodeLine(context: RuleContext, comment: CommentSite): number | undefined {
  const { lines } = context.file;
  const structure = lexicalStructure(context);
  if (structure) {
    const next = structure.nextCode(comment.end);
    return next < context.file.text.length ? lines.positionAt(next).line : undefined;
  }
  for (let line = lines.positionAt(comment.end).line + 1; line < lines.lineCount; line++) {
    const content = lines.lineText(line).trim();
    if (content && !/^(#|\/\/|\/\*|\*)/.test(content)) return line;
  }
  return undefined;
}

/**
 * Where a `declaration` directive's cover ends: what the dialect says, else the end of the
 * construct after it as the language's lexical structure finds it (without one, its own line).
 */
function declarationEnd(context: RuleContext, comment: CommentSite): number {
  if (comment.coversTo !== undefined) return comment.coversTo;
  const structure = lexicalStructure(context);
  return structure ? structure.constructEnd(comment.end) : comment.end;
}

function touches(finding: Finding, [start, end]: LineRange): boolean {
  const inside = (range: Finding['range']) => range.start.line <= end && range.end.line >= start;
  return inside(finding.range) || (finding.related ?? []).some((related) => !related.file && inside(related.range));
}

/**
 * What a security check could fire on: a call, a string, an import or an assert; in the languages
 * read lexically also a variable (`echo $title`, `rm -rf $dir`) and a command called without
 * parentheses (`system cmd`, `eval x`, `include $page`).
 */
const COULD_FIRE = /[("'`$]|\b(import|assert|exec|eval|require|include|echo|print|system|open|unsafe)\b/g;

/**
 * How much of the covered code a fingerprint digests: a declaration or block can cover most of a
 * file, and thousands of stacked annotations each digesting the rest of the file was quadratic.
 */
const MAX_DIGESTED_CHARS = 16 * 1024;

/**
 * The covered code of the file's directives, read once per covered range: one line holding
 * thousands of `/* eslint-disable-line *\/` made each directive re-read (and hash) the whole line,
 * 49 s for 256 KB.
 */
class CoveredCode {
  private readonly digests = new Map<string, string>();
  private readonly fireOffsets = new Map<string, number[]>();
  private readonly maskedFindings = new Map<string, Finding[]>();

  constructor(private readonly context: RuleContext) {}

  /** The covered lines' identity for a fingerprint: a digest of their text, white space collapsed. */
  digest(range: LineRange): string {
    const key = `${range[0]}:${range[1]}`;
    let digest = this.digests.get(key);
    if (digest === undefined) {
      digest = createHash('sha256')
        .update(lineText(this.context, range, MAX_DIGESTED_CHARS).replace(/\s+/g, ' ').trim())
        .digest('hex')
        .slice(0, 32);
      this.digests.set(key, digest);
    }
    return digest;
  }

  /** The findings a directive hides: the same for every directive of one tool and ids on the same code. */
  masked(range: LineRange, directive: SuppressionDirective, find: () => Finding[]): Finding[] {
    const key = `${range[0]}:${range[1]}:${directive.tool}:${directive.ids.join(',')}`;
    let masked = this.maskedFindings.get(key);
    if (masked === undefined) {
      masked = find();
      this.maskedFindings.set(key, masked);
    }
    return masked;
  }

  /** Whether a security check could fire on the covered code outside the directive's own comment. */
  couldFire(range: LineRange, comment: CommentSite): boolean {
    const key = `${range[0]}:${range[1]}`;
    let offsets = this.fireOffsets.get(key);
    if (offsets === undefined) {
      const start = this.context.file.lines.offsetAt({ line: range[0], character: 0 });
      offsets = [...lineText(this.context, range).matchAll(COULD_FIRE)].map((match) => start + match.index);
      this.fireOffsets.set(key, offsets);
    }
    // Ascending offsets: one outside the comment is either before its start or at or after its end.
    return offsets.length > 0 && (offsets[0] < comment.start || offsets[offsets.length - 1] >= comment.end);
  }
}

function lineText(context: RuleContext, [start, end]: LineRange, maxChars = Infinity): string {
  const { text, lines } = context.file;
  const from = lines.offsetAt({ line: start, character: 0 });
  return text.slice(from, Math.min(lines.lineEnd(end), from + maxChars));
}
