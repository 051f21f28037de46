// `lastline deps`: every dependency the project's manifests and lock files name, with the version
// checked and its status against OSV's advisories, as text or JSON.
import { join } from 'node:path';
import { dependencyInventory, type DependencyRow } from '../core/dependencies/inventory';
import { inert } from '../core/inert';
import { LineIndex } from '../core/text';
import { dependencyCheckOf, networkOptionsFromEnvironment, scanDependencies } from '../scan/dependencies/dependency-facts';
import { walkFiles, type WalkedFile } from '../scan/walk';
import { uncheckedDependenciesNotice } from '../scan/dependencies/unchecked-notice';
import { displayPath } from './positions';
import { existingRoots, openProject } from './project';
import type { Terminal } from './terminal';

export interface DepsArgs {
  paths: string[];
  format: 'text' | 'json';
  offline: boolean;
  verbose: boolean;
}

export async function runDeps(args: DepsArgs, terminal: Terminal): Promise<number> {
  const cwd = terminal.cwd;
  const roots = existingRoots(args.paths, cwd);
  const { projectRoot, loaded, log } = openProject(roots, terminal, args.verbose);
  const files: WalkedFile[] = [];
  for await (const file of walkFiles(roots, { projectRoot, exclude: loaded.config.exclude })) files.push(file);
  const network = networkOptionsFromEnvironment(args.offline);
  const scan = await scanDependencies(files, projectRoot, loaded.config.maxFileSize, network);
  log.debug(`dependencies: ${scan.files.size} dependency files, ${scan.lookup.requests} requests to OSV`);
  const rows = dependencyInventory(scan.files, scan.facts);
  const lineIndexes = new Map([...scan.texts].map(([file, text]) => [file, new LineIndex(text)]));
  const lineOf = (file: string, offset: number) => (lineIndexes.get(file)?.positionAt(offset).line ?? 0) + 1;
  const where = (row: DependencyRow) => `${displayPath(join(projectRoot, row.file), cwd)}:${lineOf(row.file, row.span.start)}`;
  const { missing, problem, staleExports } = dependencyCheckOf(scan, network.offline);

  if (args.format === 'json') {
    terminal.out(
      JSON.stringify(
        {
          version: 1,
          dependencies: rows.map((row) => ({
            file: displayPath(join(projectRoot, row.file), cwd),
            line: lineOf(row.file, row.span.start),
            ecosystem: row.ecosystem,
            name: row.name,
            spec: row.spec,
            version: row.version ?? null,
            direct: row.direct,
            status: row.status,
            advisories: row.advisories,
            ...(row.registry ? { registry: row.registry } : {}),
          })),
          unchecked: missing,
          ...(problem ? { problem } : {}),
        },
        null,
        2,
      ),
    );
  } else if (rows.length === 0) {
    terminal.out('No dependencies found (package.json and its lock files, requirements*.txt, pyproject.toml, Pipfile and their lock files).');
  } else {
    const width = Math.min(40, Math.max(...rows.map((row) => row.name.length)));
    for (const row of rows) {
      const version = row.version ?? row.spec ?? '';
      const status =
        row.status === 'vulnerable'
          ? `VULNERABLE: ${row.advisories.map((advisory) => `${advisory.id}${advisory.severity ? ` (${advisory.severity})` : ''}${advisory.firstFixed ? `, fixed in ${advisory.firstFixed}` : ', no fix'}`).join('; ')}`
          : row.status === 'unresolved'
            ? `unresolved: ${row.spec || 'no version'} without a lock file`
            : row.status === 'unchecked'
              ? 'not checked'
              : 'ok';
      const registry = !row.registry
        ? ''
        : !row.registry.exists
          ? ' · NOT ON THE REGISTRY'
          : row.registry.recent
            ? ` · first published ${row.registry.ageDays} days ago`
            : '';
      terminal.out(
        inert(`${row.name.padEnd(width)}  ${version.padEnd(12)}  ${row.direct ? 'direct ' : 'locked '}  ${where(row).padEnd(28)}  ${status}${registry}`),
      );
    }
    const count = (status: DependencyRow['status']) => rows.filter((row) => row.status === status).length;
    terminal.out(
      `\n${rows.length} dependencies: ${count('vulnerable')} vulnerable, ${count('ok')} ok, ${count('unresolved')} unresolved, ${count('unchecked')} not checked.`,
    );
  }
  if (missing) terminal.error(uncheckedDependenciesNotice(missing, problem, network.offline));
  if (staleExports) terminal.error(staleExports);
  if (missing && !network.offline) return 2;
  return rows.some((row) => row.status === 'vulnerable') ? 1 : 0;
}
