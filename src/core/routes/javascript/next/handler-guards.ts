// What guards a Next.js handler: calls at the top of its body (`const session = await auth()`,
// `await requireUser()`, `if (!(await isAdmin())) redirect('/login')`) and wrappers around it
// (`export const GET = withAuth(async (req) => …)`). Recorded, not judged: the vocabulary decides
// whether `auth` is auth. A body call keeps its statements (the call and the `if (!session) …`
// after it) so a fix can copy the same check into an unguarded sibling.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { dottedName, walkEstree } from '../../../languages/estree-walk';
import type { LineIndex } from '../../../text';
import type { GuardCandidate } from '../../model';
import { isFunctionNode, parameterNames, unwrap, type FunctionNode } from '../syntax';

/** How many statements at the top of a body are searched for guard calls. */
const TOP_STATEMENTS = 5;
/** Callees that read, log or respond and are never a guard; `req.json()` etc. are excluded through the parameters. */
const NOT_GUARDS = new Set(['console', 'JSON', 'Object', 'Math', 'Promise', 'NextResponse', 'Response', 'Number', 'String', 'Array']);
/** Calls that end a request in Next.js: a check whose `if` calls one of these fails closed. */
const ENDS_REQUEST = /^(redirect|permanentRedirect|notFound|unauthorized|forbidden)$/;

export function handlerCallGuards(fn: FunctionNode, lines: LineIndex): GuardCandidate[] {
  if (fn.body?.type !== 'BlockStatement') return [];
  const parameters = new Set(parameterNames(fn));
  const statements = fn.body.body.filter((statement) => !(statement.type === 'ExpressionStatement' && statement.directive !== undefined));
  const guards: GuardCandidate[] = [];
  for (let index = 0; index < Math.min(TOP_STATEMENTS, statements.length); index++) {
    const statement = statements[index];
    if (statement.type === 'IfStatement') {
      // `if (!(await isAdmin())) return …`: the call is the check's test.
      const call = firstGuardCall(statement.test, parameters);
      if (call && failsClosed(statement.consequent)) guards.push(candidate(call, statement, statement, lines));
      continue;
    }
    const call = statementCall(statement);
    if (!call || !guardCallee(call, parameters)) continue;
    const next = statements[index + 1];
    const declared = declaredNames(statement);
    const checksResult = next?.type === 'IfStatement' && declared.size > 0 && mentions(next.test, declared) && failsClosed(next.consequent);
    guards.push(candidate(call, statement, checksResult ? next : statement, lines));
  }
  return guards;
}

/**
 * The handler inside wrappers and the wrappers themselves, outermost first:
 * `withAuth(withRateLimit(async (req) => …))` → the arrow and [withAuth, withRateLimit];
 * `withAuth({ role })(handler)` → `withAuth`. `resolveLocal` turns `withAuth(handler)` into handler's function.
 */
export function unwrapHandler(
  expression: TSESTree.Node,
  lines: LineIndex,
  resolveLocal: (name: string) => TSESTree.Node | undefined,
  depth = 0,
): { fn?: FunctionNode; wrappers: GuardCandidate[] } {
  const node = unwrap(expression);
  if (isFunctionNode(node)) return { fn: node, wrappers: [] };
  if (depth > 5) return { wrappers: [] };
  if (node.type === 'Identifier') {
    const local = resolveLocal(node.name);
    return local && local !== expression ? unwrapHandler(local, lines, resolveLocal, depth + 1) : { wrappers: [] };
  }
  if (node.type !== 'CallExpression') return { wrappers: [] };
  const callee = node.callee.type === 'CallExpression' ? node.callee.callee : node.callee;
  const name = dottedName(callee);
  const inner = node.arguments.find((argument) => isFunctionNode(argument) || argument.type === 'Identifier' || argument.type === 'CallExpression');
  const wrapped = inner ? unwrapHandler(inner, lines, resolveLocal, depth + 1) : { wrappers: [] };
  if (!name) return wrapped;
  const calleeText = node.callee;
  const wrapper: GuardCandidate = {
    name,
    text: lines.text.slice(calleeText.range[0], calleeText.range[1]),
    range: lines.rangeOf(calleeText.range[0], calleeText.range[1]),
    kind: 'middleware',
  };
  return { fn: wrapped.fn, wrappers: [wrapper, ...wrapped.wrappers] };
}

