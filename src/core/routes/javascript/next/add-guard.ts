// The Next.js guard fix: the check a guarded sibling handler starts with (`const session = await
// auth(); if (!session) return …`) copied, re-indented, as the first statements of this handler,
// its imports added, and the handler made async when the check awaits.
import type { Fix, TextEdit } from '../../../types';
import type { GuardFixInput } from '../../reader';
import { parameterNames } from '../syntax';
import { importEdits } from '../import-fix';
import { nextRouteEntries } from './route-entries';

/** Request parameters a copied check may use: copying `getToken({ req })` into a handler without `req` would not compile. */
const REQUEST_NAMES = /(?<![.\w$])(req|request)(?![\w$])/g;

export function addNextGuard(input: GuardFixInput): Fix | undefined {
  const { file, route, handler, guard, javascript: program } = input;
  if (!program || !guard.statements) return undefined;
  const entry = nextRouteEntries(file, program).find((candidate) =>
    route ? candidate.route.order === route.order : handler !== undefined && samePosition(candidate.route.handler?.range.start, handler.range.start),
  );
  const fn = entry?.fn;
  if (!fn || fn.body?.type !== 'BlockStatement') return undefined;
  const parameters = new Set(parameterNames(fn));
  for (const [used] of guard.statements.matchAll(REQUEST_NAMES)) if (!parameters.has(used)) return undefined;

  const lines = file.lines;
  const eol = lines.text.includes('\r\n') ? '\r\n' : '\n';
  const body = fn.body;
  const directives = body.body.filter((statement) => statement.type === 'ExpressionStatement' && statement.directive !== undefined);
  const first = body.body[directives.length];
  const edits: TextEdit[] = [];
  if (first) {
    const line = lines.positionAt(first.range[0]).line;
    const indent = lines.text.slice(lines.lineStart(line), first.range[0]);
    // A body written on the `{` line has no indentation to follow.
    if (!/^[ \t]*$/.test(indent) || lines.positionAt(body.range[0]).line === line) return undefined;
    const at = lines.lineStart(line);
    edits.push({ range: lines.rangeOf(at, at), newText: indented(guard.statements, indent, eol) + eol + eol });
  } else {
    const openLine = lines.positionAt(body.range[0]).line;
    if (lines.positionAt(body.range[1]).line === openLine) return undefined;
    const outer = /^[ \t]*/.exec(lines.lineText(openLine))?.[0] ?? '';
    const indent = outer + (outer.startsWith('\t') ? '\t' : '  ');
    const after = directives.length ? directives[directives.length - 1].range[1] : body.range[0] + 1;
    edits.push({ range: lines.rangeOf(after, after), newText: eol + indented(guard.statements, indent, eol) });
  }
  if (/\bawait\b/.test(guard.statements) && !fn.async) edits.push({ range: lines.rangeOf(fn.range[0], fn.range[0]), newText: 'async ' });
  edits.push(...importEdits(input, program));
  return { title: `Add the ${guard.name} check to this handler`, safe: false, edits };
}

function indented(statements: string, indent: string, eol: string): string {
  return statements
    .split(/\r?\n/)
    .map((line) => (line.trim() === '' ? '' : indent + line))
    .join(eol);
}

function samePosition(a: { line: number; character: number } | undefined, b: { line: number; character: number }): boolean {
  return a !== undefined && a.line === b.line && a.character === b.character;
}
