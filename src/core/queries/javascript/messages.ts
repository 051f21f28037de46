// The words of the string-built query/command findings: what was interpolated, where it comes
// from, why it matters, and what to do (including why there is no automatic fix, when there is none).
// The command rule's words live in ../shell-messages.ts, shared with Python.
import { describeHoles, noFix, shorten, verb, type NamedHole } from '../message-parts';

export type { NamedHole } from '../message-parts';

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
