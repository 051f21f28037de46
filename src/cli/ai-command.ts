// `lastline ai [paths…]`: the lines AI assistants wrote, in the working tree and in the index
// (what the next commit holds), with who wrote them and when.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AiRange } from '../core/provenance/model';
import { lineHash, splitLines } from '../core/provenance/line-hash';
import { formatReviewer, hunkHash } from '../core/provenance/review';
import { catFileBatch } from '../git/run-git';
import { ReviewStore } from '../store/review-store';
import { RepositoryProvenance } from '../provenance/repository-provenance';
import { inert } from '../core/inert';
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
  /** The person who approved exactly these lines (lastline review or the editor), if anyone did. */
  reviewer?: string;
}

export async function runAi(args: AiArgs, terminal: Terminal): Promise<number> {
  const roots = existingRoots(args.paths, terminal.cwd);
  const provenance = RepositoryProvenance.open(roots[0]);
  if (!provenance) throw new UsageError(`${displayPath(roots[0], terminal.cwd)} is not in a git repository: there is no AI provenance to list`);
  for (const problem of provenance.store.problems) terminal.error(problem);
  const scopes = args.paths.length ? roots.map((root) => provenance.repositoryPath(root)) : [''];
  const paths = provenance.paths.filter((path) => scopes.some((scope) => scope === '' || path === scope || path.startsWith(`${scope}/`)));

  const rows: Row[] = [];
  const reviews = new ReviewStore(provenance.store.directory).all();
  const add = (file: string, text: string, version: Version) => {
    const hashes = splitLines(text).map(lineHash);
    for (const range of provenance.rangesIn(file, text)) {
      const same = rows.find(
        (row) => row.file === file && row.range.start === range.start && row.range.end === range.end && row.range.attribution === range.attribution,
      );
      if (same) {
        same.in.push(version);
        continue;
      }
      const review = reviews.get(hunkHash(file, hashes.slice(range.start, range.end)));
      rows.push({ file, range, in: [version], ...(review?.decision === 'approved' ? { reviewer: formatReviewer(review.reviewer) } : {}) });
    }
  };
  for (const path of paths) {
    const text = readWorkingTree(join(provenance.repository.root, path));
    if (text !== undefined) add(path, text, 'worktree');
  }
  for await (const [name, content] of catFileBatch(
    provenance.repository.root,
    paths.map((path) => `:${path}`),
  )) {
    if (content) add(name.slice(1), content.toString('utf8'), 'index');
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
    const reviewed = row.reviewer ? `reviewed by ${row.reviewer}` : 'unreviewed';
    terminal.out(
      inert(
        `${`${file}:${lineSpan(row.range)}`.padEnd(28)} ${who.padEnd(32)} ${attribution.time.slice(0, 16).replace('T', ' ')}  ${reviewed}${kind}  ${where}`,
      ),
    );
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
    reviewed: row.reviewer !== undefined,
    reviewer: row.reviewer ?? null,
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
