// Code evidence that a JS/TS function checks authentication, judged from its body rather than its
// name: it rejects (401/403, an Unauthorized error, a redirect to the login page) under a condition
// that reads the user, session, token or Authorization header; or it verifies a JWT/session before
// going on. Used for handlers (`inlineCheck`), for the project's own middleware (`AuthDefinition`s
// that join the auth vocabulary) and for webhook handlers that verify a signature.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { dottedName, walkEstree } from '../../languages/estree-walk';
import type { LineIndex } from '../../text';
import type { Range } from '../../types';
import type { AuthDefinition } from '../model';
import { ANONYMOUS_DEFAULT } from './module-bindings';
import { calleeTail, isFunctionNode, parameterNames, unwrap, type FunctionNode } from './syntax';

/** Names and words of what a check reads: `req.user`, `session?.user`, `headers.authorization`, `cookies().get('token')`. */
const AUTH_STATE = /user|session|token|auth(?!ors?\b)|jwt|logged|principal|api_?key|credential|bearer|cookie|claims|identity/i;
/** Errors and helpers that mean "not authenticated / not allowed": `new UnauthorizedException()`, `createError.Unauthorized()`, `Boom.forbidden()`. */
const REJECTING_NAME = /unauthori[sz]ed|forbidden|unauthenticated|authenticationerror|authrequired|notloggedin/i;
const REJECTING_STATUS = new Set([401, 403]);
const REJECTING_STATUS_NAME = /^(UNAUTHORIZED|FORBIDDEN|HTTP_401_UNAUTHORIZED|HTTP_403_FORBIDDEN)$/;
const LOGIN_TARGET = /log-?in|sign-?in|\/auth\b|\bauth\//i;
/** Calls that verify a token or session: `jwt.verify`, `request.jwtVerify()`, `admin.auth().verifyIdToken`, `jose.jwtVerify`. */
const TOKEN_VERIFIER =
  /^(jwtVerify|verifyIdToken|verifyAccessToken|verifyToken|verifyJwt|verifyJWT|verifySessionCookie|verifySession|validateToken|validateSession)$/;
const JWT_LIBRARY = /^(jwt|jsonwebtoken|jose|JWT|jws)$/;
/** Middleware factories of auth libraries: `const requireAuth = passport.authenticate('jwt')`. */
const AUTH_FACTORY = /^(passport\.authenticate|expressjwt|expressJwt|jwt|koaJwt|requiresAuth|auth)$/;

interface Evidence {
  node: TSESTree.Node;
  evidence: string;
}

/** The check with which the function rejects unauthenticated requests itself (the if-statement), if any. */
export function jsInlineAuthCheck(fn: TSESTree.Node, lines: LineIndex): Range | undefined {
  const found = findAuthCheck(fn);
  return found && lines.rangeOf(found.node.range[0], found.node.range[1]);
}

/** Whether the function verifies a webhook signature before trusting the payload. */
export function jsVerifiesSignature(fn: TSESTree.Node): boolean {
  let verifies = false;
  let hmac = false;
  let compares = false;
  const constructed = new Set<string>();
  walkEstree(fn, (node) => {
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init) {
      // `const wh = new Webhook(secret)` (svix), `const webhooks = new Webhooks({ secret })` (Octokit).
      const init = unwrap(node.init);
      if (init.type === 'NewExpression' && /^Webhooks?$/.test(calleeTail(init) ?? '')) constructed.add(node.id.name);
    }
    if (node.type === 'BinaryExpression' && /^[!=]==?$/.test(node.operator)) compares = true;
    if (node.type !== 'CallExpression') return;
    const tail = calleeTail(node) ?? '';
    if (tail === 'createHmac') hmac = true;
    if (/^(constructEvent|constructEventAsync|timingSafeEqual|verifyAndReceive|safeCompare|secureCompare)$/.test(tail)) verifies = true;
    if (/^(verify|validate|check)\w*(Signature|Webhook|Hmac)\w*$/i.test(tail) || /^isValid\w*(Signature|Webhook)/i.test(tail)) verifies = true;
    if (tail === 'verify') {
      const callee = unwrap(node.callee);
      const receiver = callee.type === 'MemberExpression' ? unwrap(callee.object) : undefined;
      const receiverName = receiver && (receiver.type === 'NewExpression' ? calleeTail(receiver) : dottedName(receiver));
      if (receiverName && (constructed.has(receiverName) || /webhook|^wh$|svix|hook/i.test(receiverName))) verifies = true;
    }
  });
  return verifies || (hmac && compares);
}

