// Table tests for suppression directives: each comment, written as it appears in source, goes
// through the dialect parser with its marker stripped (as the callers do), and the directives
// found are compared by tool, scope, ids, reason and the comment text their span covers.
// Look-alikes check that prose, URLs and near-misses yield nothing, and the cases where a tool
// honours a form one might not expect (`#nosecurity`, `// @ts-ignored`) pin the tools' real
// behaviour. Config switches run over one realistic file per format. Directive text lives in
// string literals only; nothing here is a comment any tool would read.
import { strict as assert } from 'node:assert';
import { readConfig } from '../../src/core/languages/config';
import type { ConfigFormat } from '../../src/core/languages/language';
import { findConfigSwitches } from '../../src/core/suppressions/config-switches';
import { LexicalStructure, scanLexically, type LexicalLanguage } from '../../src/core/languages/lexical';
import { insertIds, insertReason, parseSuppressionComment, type CommentFamily, type CommentOptions } from '../../src/core/suppressions/dialects';
import { findCodeDirectives } from '../../src/core/suppressions/dialects/code-directives';
import type { SuppressionScope, SuppressionTool } from '../../src/core/suppressions/model';
import { assertGrowth } from './scaling';

interface Expected {
  tool: SuppressionTool;
  scope: SuppressionScope;
  ids: string[];
  /** The comment text the directive's span covers. */
  text: string;
  reason?: string;
}

interface Case {
  /** The comment as written in source, marker included (`# …`, `// …`, `/* … *\/`). */
  comment: string;
  expected: Expected[];
  options?: CommentOptions;
}

function d(tool: SuppressionTool, scope: SuppressionScope, ids: string[], text: string, reason?: string): Expected {
  return { tool, scope, ids, text, reason };
}

/** The comment without its marker, as the callers pass it, and its kind for `//` and block comments. */
function strip(comment: string): { text: string; kind?: 'line' | 'block' } {
  if (comment.startsWith('//')) return { text: comment.slice(2), kind: 'line' };
  if (comment.startsWith('/*')) return { text: comment.slice(2, comment.length - 2), kind: 'block' };
  if (comment.startsWith('#') || comment.startsWith(';')) return { text: comment.slice(1) };
  if (comment.startsWith('--')) return { text: comment.slice(2), kind: 'line' };
  return { text: comment };
}

function check(family: CommentFamily, testCase: Case): void {
  const { text, kind } = strip(testCase.comment);
  const options: CommentOptions = { ...(kind ? { kind } : {}), ...testCase.options };
  const found = parseSuppressionComment(text, family, options);
  const actual = found.map((directive) => ({
    tool: directive.tool,
    scope: directive.scope,
    ids: directive.ids,
    text: text.slice(directive.start, directive.end),
    reason: directive.reason,
  }));
  assert.deepEqual(actual, testCase.expected, JSON.stringify(testCase.comment));
  for (const directive of found) {
    assert.ok(directive.start >= 0 && directive.start < directive.end && directive.end <= text.length, 'span inside the comment');
    if (directive.reasonInsertAt !== undefined) assert.ok(directive.reasonInsertAt <= text.length);
    if (directive.idsInsertAt !== undefined) assert.deepEqual(directive.ids, [], 'only a blanket directive can be narrowed');
  }
}

function runCases(family: CommentFamily, cases: Case[]): void {
  for (const testCase of cases) {
    const header = testCase.options?.leading ? ', in the file header' : '';
    const where = testCase.options?.standalone === undefined ? '' : testCase.options.standalone ? ' (alone on its line' + header + ')' : ' (trailing)';
    it(`${JSON.stringify(testCase.comment)}${where}`, () => check(family, testCase));
  }
}

