// Facts the rules need about the project beyond one file, read once per scan (or per config
// reload in the editor): the variables already defined in the project's `.env`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from '../core/languages/config';
import type { ProjectFacts } from '../core/rule';

export function loadProjectFacts(projectRoot: string): ProjectFacts {
  let text: string;
  try {
    text = readFileSync(join(projectRoot, '.env'), 'utf8');
  } catch {
    return { envVariables: new Map() };
  }
  const document = readConfig(text, 'dotenv');
  return { envVariables: new Map(document.entries.map((entry) => [entry.key, entry.value])) };
}
