// Pieces of the finding texts that the JS/TS and Python analyses share, so that a value is named the
// same way in every language: its expression in backticks and, when it comes from outside, where from.
// The related locations (where the string was built, where a value entered) are worded here too.
import type { StringFamily } from './model';

export interface NamedHole {
  text: string;
  /** Where the value comes from: "request value req.query.code", "parameter cmd". */
  taint?: string;
}

const LISTED = 3;
const LONGEST = 60;

/** "`code` (request value req.query.code), `id` and 2 more": values with a known source first. */
export function describeHoles(holes: readonly NamedHole[]): string {
  const described = [...new Set([...holes.filter((hole) => hole.taint), ...holes.filter((hole) => !hole.taint)].map(describeHole))];
  const named = described.slice(0, LISTED);
  const more = described.length - named.length;
  if (more > 0) return `${named.join(', ')} and ${more} more`;
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : (named[0] ?? '');
}

function describeHole(hole: NamedHole): string {
  const text = shorten(hole.text);
  return hole.taint ? `\`${text}\` (${hole.taint})` : `\`${text}\``;
}

/** An expression as messages show it: on one line, long ones cut. */
export function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > LONGEST ? `${oneLine.slice(0, LONGEST - 3)}…` : oneLine;
}

export function verb(holes: readonly unknown[]): string {
  return holes.length === 1 ? 'is' : 'are';
}

export function noFix(reason: string | undefined): string {
  return reason ? ` No automatic fix: ${reason}.` : '';
}

/** Where an untrusted value enters, as a related location: "`code` comes from request value req.query.code". */
export function valueSourceHere(hole: NamedHole): string {
  return `\`${shorten(hole.text)}\` comes from ${hole.taint ?? 'here'}`;
}

/**
 * What a building site did to the string. Python tells a base from its `+=` appends; JS/TS also
 * sees appends made only in some branches and parts collected in an array.
 */
export type BuildSiteKind = 'built' | 'appended' | 'appended-conditionally' | 'parts-collected' | 'part-added';

const BUILT_WHAT: Record<StringFamily, string> = { sql: 'SQL', shell: 'command', script: 'JavaScript' };

/** "SQL built here", "appended here (conditionally)", "command part added here". */
export function buildSiteLabel(family: StringFamily, kind: BuildSiteKind): string {
  const what = BUILT_WHAT[family];
  switch (kind) {
    case 'built':
      return `${what} built here`;
    case 'appended':
      return 'appended here';
    case 'appended-conditionally':
      return 'appended here (conditionally)';
    case 'parts-collected':
      return `${what} parts collected here`;
    case 'part-added':
      return `${what} part added here`;
  }
}
