// The Git AI Standard v3 note (`refs/notes/ai`, schema_version "authorship/3.0.0"; spec and sources
// in docs/git-ai-notes-v3.md): attestation lines per file, a `---` line, then JSON metadata.
//   app/coupons.py
//     s_<14 hex>::t_<14 hex> 1-13,20
//   ---
//   {"schema_version":"authorship/3.0.0","base_commit_sha":"…","prompts":{},"sessions":{"s_…":{"agent_id":{tool,id,model}}}}
// Session keys are sha256(tool + ":" + session id)[0..14], as git-ai computes them, so the same
// agent session gets the same key in both tools; a trace key is one per recorded tool call.
import { createHash } from 'node:crypto';
import type { AiHunk } from './review';

export const GIT_AI_SCHEMA_VERSION = 'authorship/3.0.0';

export interface GitAiSession {
  agent_id: { tool: string; id: string; model: string };
}

export interface GitAiNote {
  /** Path → [attestation key, 1-based inclusive line ranges]. */
  files: Map<string, { key: string; ranges: [number, number][] }[]>;
  metadata: {
    schema_version: string;
    base_commit_sha?: string;
    sessions?: Record<string, GitAiSession>;
    prompts?: Record<string, unknown>;
    humans?: Record<string, unknown>;
  };
}

const hex14 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 14);

export function formatGitAiNote(hunks: readonly AiHunk[], commit: string): string {
  const sessions: Record<string, GitAiSession> = {};
  const byFile = new Map<string, Map<string, [number, number][]>>();
  for (const hunk of hunks) {
    const { tool, session, model, time, source } = hunk.attribution;
    // Without a session id the agent cannot be told apart from its other sessions: say so.
    const id = session ?? 'unknown';
    const sessionKey = `s_${hex14(`${tool}:${id}`)}`;
    sessions[sessionKey] = { agent_id: { tool, id, model: model ?? 'unknown' } };
    const key = `${sessionKey}::t_${hex14(`${time}\0${source}\0${id}`)}`;
    const keys = byFile.get(hunk.path) ?? new Map<string, [number, number][]>();
    byFile.set(hunk.path, keys);
    keys.set(key, [...(keys.get(key) ?? []), [hunk.start + 1, hunk.end]]);
  }
  const lines: string[] = [];
  for (const path of [...byFile.keys()].sort()) {
    lines.push(/[ \t\n]/.test(path) ? `"${path}"` : path);
    for (const [key, ranges] of byFile.get(path)!) lines.push(`  ${key} ${formatRanges(ranges)}`);
  }
  const metadata = { schema_version: GIT_AI_SCHEMA_VERSION, base_commit_sha: commit, prompts: {}, sessions };
  return `${lines.join('\n')}\n---\n${JSON.stringify(metadata, null, 2)}\n`;
}

/** Reads a v3 note; undefined when the text is not one (wrong schema, no divider, bad JSON). */
export function parseGitAiNote(text: string): GitAiNote | undefined {
  const all = text.split(/\r?\n/);
  const divider = all.indexOf('---');
  if (divider < 0) return undefined;
  let metadata: GitAiNote['metadata'];
  try {
    metadata = JSON.parse(all.slice(divider + 1).join('\n')) as GitAiNote['metadata'];
  } catch {
    return undefined;
  }
  if (metadata?.schema_version !== GIT_AI_SCHEMA_VERSION) return undefined;
  const files: GitAiNote['files'] = new Map();
  let current: { key: string; ranges: [number, number][] }[] | undefined;
  for (const line of all.slice(0, divider)) {
    if (line === '') continue;
    if (!line.startsWith(' ')) {
      const path = line.startsWith('"') && line.endsWith('"') ? line.slice(1, -1) : line;
      current = files.get(path) ?? [];
      files.set(path, current);
      continue;
    }
    const entry = /^ {2}(\S+) (\S+)$/.exec(line);
    if (!entry || !current) continue;
    current.push({ key: entry[1], ranges: parseRanges(entry[2]) });
  }
  return { files, metadata };
}

/** Whether a note attributes any line to an AI (sessions or prompts; `h_` keys are people). */
export function hasAiLines(note: GitAiNote): boolean {
  return [...note.files.values()].some((entries) => entries.some((entry) => !entry.key.startsWith('h_') && entry.ranges.length > 0));
}

function formatRanges(ranges: readonly [number, number][]): string {
  const merged: [number, number][] = [];
  for (const [start, end] of [...ranges].sort((left, right) => left[0] - right[0])) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged.map(([start, end]) => (start === end ? `${start}` : `${start}-${end}`)).join(',');
}

function parseRanges(text: string): [number, number][] {
  return text.split(',').flatMap((part): [number, number][] => {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    return match ? [[Number(match[1]), Number(match[2] ?? match[1])]] : [];
  });
}