describe('suppression dialects', () => {
  describe('Python: Bandit nosec', () => {
    runCases('python', [
      { comment: '# nosec', expected: [d('bandit', 'line', [], 'nosec')] },
      { comment: '#nosec', expected: [d('bandit', 'line', [], 'nosec')] },
      { comment: '# nosec B608', expected: [d('bandit', 'line', ['B608'], 'nosec B608')] },
      { comment: '# nosec B608, B105', expected: [d('bandit', 'line', ['B608', 'B105'], 'nosec B608, B105')] },
      { comment: '# nosec: B608, B105', expected: [d('bandit', 'line', ['B608', 'B105'], 'nosec: B608, B105')] },
      // Bandit keeps only the last token of a comma-joined run: B608 is NOT skipped here.
      { comment: '# nosec: B608,B105', expected: [d('bandit', 'line', ['B105'], 'nosec: B608,B105')] },
      { comment: '# nosec hardcoded_sql_expressions', expected: [d('bandit', 'line', ['B608'], 'nosec hardcoded_sql_expressions')] },
      {
        comment: '# nosec B608 - reviewed: input is an enum',
        expected: [d('bandit', 'line', ['B608'], 'nosec B608 - reviewed: input is an enum', 'reviewed: input is an enum')],
      },
      { comment: '# nosec B608 -- input is an enum', expected: [d('bandit', 'line', ['B608'], 'nosec B608 -- input is an enum', 'input is an enum')] },
      { comment: '# nosec B608  # input is an enum', expected: [d('bandit', 'line', ['B608'], 'nosec B608  # input is an enum', 'input is an enum')] },
      // Every word before the next `#` is looked up as a test name: `eval` also skips B307.
      {
        comment: '# nosec B608 - eval of a constant',
        expected: [d('bandit', 'line', ['B608', 'B307'], 'nosec B608 - eval of a constant', 'eval of a constant')],
      },
      { comment: '# nosec - reviewed by security', expected: [d('bandit', 'line', [], 'nosec - reviewed by security', 'reviewed by security')] },
      // No word boundary in Bandit's pattern: a blanket nosec with an unknown "test" `urity`.
      { comment: '#nosecurity', expected: [d('bandit', 'line', [], 'nosecurity')] },
      { comment: '# we used to nosec this, never again', expected: [] },
      { comment: '# NOSEC B608', expected: [] },
      { comment: '# see the nosec docs # nosec B105', expected: [d('bandit', 'line', ['B105'], 'nosec B105')] },
    ]);
  });

  describe('Python: flake8 / Ruff noqa', () => {
    runCases('python', [
      { comment: '# noqa', expected: [d('flake8', 'line', [], 'noqa')] },
      { comment: '# NOQA', expected: [d('flake8', 'line', [], 'NOQA')] },
      { comment: '#noqa', expected: [d('flake8', 'line', [], 'noqa')] },
      { comment: '# noqa: S608', expected: [d('flake8', 'line', ['S608'], 'noqa: S608')] },
      { comment: '# noqa:S608,E501', expected: [d('flake8', 'line', ['S608', 'E501'], 'noqa:S608,E501')] },
      { comment: '# noqa: S608 E501', expected: [d('flake8', 'line', ['S608', 'E501'], 'noqa: S608 E501')] },
      {
        comment: '# noqa: S608 -- query built from an enum',
        expected: [d('flake8', 'line', ['S608'], 'noqa: S608 -- query built from an enum', 'query built from an enum')],
      },
      {
        comment: '# noqa: S608  # query built from an enum',
        expected: [d('flake8', 'line', ['S608'], 'noqa: S608  # query built from an enum', 'query built from an enum')],
      },
      // flake8 reads a blanket when no code follows the colon (Ruff rejects it); the words are no reason.
      { comment: '# noqa: unused-import', expected: [d('flake8', 'line', [], 'noqa:')] },
      // Ruff reads S608, flake8 a blanket (it needs the colon right after `noqa`): blanket wins.
      { comment: '# noqa : S608', expected: [d('flake8', 'line', [], 'noqa : S608')] },
      { comment: '# noqa-like', expected: [] },
      { comment: '# noqasomething', expected: [] },
      { comment: '# this is not noqa', expected: [] },
      { comment: '# ruff: noqa', expected: [d('ruff', 'file', [], 'ruff: noqa')] },
      { comment: '# ruff: noqa: S608', expected: [d('ruff', 'file', ['S608'], 'ruff: noqa: S608')] },
      { comment: '# flake8: noqa', expected: [d('flake8', 'file', [], 'flake8: noqa')] },
      { comment: '# ruff: noqa-please', expected: [] },
    ]);
  });

  describe('Python: mypy and pyright ignores', () => {
    runCases('python', [
      { comment: '# type: ignore', expected: [d('mypy', 'line', [], 'type: ignore')] },
      { comment: '# type:ignore[arg-type, misc]', expected: [d('mypy', 'line', ['arg-type', 'misc'], 'type:ignore[arg-type, misc]')] },
      {
        comment: '# type: ignore[arg-type]  # upstream stub is wrong',
        expected: [d('mypy', 'line', ['arg-type'], 'type: ignore[arg-type]  # upstream stub is wrong', 'upstream stub is wrong')],
      },
      { comment: '# type: ignored', expected: [] },
      { comment: '# a type: ignore', expected: [] },
      { comment: '# pyright: ignore', expected: [d('pyright', 'line', [], 'pyright: ignore')] },
      {
        comment: '# pyright: ignore[reportGeneralTypeIssues]',
        expected: [d('pyright', 'line', ['reportGeneralTypeIssues'], 'pyright: ignore[reportGeneralTypeIssues]')],
      },
      {
        comment: '# pyright: ignore[reportOptionalMemberAccess, reportAttributeAccessIssue]',
        expected: [
          d(
            'pyright',
            'line',
            ['reportOptionalMemberAccess', 'reportAttributeAccessIssue'],
            'pyright: ignore[reportOptionalMemberAccess, reportAttributeAccessIssue]',
          ),
        ],
      },
    ]);
  });

  describe('Python: pylint pragmas', () => {
    runCases('python', [
      { comment: '# pylint: disable=eval-used', expected: [d('pylint', 'line', ['eval-used'], 'pylint: disable=eval-used')] },
      {
        comment: '# pylint: disable=eval-used',
        options: { standalone: true },
        expected: [d('pylint', 'block-start', ['eval-used'], 'pylint: disable=eval-used')],
      },
      { comment: '# pylint: disable=eval-used', options: { standalone: false }, expected: [d('pylint', 'line', ['eval-used'], 'pylint: disable=eval-used')] },
      { comment: '# pylint: disable = eval-used, W0123', expected: [d('pylint', 'line', ['eval-used', 'W0123'], 'pylint: disable = eval-used, W0123')] },
      { comment: '# pylint: disable-next=eval-used', expected: [d('pylint', 'next-line', ['eval-used'], 'pylint: disable-next=eval-used')] },
      { comment: '# pylint: enable=eval-used', expected: [d('pylint', 'block-end', ['eval-used'], 'pylint: enable=eval-used')] },
      { comment: '# pylint: skip-file', expected: [d('pylint', 'file', [], 'pylint: skip-file')] },
      { comment: '# pylint: disable=all', expected: [d('pylint', 'line', [], 'pylint: disable=all')] },
      {
        comment: '# pylint: disable=eval-used  # the expression is a constant',
        expected: [d('pylint', 'line', ['eval-used'], 'pylint: disable=eval-used  # the expression is a constant', 'the expression is a constant')],
      },
      {
        comment: '# pylint: disable=eval-used -- constant expression',
        expected: [d('pylint', 'line', ['eval-used'], 'pylint: disable=eval-used -- constant expression', 'constant expression')],
      },
      {
        comment: '# pylint: disable=eval-used, enable=exec-used',
        expected: [d('pylint', 'line', ['eval-used'], 'pylint: disable=eval-used'), d('pylint', 'block-end', ['exec-used'], 'enable=exec-used')],
      },
      { comment: '# pylint: disable', expected: [] },
      { comment: '# see pylint: disable docs', expected: [] },
      { comment: '# mypylint: disable=eval-used', expected: [] },
    ]);
  });

  describe('Python: language-agnostic scanners', () => {
    runCases('python', [
      { comment: '# nosemgrep', expected: [d('semgrep', 'line', [], 'nosemgrep')] },
      { comment: '# nosem', expected: [d('semgrep', 'line', [], 'nosem')] },
      { comment: '# nosemgrep: rule-id', expected: [d('semgrep', 'line', ['rule-id'], 'nosemgrep: rule-id')] },
      { comment: '# nosemgrep: a, b', expected: [d('semgrep', 'line', ['a', 'b'], 'nosemgrep: a, b')] },
      {
        comment: '# NOSEMGREP:python.lang.security.audit.formatted-sql-query.formatted-sql-query',
        expected: [
          d(
            'semgrep',
            'line',
            ['python.lang.security.audit.formatted-sql-query.formatted-sql-query'],
            'NOSEMGREP:python.lang.security.audit.formatted-sql-query.formatted-sql-query',
          ),
        ],
      },
      { comment: '# nosemgrep: rule-id', options: { standalone: true }, expected: [d('semgrep', 'next-line', ['rule-id'], 'nosemgrep: rule-id')] },
      {
        comment: '# nosemgrep: rule-id -- input is validated',
        expected: [d('semgrep', 'line', ['rule-id'], 'nosemgrep: rule-id -- input is validated', 'input is validated')],
      },
      // Semgrep searches the whole line for its keyword after a space: prose counts, and there is no word boundary.
      { comment: '# we used to nosemgrep this', expected: [d('semgrep', 'line', [], 'nosemgrep')] },
      { comment: '# we used to nosemgrep this', options: { standalone: true }, expected: [d('semgrep', 'line', [], 'nosemgrep')] },
      { comment: '# check nosemantics', expected: [d('semgrep', 'line', [], 'nosemantics')] },
      { comment: '#nosemgrep', expected: [] },
      { comment: '# pragma: allowlist secret', expected: [d('detect-secrets', 'line', [], 'pragma: allowlist secret')] },
      { comment: '# pragma:allowlist-secret', expected: [d('detect-secrets', 'line', [], 'pragma:allowlist-secret')] },
      { comment: '# pragma: whitelist secret', expected: [d('detect-secrets', 'line', [], 'pragma: whitelist secret')] },
      {
        comment: '# pragma: allowlist secret -- test fixture',
        expected: [d('detect-secrets', 'line', [], 'pragma: allowlist secret -- test fixture', 'test fixture')],
      },
      { comment: '# pragma: allowlist nextline secret', expected: [d('detect-secrets', 'next-line', [], 'pragma: allowlist nextline secret')] },
      { comment: '# pragma: allowlist nextline secret', options: { standalone: false }, expected: [] },
      { comment: '# see pragma: allowlist secret', expected: [] },
      { comment: '# gitleaks:allow', expected: [d('gitleaks', 'line', [], 'gitleaks:allow')] },
      { comment: '# fake key, gitleaks:allow', expected: [d('gitleaks', 'line', [], 'gitleaks:allow')] },
      {
        comment: '# gitleaks:allow -- fake key for tests',
        expected: [d('gitleaks', 'line', [], 'gitleaks:allow -- fake key for tests', 'fake key for tests')],
      },
      { comment: '# secretlint-disable-line', expected: [d('secretlint', 'line', [], 'secretlint-disable-line')] },
      { comment: '# NOSONAR', expected: [d('sonar', 'line', [], 'NOSONAR')] },
      {
        comment: '# deepcode ignore Sqli: query built from an enum',
        expected: [d('snyk', 'next-line', ['Sqli'], 'deepcode ignore Sqli: query built from an enum', 'query built from an enum')],
      },
    ]);
  });

  describe('Python: several directives in one comment', () => {
    runCases('python', [
      { comment: '# noqa: E501  # nosec B608', expected: [d('flake8', 'line', ['E501'], 'noqa: E501'), d('bandit', 'line', ['B608'], 'nosec B608')] },
      { comment: '# type: ignore  # noqa', expected: [d('mypy', 'line', [], 'type: ignore'), d('flake8', 'line', [], 'noqa')] },
      {
        comment: '# type: ignore[arg-type]  # noqa: S301  # nosec  # trusted pickle from our own cache',
        expected: [
          d('mypy', 'line', ['arg-type'], 'type: ignore[arg-type]'),
          d('flake8', 'line', ['S301'], 'noqa: S301'),
          d('bandit', 'line', [], 'nosec  # trusted pickle from our own cache', 'trusted pickle from our own cache'),
        ],
      },
      {
        comment: '# noqa # pragma: allowlist secret',
        expected: [d('flake8', 'line', [], 'noqa'), d('detect-secrets', 'line', [], 'pragma: allowlist secret')],
      },
      {
        comment: '# nosec B105 gitleaks:allow',
        expected: [d('bandit', 'line', ['B105'], 'nosec B105'), d('gitleaks', 'line', [], 'gitleaks:allow')],
      },
    ]);
  });

  describe('JavaScript / TypeScript: ESLint', () => {
    runCases('javascript', [
      { comment: '// eslint-disable-line', expected: [d('eslint', 'line', [], 'eslint-disable-line')] },
      {
        comment: '// eslint-disable-line no-eval, no-new-func',
        expected: [d('eslint', 'line', ['no-eval', 'no-new-func'], 'eslint-disable-line no-eval, no-new-func')],
      },
      { comment: '// eslint-disable-next-line', expected: [d('eslint', 'next-line', [], 'eslint-disable-next-line')] },
      {
        comment: '// eslint-disable-next-line no-eval -- needed for the plugin loader',
        expected: [d('eslint', 'next-line', ['no-eval'], 'eslint-disable-next-line no-eval -- needed for the plugin loader', 'needed for the plugin loader')],
      },
      { comment: '/* eslint-disable */', expected: [d('eslint', 'block-start', [], 'eslint-disable')] },
      {
        comment: '/* eslint-disable security/detect-object-injection -- generated lookup tables */',
        expected: [
          d(
            'eslint',
            'block-start',
            ['security/detect-object-injection'],
            'eslint-disable security/detect-object-injection -- generated lookup tables',
            'generated lookup tables',
          ),
        ],
      },
      { comment: '/* eslint-enable */', expected: [d('eslint', 'block-end', [], 'eslint-enable')] },
      { comment: '/* eslint-disable-line no-eval */', expected: [d('eslint', 'line', ['no-eval'], 'eslint-disable-line no-eval')] },
      { comment: '/* eslint-disable-next-line "no-eval" */', expected: [d('eslint', 'next-line', ['no-eval'], 'eslint-disable-next-line "no-eval"')] },
      {
        comment: '/* eslint no-eval: "off", "security/detect-object-injection": 0, eqeqeq: error */',
        expected: [
          d('eslint', 'file', ['no-eval', 'security/detect-object-injection'], 'eslint no-eval: "off", "security/detect-object-injection": 0, eqeqeq: error'),
        ],
      },
      { comment: '/* eslint no-new-func: ["off"] */', expected: [d('eslint', 'file', ['no-new-func'], 'eslint no-new-func: ["off"]')] },
      { comment: '/* eslint eqeqeq: "error" */', expected: [] },
      // Line comments carry only the -line / -next-line forms; the rest need a block comment.
      { comment: '// eslint-disable', expected: [] },
      { comment: '// eslint-enable no-eval', expected: [] },
      { comment: '/* eslint-disable-line\n   no-eval */', expected: [] },
      { comment: '// see https://example.com/eslint-disable-line-docs', expected: [] },
      { comment: '// eslint-disabled by default', expected: [] },
      { comment: '// ESLINT-DISABLE-LINE', expected: [] },
      { comment: '/** eslint-disable */', expected: [] },
    ]);
  });

  describe('JavaScript / TypeScript: TypeScript', () => {
    runCases('javascript', [
      { comment: '// @ts-ignore', expected: [d('typescript', 'next-line', [], '@ts-ignore')] },
      { comment: '// @ts-expect-error', expected: [d('typescript', 'next-line', [], '@ts-expect-error')] },
      {
        comment: '// @ts-expect-error: wrong typings upstream',
        expected: [d('typescript', 'next-line', [], '@ts-expect-error: wrong typings upstream', 'wrong typings upstream')],
      },
      { comment: '// @ts-ignore -- reason', expected: [d('typescript', 'next-line', [], '@ts-ignore -- reason', 'reason')] },
      {
        comment: '// @ts-expect-error TS2345 because the overload is missing',
        expected: [d('typescript', 'next-line', [], '@ts-expect-error TS2345 because the overload is missing', 'TS2345 because the overload is missing')],
      },
      { comment: '/// @ts-ignore', expected: [d('typescript', 'next-line', [], '@ts-ignore')] },
      { comment: '/* @ts-ignore */', expected: [d('typescript', 'next-line', [], '@ts-ignore')] },
      { comment: '/*\n * the mock has no types\n * @ts-ignore */', expected: [d('typescript', 'next-line', [], '@ts-ignore')] },
      // Only the last line of a block comment counts.
      { comment: '/**\n * @ts-ignore\n */', expected: [] },
      { comment: '// @ts-nocheck', expected: [d('typescript', 'file', [], '@ts-nocheck')] },
      { comment: '// @ts-nocheck -- generated file', expected: [d('typescript', 'file', [], '@ts-nocheck -- generated file', 'generated file')] },
      { comment: '/* @ts-nocheck */', expected: [] },
      { comment: '// @ts-check', expected: [] },
      { comment: '// ts-ignore', expected: [] },
      { comment: '// please do not @ts-ignore this', expected: [] },
      // TypeScript's pattern has no word boundary: this silences the next line like @ts-ignore.
      { comment: '// @ts-ignored', expected: [d('typescript', 'next-line', [], '@ts-ignored')] },
    ]);
  });

  describe('JavaScript / TypeScript: Biome, Semgrep, Sonar, secretlint, Snyk', () => {
    runCases('javascript', [
      {
        comment: '// biome-ignore lint/suspicious/noExplicitAny: the payload is untyped JSON',
        expected: [
          d(
            'biome',
            'next-line',
            ['lint/suspicious/noExplicitAny'],
            'biome-ignore lint/suspicious/noExplicitAny: the payload is untyped JSON',
            'the payload is untyped JSON',
          ),
        ],
      },
      { comment: '// biome-ignore lint: legacy module', expected: [d('biome', 'next-line', [], 'biome-ignore lint: legacy module', 'legacy module')] },
      {
        comment: '// biome-ignore lint/security/noDangerouslySetInnerHtml lint/suspicious/noExplicitAny: sanitized upstream',
        expected: [
          d(
            'biome',
            'next-line',
            ['lint/security/noDangerouslySetInnerHtml', 'lint/suspicious/noExplicitAny'],
            'biome-ignore lint/security/noDangerouslySetInnerHtml lint/suspicious/noExplicitAny: sanitized upstream',
            'sanitized upstream',
          ),
        ],
      },
      {
        comment: '// biome-ignore-all lint/security: generated',
        expected: [d('biome', 'file', ['lint/security'], 'biome-ignore-all lint/security: generated', 'generated')],
      },
      {
        comment: '/* biome-ignore-start lint/security/noGlobalEval: sandboxed */',
        expected: [d('biome', 'block-start', ['lint/security/noGlobalEval'], 'biome-ignore-start lint/security/noGlobalEval: sandboxed', 'sandboxed')],
      },
      {
        comment: '// biome-ignore-end lint/security/noGlobalEval: sandboxed',
        expected: [d('biome', 'block-end', ['lint/security/noGlobalEval'], 'biome-ignore-end lint/security/noGlobalEval: sandboxed', 'sandboxed')],
      },
      {
        comment: '// Biome_Ignore lint/style/useConst: generated',
        expected: [d('biome', 'next-line', ['lint/style/useConst'], 'Biome_Ignore lint/style/useConst: generated', 'generated')],
      },
      { comment: '// biome-ignore lint/style/noVar:', expected: [d('biome', 'next-line', ['lint/style/noVar'], 'biome-ignore lint/style/noVar:')] },
      // Biome rejects a suppression without the `:` explanation, so nothing is suppressed.
      { comment: '// biome-ignore lint/suspicious/noExplicitAny', expected: [] },
      {
        comment: '// nosemgrep: javascript.lang.security.audit.eval-detected',
        expected: [d('semgrep', 'line', ['javascript.lang.security.audit.eval-detected'], 'nosemgrep: javascript.lang.security.audit.eval-detected')],
      },
      { comment: '// nosemgrep', options: { standalone: true }, expected: [d('semgrep', 'next-line', [], 'nosemgrep')] },
      { comment: '//nosemgrep', expected: [] },
      { comment: '// NOSONAR', expected: [d('sonar', 'line', [], 'NOSONAR')] },
      { comment: '// false positive NOSONAR - input is validated', expected: [d('sonar', 'line', [], 'NOSONAR - input is validated', 'input is validated')] },
      { comment: '// nosonar', expected: [] },
      { comment: '/* secretlint-disable */', expected: [d('secretlint', 'block-start', [], 'secretlint-disable')] },
      { comment: '/* secretlint-enable */', expected: [d('secretlint', 'block-end', [], 'secretlint-enable')] },
      {
        comment: '// secretlint-disable-line @secretlint/secretlint-rule-pattern -- synthetic fixture',
        expected: [
          d(
            'secretlint',
            'line',
            ['@secretlint/secretlint-rule-pattern'],
            'secretlint-disable-line @secretlint/secretlint-rule-pattern -- synthetic fixture',
            'synthetic fixture',
          ),
        ],
      },
      {
        comment: '// secretlint-disable-next-line @secretlint/secretlint-rule-basicauth, @secretlint/secretlint-rule-pattern',
        expected: [
          d(
            'secretlint',
            'next-line',
            ['@secretlint/secretlint-rule-basicauth', '@secretlint/secretlint-rule-pattern'],
            'secretlint-disable-next-line @secretlint/secretlint-rule-basicauth, @secretlint/secretlint-rule-pattern',
          ),
        ],
      },
      { comment: '// secretlint-disabled on purpose', expected: [] },
      {
        comment: '// deepcode ignore HardcodedNonCryptoSecret: test data',
        expected: [d('snyk', 'next-line', ['HardcodedNonCryptoSecret'], 'deepcode ignore HardcodedNonCryptoSecret: test data', 'test data')],
      },
      {
        comment: '// file deepcode ignore XSS: templates are escaped',
        expected: [d('snyk', 'file', ['XSS'], 'file deepcode ignore XSS: templates are escaped', 'templates are escaped')],
      },
      { comment: '// deepcode ignore Sqli:', expected: [d('snyk', 'next-line', ['Sqli'], 'deepcode ignore Sqli:')] },
      { comment: '// we deepcode ignore nothing here', expected: [] },
      { comment: '// gitleaks:allow', expected: [d('gitleaks', 'line', [], 'gitleaks:allow')] },
      { comment: '// pragma: allowlist secret', expected: [d('detect-secrets', 'line', [], 'pragma: allowlist secret')] },
      {
        comment: '// eslint-disable-next-line no-eval -- sandboxed, NOSONAR',
        expected: [d('eslint', 'next-line', ['no-eval'], 'eslint-disable-next-line no-eval -- sandboxed', 'sandboxed'), d('sonar', 'line', [], 'NOSONAR')],
      },
      // Python-only dialects mean nothing in a JS comment.
      { comment: '// nosec', expected: [] },
      { comment: '// noqa', expected: [] },
    ]);
  });

  describe('Go: golangci-lint nolint', () => {
    const alone = { standalone: true };
    runCases('go', [
      { comment: '//nolint', expected: [d('golangci-lint', 'line', [], 'nolint')] },
      { comment: '// nolint', expected: [d('golangci-lint', 'line', [], 'nolint')] },
      { comment: '//nolint:gosec', expected: [d('golangci-lint', 'line', ['gosec'], 'nolint:gosec')] },
      {
        comment: '//nolint:gosec,lll // the key is a test fixture',
        expected: [d('golangci-lint', 'line', ['gosec', 'lll'], 'nolint:gosec,lll // the key is a test fixture', 'the key is a test fixture')],
      },
      // golangci-lint lower-cases the names and treats `all` as every linter.
      { comment: '//nolint:GoSec', expected: [d('golangci-lint', 'line', ['gosec'], 'nolint:GoSec')] },
      { comment: '//nolint:all', expected: [d('golangci-lint', 'line', [], 'nolint:all')] },
      { comment: '//nolint:lll,all', expected: [d('golangci-lint', 'line', [], 'nolint:lll,all')] },
      // A blank instead of a colon: no list, so every linter.
      { comment: '//nolint gosec', expected: [d('golangci-lint', 'line', [], 'nolint')] },
      // Without `//` before the explanation the words join the linter's name, which names no linter.
      {
        comment: '//nolint:gosec because it is a test',
        expected: [d('golangci-lint', 'line', ['gosec because it is a test'], 'nolint:gosec because it is a test')],
      },
      { comment: '//nolint:gosec', options: alone, expected: [d('golangci-lint', 'declaration', ['gosec'], 'nolint:gosec')] },
      { comment: '//nolint', options: { standalone: true, leading: true }, expected: [d('golangci-lint', 'file', [], 'nolint')] },
      { comment: '//nolint:', expected: [] },
      { comment: '//nolintlint', expected: [] },
      { comment: '// we should nolint this', expected: [] },
      { comment: '/* nolint */', expected: [] },
    ]);
  });

  describe('Go: gosec', () => {
    runCases('go', [
      { comment: '// #nosec', expected: [d('gosec', 'line', [], '#nosec')] },
      { comment: '//#nosec G101', expected: [d('gosec', 'line', ['G101'], '#nosec G101')] },
      { comment: '// #nosec G101 G102 -- test fixture', expected: [d('gosec', 'line', ['G101', 'G102'], '#nosec G101 G102 -- test fixture', 'test fixture')] },
      { comment: '// #nosec: G204, G304', expected: [d('gosec', 'line', ['G204', 'G304'], '#nosec: G204, G304')] },
      // No word boundary, and words that name no rule leave every rule skipped.
      { comment: '// #nosecurity', expected: [d('gosec', 'line', [], '#nosecurity')] },
      { comment: '// #nosec this is fine', expected: [d('gosec', 'line', [], '#nosec this is fine', 'this is fine')] },
      { comment: '/* #nosec G101 */', expected: [d('gosec', 'line', ['G101'], '#nosec G101')] },
      { comment: '/*\n * wraps the legacy client\n #nosec G402\n */', expected: [d('gosec', 'line', ['G402'], '#nosec G402')] },
      { comment: '//gosec:disable G101 -- fixture', expected: [d('gosec', 'line', ['G101'], 'gosec:disable G101 -- fixture', 'fixture')] },
      { comment: '// #nosec G204', options: { standalone: true }, expected: [d('gosec', 'declaration', ['G204'], '#nosec G204')] },
      // gosec 2.9+ reads the tag at the start of the comment (or of one of its lines) only.
      { comment: '// see #nosec docs', expected: [] },
      { comment: '// gosec:disable G101', expected: [] },
      { comment: '// #NOSEC', expected: [] },
    ]);
  });

  describe('Java: Checkstyle and PMD comments', () => {
    runCases('java', [
      { comment: '// CHECKSTYLE:OFF', expected: [d('checkstyle', 'block-start', [], 'CHECKSTYLE:OFF')] },
      { comment: '// CHECKSTYLE:ON', expected: [d('checkstyle', 'block-end', [], 'CHECKSTYLE:ON')] },
      {
        comment: '/* CHECKSTYLE:OFF - generated parser */',
        expected: [d('checkstyle', 'block-start', [], 'CHECKSTYLE:OFF - generated parser', 'generated parser')],
      },
      { comment: '// SUPPRESS CHECKSTYLE MagicNumber', expected: [d('checkstyle', 'line', ['MagicNumber'], 'SUPPRESS CHECKSTYLE MagicNumber')] },
      { comment: '// checkstyle:off', expected: [] },
      { comment: '// NOPMD', expected: [d('pmd', 'line', [], 'NOPMD')] },
      {
        comment: '// NOPMD - the id comes from a constant',
        expected: [d('pmd', 'line', [], 'NOPMD - the id comes from a constant', 'the id comes from a constant')],
      },
      { comment: '/* NOPMD */', expected: [] },
      { comment: '//NOSONAR', expected: [d('sonar', 'line', [], 'NOSONAR')] },
      {
        comment: '// nosemgrep: java.lang.security.audit.formatted-sql-string',
        expected: [d('semgrep', 'line', ['java.lang.security.audit.formatted-sql-string'], 'nosemgrep: java.lang.security.audit.formatted-sql-string')],
      },
    ]);
  });

  describe('Ruby: RuboCop', () => {
    runCases('ruby', [
      { comment: '# rubocop:disable Security/Eval', expected: [d('rubocop', 'line', ['Security/Eval'], 'rubocop:disable Security/Eval')] },
      {
        comment: '# rubocop:disable Security/Eval',
        options: { standalone: true },
        expected: [d('rubocop', 'block-start', ['Security/Eval'], 'rubocop:disable Security/Eval')],
      },
      { comment: '# rubocop:enable Security/Eval', expected: [d('rubocop', 'block-end', ['Security/Eval'], 'rubocop:enable Security/Eval')] },
      {
        comment: '# rubocop:todo Metrics/AbcSize, Metrics/MethodLength',
        expected: [d('rubocop', 'line', ['Metrics/AbcSize', 'Metrics/MethodLength'], 'rubocop:todo Metrics/AbcSize, Metrics/MethodLength')],
      },
      { comment: '#rubocop : disable Security', expected: [d('rubocop', 'line', ['Security'], 'rubocop : disable Security')] },
      { comment: '# rubocop:disable all', expected: [d('rubocop', 'line', [], 'rubocop:disable all')] },
      {
        comment: '# rubocop:disable Security/Open -- the URL is a constant',
        expected: [d('rubocop', 'line', ['Security/Open'], 'rubocop:disable Security/Open -- the URL is a constant', 'the URL is a constant')],
      },
      {
        comment: '# rubocop:disable Security/Open # the URL is a constant',
        expected: [d('rubocop', 'line', ['Security/Open'], 'rubocop:disable Security/Open # the URL is a constant', 'the URL is a constant')],
      },
      {
        comment: '# frozen_string_literal: true # rubocop:disable Style/Documentation',
        expected: [d('rubocop', 'line', ['Style/Documentation'], 'rubocop:disable Style/Documentation')],
      },
      // Naming no cop is malformed: RuboCop disables nothing.
      { comment: '# rubocop:disable', expected: [] },
      { comment: '# rubocop:disabled Security/Eval', expected: [] },
      { comment: '# RuboCop:disable Security/Eval', expected: [] },
      { comment: '# see rubocop:disable in the docs', expected: [] },
      { comment: '# gitleaks:allow', expected: [d('gitleaks', 'line', [], 'gitleaks:allow')] },
    ]);
  });

  describe('PHP: PHP_CodeSniffer, PHPStan, Psalm', () => {
    const alone = { standalone: true };
    runCases('php', [
      {
        comment: '// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared',
        expected: [d('phpcs', 'line', ['WordPress.DB.PreparedSQL.NotPrepared'], 'phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared')],
      },
      {
        comment: '// phpcs:ignore WordPress.DB.PreparedSQL',
        options: alone,
        expected: [d('phpcs', 'next-line', ['WordPress.DB.PreparedSQL'], 'phpcs:ignore WordPress.DB.PreparedSQL')],
      },
      { comment: '// phpcs:ignore', expected: [d('phpcs', 'line', [], 'phpcs:ignore')] },
      {
        comment: '// phpcs:ignore WordPress.Security.EscapeOutput -- escaped by the template',
        expected: [
          d(
            'phpcs',
            'line',
            ['WordPress.Security.EscapeOutput'],
            'phpcs:ignore WordPress.Security.EscapeOutput -- escaped by the template',
            'escaped by the template',
          ),
        ],
      },
      {
        comment: '/* phpcs:disable WordPress.DB.PreparedSQL, WordPress.DB.PreparedSQLPlaceholders */',
        expected: [
          d(
            'phpcs',
            'block-start',
            ['WordPress.DB.PreparedSQL', 'WordPress.DB.PreparedSQLPlaceholders'],
            'phpcs:disable WordPress.DB.PreparedSQL, WordPress.DB.PreparedSQLPlaceholders',
          ),
        ],
      },
      { comment: '// phpcs:enable', expected: [d('phpcs', 'block-end', [], 'phpcs:enable')] },
      { comment: '// PHPCS:IgnoreFile', expected: [d('phpcs', 'file', [], 'PHPCS:IgnoreFile')] },
      {
        comment: '# @phpcs:ignore Generic.Files.LineLength',
        expected: [d('phpcs', 'line', ['Generic.Files.LineLength'], '@phpcs:ignore Generic.Files.LineLength')],
      },
      { comment: '// @codingStandardsIgnoreLine', expected: [d('phpcs', 'line', [], '@codingStandardsIgnoreLine')] },
      { comment: '// phpcs:set Generic.Files.LineLength lineLimit 120', expected: [] },
      { comment: '// we use phpcs:ignore sparingly', expected: [] },
      { comment: '// @phpstan-ignore-next-line', expected: [d('phpstan', 'next-line', [], '@phpstan-ignore-next-line')] },
      { comment: '// @phpstan-ignore-line', expected: [d('phpstan', 'line', [], '@phpstan-ignore-line')] },
      {
        comment: '// @phpstan-ignore argument.type (the stub is wrong)',
        expected: [d('phpstan', 'line', ['argument.type'], '@phpstan-ignore argument.type (the stub is wrong)', 'the stub is wrong')],
      },
      {
        comment: '// @phpstan-ignore argument.type, method.notFound',
        options: alone,
        expected: [d('phpstan', 'next-line', ['argument.type', 'method.notFound'], '@phpstan-ignore argument.type, method.notFound')],
      },
      { comment: '// @phpstan-ignore', expected: [] },
      { comment: '/** @psalm-suppress TaintedSql */', options: alone, expected: [d('psalm', 'declaration', ['TaintedSql'], '@psalm-suppress TaintedSql')] },
      {
        comment: '/**\n * Builds the report.\n * @psalm-suppress TaintedSql, TaintedHtml the ids are cast to int\n */',
        options: alone,
        expected: [
          d(
            'psalm',
            'declaration',
            ['TaintedSql', 'TaintedHtml'],
            '@psalm-suppress TaintedSql, TaintedHtml the ids are cast to int',
            'the ids are cast to int',
          ),
        ],
      },
      { comment: '/** @psalm-suppress all */', expected: [d('psalm', 'line', [], '@psalm-suppress all')] },
      // Psalm reads docblocks only.
      { comment: '// @psalm-suppress TaintedSql', expected: [] },
      { comment: '/* @psalm-suppress TaintedSql */', expected: [] },
    ]);
  });

  describe('shell: ShellCheck', () => {
    const alone = { standalone: true };
    runCases('shell', [
      { comment: '# shellcheck disable=SC2086', options: alone, expected: [d('shellcheck', 'declaration', ['SC2086'], 'shellcheck disable=SC2086')] },
      {
        comment: '# shellcheck disable=SC2086,SC2046 # word splitting is wanted here',
        options: alone,
        expected: [
          d(
            'shellcheck',
            'declaration',
            ['SC2086', 'SC2046'],
            'shellcheck disable=SC2086,SC2046 # word splitting is wanted here',
            'word splitting is wanted here',
          ),
        ],
      },
      {
        comment: '# shellcheck disable=SC2034',
        options: { standalone: true, leading: true },
        expected: [d('shellcheck', 'file', ['SC2034'], 'shellcheck disable=SC2034')],
      },
      { comment: '# shellcheck disable=all', options: alone, expected: [d('shellcheck', 'declaration', [], 'shellcheck disable=all')] },
      { comment: '# shellcheck disable=2086 source=lib.sh', options: alone, expected: [d('shellcheck', 'declaration', ['2086'], 'shellcheck disable=2086')] },
      {
        comment: '# shellcheck disable=SC1000-SC9999',
        options: alone,
        expected: [d('shellcheck', 'declaration', ['SC1000-SC9999'], 'shellcheck disable=SC1000-SC9999')],
      },
      { comment: '# shellcheck source=lib.sh', options: alone, expected: [] },
      // After a command ShellCheck rejects the directive (SC1126): it silences nothing.
      { comment: '# shellcheck disable=SC2086', options: { standalone: false }, expected: [] },
      { comment: '# ShellCheck disable=SC2086', options: alone, expected: [] },
      {
        comment: '# nosemgrep: bash.lang.security.ifs-tampering',
        options: alone,
        expected: [d('semgrep', 'next-line', ['bash.lang.security.ifs-tampering'], 'nosemgrep: bash.lang.security.ifs-tampering')],
      },
    ]);
  });

  describe('the language-agnostic scanners in every other language', () => {
    const cases: [CommentFamily, Case][] = [
      ['kotlin', { comment: '// NOSONAR - reviewed', expected: [d('sonar', 'line', [], 'NOSONAR - reviewed', 'reviewed')] }],
      [
        'csharp',
        {
          comment: '// nosemgrep: csharp.lang.security.sqli',
          expected: [d('semgrep', 'line', ['csharp.lang.security.sqli'], 'nosemgrep: csharp.lang.security.sqli')],
        },
      ],
      ['rust', { comment: '// gitleaks:allow', expected: [d('gitleaks', 'line', [], 'gitleaks:allow')] }],
      ['c-like', { comment: '// pragma: allowlist secret', expected: [d('detect-secrets', 'line', [], 'pragma: allowlist secret')] }],
      ['hash-comments', { comment: '# gitleaks:allow # test key', expected: [d('gitleaks', 'line', [], 'gitleaks:allow # test key', 'test key')] }],
      ['dash-comments', { comment: '-- NOSONAR', expected: [d('sonar', 'line', [], 'NOSONAR')] }],
      [
        'go',
        {
          comment: '// deepcode ignore HardcodedPassword: fixture',
          expected: [d('snyk', 'next-line', ['HardcodedPassword'], 'deepcode ignore HardcodedPassword: fixture', 'fixture')],
        },
      ],
      // Each language's own dialects stay in it.
      ['kotlin', { comment: '//nolint', expected: [] }],
      ['go', { comment: '# rubocop:disable all', expected: [] }],
      ['ruby', { comment: '# nosec', expected: [] }],
    ];
    for (const [family, testCase] of cases) it(`${family}: ${JSON.stringify(testCase.comment)}`, () => check(family, testCase));
  });

  describe('code: annotations, attributes, pragmas', () => {
    interface ExpectedCode {
      tool: SuppressionTool;
      scope: SuppressionScope;
      ids: string[];
      /** The source the directive's span covers. */
      text: string;
      reason?: string;
    }
    const c = (tool: SuppressionTool, scope: SuppressionScope, ids: string[], text: string, reason?: string): ExpectedCode => ({
      tool,
      scope,
      ids,
      text,
      reason,
    });
    const cases: { name: string; language: LexicalLanguage; source: string; expected: ExpectedCode[] }[] = [
      {
        name: 'Java: SuppressWarnings, SpotBugs, Android Lint; none in strings, comments or empty',
        language: 'java',
        source: `class Repo {
  @SuppressWarnings("java:S2077") // ids are validated as integers
  List<User> find(String id) { return db.query("SELECT * FROM users WHERE id = " + id); }

  @SuppressWarnings({"unchecked", "rawtypes"})
  List raw() { return list; }

  @java.lang.SuppressWarnings(value = "all")
  void legacy() {}

  @SuppressFBWarnings(value = {"SQL_INJECTION_JDBC", "HARD_CODE_PASSWORD"}, justification = "fixtures only")
  void fixtures() {}

  @SuppressFBWarnings
  void everything() {}

  @SuppressLint("SetJavaScriptEnabled")
  void web() {}

  String doc = "@SuppressWarnings(\\"all\\")"; // @SuppressWarnings("all")
  @SuppressWarnings() void none() {}
  @Override public String toString() { return ""; }
}
`,
        expected: [
          c('java', 'declaration', ['java:S2077'], '@SuppressWarnings("java:S2077") // ids are validated as integers', 'ids are validated as integers'),
          c('java', 'declaration', ['unchecked', 'rawtypes'], '@SuppressWarnings({"unchecked", "rawtypes"})'),
          c('java', 'declaration', [], '@java.lang.SuppressWarnings(value = "all")'),
          c(
            'spotbugs',
            'declaration',
            ['SQL_INJECTION_JDBC', 'HARD_CODE_PASSWORD'],
            '@SuppressFBWarnings(value = {"SQL_INJECTION_JDBC", "HARD_CODE_PASSWORD"}, justification = "fixtures only")',
            'fixtures only',
          ),
          c('spotbugs', 'declaration', [], '@SuppressFBWarnings'),
          c('android-lint', 'declaration', ['SetJavaScriptEnabled'], '@SuppressLint("SetJavaScriptEnabled")'),
        ],
      },
      {
        name: 'Kotlin: Suppress for the file and for a declaration',
        language: 'kotlin',
        source: `@file:Suppress("UNCHECKED_CAST", "kotlin:S6418")
package app

@Suppress("kotlin:S2068") // a documented default for local runs
val defaultPassword = "changeit"

@SuppressWarnings("unused")
fun helper() = 1
`,
        expected: [
          c('kotlin', 'file', ['UNCHECKED_CAST', 'kotlin:S6418'], '@file:Suppress("UNCHECKED_CAST", "kotlin:S6418")'),
          c(
            'kotlin',
            'declaration',
            ['kotlin:S2068'],
            '@Suppress("kotlin:S2068") // a documented default for local runs',
            'a documented default for local runs',
          ),
          c('kotlin', 'declaration', ['unused'], '@SuppressWarnings("unused")'),
        ],
      },
      {
        name: 'C#: pragmas and SuppressMessage, global ones included',
        language: 'csharp',
        source: `#pragma warning disable CA2100, S3649 // the table name comes from an enum
class Repo
{
    [SuppressMessage("Security", "CA3001:Review code for SQL injection vulnerabilities", Justification = "ids are parsed as int")]
    public User Find(string id) { return Query(id); }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE0051")]
    private void Unused() { }
}
#pragma warning restore CA2100, S3649
#pragma warning disable
[assembly: SuppressMessage("Security", "CA5350", Justification = "<Pending>", Scope = "member", Target = "~M:Legacy.Hash")]
var s = "#pragma warning disable"; // #pragma warning disable
`,
        expected: [
          c(
            'csharp',
            'block-start',
            ['CA2100', 'S3649'],
            '#pragma warning disable CA2100, S3649 // the table name comes from an enum',
            'the table name comes from an enum',
          ),
          c(
            'csharp',
            'declaration',
            ['CA3001'],
            '[SuppressMessage("Security", "CA3001:Review code for SQL injection vulnerabilities", Justification = "ids are parsed as int")]',
            'ids are parsed as int',
          ),
          c('csharp', 'declaration', ['IDE0051'], '[System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE0051")]'),
          c('csharp', 'block-end', ['CA2100', 'S3649'], '#pragma warning restore CA2100, S3649'),
          c('csharp', 'block-start', [], '#pragma warning disable'),
          // The placeholder Visual Studio writes is no reason.
          c(
            'csharp',
            'declaration',
            ['CA5350'],
            '[assembly: SuppressMessage("Security", "CA5350", Justification = "<Pending>", Scope = "member", Target = "~M:Legacy.Hash")]',
          ),
        ],
      },
      {
        name: 'Rust: allow and expect, outer and inner, with and without reasons',
        language: 'rust',
        source: `#![allow(dead_code, clippy::too_many_arguments)]

#[allow(unsafe_code, reason = "FFI boundary, checked by the caller")]
fn read(p: *const u8) -> u8 { unsafe { *p } }

#[expect(clippy::unwrap_used)] // test helper
fn helper() {}

#[allow(warnings)]
mod generated {}

#[derive(Debug)]
struct S;
// #[allow(warnings)]
const DOC: &str = "#[allow(warnings)]";
`,
        expected: [
          c('rust', 'file', ['dead_code', 'clippy::too_many_arguments'], '#![allow(dead_code, clippy::too_many_arguments)]'),
          c(
            'rust',
            'declaration',
            ['unsafe_code'],
            '#[allow(unsafe_code, reason = "FFI boundary, checked by the caller")]',
            'FFI boundary, checked by the caller',
          ),
          c('rust', 'declaration', ['clippy::unwrap_used'], '#[expect(clippy::unwrap_used)] // test helper', 'test helper'),
          c('rust', 'declaration', [], '#[allow(warnings)]'),
        ],
      },
    ];
    for (const testCase of cases) {
      it(testCase.name, () => {
        const structure = new LexicalStructure(scanLexically(testCase.source, testCase.language));
        const found = findCodeDirectives(structure)
          .sort((a, b) => a.comment.start - b.comment.start)
          .map(({ comment, directive }) => ({
            tool: directive.tool,
            scope: directive.scope,
            ids: directive.ids,
            text: comment.text.slice(directive.start, directive.end),
            reason: directive.reason,
          }));
        assert.deepEqual(found, testCase.expected);
      });
    }
  });

  describe('config comments (text as the config reader gives it)', () => {
    const cases: { format: ConfigFormat; file: string; expected: Expected[] }[] = [
      { format: 'dotenv', file: 'API_KEY=sk_test_abc # gitleaks:allow\n', expected: [d('gitleaks', 'line', [], 'gitleaks:allow')] },
      { format: 'yaml', file: 'password: hunter2  # pragma: allowlist secret\n', expected: [d('detect-secrets', 'line', [], 'pragma: allowlist secret')] },
      {
        format: 'yaml',
        file: '# pragma: allowlist nextline secret\npassword: hunter2\n',
        expected: [d('detect-secrets', 'next-line', [], 'pragma: allowlist nextline secret')],
      },
      { format: 'ini', file: '[db]\npassword = hunter2 ; pragma: allowlist secret\n', expected: [d('detect-secrets', 'line', [], 'pragma: allowlist secret')] },
      {
        format: 'toml',
        file: 'token = "abc" # nosemgrep: generic.secrets.security.detected-generic-secret\n',
        expected: [d('semgrep', 'line', ['generic.secrets.security.detected-generic-secret'], 'nosemgrep: generic.secrets.security.detected-generic-secret')],
      },
      {
        format: 'dockerfile',
        file: '# secretlint-disable-next-line -- demo image only\nENV TOKEN=abc\n',
        expected: [d('secretlint', 'next-line', [], 'secretlint-disable-next-line -- demo image only', 'demo image only')],
      },
      {
        format: 'yaml',
        file: 'key: value # gitleaks:allow  # rotated weekly\n',
        expected: [d('gitleaks', 'line', [], 'gitleaks:allow  # rotated weekly', 'rotated weekly')],
      },
      { format: 'yaml', file: 'key: value # nosec\n', expected: [] },
    ];
    for (const testCase of cases) {
      it(`${testCase.format}: ${JSON.stringify(testCase.file)}`, () => {
        const comments = readConfig(testCase.file, testCase.format).comments;
        assert.equal(comments.length, 1);
        const text = comments[0].text;
        const actual = parseSuppressionComment(text, 'config').map((directive) => ({
          tool: directive.tool,
          scope: directive.scope,
          ids: directive.ids,
          text: text.slice(directive.start, directive.end),
          reason: directive.reason,
        }));
        assert.deepEqual(actual, testCase.expected);
      });
    }
  });

  describe('fix helpers', () => {
    const narrowing: [string, CommentFamily, string[], string][] = [
      ['# nosec', 'python', ['B608', 'B105'], ' nosec B608, B105'],
      ['# nosec  # reviewed', 'python', ['B608'], ' nosec B608  # reviewed'],
      ['# noqa', 'python', ['S608'], ' noqa: S608'],
      ['# noqa:', 'python', ['S608'], ' noqa: S608'],
      ['# type: ignore', 'python', ['arg-type'], ' type: ignore[arg-type]'],
      ['# nosemgrep', 'python', ['rule-a'], ' nosemgrep: rule-a'],
      ['// eslint-disable-next-line -- plugin loader', 'javascript', ['no-eval'], ' eslint-disable-next-line no-eval -- plugin loader'],
      ['// biome-ignore lint: legacy', 'javascript', ['lint/security/noGlobalEval'], ' biome-ignore lint/security/noGlobalEval: legacy'],
      ['//nolint', 'go', ['gosec'], 'nolint:gosec'],
      ['//nolint // fixture', 'go', ['gosec'], 'nolint:gosec // fixture'],
      ['// #nosec', 'go', ['G101', 'G204'], ' #nosec G101 G204'],
      ['// phpcs:ignore', 'php', ['WordPress.DB.PreparedSQL'], ' phpcs:ignore WordPress.DB.PreparedSQL'],
    ];
    for (const [comment, family, ids, expected] of narrowing) {
      it(`narrows ${JSON.stringify(comment)} to ${ids.join(', ')}`, () => {
        const { text, kind } = strip(comment);
        const [directive] = parseSuppressionComment(text, family, kind ? { kind } : {});
        assert.equal(insertIds(text, directive, ids), expected);
        const [reparsed] = parseSuppressionComment(expected, family, kind ? { kind } : {});
        assert.deepEqual(reparsed.ids, ids);
      });
    }
    // `//nolint gosec` would become `nolint:gosec gosec`, a linter that does not exist; `all` is a word to replace.
    for (const [comment, family] of [
      ['//nolint gosec', 'go'],
      ['//nolint:all', 'go'],
      ['# rubocop:disable all', 'ruby'],
    ] as const) {
      it(`does not narrow ${JSON.stringify(comment)}`, () => {
        const { text } = strip(comment);
        const [directive] = parseSuppressionComment(text, family);
        assert.equal(insertIds(text, directive, ['gosec']), undefined);
      });
    }

    const justifying: [string, CommentFamily, string][] = [
      ['# nosec B608', 'python', ' nosec B608  # REASON'],
      ['# type: ignore[arg-type]', 'python', ' type: ignore[arg-type]  # REASON'],
      ['# noqa: S608', 'python', ' noqa: S608 -- REASON'],
      ['// eslint-disable-next-line no-eval', 'javascript', ' eslint-disable-next-line no-eval -- REASON'],
      ['// @ts-expect-error', 'javascript', ' @ts-expect-error: REASON'],
      ['// deepcode ignore Sqli:', 'javascript', ' deepcode ignore Sqli: REASON'],
      ['// biome-ignore lint/style/noVar:', 'javascript', ' biome-ignore lint/style/noVar: REASON'],
      ['//nolint:gosec', 'go', 'nolint:gosec // REASON'],
      ['// #nosec G101', 'go', ' #nosec G101 -- REASON'],
      ['// CHECKSTYLE:OFF', 'java', ' CHECKSTYLE:OFF -- REASON'],
      ['// NOPMD', 'java', ' NOPMD -- REASON'],
      ['# rubocop:disable Security/Eval', 'ruby', ' rubocop:disable Security/Eval -- REASON'],
      ['// phpcs:ignore WordPress.DB.PreparedSQL', 'php', ' phpcs:ignore WordPress.DB.PreparedSQL -- REASON'],
      ['// @phpstan-ignore argument.type', 'php', ' @phpstan-ignore argument.type (REASON)'],
      ['// @phpstan-ignore-line', 'php', ' @phpstan-ignore-line -- REASON'],
      ['/** @psalm-suppress TaintedSql */', 'php', '* @psalm-suppress TaintedSql -- REASON '],
      ['# shellcheck disable=SC2086', 'shell', ' shellcheck disable=SC2086 # REASON'],
    ];
    for (const [comment, family, expected] of justifying) {
      it(`justifies ${JSON.stringify(comment)}`, () => {
        const { text, kind } = strip(comment);
        const options: CommentOptions = { ...(kind ? { kind } : {}), standalone: true };
        const [directive] = parseSuppressionComment(text, family, options);
        assert.equal(insertReason(text, directive, 'REASON'), expected);
        const [reparsed] = parseSuppressionComment(expected, family, options);
        assert.equal(reparsed.reason, 'REASON');
        assert.deepEqual(reparsed.ids, directive.ids, 'the reason must not change what is suppressed');
      });
    }
  });

  describe('linear time', () => {
    const adversarial: [(size: number) => string, CommentFamily][] = [
      [(size) => '#'.repeat(size), 'python'],
      [(size) => ' nosec'.repeat(size / 6), 'python'],
      [(size) => ' nosec ' + 'B1,'.repeat(size / 3), 'python'],
      [(size) => '# noqa-x '.repeat(size / 9), 'python'],
      [(size) => ' noqa:' + 'S'.repeat(size), 'python'],
      [(size) => '# type: ignore['.repeat(size / 15), 'python'],
      [(size) => ' pylint: disable=' + 'a, disable-next '.repeat(size / 17), 'python'],
      [(size) => ' pylint: ' + 'disable=a enable=b '.repeat(size / 19), 'python'],
      [(size) => 'xnosem'.repeat(size / 6), 'python'],
      [(size) => ' pragma:'.repeat(size / 8), 'python'],
      [(size) => 'secretlint-x'.repeat(size / 12), 'python'],
      [(size) => 'secretlint-disable\n'.repeat(size / 19), 'javascript'],
      [(size) => 'biome-ignore lint\n'.repeat(size / 18), 'javascript'],
      [(size) => 'biome-ignore lint: x\n'.repeat(size / 21), 'javascript'],
      [(size) => 'secretlint-disable a -- b\n'.repeat(size / 26), 'javascript'],
      [(size) => ' eslint-disable-line ' + ' --x'.repeat(size / 4), 'javascript'],
      [(size) => ' eslint ' + 'a:['.repeat(size / 3), 'javascript'],
      [(size) => '-'.repeat(size), 'javascript'],
      [(size) => ' '.repeat(size) + '@ts-ignore', 'javascript'],
      [(size) => 'gitleaks:allo'.repeat(size / 13), 'config'],
      [(size) => 'nolint:' + 'a,'.repeat(size / 2), 'go'],
      [(size) => 'nolint:gosec ' + '/'.repeat(size), 'go'],
      [(size) => ' #nosec ' + 'G1x'.repeat(size / 3), 'go'],
      [(size) => '\n #nose'.repeat(size / 7), 'go'],
      [(size) => ' CHECKSTYLE:OF SUPPRESS CHECKSTYLE '.repeat(size / 35), 'java'],
      [(size) => ' NOPMD'.repeat(size / 6), 'java'],
      [(size) => ' rubocop:disable ' + 'Ab/'.repeat(size / 3), 'ruby'],
      [(size) => ' rubocop:disable ' + 'Ab, '.repeat(size / 4), 'ruby'],
      [(size) => '# rubocop:disable A '.repeat(size / 20), 'ruby'],
      [(size) => 'phpcs:ignore a,\n'.repeat(size / 16), 'php'],
      [(size) => ' @codingStandardsIgnore'.repeat(size / 23), 'php'],
      [(size) => ' @phpstan-ignore '.repeat(size / 17), 'php'],
      [(size) => ' @phpstan-ignore a (b'.repeat(size / 21), 'php'],
      [(size) => '* @psalm-suppress A '.repeat(size / 20), 'php'],
      [(size) => '* @psalm-suppress A\n'.repeat(size / 20), 'php'],
      [(size) => ' shellcheck disable=' + 'SC1,'.repeat(size / 4), 'shell'],
      [(size) => ' shellcheck ' + 'disable=a '.repeat(size / 10), 'shell'],
      [(size) => ' NOSONAR'.repeat(size / 8), 'kotlin'],
    ];
    for (const [build, family] of adversarial) {
      it(`reads ${JSON.stringify(build(240).slice(0, 24))}… (${family}) in linear time`, () =>
        assertGrowth(build, (text) => parseSuppressionComment(text, family, { standalone: true }), 16_000));
    }
  });
});

