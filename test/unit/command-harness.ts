// Shared by the whole-command tests of both languages: run the real string-built-command rule (so
// its pre-filters are exercised too) through the rule tester, and check one finding's line,
// severity, exact message, related locations and fix, or that a file has none.
import { strict as assert } from 'node:assert';
import stringBuiltCommand from '../../src/core/rules/string-built-command';
import { RuleTester } from './rule-tester';

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

const tester = new RuleTester({ rules: [stringBuiltCommand] });

export async function checkTrueCase(path: string, expected: TrueCase): Promise<void> {
  await tester.checkInvalid({
    name: expected.name,
    path,
    code: expected.source,
    errors: [{ message: expected.message, line: expected.line, severity: expected.severity, fixes: expected.fixTitle ? [expected.fixTitle] : [] }],
  });
  // The related locations named, among others the finding may have.
  const finding = await tester.only({ path, code: expected.source });
  for (const [line, fragment] of expected.related ?? []) {
    assert.ok(
      (finding.related ?? []).some((location) => location.range.start.line + 1 === line && location.message.includes(fragment)),
      `no related location on line ${line} saying "${fragment}": ${JSON.stringify(finding.related)}`,
    );
  }
}

export async function checkSafeCase(path: string, safe: SafeCase): Promise<void> {
  await tester.checkValid({ name: safe.name, path, code: safe.source });
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
