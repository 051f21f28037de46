// "This statement turns the request away": the Python spellings of 401/403 and of "go log in"
// across Flask, FastAPI/Starlette, Django and DRF. Used to judge handler bodies (inline checks)
// and helper functions (auth definitions) from code evidence rather than from their names.
import type { Node } from '@vscode/tree-sitter-wasm';
import { dottedName, lastSegment, namedChildren } from '../../languages/python-syntax';

const AUTH_STATUS = /\b40[13]\b|HTTP_40[13]_|\bUNAUTHORIZED\b|\bFORBIDDEN\b/;
const LOGIN_WORDS = /log_?in|sign_?in|auth/i;

/** Exceptions that mean 401/403 whatever their arguments (Django, DRF, werkzeug, Starlette). */
const REJECTING_EXCEPTIONS: ReadonlySet<string> = new Set([
  'PermissionDenied',
  'NotAuthenticated',
  'AuthenticationFailed',
  'Unauthorized',
  'Forbidden',
  'NotAuthorized',
]);
/** Response classes that are a rejection by themselves. */
const REJECTING_RESPONSES = /\b(HttpResponseForbidden|HttpResponseNotAllowed|redirect_to_login)\s*\(|\.unauthorized\s*\(\s*\)/;

/**
 * Why `statement` rejects the request, or undefined. `values` maps local names to the text they
 * were assigned, so `raise credentials_exception` is read through its assignment.
 */
function rejectionOf(statement: Node, values: ReadonlyMap<string, string>): string | undefined {
  if (statement.type === 'raise_statement') {
    const raised = namedChildren(statement)[0];
    if (!raised) return undefined;
    const text = raised.type === 'identifier' ? (values.get(raised.text) ?? raised.text) : raised.text;
    const callee =
      raised.type === 'call' ? dottedName(raised.childForFieldName('function')) : raised.type === 'identifier' ? calleeText(text) : dottedName(raised);
    const name = lastSegment(callee ?? '');
    if (REJECTING_EXCEPTIONS.has(name)) return `raises ${name}`;
    if (/HTTPException$/.test(name) && AUTH_STATUS.test(text)) return `raises ${name}(${statusOf(text)})`;
    return undefined;
  }
  if (statement.type === 'return_statement') {
    const text = statement.text;
    if (REJECTING_RESPONSES.test(text)) return 'responds 401/403';
    if (AUTH_STATUS.test(text)) return `responds ${statusOf(text)}`;
    if (/\bredirect\w*\s*\(/i.test(text) && LOGIN_WORDS.test(text)) return 'redirects to login';
    return undefined;
  }
  if (statement.type === 'expression_statement') {
    const call = namedChildren(statement)[0];
    if (call?.type !== 'call') return undefined;
    const name = lastSegment(dottedName(call.childForFieldName('function')) ?? '');
    if (name === 'abort' && AUTH_STATUS.test(call.text)) return `aborts ${statusOf(call.text)}`;
    if (name === 'abort' && /redirect/.test(call.text) && LOGIN_WORDS.test(call.text)) return 'redirects to login';
  }
  return undefined;
}

/** The first rejection inside `node` (any depth; nested functions and classes excluded). */
export function firstRejection(node: Node, values: ReadonlyMap<string, string>): { node: Node; reason: string } | undefined {
  for (const child of namedChildren(node)) {
    if (child.type === 'function_definition' || child.type === 'class_definition' || child.type === 'decorated_definition' || child.type === 'lambda') continue;
    const reason = rejectionOf(child, values);
    if (reason) return { node: child, reason };
    const found = firstRejection(child, values);
    if (found) return found;
  }
  return undefined;
}

/** Local `name = expression` texts of a function, for `raise credentials_exception`. */
export function assignedValues(fn: Node): Map<string, string> {
  const values = new Map<string, string>();
  for (const assignment of fn.descendantsOfType('assignment')) {
    const left = assignment?.childForFieldName('left');
    const right = assignment?.childForFieldName('right');
    if (left?.type === 'identifier' && right) values.set(left.text, right.text);
  }
  return values;
}

function calleeText(text: string): string {
  const open = text.indexOf('(');
  return open < 0 ? text : text.slice(0, open).trim();
}

function statusOf(text: string): string {
  return /\b403\b|HTTP_403_|\bFORBIDDEN\b/.test(text) && !/\b401\b|HTTP_401_|\bUNAUTHORIZED\b/.test(text) ? '403' : '401';
}
