// The provenance record: which lines of a file an assistant wrote. A file's record keeps the line
// hashes of the file as last seen and, over them, spans owned by an attribution. Reading the file
// later aligns its current lines with those hashes (line-alignment.ts), so authorship follows lines
// that move and falls away from lines a person rewrites.

/** Who wrote a line, as precisely as the source knows it; absent fields are unknown, never guessed. */
export interface Attribution {
  /** The assistant: claude-code, cursor, copilot, codex, gemini, or a generic agent's own name. */
  tool: string;
  model?: string;
  /** Session or conversation id. */
  session?: string;
  /** ISO 8601 time of the recording. */
  time: string;
  /**
   * `agent`: the agent's own hook said so. `editor`: the editor saw an inline suggestion or a
   * chat edit accepted. `suspected`: a heuristic (a large paste-like insertion); a person confirms or dismisses it.
   */
  kind: 'agent' | 'editor' | 'suspected';
  /** What reported it, e.g. "claude-code PostToolUse Edit". */
  source: string;
}

/** [first line, last line exclusive, index into attributions] over `hashes`. */
export type Span = [start: number, end: number, attribution: number];

export interface FileProvenance {
  /** Relative to the repository root, `/`-separated. */
  path: string;
  /** Line hashes of the file when the record was last updated. */
  hashes: string[];
  /** The text of those lines is not kept; only which of them an attribution owns. */
  spans: Span[];
  attributions: Attribution[];
}

/** A run of consecutive lines with one author in some version of a file. 0-based, end exclusive. */
export interface AiRange {
  start: number;
  end: number;
  attribution: Attribution;
}

export function emptyProvenance(path: string): FileProvenance {
  return { path, hashes: [], spans: [], attributions: [] };
}

/** Per-line owner (index into attributions, or -1 for human/unknown). */
export function ownersOf(record: FileProvenance): Int32Array {
  const owners = new Int32Array(record.hashes.length).fill(-1);
  for (const [start, end, owner] of record.spans) owners.fill(owner, Math.max(0, start), Math.min(end, owners.length));
  return owners;
}

/** Builds a record from per-line owners, dropping attributions no line refers to any more. */
export function fromOwners(path: string, hashes: string[], owners: ArrayLike<number>, attributions: readonly Attribution[]): FileProvenance {
  const renumber = new Map<number, number>();
  const kept: Attribution[] = [];
  const spans: Span[] = [];
  for (let line = 0; line < hashes.length;) {
    const owner = owners[line];
    let end = line + 1;
    while (end < hashes.length && owners[end] === owner) end++;
    if (owner >= 0) {
      let index = renumber.get(owner);
      if (index === undefined) {
        index = kept.push(attributions[owner]) - 1;
        renumber.set(owner, index);
      }
      spans.push([line, end, index]);
    }
    line = end;
  }
  return { path, hashes, spans, attributions: kept };
}

export function rangesOf(record: FileProvenance): AiRange[] {
  return record.spans.map(([start, end, owner]) => ({ start, end, attribution: record.attributions[owner] }));
}