interface ExpectedSwitch {
  tool: SuppressionTool;
  ids: string[];
  /** The file text the reported span covers. */
  at: string;
  configScope: string[] | undefined;
  reason?: string;
}

function s(tool: SuppressionTool, ids: string[], at: string, configScope: string[] | undefined, reason?: string): ExpectedSwitch {
  return { tool, ids, at, configScope, reason };
}

function checkSwitches(path: string, text: string, expected: ExpectedSwitch[]): void {
  const found = findConfigSwitches(path, text);
  const actual = found.map(({ directive, span }) => ({
    tool: directive.tool,
    ids: directive.ids,
    at: text.slice(span.start, span.end),
    configScope: directive.configScope,
    reason: directive.reason,
  }));
  assert.deepEqual(actual, expected);
  for (const { directive, span } of found) {
    assert.equal(directive.scope, 'config');
    assert.deepEqual([directive.start, directive.end], [span.start, span.end]);
  }
}

describe('config switches', () => {
  it('pyproject.toml: Bandit skips, assert_used globs, Ruff S rules in ignore and per-file-ignores', () => {
    const text = [
      '[project]',
      'name = "shop"',
      '',
      '[tool.bandit]',
      'exclude_dirs = ["tests", "migrations"]',
      'skips = ["B101", \'B608\']  # asserts and the report builder were reviewed',
      '',
      '[tool.bandit.assert_used]',
      'skips = ["*_test.py", "tests/*.py"]',
      '',
      '[tool.ruff]',
      'line-length = 100',
      'extend-ignore = ["E501"]',
      '',
      '[tool.ruff.lint]',
      'select = ["E", "F", "S", "SIM"]',
      'ignore = [',
      '    "E501",',
      '    "S608",  # query builder is reviewed',
      '    "SIM108",',
      '    "S3",',
      ']',
      '',
      '[tool.ruff.lint.per-file-ignores]',
      '"tests/**" = ["S101", "E402"]',
      '"scripts/*.py" = ["S"]',
      '',
    ].join('\n');
    checkSwitches('pyproject.toml', text, [
      s('bandit', ['B101'], 'B101', [], 'asserts and the report builder were reviewed'),
      s('bandit', ['B608'], 'B608', [], 'asserts and the report builder were reviewed'),
      s('bandit', ['B101'], '*_test.py', ['*_test.py']),
      s('bandit', ['B101'], 'tests/*.py', ['tests/*.py']),
      s('ruff', ['S608'], 'S608', [], 'query builder is reviewed'),
      s('ruff', ['S3'], 'S3', []),
      s('ruff', ['S101'], 'S101', ['tests/**']),
      s('ruff', ['S'], 'S', ['scripts/*.py']),
    ]);
  });

  it('ruff.toml: lint table, inline per-file table, ALL, dotted keys', () => {
    const text = [
      'line-length = 120',
      'lint.extend-ignore = ["S105"]',
      '[lint]',
      'ignore = ["ALL"]',
      'per-file-ignores = { "a.py" = ["S603", "F401"], "b/**" = ["SLF001"] }',
      '[lint.extend-per-file-ignores]',
      '"c.py" = ["S"]',
    ].join('\n');
    checkSwitches('sub/ruff.toml', text, [
      s('ruff', ['S105'], 'S105', []),
      s('ruff', ['ALL'], 'ALL', []),
      s('ruff', ['S603'], 'S603', ['a.py']),
      s('ruff', ['S'], 'S', ['c.py']),
    ]);
  });

  it('setup.cfg and tox.ini: [bandit] skips, one line or continuation lines', () => {
    checkSwitches('setup.cfg', '[metadata]\nname = shop\n\n[bandit]\nskips = B608,B105\ntargets = src\n', [
      s('bandit', ['B608'], 'B608', []),
      s('bandit', ['B105'], 'B105', []),
    ]);
    checkSwitches('tox.ini', '[tox]\nenvlist = py312\n[bandit]\nskips =\n    B101,\n    B311\nexclude = .tox\n', [
      s('bandit', ['B101'], 'B101', []),
      s('bandit', ['B311'], 'B311', []),
    ]);
    checkSwitches('setup.cfg', '[flake8]\nskips = B608\n', []);
  });

  it('.bandit: INI when it has a [bandit] section, YAML otherwise', () => {
    checkSwitches('.bandit', '[bandit]\nskips: B404\n', [s('bandit', ['B404'], 'B404', [])]);
    checkSwitches('.bandit', 'skips:\n  - B101 # tests only\n  - "B608"\n', [
      s('bandit', ['B101'], 'B101', [], 'tests only'),
      s('bandit', ['B608'], 'B608', []),
    ]);
  });

  it('bandit.yaml: flow list, assert_used globs; tests and exclude_dirs are not switches', () => {
    const text = "exclude_dirs: ['tests']\ntests: [B201, B301]\nskips: [B608, 'B105']\nassert_used:\n  skips: ['*_test.py', '*/test_*.py']\n";
    checkSwitches('config/bandit.yaml', text, [
      s('bandit', ['B608'], 'B608', []),
      s('bandit', ['B105'], 'B105', []),
      s('bandit', ['B101'], '*_test.py', ['*_test.py']),
      s('bandit', ['B101'], '*/test_*.py', ['*/test_*.py']),
    ]);
  });

  it('.eslintrc.json: security rules off, in rules and in overrides with their files', () => {
    const text = [
      '{',
      '  // kept for the legacy build',
      '  "plugins": ["security"],',
      '  "rules": {',
      '    "no-eval": "off",',
      '    "security/detect-object-injection": 0, // too noisy',
      '    "security/detect-non-literal-regexp": ["off", {}],',
      '    "no-console": "off",',
      '    "react/no-danger": "warn",',
      '    "no-unsanitized/property": "error"',
      '  },',
      '  "overrides": [',
      '    { "files": ["*.test.js", "scripts/**"], "rules": { "no-new-func": "OFF" } },',
      '    { "files": "legacy/*.js", "rules": { "no-implied-eval": [0] } }',
      '  ]',
      '}',
    ].join('\n');
    checkSwitches('.eslintrc.json', text, [
      s('eslint', ['no-eval'], 'no-eval', []),
      s('eslint', ['security/detect-object-injection'], 'security/detect-object-injection', [], 'too noisy'),
      s('eslint', ['security/detect-non-literal-regexp'], 'security/detect-non-literal-regexp', []),
      s('eslint', ['no-new-func'], 'no-new-func', ['*.test.js', 'scripts/**']),
      s('eslint', ['no-implied-eval'], 'no-implied-eval', ['legacy/*.js']),
    ]);
  });

  it('.eslintrc.yml: plain, flow and quoted severities; block and flow overrides', () => {
    const text = [
      'plugins: [security]',
      'rules:',
      '  no-eval: off',
      '  security/detect-child-process: [off]',
      '  security/detect-eval-with-expression: "0"',
      '  eqeqeq: off',
      'overrides:',
      '  - files: ["*.spec.ts"]',
      '    rules:',
      '      no-unsanitized/method: 0 # test fixtures',
      '  - files:',
      '      - scripts/**',
      '    rules: { "@microsoft/sdl/no-inner-html": off, no-new-func: error }',
      '',
    ].join('\n');
    checkSwitches('.eslintrc.yml', text, [
      s('eslint', ['no-eval'], 'no-eval', []),
      s('eslint', ['security/detect-child-process'], 'security/detect-child-process', []),
      s('eslint', ['no-unsanitized/method'], 'no-unsanitized/method', ['*.spec.ts'], 'test fixtures'),
      s('eslint', ['@microsoft/sdl/no-inner-html'], '@microsoft/sdl/no-inner-html', ['scripts/**']),
    ]);
  });

  it('.eslintrc (JSON or YAML) and package.json eslintConfig', () => {
    checkSwitches('.eslintrc', '{ "rules": { "security/detect-unsafe-regex": "off" } }', [
      s('eslint', ['security/detect-unsafe-regex'], 'security/detect-unsafe-regex', []),
    ]);
    checkSwitches('.eslintrc', 'rules:\n  security-node/detect-crlf: 0\n', [s('eslint', ['security-node/detect-crlf'], 'security-node/detect-crlf', [])]);
    checkSwitches(
      'web/package.json',
      '{"name":"web","eslintConfig":{"rules":{"no-eval":0,"@typescript-eslint/no-implied-eval":"off"}},"rules":{"no-eval":"off"}}',
      [s('eslint', ['no-eval'], 'no-eval', []), s('eslint', ['@typescript-eslint/no-implied-eval'], '@typescript-eslint/no-implied-eval', [])],
    );
  });

  it('eslint.config.mjs: flat config entries, files scope, spread rules are not switches', () => {
    const text = [
      'import security from "eslint-plugin-security";',
      'export default [',
      '  security.configs.recommended,',
      '  { rules: { ...security.configs.recommended.rules, "security/detect-object-injection": "off" } },',
      '  {',
      '    files: ["test/**/*.js", ...extraFixtures],',
      '    rules: {',
      "      'no-eval': ['off'], // fixtures build code at run time",
      '      "no-new-func": 0,',
      '      "no-console": "off",',
      '      "security/detect-possible-timing-attacks": "error",',
      '    },',
      '    settings: { "no-eval": "off" },',
      '  },',
      '];',
    ].join('\n');
    checkSwitches('eslint.config.mjs', text, [
      s('eslint', ['security/detect-object-injection'], 'security/detect-object-injection', []),
      s('eslint', ['no-eval'], 'no-eval', ['test/**/*.js', '...extraFixtures'], 'fixtures build code at run time'),
      s('eslint', ['no-new-func'], 'no-new-func', ['test/**/*.js', '...extraFixtures']),
    ]);
  });

  it('eslint.config.ts and .eslintrc.cjs: `as const`, legacy overrides', () => {
    checkSwitches('eslint.config.ts', "export default [{ files: ['**/*.ts'], rules: { 'security/detect-object-injection': 'off' as const } }];\n", [
      s('eslint', ['security/detect-object-injection'], 'security/detect-object-injection', ['**/*.ts']),
    ]);
    checkSwitches('.eslintrc.cjs', "module.exports = { overrides: [{ files: ['*.test.js'], rules: { 'no-eval': 0 } }] };\n", [
      s('eslint', ['no-eval'], 'no-eval', ['*.test.js']),
    ]);
    checkSwitches('eslint.config.js', 'export default [{ rules: { "no-eval": "off" ', []);
  });

  it('.semgrepignore: every pattern but comments, blanks and re-includes', () => {
    checkSwitches('.semgrepignore', '# vendored code\nvendor/\n\n!vendor/ours/\n  tests/fixtures/*.py  \n:include .gitignore\n', [
      s('semgrep', [], 'vendor/', ['vendor/']),
      s('semgrep', [], 'tests/fixtures/*.py', ['tests/fixtures/*.py']),
      s('semgrep', [], ':include .gitignore', [':include .gitignore']),
    ]);
  });

  it('.gitleaksignore: each fingerprint, scoped to its file', () => {
    const commit = 'abc123def456abc123def456abc123def456abcd';
    checkSwitches(
      '.gitleaksignore',
      `# reviewed 2024-05\n${commit}:config/app.env:generic-api-key:12\r\ntest/data.json:aws-access-token:3\nnot-a-fingerprint\n`,
      [
        s('gitleaks', [`${commit}:config/app.env:generic-api-key:12`], `${commit}:config/app.env:generic-api-key:12`, ['config/app.env']),
        s('gitleaks', ['test/data.json:aws-access-token:3'], 'test/data.json:aws-access-token:3', ['test/data.json']),
        s('gitleaks', ['not-a-fingerprint'], 'not-a-fingerprint', undefined),
      ],
    );
  });

  it('does not read switches out of strings, block scalars or other tables', () => {
    checkSwitches('pyproject.toml', '[project]\ndescription = """\n[tool.bandit]\nskips = ["B101"]\n"""\n[tool.other]\nskips = ["B102"]\n', []);
    checkSwitches('bandit.yaml', 'notes: |\n  skips: [B101]\nprofile:\n  skips: [B102]\nskips:\n- B608\n- B105\n', [
      s('bandit', ['B608'], 'B608', []),
      s('bandit', ['B105'], 'B105', []),
    ]);
    checkSwitches('.eslintrc.json', '{ "settings": { "rules": { "no-eval": "off" } }, "rules": { "x": "off", "no-eval": "error" } }', []);
  });

  it('reads YAML switches as the config reader reads the file: folded and quoted values over lines, flow keys without a blank', () => {
    checkSwitches('bandit.yaml', 'skips: B101,\n  B608\nassert_used:\n  skips: "tests/*.py,\n    *_test.py"\n', [
      s('bandit', ['B101'], 'B101', []),
      s('bandit', ['B608'], 'B608', []),
      s('bandit', ['B101'], 'tests/*.py', ['tests/*.py']),
      s('bandit', ['B101'], '*_test.py', ['*_test.py']),
    ]);
    checkSwitches('.eslintrc.yml', 'overrides: [{files: [a.js], rules:{no-eval: off}}]\n', [s('eslint', ['no-eval'], 'no-eval', ['a.js'])]);
    // A line that breaks out of its map is left out, not read as a key of the document.
    checkSwitches('.eslintrc.yml', 'rules:\n  semi: [2,\nx]\n  no-eval: off\n', []);
  });

  it('ignores other files and unreadable ones', () => {
    checkSwitches('README.md', 'skips = ["B101"]', []);
    checkSwitches('src/pyproject.toml.bak', '[tool.bandit]\nskips = ["B101"]\n', []);
    checkSwitches('pyproject.toml', '[tool.bandit]\nskips = ["B101"\nname = "x"\n', []);
    checkSwitches('.eslintrc.json', '{ "rules": { "no-eval": ', []);
    checkSwitches('bandit.yaml', 'skips: [B101\nother: 1\n', []);
  });

  describe('deeply nested and large configs', () => {
    const configs: [string, (size: number) => string][] = [
      ['.eslintrc.json', (size) => '['.repeat(size)],
      ['pyproject.toml', (size) => `x = ${'['.repeat(size)}`],
      ['bandit.yaml', (size) => `skips: ${'['.repeat(size)}`],
      ['bandit.yaml', (size) => 'a: [\n'.repeat(size / 2)],
      ['.bandit', (size) => '\n'.repeat(size * 5)],
      ['bandit.yaml', (size) => `skips:\n${'- '.repeat(size)}B101\n`],
    ];
    for (const [file, build] of configs) {
      it(`reads ${file} holding ${JSON.stringify(build(8).slice(0, 12))}… without stack overflow, in linear time`, async () => {
        checkSwitches(file, build(100_000), []);
        await assertGrowth(build, (text) => checkSwitches(file, text, []), 4_000);
      });
    }
  });
});
