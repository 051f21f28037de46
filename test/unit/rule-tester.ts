// One harness for rule tests, in the spirit of typescript-eslint's RuleTester: a table of `valid`
// sources (no finding) and `invalid` ones (exactly these findings, and exactly this text after
// `lastline scan --fix`), each run through the real engine with the real fix application, each an
// `it` of its own. Sources are written as code with `dedent`, not as escaped one-line strings.
import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../src/core/config';
import { applyTextEdits, chooseFixes } from '../../src/core/edits';
import { analyze } from '../../src/core/engine';
import type { ProjectFacts, Rule } from '../../src/core/rule';
import { LineIndex } from '../../src/core/text';
import type { Category, FileAppend, Finding, Fix, Range, Severity } from '../../src/core/types';

/**
 * A template-literal tag for sources: drops the line break after the opening backtick and the
 * indentation before the closing one, and strips the indentation the literal's lines share.
 * Interpolated values are inserted as they are (a multi-line value keeps its own indentation).
 */
export function dedent(strings: TemplateStringsArray, ...values: unknown[]): string {
  const parts = strings.map((part) => part);
  parts[0] = parts[0].replace(/^[ \t]*\n/, '');
  const last = parts.length - 1;
  parts[last] = parts[last].replace(/\n[ \t]*$/, '\n');
  // Line starts are the start of the text and every position after a line break in a literal part.
  const lineStarts = parts.flatMap((part, index) => part.split('\n').slice(index === 0 ? 0 : 1));
  const indents = lineStarts.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0]);
  const common = indents.reduce((prefix, indent) => {
    let length = 0;
    while (length < prefix.length && prefix[length] === indent[length]) length++;
    return prefix.slice(0, length);
  }, indents[0] ?? '');
  const strip = (line: string) => (line.startsWith(common) ? line.slice(common.length) : line.trimStart());
  const dedented = parts.map((part, index) =>
    part
      .split('\n')
      .map((line, lineIndex) => (lineIndex > 0 || index === 0 ? strip(line) : line))
      .join('\n'),
  );
  return dedented.reduce((text, part, index) => text + String(values[index - 1]) + part);
}

/**
 * Text compared exactly, or only its start (a message that ends in another rule's message), or
 * matched by a regular expression (the part of a long message a case is about).
 */
export type ExpectedText = string | RegExp | { startsWith: string };

export function startsWith(prefix: string): { startsWith: string } {
  return { startsWith: prefix };
}

export interface ExpectedRelated {
  /** 1-based. */
  line: number;
  message: ExpectedText;
}

/** A fix, by title alone or with the exact text it produces and what else it asserts. */
export type ExpectedFix =
  | string
  | {
      title: string;
      /** The source after this fix's edits alone. */
      output?: string;
      /** Its appends to other files (`.env`, `.gitignore`, …); `null` asserts it has none. */
      files?: readonly FileAppend[] | null;
      safe?: boolean;
      /** The rule a "record as accepted in .lastline.json" fix names; `null` asserts it is no such fix. */
      allowlist?: string | null;
    };

export interface ExpectedFinding {
  /** Defaults to the tester's rule when it tests one rule. */
  ruleId?: string;
  message: ExpectedText;
  /** 1-based, as the CLI prints them. */
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  /** The exact source text the finding's range covers. */
  flagged?: string;
  /** Every related location, in order. */
  related?: readonly ExpectedRelated[];
  /** Every fix, in order. */
  fixes?: readonly ExpectedFix[];
}

interface CaseBase {
  /** The title: `reports …` / `does not report …` is put before it. */
  name: string;
  code: string;
  /** Defaults to the tester's path. */
  path?: string;
  /** Options of the rule under test (`rules.<id>.options` in `.lastline.json`). */
  options?: Record<string, unknown>;
  project?: ProjectFacts;
  ignoredByGit?: boolean;
}

export type ValidCase = CaseBase;

export interface InvalidCase extends CaseBase {
  /** Every finding under test, in the engine's order (by position). */
  errors: readonly ExpectedFinding[];
  /**
   * The source after `lastline scan --fix` (each finding's first safe fix that does not overlap
   * one already chosen). Omitted: asserts that --fix changes nothing.
   */
  output?: string;
}

export interface RuleTesterOptions {
  /** The rules the engine runs; all of them by default (a rule that judges others' findings needs them). */
  rules?: readonly Rule[];
  /** Which findings are under test: these rule ids (default: the ids of `rules`), or a whole category. */
  ruleIds?: readonly string[];
  category?: Category;
  /** The default path of a case. */
  path?: string;
}

export interface RunInput {
  path?: string;
  code: string;
  options?: Record<string, unknown>;
  project?: ProjectFacts;
  ignoredByGit?: boolean;
}

export class RuleTester {
  constructor(private readonly setup: RuleTesterOptions = {}) {
    assert.ok(setup.ruleIds || setup.category || setup.rules, 'say which findings are under test: rules, ruleIds or category');
  }

  private get ruleIds(): readonly string[] | undefined {
    return this.setup.ruleIds ?? (this.setup.category ? undefined : this.setup.rules?.map((rule) => rule.meta.id));
  }

