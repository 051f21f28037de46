// Finding texts. Each says what reaches where, why it matters and what to do instead; a value is
// named by its expression and, when untrusted, by where it comes from. The command rule's words
// live in ../shell-messages.ts, shared with JS/TS.
import type { Hole } from '../model';

const LONGEST_EXPRESSION = 60;

/** An expression as messages show it: on one line, long ones cut. */
function shown(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > LONGEST_EXPRESSION ? `${flat.slice(0, LONGEST_EXPRESSION - 1)}…` : flat;
}

export function describeHoles(holes: readonly Hole[]): string {
  const described = [...new Set(holes.map((hole) => (hole.taint ? `${shown(hole.text)} (${hole.taint})` : shown(hole.text))))];
  if (described.length <= 1) return described[0] ?? 'a value';
  return `${described.slice(0, -1).join(', ')} and ${described[described.length - 1]}`;
}

function noFix(reason: string | undefined): string {
  return reason ? ` No automatic fix: ${reason}.` : '';
}

export function sqlValueMessage(label: string, holes: readonly Hole[], fixReason: string | undefined): string {
  return (
    `SQL built from ${describeHoles(holes)} reaches ${label}: a value written into the SQL text can change the statement (SQL injection). ` +
    `Use placeholders and pass the values separately.${noFix(fixReason)}`
  );
}

export function sqlIdentifierMessage(label: string, hole: Hole): string {
  return (
    `${describeHoles([hole])} is written into the SQL run by ${label} as a table or column name, which cannot be parameterized: ` +
    'check it against an allowlist of known column names (or map user choices to constant names in code).'
  );
}

export function sqlFragmentMessage(label: string, hole: Hole): string {
  return (
    `${describeHoles([hole])} supplies part of the SQL syntax run by ${label} (a keyword, condition or clause): the statement's structure is built from values. ` +
    'Choose among constant SQL pieces in code, and pass the values themselves as parameters.'
  );
}

export function scriptMessage(label: string, holes: readonly Hole[]): string {
  return (
    `JavaScript for ${label} is built from ${describeHoles(holes)}: the value can change the code the database runs. ` +
    'Use query operators ($eq, $in, $expr…) with the values instead of building JavaScript.'
  );
}

export const BUILT_HERE = { sql: 'SQL built here', shell: 'command built here', script: 'JavaScript built here' } as const;

export function taintSiteMessage(hole: Hole): string {
  return `${shown(hole.text)} comes from ${hole.taint ?? 'here'}`;
}
