// Where a project's `.lastline.json` is looked for. Its own module, without the rule registry, so
// that `lastline record` (dist/record.js) can find the config without loading the engine.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME } from '../core/config';

/**
 * The project root for `start` (a folder, or a file: then its folder): the nearest folder upwards
 * holding `.lastline.json`, else the nearest holding `.git` (a repository without config), else
 * the starting folder. Never a file: a file as its own root has an empty project path, and no rule
 * runs on an empty path (`lastline scan a.py` outside a repository once reported a false "clean").
 */
export function findProjectRoot(start: string): string {
  const folder = isFolder(resolve(start)) ? resolve(start) : dirname(resolve(start));
  let gitRoot: string | undefined;
  for (let dir = folder; ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE_NAME))) return dir;
    if (!gitRoot && existsSync(join(dir, '.git'))) gitRoot = dir;
    if (dirname(dir) === dir) return gitRoot ?? folder;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
