// Where a project's `.lastline.json` is looked for. Its own module, without the rule registry, so
// that `lastline record` (dist/record.js) can find the config without loading the engine.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME } from '../core/config';

/**
 * The project root for `start`: the nearest folder upwards holding `.lastline.json`, else the
 * nearest holding `.git` (a repository without config), else `start` itself.
 */
export function findProjectRoot(start: string): string {
  let gitRoot: string | undefined;
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE_NAME))) return dir;
    if (!gitRoot && existsSync(join(dir, '.git'))) gitRoot = dir;
    if (dirname(dir) === dir) return gitRoot ?? resolve(start);
  }
}
