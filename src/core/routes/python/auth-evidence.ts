// Auth judged from Python code, not names: a handler that turns away anonymous requests itself, a
// webhook handler that checks the sender's signature, and the file's own auth helpers (decorators,
// before_request hooks, FastAPI dependencies, DRF permissions, middleware) whose names then join
// the project's auth vocabulary.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { LineIndex } from '../../text';
import type { Range } from '../../types';
import type { AuthDefinition } from '../model';
import {
  allClasses,
  allFunctions,
  callsNamed,
  classBases,
  decoratorsOf,
  definitionParent,
  dottedName,
  keywordValue,
  lastSegment,
  namedChildren,
  nodeRange,
  simpleAssignment,
} from '../../languages/python-syntax';
import { DEPENDENCY_CALLS } from './guards';
import { assignedValues, firstRejection } from './rejection';

/** A condition that looks at who is asking: user, session, token, a header, an API or partner key. */
const READS_CALLER = /user|session|token|auth|key|header|credential|jwt|claims|principal|identity|login/i;
/** A webhook signature comparison reads headers too, but it authenticates a sender, not a user. */
const SIGNATURE_CHECK = /compare_digest|signature/i;
/** A call that decodes or verifies a caller's token (`jwt.decode`, `verify_token`, `decode_access_token`). */
const VERIFIES_TOKEN = /(^|\.)(decode|verify)\w*$|(decode|verify)_?\w*token|token\w*_(decode|verify)/i;

/** FastAPI security schemes: used as a dependency they answer 401/403 when credentials are missing. */
const SECURITY_SCHEMES: ReadonlySet<string> = new Set([
  'OAuth2PasswordBearer',
  'OAuth2AuthorizationCodeBearer',
  'HTTPBearer',
  'HTTPBasic',
  'HTTPDigest',
  'APIKeyHeader',
  'APIKeyQuery',
  'APIKeyCookie',
  'OpenIdConnect',
]);
/** Django mixins that check the user before `dispatch`; a subclass is an auth check too. */
const AUTH_MIXINS: ReadonlySet<string> = new Set(['LoginRequiredMixin', 'PermissionRequiredMixin', 'UserPassesTestMixin']);
/** Methods through which a class turns requests away (CBV/middleware/DRF permission hooks). */
const CHECKING_METHODS: ReadonlySet<string> = new Set(['dispatch', '__call__', 'process_request', 'process_view']);

/** The `if` (or token-decoding `try`) in the handler body that rejects anonymous callers. */
export function pythonInlineAuthCheck(fn: Node, lines: LineIndex): Range | undefined {
  const check = ownCheck(fn);
  return check ? nodeRange(check.node, lines) : undefined;
}

export function pythonVerifiesSignature(fn: Node): boolean {
  return fn.descendantsOfType('call').some((call) => {
    const name = call ? dottedName(call.childForFieldName('function')) : undefined;
    if (!name) return false;
    const tail = lastSegment(name);
    if (['construct_event', 'compare_digest', 'verify_header', 'is_valid_request'].includes(tail)) return true;
    if (/verif\w*_?(signature|webhook)|(signature|webhook)\w*_?verif|validate_?(signature|webhook)/i.test(tail)) return true;
    return (tail === 'verify' || tail === 'validate') && /webhook|wh|validator|verifier|signature/i.test(name.slice(0, -tail.length));
  });
}

export function readPythonAuthDefinitions(root: Node, lines: LineIndex): AuthDefinition[] {
  const definitions: AuthDefinition[] = [];
  for (const fn of allFunctions(root)) {
    if (!isNamedDefinition(fn)) continue;
    const reason = functionEvidence(fn);
    const name = fn.childForFieldName('name');
    if (reason && name) definitions.push({ name: name.text, range: nodeRange(name, lines), evidence: reason });
  }
  for (const cls of allClasses(root)) {
    const reason = classEvidence(cls);
    const name = cls.childForFieldName('name');
    if (reason && name) definitions.push({ name: name.text, range: nodeRange(name, lines), evidence: reason });
  }
  definitions.push(...dependentDefinitions(root, lines, definitions));
  definitions.push(...assignedDefinitions(root, lines, new Set(definitions.map((definition) => definition.name))));
  return definitions;
}

/**
 * FastAPI dependencies that depend on one of ours (`get_current_active_user(user = Depends(get_current_user))`):
 * the request is rejected before their body runs. Repeated until no new one appears.
 */
function dependentDefinitions(root: Node, lines: LineIndex, known: readonly AuthDefinition[]): AuthDefinition[] {
  const names = new Set(known.map((definition) => definition.name));
  const found: AuthDefinition[] = [];
  const candidates = allFunctions(root).filter((fn) => definitionParent(fn)?.type === 'module' && !names.has(fn.childForFieldName('name')?.text ?? ''));
  for (let changed = true; changed;) {
    changed = false;
    for (const fn of candidates) {
      const name = fn.childForFieldName('name');
      if (!name || names.has(name.text)) continue;
      const target = callsNamed(fn.childForFieldName('parameters') ?? fn, DEPENDENCY_CALLS)
        .map((call) => dottedName(namedChildren(call.childForFieldName('arguments') ?? call)[0]))
        .find((dependency) => dependency && names.has(dependency));
      if (!target) continue;
      names.add(name.text);
      found.push({ name: name.text, range: nodeRange(name, lines), evidence: `depends on ${target}` });
      changed = true;
    }
  }
  return found;
}

