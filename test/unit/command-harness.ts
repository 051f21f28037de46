// Shared by the whole-command tests of both languages: run the real string-built-command rule (so
// its pre-filters are exercised too) and check one finding's line, severity, exact message,
// related locations and fix, or that a file has none.
import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core/engine';
import stringBuiltCommand from '../../src/core/rules/string-built-command';
import type { Finding } from '../../src/core/types';

export interface TrueCase {
  name: string;
  source: string;
  /** 1-based line of the flagged sink. */
  line: number;
  severity: 'error' | 'warning';
  message: string;
  /** 1-based lines of the related locations, with a fragment of each message. */
  related?: [number, string][];
  /** The fix's title when one is offered; none otherwise. */
  fixTitle?: string;
}

export interface SafeCase {
  name: string;
  source: string;
}

export async function commandFindings(path: string, text: string): Promise<Finding[]> {
  const result = await analyze({ path, text }, { rules: [stringBuiltCommand] });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings;
}

export async function checkTrueCase(path: string, expected: TrueCase): Promise<void> {
  const found = await commandFindings(path, expected.source);
  assert.equal(
    found.length,
    1,
    JSON.stringify(
      found.map((finding) => `${finding.range.start.line + 1}: ${finding.message}`),
      null,
      1,
    ),
  );
  const [finding] = found;
  assert.equal(finding.category, 'string-built-command');
  assert.equal(finding.message, expected.message);
  assert.equal(finding.range.start.line + 1, expected.line);
  assert.equal(finding.severity, expected.severity);
  for (const [line, fragment] of expected.related ?? []) {
    assert.ok(
      (finding.related ?? []).some((location) => location.range.start.line + 1 === line && location.message.includes(fragment)),
      `no related location on line ${line} saying "${fragment}": ${JSON.stringify(finding.related)}`,
    );
  }
  assert.deepEqual(
    finding.fixes.map((fix) => fix.title),
    expected.fixTitle ? [expected.fixTitle] : [],
  );
}

export async function checkSafeCase(path: string, safe: SafeCase): Promise<void> {
  const found = await commandFindings(path, safe.source);
  assert.deepEqual(
    found.map((finding) => `${finding.range.start.line + 1}: ${finding.message}`),
    [],
  );
}

/** The shared ending of a whole-command message, with the language's argument-list form. */
export function wholeEnding(listForm: string): string {
  return `, so whoever supplies it chooses what runs. Run a fixed program and pass the value as one of its arguments (${listForm}), or map the value to one of a few constant commands.`;
}

/** The shared ending of a built-command message through a shell. */
export function builtEnding(listForm: string, quoting = ''): string {
  return `. A value containing \`;\`, \`|\`, \`$( )\` or quotes runs other commands: pass the program and its arguments as a list (${listForm})${quoting}.`;
}

export const HELPER_NO_FIX = ' No automatic fix: the command is built where the helper function is called.';

export function scriptNoFix(shell: string): string {
  return ` No automatic fix: the script runs through \`${shell}\`: keep the script constant and pass each value after it as a positional parameter ("$1").`;
}