  /** The findings under test for one source, through the real engine; no rule may fail. */
  async findings(input: RunInput): Promise<Finding[]> {
    const path = input.path ?? this.setup.path;
    assert.ok(path, 'a case needs a path (or the tester a default one)');
    const config = defaultConfig();
    for (const id of this.ruleIds ?? []) if (input.options) config.rules[id] = { options: input.options };
    const result = await analyze({ path, text: input.code, ignoredByGit: input.ignoredByGit }, { config, rules: this.setup.rules, project: input.project });
    assert.deepEqual(result.ruleErrors, []);
    const ids = this.ruleIds;
    return result.findings.filter((finding) => (ids ? ids.includes(finding.ruleId) : finding.category === this.setup.category));
  }

  /** The one finding under test for a source (fails listing them when there are more or none). */
  async only(input: RunInput): Promise<Finding> {
    const found = await this.findings(input);
    assert.equal(found.length, 1, JSON.stringify(found.map(summary), null, 1));
    return found[0];
  }

  /** Registers one `it` per case in the current `describe`. */
  run(tests: { valid?: readonly ValidCase[]; invalid?: readonly InvalidCase[] }): void {
    for (const testCase of tests.invalid ?? []) it(`reports ${testCase.name}`, () => this.checkInvalid(testCase));
    for (const testCase of tests.valid ?? []) it(`does not report ${testCase.name}`, () => this.checkValid(testCase));
  }

  async checkValid(testCase: ValidCase): Promise<void> {
    assert.deepEqual((await this.findings(testCase)).map(summary), []);
  }

  async checkInvalid(testCase: InvalidCase): Promise<void> {
    const found = await this.findings(testCase);
    const { code } = testCase;
    assert.equal(found.length, testCase.errors.length, `expected ${testCase.errors.length} finding(s), got ${JSON.stringify(found.map(summary), null, 1)}`);
    found.forEach((finding, index) => this.checkFinding(code, finding, testCase.errors[index], index));
    const chosen = chooseFixes(found, code, (fix) => fix.safe);
    assert.equal(applyTextEdits(code, chosen.edits), testCase.output ?? code, 'the source after --fix');
  }

  private checkFinding(code: string, finding: Finding, expected: ExpectedFinding, index: number): void {
    const ids = this.ruleIds;
    const ruleId = expected.ruleId ?? (ids?.length === 1 ? ids[0] : undefined);
    assert.ok(ruleId, 'name the ruleId of each finding when the tester covers several rules');
    const { start, end } = finding.range;
    const actual = {
      ruleId: finding.ruleId,
      message: textAsExpected(finding.message, expected.message),
      line: start.line + 1,
      ...(expected.column === undefined ? {} : { column: start.character + 1 }),
      ...(expected.endLine === undefined ? {} : { endLine: end.line + 1 }),
      ...(expected.endColumn === undefined ? {} : { endColumn: end.character + 1 }),
      severity: finding.severity,
      ...(expected.flagged === undefined ? {} : { flagged: textOf(code, finding.range) }),
      ...(expected.related === undefined
        ? {}
        : { related: (finding.related ?? []).map((location, at) => relatedAsExpected(location, expected.related?.[at])) }),
      ...(expected.fixes === undefined ? {} : { fixes: finding.fixes.map((fix, at) => fixAsExpected(code, fix, expected.fixes?.[at])) }),
    };
    assert.deepEqual(actual, { ...expected, ruleId }, `finding ${index + 1}`);
    if (this.setup.rules?.length === 1) assert.equal(finding.category, this.setup.rules[0].meta.category);
    if (this.setup.category) assert.equal(finding.category, this.setup.category);
  }
}

function summary(finding: Finding): string {
  return `${finding.ruleId} ${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity}: ${finding.message}`;
}

/** The actual text, or the expectation when the text meets it (so deepEqual shows the whole text otherwise). */
function textAsExpected(actual: string, expected: ExpectedText | undefined): ExpectedText {
  if (expected instanceof RegExp) return expected.test(actual) ? expected : actual;
  return typeof expected === 'object' && actual.startsWith(expected.startsWith) ? expected : actual;
}

function relatedAsExpected(location: NonNullable<Finding['related']>[number], expected: ExpectedRelated | undefined): ExpectedRelated {
  return { line: location.range.start.line + 1, message: textAsExpected(location.message, expected?.message) };
}

/** The fix in the shape the expectation takes: its title, plus each field the expectation names. */
function fixAsExpected(code: string, fix: Fix, expected: ExpectedFix | undefined): ExpectedFix {
  if (expected === undefined || typeof expected === 'string') return fix.title;
  return {
    title: fix.title,
    ...(expected.output === undefined ? {} : { output: applyTextEdits(code, fix.edits) }),
    ...(expected.files === undefined ? {} : { files: fix.files ?? null }),
    ...(expected.safe === undefined ? {} : { safe: fix.safe }),
    ...(expected.allowlist === undefined ? {} : { allowlist: fix.allowlist?.rule ?? null }),
  };
}

/** The source text a range covers. */
export function textOf(code: string, range: Range): string {
  const lines = new LineIndex(code);
  return code.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}