/**
 * Module-level functions and methods are names other code can use as guards; nested ones only when
 * decorated (`@app.before_request` inside `create_app()`), not the `wrapper` of a decorator.
 */
function isNamedDefinition(fn: Node): boolean {
  const parent = definitionParent(fn);
  if (parent?.type === 'module') return true;
  if (parent?.parent?.type === 'class_definition') return false; // judged with its class
  // `@wraps(f)` marks a decorator's wrapper, which is no registered hook.
  return insideFunction(fn) && decoratorsOf(fn).some((decorator) => !/^@\s*(functools\.)?wraps\b/.test(decorator.text));
}

function insideFunction(fn: Node): boolean {
  for (let current = definitionParent(fn); current; current = current.parent) if (current.type === 'function_definition') return true;
  return false;
}

/** Why `fn` is an auth check: its own body rejects, or it returns a nested function that does (a decorator). */
function functionEvidence(fn: Node): string | undefined {
  const own = ownCheck(fn);
  if (own) return own.reason;
  const body = fn.childForFieldName('body');
  if (!body) return undefined;
  const returned = new Set(
    namedChildren(body)
      .filter((statement) => statement.type === 'return_statement')
      .map((statement) => namedChildren(statement)[0]?.text),
  );
  for (const statement of namedChildren(body)) {
    const nested = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (nested?.type !== 'function_definition' || !returned.has(nested.childForFieldName('name')?.text ?? '')) continue;
    const reason = functionEvidence(nested);
    if (reason) return reason.startsWith('decorator that') ? reason : `decorator that ${reason}`;
  }
  return undefined;
}

/** The body's own check: an `if` on the caller that rejects, or a token decode with a rejection. */
function ownCheck(fn: Node): { node: Node; reason: string } | undefined {
  const body = fn.childForFieldName('body');
  if (!body) return undefined;
  const values = assignedValues(fn);
  for (const statement of ownNodes(body, 'if_statement')) {
    const condition = statement.childForFieldName('condition');
    if (!condition || !READS_CALLER.test(condition.text) || SIGNATURE_CHECK.test(condition.text)) continue;
    const rejection = firstRejection(statement, values);
    if (rejection) return { node: statement, reason: rejection.reason };
  }
  const decodes = ownNodes(body, 'call').some(
    (call) => VERIFIES_TOKEN.test(dottedName(call.childForFieldName('function')) ?? '') && READS_CALLER.test(call.text),
  );
  if (!decodes) return undefined;
  const rejection = firstRejection(body, values);
  if (!rejection) return undefined;
  const tryStatement = ownNodes(body, 'try_statement').find((node) => node.startIndex <= rejection.node.startIndex && rejection.node.endIndex <= node.endIndex);
  return { node: tryStatement ?? rejection.node, reason: `verifies the token and ${rejection.reason}` };
}

/** Descendants of one type outside nested functions and classes. */
function ownNodes(node: Node, type: string): Node[] {
  const found: Node[] = [];
  for (const child of namedChildren(node)) {
    if (child.type === 'function_definition' || child.type === 'class_definition' || child.type === 'decorated_definition' || child.type === 'lambda') continue;
    if (child.type === type) found.push(child);
    found.push(...ownNodes(child, type));
  }
  return found;
}

function classEvidence(cls: Node): string | undefined {
  const bases = classBases(cls).map((base) => lastSegment(dottedName(base) ?? ''));
  const mixin = bases.find((base) => AUTH_MIXINS.has(base));
  if (mixin) return `extends ${mixin}`;
  const methods = classMethods(cls);
  const permission = methods.get('has_permission');
  if (bases.includes('BasePermission') && permission && /request\.(user|auth)\b|is_authenticated/.test(permission.text))
    return 'permission class checking request.user';
  for (const [name, method] of methods) {
    if (!CHECKING_METHODS.has(name)) continue;
    const check = ownCheck(method);
    if (check) return `${name} ${check.reason}`;
  }
  return undefined;
}

function classMethods(cls: Node): Map<string, Node> {
  const methods = new Map<string, Node>();
  for (const statement of namedChildren(cls.childForFieldName('body') ?? cls)) {
    const fn = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
    if (fn && name) methods.set(name, fn);
  }
  return methods;
}

/** `oauth2_scheme = OAuth2PasswordBearer(...)`; `CurrentUser = Annotated[User, Depends(get_current_user)]` when the dependency is one of ours. */
function assignedDefinitions(root: Node, lines: LineIndex, known: ReadonlySet<string>): AuthDefinition[] {
  const definitions: AuthDefinition[] = [];
  for (const statement of namedChildren(root)) {
    const assignment = simpleAssignment(statement);
    if (!assignment) continue;
    const target = assignment.node.childForFieldName('left');
    if (!target) continue;
    const { value } = assignment;
    const callee = value.type === 'call' ? lastSegment(dottedName(value.childForFieldName('function')) ?? '') : '';
    if (SECURITY_SCHEMES.has(callee) && keywordValue(value, 'auto_error')?.text !== 'False') {
      definitions.push({ name: assignment.target, range: nodeRange(target, lines), evidence: `${callee} answers 401/403 without credentials` });
      continue;
    }
    const dependency = callsNamed(value, DEPENDENCY_CALLS)[0];
    const dependencyName = dependency ? dottedName(namedChildren(dependency.childForFieldName('arguments') ?? dependency)[0]) : undefined;
    if (dependencyName && known.has(dependencyName)) {
      definitions.push({ name: assignment.target, range: nodeRange(target, lines), evidence: `alias of Depends(${dependencyName})` });
    }
  }
  return definitions;
}
