// The words of the string-built query/command findings: what was interpolated, where it comes
// from, why it matters, and what to do (including why there is no automatic fix, when there is none).

export interface NamedHole {
  text: string;
  taint?: string;
}

const LISTED = 3;

/** "`code` (request value req.query.code), `id` and 2 more". */
export function describeHoles(holes: readonly NamedHole[]): string {
  const ordered = [...holes.filter((hole) => hole.taint), ...holes.filter((hole) => !hole.taint)];
  const named = ordered.slice(0, LISTED).map(describeHole);
  const more = ordered.length - named.length;
  if (more > 0) return `${named.join(', ')} and ${more} more`;
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : named[0] ?? '';
}

function describeHole(hole: NamedHole): string {
  const text = shorten(hole.text);
  return hole.taint ? `\`${text}\` (${hole.taint})` : `\`${text}\``;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}

function verb(holes: readonly NamedHole[]): string {
  return holes.length === 1 ? 'is' : 'are';
}

function noFix(reason: string | undefined): string {
  return reason ? ` No automatic fix: ${reason}.` : '';
}

export function sqlValueMessage(sink: string, holes: readonly NamedHole[], reason: string | undefined): string {
  const headline = holes.some((hole) => hole.taint) ? 'SQL injection' : 'SQL built from interpolated values';
  return `${headline}: ${describeHoles(holes)} ${verb(holes)} interpolated into the SQL passed to \`${shorten(sink)}\`. Pass values as query parameters instead of building the string.${noFix(reason)}`;
}

export function sqlIdentifierMessage(sink: string, hole: NamedHole): string {
  return `${describeHoles([hole])} is interpolated into the SQL passed to \`${shorten(sink)}\` as a table or column name, which cannot be parameterized: check it against an allowlist of known column names.`;
}

export function sqlFragmentMessage(sink: string, hole: NamedHole): string {
  return `The structure of the SQL passed to \`${shorten(sink)}\` is built from a value: ${describeHoles([hole])} is interpolated as a keyword or SQL fragment, which cannot be parameterized. Pick the SQL from fixed alternatives in code (e.g. a map from allowed options to clauses) instead of interpolating the value.`;
}

export function mongoWhereMessage(holes: readonly NamedHole[]): string {
  const headline = holes.some((hole) => hole.taint) ? 'Query injection' : 'String-built $where';
  return `${headline}: MongoDB runs \`$where\` as JavaScript on the server, and this one is built from ${describeHoles(holes)}. Use query operators ($eq, $regex, $expr…) with the value instead of \`$where\`.`;
}

export function shellMessage(sink: string, holes: readonly NamedHole[], viaShell: boolean, reason: string | undefined): string {
  const headline = holes.some((hole) => hole.taint) ? 'Command injection' : 'Shell command built from interpolated values';
  const runs = viaShell
    ? `${verb(holes)} interpolated into the command line that \`${shorten(sink)}\` runs through a shell. A value containing \`;\`, \`|\`, \`$( )\` or quotes runs other commands`
    : `${verb(holes)} interpolated into the command line that \`${shorten(sink)}\` splits into arguments. A value containing spaces adds arguments (options included)`;
  return `${headline}: ${describeHoles(holes)} ${runs}: pass the program and its arguments as a list (execFile, or spawn without a shell).${noFix(reason)}`;
}
