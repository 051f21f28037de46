// The fixes the secret rules offer, as rule-tester expectations shared by the secret tests.
import type { FileAppend } from '../../src/core/types';

/** The title of the fix that records a finding as accepted in `.lastline.json`. */
export const RECORD_FALSE_POSITIVE = 'Record as a false positive in .lastline.json…';

/** What "move to environment" appends: the value to .env, .env to .gitignore, the name to .env.example. */
export function moveToEnvFiles(envLine: string): FileAppend[] {
  return [
    { path: '.env', appendLines: [envLine], unlessPresent: true, sensitive: true },
    { path: '.gitignore', appendLines: ['.env'], unlessPresent: true },
    { path: '.env.example', appendLines: [envLine.slice(0, envLine.indexOf('=') + 1)], unlessPresent: true },
  ];
}
