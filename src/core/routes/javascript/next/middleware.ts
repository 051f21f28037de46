// Next.js `middleware.ts` runs before every route its `config.matcher` covers. When it checks
// authentication (calls `auth`, `getToken`, `clerkMiddleware`, `withAuth`…, or redirects to a login
// page / answers 401 itself) its auth calls become project guards with the matcher; a middleware
// that only rewrites locales or headers records nothing, since it guards nothing.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { dottedName, walkEstree } from '../../../languages/estree-walk';
import type { LineIndex } from '../../../text';
import type { AuthDefinition, GuardCandidate, ProjectGuard } from '../../model';
import { topLevelResolver } from './locals';
import { isFunctionNode, parameterNames, unwrap, type FunctionNode } from '../syntax';

/** Names of functions that check a session, token or user (the middleware's own calls, not the vocabulary's verdict). */
const AUTH_LIKE = /auth|session|token|jwt|clerk|log-?in|sign-?in|protect|verify|user|kinde/i;
/** The name a middleware that checks auth by hand is recorded under. */
const OWN_CHECK = 'middleware';

export interface NextMiddlewareGuards {
  guards: ProjectGuard[];
  /** The middleware itself, when it checks auth by hand (redirects to login, answers 401). */
  definitions: AuthDefinition[];
}

export function readNextMiddleware(program: TSESTree.Program, lines: LineIndex): NextMiddlewareGuards {
  const found: GuardCandidate[] = [];
  const bodies: FunctionNode[] = [];
  const resolveLocal = topLevelResolver(program);
  const entry = (node: TSESTree.Node, depth = 0): void => {
    const value = unwrap(node);
    if (depth > 4) return;
    if (isFunctionNode(value)) bodies.push(value);
    else if (value.type === 'Identifier') {
      const local = resolveLocal(value.name);
      if (local) entry(local, depth + 1);
      else found.push(candidate(value.name, value, lines));
    } else if (value.type === 'CallExpression') {
      const callee = value.callee.type === 'CallExpression' ? value.callee.callee : value.callee;
      const name = dottedName(callee);
      if (name) found.push(candidate(name, value.callee, lines));
      for (const argument of value.arguments) entry(argument, depth + 1);
    } else if (value.type === 'MemberExpression' && value.object.type === 'CallExpression') {
      // `export default NextAuth(authConfig).auth`
      const property = dottedName(value.property);
      if (property) found.push(candidate(property, value, lines));
    }
  };
  for (const statement of program.body) {
    if (statement.type === 'ExportDefaultDeclaration') entry(statement.declaration);
    if (statement.type !== 'ExportNamedDeclaration') continue;
    const declaration = statement.declaration;
    if (declaration?.type === 'FunctionDeclaration' && isMiddlewareName(declaration.id?.name)) bodies.push(declaration);
    if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === 'Identifier' && isMiddlewareName(declarator.id.name) && declarator.init) entry(declarator.init);
      }
    }
    for (const specifier of statement.specifiers) {
      const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : String(specifier.exported.value);
      const local = specifier.local.type === 'Identifier' ? specifier.local.name : String(specifier.local.value);
      if (exported !== 'default' && !isMiddlewareName(exported)) continue;
      if (statement.source) {
        // `export { default } from 'next-auth/middleware'` re-exports next-auth's `withAuth`.
        const name = local === 'default' && statement.source.value === 'next-auth/middleware' ? 'withAuth' : local;
        found.push(candidate(name, statement, lines));
      } else {
        const value = resolveLocal(local);
        if (value) entry(value);
        else found.push(candidate(local, specifier.local, lines));
      }
    }
  }
  let checksByHand = false;
  for (const body of bodies) {
    found.push(...authCalls(body, lines));
    if (redirectsToLoginOrRejects(body)) checksByHand = true;
  }
  const guards = found.filter((guard) => AUTH_LIKE.test(guard.name));
  const definitions: AuthDefinition[] = [];
  if (guards.length === 0 && checksByHand && bodies[0]) {
    const at = bodies[0].type !== 'ArrowFunctionExpression' && bodies[0].id ? bodies[0].id : bodies[0];
    const range = lines.rangeOf(at.range[0], at.type === 'Identifier' ? at.range[1] : at.range[0]);
    guards.push({ name: OWN_CHECK, text: OWN_CHECK, range, kind: 'project-middleware' });
    definitions.push({ name: OWN_CHECK, range, evidence: 'middleware redirects to login or answers 401/403' });
  }
  const matcher = readMatcher(program);
  return {
    guards: guards.map((guard) => ({ ...guard, framework: 'nextjs' as const, ...(matcher ? { matcher } : {}) })),
    definitions,
  };
}

