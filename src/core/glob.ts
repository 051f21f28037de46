// Globs from the config (`exclude`, `testFiles`) matched in linear time. minimatch turns a glob into
// a backtracking regular expression: `*a*a*a*a*a*b` against a 200-character file name took 49 s,
// and every file of a scan is matched. Here braces are expanded by minimatch (its `braceExpand`)
// and each expanded glob is translated to RE2 syntax and run on re2js's linear-time engine.
// Semantics follow minimatch with { dot: true }: `*` and `?` stay within a path segment, `**` spans
// segments, `[…]`/`[!…]` are classes; a glob without `/` matches the file name at any depth
// (matchBase). Extended globs (`@(…)`, `!(…)`, …) are refused: `!(…)` has no linear-time form.
import { braceExpand } from 'minimatch';
import { RE2JS } from 're2js';

export interface Glob {
  match(path: string): boolean;
}

export class GlobError extends Error {}

const EXTGLOB = /[@!+*?]\(/;
/** Brace expansion of a hostile glob (`{a,b}{a,b}…`) can explode: refuse past this many. */
const MAX_EXPANSIONS = 256;

export function compileGlob(glob: string): Glob {
  if (EXTGLOB.test(glob)) throw new GlobError(`extended glob patterns such as @(…) or !(…) are not supported; use braces {a,b} instead`);
  const expanded = braceExpand(glob, { braceExpandMax: MAX_EXPANSIONS + 1 });
  if (expanded.length > MAX_EXPANSIONS) throw new GlobError(`expands to more than ${MAX_EXPANSIONS} patterns`);
  const source = expanded.map((pattern) => translate(pattern)).join('|');
  const regex = RE2JS.compile(`^(?:${source})$`);
  return { match: (path) => regex.matcher(path).matches() };
}

/** The globs a config holds (already checked when it was read: one that does not compile is skipped). */
export function compileGlobs(globs: readonly string[]): Glob[] {
  return globs.flatMap((glob) => {
    try {
      return [compileGlob(glob)];
    } catch (error) {
      if (error instanceof GlobError) return [];
      throw error;
    }
  });
}

/** One brace-free glob as an RE2 pattern over `/`-separated project paths. */
function translate(glob: string): string {
  // A glob without a slash matches a file name at any depth. A leading `/` or `./` anchors at the
  // project root, as in .gitignore (minimatch never matched such a glob against a relative path).
  const anchored = glob.replace(/^\.?\//, '');
  const segments = (glob.includes('/') ? anchored : `**/${anchored}`)
    .split('/')
    .filter((segment, index, all) => !(segment === '**' && all[index - 1] === '**'));
  let out = '';
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '**') {
      // `a/**/b`: zero or more whole segments; a trailing `**` also matches the folder itself.
      // `a/**/b` spans zero or more whole segments; a trailing `a/**` matches what is inside `a/`.
      if (index === 0) out += last ? '.*' : '(?:.*/)?';
      else out += last ? '/.*' : '/(?:.*/)?';
      return;
    }
    if (index > 0 && segments[index - 1] !== '**') out += '/';
    out += translateSegment(segment);
  });
  // As in minimatch, a path's trailing slash (a folder, as the walk asks) does not stop a match.
  return glob.endsWith('/') ? out : `${out}/?`;
}

function translateSegment(segment: string): string {
  let out = '';
  for (let at = 0; at < segment.length; at++) {
    const char = segment[at];
    if (char === '*') {
      while (segment[at + 1] === '*') at++;
      out += '[^/]*';
    } else if (char === '?') {
      out += '[^/]';
    } else if (char === '[') {
      const end = classEnd(segment, at);
      if (end < 0) out += '\\[';
      else {
        let body = segment.slice(at + 1, end);
        const negated = body.startsWith('!') || body.startsWith('^');
        if (negated) body = body.slice(1);
        out += `[${negated ? '^/' : ''}${body.replace(/\\/g, '\\\\').replace(/\[/g, '\\[')}]`;
        at = end;
      }
    } else if (char === '\\' && at + 1 < segment.length) {
      out += escape(segment[++at]);
    } else {
      out += escape(char);
    }
  }
  return out;
}

/** Index of the `]` closing the class opened at `start` (a `]` right after `[` or `[!` is literal), or -1. */
function classEnd(segment: string, start: number): number {
  let at = start + 1;
  if (segment[at] === '!' || segment[at] === '^') at++;
  if (segment[at] === ']') at++;
  const end = segment.indexOf(']', at);
  return end;
}

function escape(char: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(char) ? `\\${char}` : char;
}
