// Facts the rules need about the project beyond one file, read once per scan (or per config
// reload in the editor): the variables already defined in the project's `.env`.
import { join } from 'node:path';
import { readConfig } from '../core/languages/config';
import type { ProjectFacts } from '../core/rule';
import { MAX_STEERING_FILE_SIZE, readTextFileSync } from './read-file';

export function loadProjectFacts(projectRoot: string): ProjectFacts {
  const read = readTextFileSync(join(projectRoot, '.env'), MAX_STEERING_FILE_SIZE);
  if (read.kind === 'skipped') return { envVariables: new Map() };
  const document = readConfig(read.text, 'dotenv');
  return { envVariables: new Map(document.entries.map((entry) => [entry.key, entry.value])) };
}