function isMiddlewareName(name: string | undefined): boolean {
  return name === 'middleware' || name === 'proxy';
}

function candidate(name: string, node: TSESTree.Node, lines: LineIndex): GuardCandidate {
  return { name, text: lines.text.slice(node.range[0], node.range[1]), range: lines.rangeOf(node.range[0], node.range[1]), kind: 'project-middleware' };
}

/** Auth-looking calls anywhere in the middleware (`getToken({ req })`, `supabase.auth.getUser()`, `auth.protect()`). */
function authCalls(fn: FunctionNode, lines: LineIndex): GuardCandidate[] {
  const parameters = new Set(parameterNames(fn));
  const calls: GuardCandidate[] = [];
  walkEstree(fn, (node) => {
    if (node.type !== 'CallExpression') return;
    const name = dottedName(node.callee);
    if (!name || !AUTH_LIKE.test(name)) return;
    // `req.nextUrl.searchParams.get('token')` reads the request; it checks nothing. `auth.protect()` from Clerk's callback does.
    const root = name.split('.')[0];
    if (parameters.has(root) && !/^auth\./.test(name)) return;
    calls.push(candidate(name, node, lines));
  });
  return calls;
}

/** `NextResponse.redirect(new URL('/login', req.url))`, `new Response('Unauthorized', { status: 401 })`. */
function redirectsToLoginOrRejects(fn: FunctionNode): boolean {
  let found = false;
  walkEstree(fn, (node) => {
    if (node.type !== 'Literal') return;
    if (node.value === 401 || node.value === 403) found = true;
    if (typeof node.value === 'string' && /(^|\/)(log-?in|sign-?in)\b/i.test(node.value)) found = true;
  });
  return found;
}

/** `export const config = { matcher: ['/dashboard/:path*', { source: '/api/:path*' }] }` or `matcher: '/admin/:path*'`. */
function readMatcher(program: TSESTree.Program): string[] | undefined {
  for (const statement of program.body) {
    if (statement.type !== 'ExportNamedDeclaration' || statement.declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declaration.declarations) {
      if (declarator.id.type !== 'Identifier' || declarator.id.name !== 'config' || !declarator.init) continue;
      const config = unwrap(declarator.init);
      if (config.type !== 'ObjectExpression') continue;
      const matcher = propertyValue(config, 'matcher');
      if (!matcher) continue;
      const patterns = (matcher.type === 'ArrayExpression' ? matcher.elements : [matcher]).flatMap((element) => {
        if (!element || element.type === 'SpreadElement') return [];
        const pattern = element.type === 'ObjectExpression' ? propertyValue(element, 'source') : element;
        return pattern?.type === 'Literal' && typeof pattern.value === 'string' ? [pattern.value] : [];
      });
      return patterns.length ? patterns : undefined;
    }
  }
  return undefined;
}

function propertyValue(object: TSESTree.ObjectExpression, key: string): TSESTree.Node | undefined {
  for (const property of object.properties) {
    if (property.type === 'Property' && !property.computed && property.key.type === 'Identifier' && property.key.name === key) return unwrap(property.value);
  }
  return undefined;
}