/** The functions and classes at the top of this file (exported or not) that are auth checks by their body. */
export function readJsAuthDefinitions(program: TSESTree.Program, lines: LineIndex): AuthDefinition[] {
  const definitions: AuthDefinition[] = [];
  const add = (name: string, at: TSESTree.Node, evidence: string | undefined) => {
    if (evidence && !definitions.some((definition) => definition.name === name)) {
      definitions.push({ name, range: lines.rangeOf(at.range[0], at.range[1]), evidence });
    }
  };
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (!declaration) continue;
    if (declaration.type === 'FunctionDeclaration') {
      add(declaration.id?.name ?? ANONYMOUS_DEFAULT, declaration.id ?? declaration, middlewareEvidence(declaration));
    } else if (isFunctionNode(declaration)) {
      add(ANONYMOUS_DEFAULT, declaration, middlewareEvidence(declaration));
    } else if (declaration.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === 'Identifier' && declarator.init) add(declarator.id.name, declarator.id, valueEvidence(declarator.init));
      }
    } else if (declaration.type === 'ClassDeclaration' || declaration.type === 'ClassExpression') {
      add(declaration.id?.name ?? ANONYMOUS_DEFAULT, declaration.id ?? declaration, classEvidence(declaration));
    } else if (declaration.type === 'ExpressionStatement') {
      const exported = commonJsExport(declaration.expression);
      if (exported) add(exported.name, exported.at, valueEvidence(exported.value));
    }
  }
  // `fastify.decorate('authenticate', async (request, reply) => { await request.jwtVerify() })`,
  // usually inside an fastify-plugin wrapper: routes then use `fastify.authenticate`.
  walkEstree(program, (node) => {
    if (node.type !== 'CallExpression' || calleeTail(node) !== 'decorate' || node.arguments.length < 2) return;
    const [key, value] = node.arguments;
    if (key.type === 'Literal' && typeof key.value === 'string') add(key.value, key, valueEvidence(value));
  });
  return definitions;
}

/** Why the value of `const x = …` / `module.exports = …` is an auth check, if it is. */
function valueEvidence(value: TSESTree.Node): string | undefined {
  const inner = unwrap(value);
  if (isFunctionNode(inner)) return middlewareEvidence(inner);
  if (inner.type === 'ClassExpression') return classEvidence(inner);
  if (inner.type !== 'CallExpression') return undefined;
  const callee = dottedName(unwrap(inner.callee));
  if (callee && AUTH_FACTORY.test(callee)) return callee;
  // `fp(async function auth(fastify) {…})` is a plugin that may decorate or hook an auth check (read
  // separately), not a check itself.
  if (callee && /^(fp|fastifyPlugin)$/.test(callee)) return undefined;
  // `asyncHandler(async (req, res, next) => { … })`: the wrapped function is the middleware.
  const wrapped = inner.arguments.find((argument) => isFunctionNode(argument));
  return wrapped && isFunctionNode(wrapped) ? middlewareEvidence(wrapped) : undefined;
}

/**
 * A middleware-shaped function (Express `(req, res, next)`, Koa `(ctx, next)`, a Fastify hook
 * `(request, reply)`, or a factory returning one) whose body checks auth. The shape keeps route
 * handlers out: `login(req, res)` answers 401 for a wrong password but guards nothing.
 */
function middlewareEvidence(fn: FunctionNode): string | undefined {
  const params = parameterNames(fn);
  const middlewareShaped = params.length >= 3 || params.some((param) => /^(next|done|ctx|reply)$/.test(param)) || returnsFunction(fn);
  if (!middlewareShaped) return undefined;
  const check = findAuthCheck(fn);
  if (check) return check.evidence;
  return verifiesToken(fn) ? 'verifies a JWT or session' : undefined;
}

