// The string reaching a sink, as the Python analysis rebuilds it: constant parts and holes (the
// shared `Part` model) plus what the fixes need to know about each hole's source node.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { BuildSiteKind } from '../message-parts';
import type { Part } from '../model';
import type { ValueSafety } from '../value-safety';

export interface SourceHole {
  /** The interpolated expression. */
  node: Node;
  /** Its source text: what goes into the params argument or the argv list. */
  text: string;
  /**
   * Why the value cannot change the string's structure: it went through a numeric conversion
   * (`int(x)`, `%d`, `{x:d}`: a non-number raises before the query runs) or, for shell commands
   * only, through `shlex.quote`. The other kinds of value-safety.ts are not detected in Python.
   */
  safety?: Extract<ValueSafety, 'numeric' | 'shell-quoted'>;
  /**
   * The hole stands for a position we could not pin to one expression (`"%s %s" % args`): it is
   * still a finding, but its value cannot be moved into a params argument.
   */
  opaque?: boolean;
}

export interface BuildSite {
  node: Node;
  /** The base of a variable's string, or a `+=` after it. */
  kind: Extract<BuildSiteKind, 'built' | 'appended'>;
}

export interface Built {
  parts: Part[];
  holes: SourceHole[];
  /** Expressions where pieces of the string were assembled (f-string, `+=` value, …). */
  buildSites: BuildSite[];
  /**
   * Some pieces came through other names (a module constant, a helper variable, a parts list) or
   * a transformation (`dedent`, `.strip()`): rewriting the final string in one place would drop
   * them, so the fix stays away.
   */
  indirect: boolean;
}

export function constantBuilt(text: string): Built {
  return { parts: text ? [text] : [], holes: [], buildSites: [], indirect: false };
}

export function holeBuilt(hole: SourceHole): Built {
  return { parts: [{ hole: 0 }], holes: [hole], buildSites: [], indirect: false };
}

/** Concatenation: holes of later pieces are renumbered after the earlier ones'. */
export function concatBuilt(pieces: readonly Built[]): Built {
  const result: Built = { parts: [], holes: [], buildSites: [], indirect: false };
  for (const piece of pieces) {
    const offset = result.holes.length;
    for (const part of piece.parts) {
      if (typeof part === 'string') appendText(result.parts, part);
      else result.parts.push({ hole: part.hole + offset });
    }
    result.holes.push(...piece.holes);
    result.buildSites.push(...piece.buildSites);
    result.indirect ||= piece.indirect;
  }
  return result;
}

export function withBuildSite(built: Built, node: Node, kind: BuildSite['kind'] = 'built'): Built {
  return { ...built, buildSites: [...built.buildSites, { node, kind }] };
}

function appendText(parts: Part[], text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (typeof last === 'string') parts[parts.length - 1] = last + text;
  else parts.push(text);
}

export function constantText(built: Built): string | undefined {
  return built.holes.length === 0 ? built.parts.map((part) => (typeof part === 'string' ? part : '')).join('') : undefined;
}
