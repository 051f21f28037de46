// Pieces of the finding texts that the JS/TS and Python analyses share, so that a value is named the
// same way in every language: its expression in backticks and, when it comes from outside, where from.

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