function classEvidence(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string | undefined {
  if (node.implements?.some((clause) => dottedName(clause.expression) === 'CanActivate')) return 'implements CanActivate';
  const base = node.superClass && unwrap(node.superClass);
  if (base?.type === 'CallExpression' && dottedName(unwrap(base.callee)) === 'AuthGuard') return 'extends AuthGuard';
  return undefined;
}

function commonJsExport(expression: TSESTree.Expression): { name: string; at: TSESTree.Node; value: TSESTree.Node } | undefined {
  if (expression.type !== 'AssignmentExpression' || expression.operator !== '=' || expression.left.type !== 'MemberExpression') return undefined;
  const target = dottedName(expression.left);
  const value = unwrap(expression.right);
  if (target === 'module.exports') {
    const own = value.type === 'FunctionExpression' ? value.id?.name : undefined;
    return { name: own ?? ANONYMOUS_DEFAULT, at: expression.left, value };
  }
  const member = target?.match(/^(?:module\.)?exports\.(\w+)$/);
  return member ? { name: member[1], at: expression.left, value } : undefined;
}

function returnsFunction(fn: FunctionNode): boolean {
  if (fn.body.type !== 'BlockStatement') return isFunctionNode(unwrap(fn.body));
  return fn.body.body.some((statement) => statement.type === 'ReturnStatement' && statement.argument !== null && isFunctionNode(unwrap(statement.argument)));
}

/** Calls a token/session verifier: `jwt.verify(token, secret)`, `await request.jwtVerify()`, `auth.verifyIdToken(t)`. */
function verifiesToken(fn: TSESTree.Node): boolean {
  let verifies = false;
  walkEstree(fn, (node) => {
    if (verifies || node.type !== 'CallExpression') return;
    const tail = calleeTail(node) ?? '';
    if (TOKEN_VERIFIER.test(tail)) verifies = true;
    const callee = unwrap(node.callee);
    if (tail === 'verify' && callee.type === 'MemberExpression' && JWT_LIBRARY.test(dottedName(unwrap(callee.object)) ?? '')) verifies = true;
    if (dottedName(callee) === 'passport.authenticate') verifies = true;
  });
  return verifies;
}

/** The first rejection guarded by a condition on auth state; also `try { verify } catch { reject }` and `ctx.assert(ctx.state.user, 401)`. */
function findAuthCheck(fn: TSESTree.Node): Evidence | undefined {
  const locals = localValues(fn);
  let found: Evidence | undefined;
  walkEstree(fn, (node) => {
    if (found) return;
    if (node.type === 'IfStatement' || node.type === 'ConditionalExpression') {
      if (!readsAuthState(node.test, locals)) return;
      const evidence = rejection(node.consequent) ?? (node.alternate ? rejection(node.alternate) : undefined);
      if (evidence) found = { node, evidence };
    } else if (node.type === 'TryStatement' && node.handler && verifiesToken(node.block)) {
      const evidence = rejection(node.handler.body) ?? (sendsCaughtError(node.handler) ? 'rejects when the token does not verify' : undefined);
      if (evidence) found = { node, evidence };
    } else if (node.type === 'CallExpression' && calleeTail(node) === 'assert' && node.arguments.length >= 2) {
      const [condition, ...rest] = node.arguments;
      if (readsAuthState(condition, locals) && rest.some((argument) => statusOf(argument) !== undefined))
        found = { node, evidence: `responds ${rest.map(statusOf).find(Boolean)}` };
    }
  });
  return found;
}

/** `catch (err) { reply.send(err) }` / `next(err)` / `throw err`: the verifier's own 401 goes out. */
function sendsCaughtError(handler: TSESTree.CatchClause): boolean {
  const caught = handler.param?.type === 'Identifier' ? handler.param.name : undefined;
  if (!caught) return false;
  let sends = false;
  walkEstree(handler.body, (node) => {
    if (node.type === 'ThrowStatement' && node.argument.type === 'Identifier' && node.argument.name === caught) sends = true;
    if (node.type === 'CallExpression' && node.arguments.some((argument) => argument.type === 'Identifier' && argument.name === caught)) {
      if (/^(send|next|done)$/.test(calleeTail(node) ?? '')) sends = true;
    }
  });
  return sends;
}

/** How `node` rejects the request, if it does: "responds 401", "throws UnauthorizedException", "redirects to login". */
function rejection(node: TSESTree.Node): string | undefined {
  let found: string | undefined;
  walkEstree(node, (inner) => {
    if (found) return;
    if (inner.type === 'CallExpression' || inner.type === 'NewExpression') {
      const tail = calleeTail(inner) ?? '';
      const status = inner.arguments.map(statusOf).find(Boolean);
      if (status) found = `responds ${status}`;
      else if (REJECTING_NAME.test(dottedName(unwrap(inner.callee)) ?? '')) found = `throws ${dottedName(unwrap(inner.callee))}`;
      else if (tail === 'redirect' && inner.arguments.some((argument) => mentionsLogin(argument))) found = 'redirects to login';
    } else if (inner.type === 'AssignmentExpression' && inner.left.type === 'MemberExpression') {
      const property = inner.left.property.type === 'Identifier' ? inner.left.property.name : '';
      const status = /^(status|statusCode)$/.test(property) ? statusOf(inner.right) : undefined;
      if (status) found = `responds ${status}`;
    } else if (inner.type === 'Property' && !inner.computed && inner.key.type === 'Identifier' && /^(status|statusCode)$/.test(inner.key.name)) {
      // `NextResponse.json({ error }, { status: 401 })`, `new Response(null, { status: 403 })`.
      const status = statusOf(inner.value);
      if (status) found = `responds ${status}`;
    }
  });
  return found;
}

function statusOf(node: TSESTree.Node): number | undefined {
  const inner = unwrap(node);
  if (inner.type === 'Literal' && typeof inner.value === 'number' && REJECTING_STATUS.has(inner.value)) return inner.value;
  if (inner.type === 'MemberExpression' && !inner.computed && inner.property.type === 'Identifier' && REJECTING_STATUS_NAME.test(inner.property.name)) {
    return inner.property.name.includes('FORBIDDEN') ? 403 : 401;
  }
  return undefined;
}

function mentionsLogin(node: TSESTree.Node): boolean {
  let mentions = false;
  walkEstree(node, (inner) => {
    if (inner.type === 'Literal' && typeof inner.value === 'string' && LOGIN_TARGET.test(inner.value)) mentions = true;
    if (inner.type === 'TemplateElement' && LOGIN_TARGET.test(inner.value.raw)) mentions = true;
  });
  return mentions;
}

/** Whether a condition reads auth state, directly or through a local (`const user = await getUser(req)`). */
function readsAuthState(test: TSESTree.Node, locals: Map<string, TSESTree.Node>, depth = 0): boolean {
  let reads = false;
  walkEstree(test, (node) => {
    if (reads) return;
    const word =
      node.type === 'Identifier'
        ? node.name
        : node.type === 'Literal' && typeof node.value === 'string'
          ? node.value
          : node.type === 'PrivateIdentifier'
            ? node.name
            : undefined;
    if (word === undefined) return;
    const local = node.type === 'Identifier' ? locals.get(node.name) : undefined;
    // `const user = await verifyPassword(req.body.email, …)`: a login checking submitted
    // credentials, which rejects a wrong password but guards nothing.
    if (local && readsRequestBody(local)) return;
    if (AUTH_STATE.test(word)) reads = true;
    else if (depth < 2 && local) reads = readsAuthState(local, locals, depth + 1);
  });
  return reads;
}

function readsRequestBody(node: TSESTree.Node): boolean {
  let reads = false;
  walkEstree(node, (inner) => {
    if (inner.type === 'MemberExpression' && !inner.computed && inner.property.type === 'Identifier' && inner.property.name === 'body') reads = true;
  });
  return reads;
}

function localValues(fn: TSESTree.Node): Map<string, TSESTree.Node> {
  const locals = new Map<string, TSESTree.Node>();
  walkEstree(fn, (node) => {
    if (node.type === 'VariableDeclarator' && node.init) {
      if (node.id.type === 'Identifier') locals.set(node.id.name, node.init);
      if (node.id.type === 'ObjectPattern') {
        // `const { data: { session } } = await supabase.auth.getSession()`: each bound name reads the init.
        walkEstree(node.id, (part) => {
          if (part.type === 'Identifier') locals.set(part.name, node.init!);
        });
      }
    }
  });
  return locals;
}

/**
 * Why an anonymous inline middleware or hook (`(req, res, next) => { if (!req.user) … }`,
 * `async (request) => { await request.jwtVerify() }`) is an auth check, if it is. It has no name for
 * the vocabulary, so readers record it under a name of their own with this evidence.
 */
export function jsInlineMiddlewareEvidence(fn: TSESTree.Node): string | undefined {
  const check = findAuthCheck(fn);
  if (check) return check.evidence;
  return verifiesToken(fn) ? 'verifies a JWT or session' : undefined;
}