function candidate(call: TSESTree.CallExpression, first: TSESTree.Statement, last: TSESTree.Statement, lines: LineIndex): GuardCandidate {
  return {
    name: calleeName(call) ?? '',
    text: lines.text.slice(call.range[0], call.range[1]),
    range: lines.rangeOf(call.range[0], call.range[1]),
    kind: 'handler-call',
    statements: dedented(first.range[0], last.range[1], lines),
  };
}

/** `auth()` → `auth`, `auth.protect()` → `auth.protect`, `auth().protect()` → `auth`. */
function calleeName(call: TSESTree.CallExpression): string | undefined {
  const callee = call.callee;
  if (callee.type === 'MemberExpression' && callee.object.type === 'CallExpression') return dottedName(callee.object.callee);
  return dottedName(callee);
}

function guardCallee(call: TSESTree.CallExpression, parameters: ReadonlySet<string>): boolean {
  const name = calleeName(call);
  if (!name) return false;
  const root = name.split('.')[0];
  return !parameters.has(root) && !NOT_GUARDS.has(root);
}

function statementCall(statement: TSESTree.Statement): TSESTree.CallExpression | undefined {
  let expression: TSESTree.Node | null | undefined;
  if (statement.type === 'ExpressionStatement') expression = statement.expression;
  else if (statement.type === 'VariableDeclaration' && statement.declarations.length === 1) expression = statement.declarations[0].init;
  if (!expression) return undefined;
  const node = unwrap(expression);
  return node.type === 'CallExpression' ? node : undefined;
}

function firstGuardCall(test: TSESTree.Node, parameters: ReadonlySet<string>): TSESTree.CallExpression | undefined {
  let found: TSESTree.CallExpression | undefined;
  walkEstree(test, (node) => {
    if (!found && node.type === 'CallExpression' && guardCallee(node, parameters)) found = node;
  });
  return found;
}

/** The branch returns, throws or ends the request (`redirect('/login')`). */
export function failsClosed(branch: TSESTree.Node): boolean {
  let ends = false;
  walkEstree(branch, (node) => {
    if (node.type === 'ReturnStatement' || node.type === 'ThrowStatement') ends = true;
    if (node.type === 'CallExpression' && ENDS_REQUEST.test(dottedName(node.callee) ?? '')) ends = true;
  });
  return ends;
}

function declaredNames(statement: TSESTree.Statement): Set<string> {
  const names = new Set<string>();
  if (statement.type !== 'VariableDeclaration') return names;
  for (const declarator of statement.declarations) {
    walkEstree(declarator.id, (node) => {
      if (node.type === 'Identifier') names.add(node.name);
    });
  }
  return names;
}

function mentions(node: TSESTree.Node, names: ReadonlySet<string>): boolean {
  let found = false;
  walkEstree(node, (child) => {
    if (child.type === 'Identifier' && names.has(child.name)) found = true;
  });
  return found;
}

/**
 * The source from `start` to `end` with the first line's indentation removed from every later
 * line, so the check can be re-indented wherever a fix inserts it.
 */
function dedented(start: number, end: number, lines: LineIndex): string {
  const firstLine = lines.positionAt(start).line;
  const indent = /^[ \t]*/.exec(lines.lineText(firstLine))?.[0] ?? '';
  return lines.text
    .slice(start, end)
    .split(/\r?\n/)
    .map((line, index) => (index > 0 && line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n');
}
