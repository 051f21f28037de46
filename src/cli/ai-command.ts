// `lastline ai [paths…]`: the lines AI assistants wrote, in the working tree and in the index
// (what the next commit holds), with who wrote them and when.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AiRange } from '../core/provenance/model';
import { catFileBatch } from '../git/run-git';
import { RepositoryProvenance } from '../provenance/repository-provenance';
import { displayPath } from './positions';
import { existingRoots } from './project';
import { UsageError, type Terminal } from './terminal';

export interface AiArgs {
  paths: string[];
  format: 'text' | 'json';
}

type Version = 'worktree' | 'index';

interface Row {
  file: string;
  range: AiRange;
  in: Version[];
}

export async function runAi(args: AiArgs, terminal: Terminal): Promise<number> {
  const roots = existingRoots(args.paths, terminal.cwd);
  const provenance = RepositoryProvenance.open(roots[0]);
  if (!provenance) throw new UsageError(`${displayPath(roots[0], terminal.cwd)} is not in a git repository: there is no AI provenance to list`);
  for (const problem of provenance.store.problems) terminal.error(problem);
  const scopes = args.paths.length ? roots.map((root) => provenance.repositoryPath(root)) : [''];
  const paths = provenance.paths.filter((path) => scopes.some((scope) => scope === '' || path === scope || path.startsWith(`${scope}/`)));

  const rows: Row[] = [];
  const add = (file: string, ranges: AiRange[], version: Version) => {
    for (const range of ranges) {
      const same = rows.find((row) => row.file === file && row.range.start === range.start && row.range.end === range.end && row.range.attribution === range.attribution);
      if (same) same.in.push(version);
      else rows.push({ file, range, in: [version] });
    }
  };
  for (const path of paths) {
    const text = readWorkingTree(join(provenance.repository.root, path));
    if (text !== undefined) add(path, provenance.rangesIn(path, text), 'worktree');
  }
  for await (const [name, content] of catFileBatch(provenance.repository.root, paths.map((path) => `:${path}`))) {
    if (content) add(name.slice(1), provenance.rangesIn(name.slice(1), content.toString('utf8')), 'index');
  }
  rows.sort((left, right) => left.file.localeCompare(right.file) || left.range.start - right.range.start);

  if (args.format === 'json') {
    terminal.out(JSON.stringify({ version: 1, ranges: rows.map(jsonRow) }, null, 2));
    return 0;
  }
  if (rows.length === 0) {
    terminal.out('No AI-written lines recorded.');
    return 0;
  }
  for (const row of rows) {
    const { attribution } = row.range;
    const file = displayPath(join(provenance.repository.root, row.file), terminal.cwd);
    const who = attribution.model ? `${attribution.tool} (${attribution.model})` : attribution.tool;
    const where = row.in.map((version) => (version === 'index' ? 'staged' : 'working tree')).join(', ');
    const kind = attribution.kind === 'suspected' ? ' suspected' : '';
    terminal.out(`${`${file}:${lineSpan(row.range)}`.padEnd(28)} ${who.padEnd(32)} ${attribution.time.slice(0, 16).replace('T', ' ')}  unreviewed${kind}  ${where}`);
  }
  return 0;
}

function jsonRow(row: Row) {
  const { attribution } = row.range;
  return {
    file: row.file,
    startLine: row.range.start + 1,
    endLine: row.range.end,
    tool: attribution.tool,
    model: attribution.model ?? null,
    session: attribution.session ?? null,
    time: attribution.time,
    kind: attribution.kind,
    reviewed: false,
    in: row.in,
  };
}

function lineSpan(range: AiRange): string {
  return range.end - range.start === 1 ? `${range.start + 1}` : `${range.start + 1}-${range.end}`;
}

function readWorkingTree(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
