// What every command that reads a project does first: the paths it was given (which must exist),
// the project root and its config (problems printed, defaults kept), and a logger on stderr.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Logger } from '../core/log';
import { findProjectRoot, loadConfig, type LoadedConfig } from '../scan/config-file';
import { displayPath } from './positions';
import { UsageError, type Terminal } from './terminal';

/** The given paths (default: the current folder), absolute; a missing one is a usage error. */
export function existingRoots(paths: readonly string[], cwd: string): string[] {
  const roots = (paths.length ? paths : ['.']).map((path) => resolve(cwd, path));
  const missing = roots.filter((root) => !existsSync(root));
  if (missing.length) throw new UsageError(`no such file or folder: ${missing.map((path) => displayPath(path, cwd)).join(', ')}`);
  return roots;
}

export interface OpenedProject {
  projectRoot: string;
  loaded: LoadedConfig;
  log: Logger;
}

export function openProject(roots: readonly string[], terminal: Terminal, verbose: boolean): OpenedProject {
  const cwd = terminal.cwd;
  const projectRoot = findProjectRoot(roots.length === 1 ? roots[0] : cwd);
  const loaded = loadConfig(projectRoot);
  for (const problem of loaded.problems) {
    terminal.error(
      `config ${displayPath(problem.file, cwd)}${problem.line ? `:${problem.line}` : ''}${problem.key ? ` "${problem.key}"` : ''}: ${problem.message}`,
    );
  }
  const log: Logger = { debug: (m) => verbose && terminal.error(m), info: () => {}, warn: (m) => terminal.error(m), error: (m) => terminal.error(m) };
  return { projectRoot, loaded, log };
}
