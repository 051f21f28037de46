// The Express/Koa guard fix: the guard goes in as a middleware argument right before the route's
// handler (`app.get('/x', requireAuth, handler)`), after any middleware already there, and its
// name is imported in the file's style when the file does not bind it yet.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Fix, TextEdit } from '../../types';
import type { RouteDecl } from '../model';
import type { GuardFixInput } from '../reader';
import { importEdits } from './import-fix';
import { memberCall, unwrap } from './syntax';
import { walkEstree } from '../../languages/estree-walk';

export function addMiddlewareGuard(input: GuardFixInput): Fix | undefined {
  const { route, javascript: program } = input;
  if (!route || !program) return undefined;
  const call = registrationCall(program, route);
  const last = call?.arguments[call.arguments.length - 1];
  // A path and a handler, or only the handler in an `app.route('/x').get(handler)` chain.
  const chained = call && memberCall(call)?.object.type === 'CallExpression';
  if (!call || !last || last.type === 'SpreadElement' || call.arguments.length < (chained ? 1 : 2)) return undefined;
  const inner = unwrap(last);
  const handler = inner.type === 'ArrayExpression' ? inner.elements[inner.elements.length - 1] : last;
  if (!handler || handler.type === 'SpreadElement') return undefined;
  const { text, lines } = input.file;
  const edits: TextEdit[] = [
    { range: lines.rangeOf(handler.range[0], handler.range[0]), newText: `${input.guard.text},${separatorBefore(text, handler.range[0])}` },
  ];
  edits.push(...importEdits(input, program));
  return { title: `Add ${input.guard.name} to this route`, safe: false, edits };
}

/** The call that registered `route`: it starts at the route's order (or its method name does, in a chain). */
export function registrationCall(program: TSESTree.Program, route: RouteDecl): TSESTree.CallExpression | undefined {
  let found: TSESTree.CallExpression | undefined;
  walkEstree(program, (node) => {
    if (found || node.type !== 'CallExpression') return;
    const member = memberCall(node);
    if (!member) return;
    const start = member.object.type === 'CallExpression' ? member.property.range[0] : node.range[0];
    if (start === route.order) found = node;
  });
  return found;
}

/** `, ` within a line; a line break and the handler's indentation when arguments are one per line. */
export function separatorBefore(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /^\s*$/.test(before) ? `\n${before}` : ' ';
}
