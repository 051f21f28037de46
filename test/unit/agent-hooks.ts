// Replays agent hook events from test/fixtures/agent-hooks/ against a real temp repository: the
// fixtures use /REPO for the repository's path, and the test applies each tool's edit to the file
// between the pre and the post event, as the agent would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkAgentLines } from '../../src/agents/feedback';
import { recordCommand } from '../../src/agents/record-command';
import { strict as assert } from 'node:assert';
import { REPO_ROOT, runCli, type CliRun } from './helpers';

export const HOOK_FIXTURES = join(REPO_ROOT, 'test/fixtures/agent-hooks');

/** A fixture's payload with /REPO replaced by `repo`. */
export function hookFixture(name: string, repo: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(HOOK_FIXTURES, name), 'utf8').replaceAll('/REPO', repo)) as Record<string, unknown>;
}

export function expectedFile(name: string): string {
  return readFileSync(join(HOOK_FIXTURES, 'expected', name), 'utf8');
}

/** Runs `lastline record` in-process with `payload` (an object, or raw text) on stdin. */
export async function record(cwd: string, payload: Record<string, unknown> | string, ...argv: string[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const raw = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const code = await recordCommand(argv, { cwd, color: false, out: (text) => stdout.push(text), error: (text) => stderr.push(text) }, checkAgentLines, {
    stdin: () => Buffer.from(raw),
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** A row of `lastline ai --format json`. */
export interface AiRow {
  file: string;
  startLine: number;
  endLine: number;
  tool: string;
  model: string | null;
  session: string | null;
  in: string[];
}

/** What `lastline ai --format json` lists for `repo` (optionally under `paths`). */
export async function aiRows(repo: string, ...paths: string[]): Promise<AiRow[]> {
  const run = await runCli(repo, 'ai', '--format', 'json', ...paths);
  assert.equal(run.code, 0, run.stderr);
  return (JSON.parse(run.stdout) as { ranges: AiRow[] }).ranges;
}
