// The words of the string-built-query findings, for every language: one rule, one voice. A value
// interpolated into SQL text can change the statement and belongs in a query parameter; one in a
// table/column or keyword position cannot be a parameter, so the SQL must come from code. MongoDB
// `$where`/`$function` JavaScript built from values is reported by the same rule.
import { describeHoles, noFix, shorten, verb, type NamedHole } from './message-parts';

/** Values interpolated where a placeholder could take them: `pool.query(`… WHERE id = ${id}`)`. */
export function sqlValueMessage(sink: string, holes: readonly NamedHole[], fixReason: string | undefined): string {
  const headline = holes.some((hole) => hole.taint) ? 'SQL injection' : 'SQL built from interpolated values';
  return (
    `${headline}: ${describeHoles(holes)} ${verb(holes)} interpolated into the SQL passed to \`${shorten(sink)}\`, where a value can change the statement itself. ` +
    `Pass values as query parameters instead of building the string.${noFix(fixReason)}`
  );
}

/** Why the values get no "Parameterize query" when other holes of the query are SQL syntax. */
export function structuralFixReason(structural: readonly NamedHole[]): string {
  return `the query also takes SQL syntax from ${structural.map((hole) => `\`${shorten(hole.text)}\``).join(', ')}, which placeholders cannot carry`;
}

/** A value in a table or column name position: `ORDER BY ${column}`. */
export function sqlIdentifierMessage(sink: string, hole: NamedHole): string {
  return (
    `${describeHoles([hole])} is interpolated into the SQL passed to \`${shorten(sink)}\` as a table or column name, which cannot be parameterized: ` +
    'check it against an allowlist of known column names (or map user choices to constant names in code).'
  );
}

/** A value standing for SQL syntax: a keyword, a condition, a clause. */
export function sqlFragmentMessage(sink: string, hole: NamedHole): string {
  return (
    `${describeHoles([hole])} is interpolated into the SQL passed to \`${shorten(sink)}\` as a keyword or SQL fragment, which cannot be parameterized: ` +
    "the value decides the statement's structure. Pick the SQL from fixed alternatives in code (e.g. a map from allowed options to clauses) " +
    'and pass values as query parameters.'
  );
}

/** JavaScript for MongoDB built from values; `operator` is `$where` or `$function`. */
export function mongoScriptMessage(operator: string, holes: readonly NamedHole[]): string {
  const headline = holes.some((hole) => hole.taint) ? 'Query injection' : `String-built ${operator}`;
  return (
    `${headline}: MongoDB runs \`${operator}\` as JavaScript on the server, and this one is built from ${describeHoles(holes)}: a value can change the code it runs. ` +
    `Use query operators ($eq, $in, $regex, $expr…) with the values instead of \`${operator}\`.`
  );
}
