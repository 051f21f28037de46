// pip requirements files (requirements*.txt): one requirement per logical line — PEP 508's
// `name[extras] specifiers ; markers`, then pip's per-requirement options (`--hash=…`) — with
// `#` comments, `\` continuations, and option lines (`-r other.txt` includes, `-c`, `-e`,
// `--index-url`, …). URL and editable requirements name no registry version and are left out.
import type { Span } from '../languages/config/model';
import type { DeclaredDependency } from './model';
import { normalizePypiName } from './names';

export interface RequirementsFile {
  dependencies: DeclaredDependency[];
  /** Files named by `-r`/`--requirement`, as written (relative to this file's folder). */
  includes: string[];
}

const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*([^;@#]*?)\s*(?:;.*)?$/;
const INCLUDE = /^(?:-r\s*|--requirement(?:\s+|=))(\S+)/;

export function readRequirements(text: string): RequirementsFile {
  const result: RequirementsFile = { dependencies: [], includes: [] };
  for (const line of logicalLines(text)) {
    const content = withoutComment(line.text).trim();
    if (!content) continue;
    const include = INCLUDE.exec(content);
    if (include) {
      result.includes.push(include[1]);
      continue;
    }
    if (content.startsWith('-')) continue; // -c, -e, --index-url, --hash on its own line, …
    // pip's options after a requirement (`--hash=sha256:…`) are not part of it.
    const requirement = content.replace(/\s+--?[a-z].*$/i, '');
    // Before the requirement there are only blanks: its first occurrence is where it starts.
    const dependency = readRequirement(requirement, line.offset + line.text.indexOf(requirement));
    if (dependency) result.dependencies.push(dependency);
  }
  return result;
}

/**
 * One PEP 508 requirement, `name[extras] specifiers ; markers`, as a declaration; `requirement`
 * starts with the name (no blanks, comment or pip options) and `offset` is where it sits in the
 * file. URL requirements (`pkg @ https://…`) name no registry version: undefined.
 */
export function readRequirement(requirement: string, offset: number): DeclaredDependency | undefined {
  const match = REQUIREMENT.exec(requirement);
  if (!match) return undefined;
  const [, name, , spec] = match;
  const specStart = spec ? offset + requirement.indexOf(spec, name.length) : -1;
  const pinned = /^===?\s*([^\s,*]+)$/.exec(spec)?.[1];
  return {
    ecosystem: 'PyPI',
    name: normalizePypiName(name),
    displayName: name,
    spec,
    ...(pinned ? { pinned } : {}),
    span: { start: offset, end: spec ? specStart + spec.length : offset + name.length },
    ...(spec ? { specSpan: { start: specStart, end: specStart + spec.length } } : {}),
  };
}

/**
 * The lines to remove to take out the requirement at `span`: its logical line (its `\` continuations,
 * such as `--hash=` lines, with it) and pip-compile's `# via` lines after it; undefined when the
 * logical line holds something before the requirement.
 */
export function requirementRemoval(text: string, span: Span): Span | undefined {
  for (const line of logicalLines(text)) {
    const end = line.offset + line.text.length;
    if (span.start < line.offset || span.start >= end) continue;
    if (line.text.slice(0, span.start - line.offset).trim() !== '') return undefined;
    // pip-compile's `# via` line, or `# via` with one indented `#   source` line per source.
    const annotations = /(?:\r?\n[ \t]+# via\b[^\n]*(?:\r?\n[ \t]+#[ \t][^\n]*)*)?(?:\r?\n|$)/y;
    annotations.lastIndex = end;
    return { start: line.offset, end: annotations.exec(text) ? annotations.lastIndex : end };
  }
  return undefined;
}

interface LogicalLine {
  /** Offset of the line's first character in the file. */
  offset: number;
  /** The physical lines joined, each continuation's `\` and line break replaced by spaces. */
  text: string;
}

function* logicalLines(text: string): Generator<LogicalLine> {
  let offset = 0;
  let pending: LogicalLine | undefined;
  for (const physical of text.split('\n')) {
    const line = physical.endsWith('\r') ? physical.slice(0, -1) : physical;
    // pip joins a line ending in `\` with the next, except a comment line.
    const continued = line.endsWith('\\') && !/^\s*#/.test(line);
    // The `\` and the line break become spaces: offsets in the joined text stay the file's.
    const part = continued ? `${line.slice(0, -1)} ${' '.repeat(physical.length - line.length + 1)}` : line;
    pending = pending ? { offset: pending.offset, text: pending.text + part } : { offset, text: part };
    if (!continued) {
      yield pending;
      pending = undefined;
    }
    offset += physical.length + 1;
  }
  if (pending) yield pending;
}

/** pip's comments: `#` at the line's start or after white space. */
function withoutComment(line: string): string {
  const at = line.search(/(^|\s)#/);
  return at === -1 ? line : line.slice(0, at);
}
