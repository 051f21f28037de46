// Decides whether a GuardCandidate is an authentication/authorisation check. Three sources, in
// order: the project's own auth helpers (AuthDefinitions found in its files, judged from their
// bodies), a default list of the common frameworks' and libraries' guards, and the shape of the
// name (`requireAdmin`, `ensureLoggedIn`, `JwtAuthGuard`, `get_current_user`). Infrastructure
// middleware whose name only looks related (`passport.initialize`, `csrf`, `rateLimit`,
// `get_db`, `ThrottlerGuard`) is never a guard.
import type { AuthDefinition, GuardCandidate, GuardKind } from './model';

/** Dotted names (or their last segment) that are auth checks in the common libraries. */
const DEFAULT_GUARDS = new Set([
  // Express / Koa / Fastify / Passport / express-jwt / express-openid-connect / Auth0 / Clerk
  'requireAuth',
  'requiresAuth',
  'requireLogin',
  'requireUser',
  'requireAdmin',
  'isAuthenticated',
  'ensureAuthenticated',
  'ensureLoggedIn',
  'ensureAdmin',
  'isLoggedIn',
  'isAdmin',
  'authenticate',
  'authorize',
  'authenticated',
  'auth',
  'authMiddleware',
  'passport.authenticate',
  'jwt',
  'expressjwt',
  'expressJwt',
  'checkJwt',
  'verifyToken',
  'verifyJwt',
  'verifyJWT',
  'protect',
  'protected',
  'requireAuthentication',
  'ClerkExpressRequireAuth',
  'requireSession',
  'withAuth',
  'withApiAuthRequired',
  'withPageAuthRequired',
  'basicAuth',
  'koaJwt',
  'jwtVerify',
  // Next.js / next-auth / Clerk / Supabase / Lucia
  'getServerSession',
  'getSession',
  'currentUser',
  'getToken',
  'getAuth',
  'clerkMiddleware',
  'authMiddleware',
  'validateRequest',
  'verifySession',
  // Python: Flask-Login, Flask-JWT-Extended, Flask-HTTPAuth, Flask-Security, Django, DRF, FastAPI
  'login_required',
  'jwt_required',
  'fresh_jwt_required',
  'roles_required',
  'roles_accepted',
  'auth_required',
  'token_required',
  'requires_auth',
  'admin_required',
  'permission_required',
  'user_passes_test',
  'staff_member_required',
  'superuser_required',
  'LoginRequiredMixin',
  'PermissionRequiredMixin',
  'UserPassesTestMixin',
  'LoginRequiredMiddleware',
  'IsAuthenticated',
  'IsAdminUser',
  'IsAuthenticatedOrReadOnly',
  'DjangoModelPermissions',
  'DjangoObjectPermissions',
  'get_current_user',
  'get_current_active_user',
  'get_current_active_superuser',
  'current_active_user',
  'oauth2_scheme',
  'verify_token',
  'verify_api_key',
  'get_api_key',
  // NestJS
  'AuthGuard',
  'JwtAuthGuard',
  'LocalAuthGuard',
  'RolesGuard',
  'ApiKeyGuard',
  'SessionGuard',
  'AuthenticatedGuard',
  'PermissionsGuard',
]);

/** Look auth-like but are not guards: setup, CSRF, rate limits, logging, database sessions. */
const NOT_GUARDS = new Set([
  'passport.initialize',
  'passport.session',
  'session',
  'cookieSession',
  'csrf',
  'csurf',
  'csrfProtection',
  'rateLimit',
  'ThrottlerGuard',
  'get_db',
  'get_session',
  'getDb',
  'get_settings',
  'AllowAny',
]);

/** Words in a name that make it an auth check on their own. */
const STRONG_WORDS = new Set([
  'auth',
  'authn',
  'authz',
  'authenticate',
  'authenticated',
  'authentication',
  'authorize',
  'authorized',
  'authorization',
  'authorise',
  'authorised',
  'jwt',
  'login',
  'loggedin',
  'signedin',
  'permission',
  'permissions',
  'protect',
  'protected',
  'guard',
]);
/** A verb of checking followed by one of SUBJECT_WORDS makes one too: `requireAdmin`, `verify_token`, `isStaff`. */
const CHECK_WORDS = new Set(['require', 'requires', 'required', 'ensure', 'check', 'verify', 'validate', 'is', 'must', 'only', 'assert', 'has']);
const SUBJECT_WORDS = new Set([
  'user',
  'admin',
  'session',
  'token',
  'role',
  'roles',
  'staff',
  'superuser',
  'owner',
  'member',
  'key',
  'apikey',
  'scope',
  'scopes',
  'signed',
  'logged',
  'bearer',
]);
/** Words that make a name infrastructure whatever else it says. */
const INFRASTRUCTURE_WORDS = new Set([
  'csrf',
  'cors',
  'throttle',
  'throttler',
  'limiter',
  'ratelimit',
  'logger',
  'logging',
  'helmet',
  'compression',
  'parser',
  'multer',
  'cache',
  'callback',
  'oauth2callback',
]);

export interface GuardJudgement {
  guard: boolean;
  /** Why it is a guard: "project auth helper (responds 401)", "known guard", "name". */
  why?: string;
}

export class AuthVocabulary {
  private readonly learned = new Map<string, AuthDefinition & { file: string }>();

  constructor(definitions: Iterable<AuthDefinition & { file: string }> = []) {
    for (const definition of definitions) if (!this.learned.has(definition.name)) this.learned.set(definition.name, definition);
  }

  /** The project's own auth helpers, by name (for "the project's own guard" wording and fixes). */
  get projectHelpers(): ReadonlyMap<string, AuthDefinition & { file: string }> {
    return this.learned;
  }

  judge(candidate: Pick<GuardCandidate, 'name' | 'kind'>): GuardJudgement {
    const name = candidate.name;
    const last = name.slice(name.lastIndexOf('.') + 1);
    if (NOT_GUARDS.has(name) || NOT_GUARDS.has(last)) return { guard: false };
    const definition = this.learned.get(name) ?? this.learned.get(last);
    if (definition) return { guard: true, why: `project auth helper (${definition.evidence})` };
    if (DEFAULT_GUARDS.has(name) || DEFAULT_GUARDS.has(last)) return { guard: true, why: 'known guard' };
    return nameLooksLikeGuard(name, candidate.kind) ? { guard: true, why: 'named as an auth check' } : { guard: false };
  }

  isGuard(candidate: Pick<GuardCandidate, 'name' | 'kind'>): boolean {
    return this.judge(candidate).guard;
  }
}

export function nameLooksLikeGuard(name: string, kind: GuardKind): boolean {
  const words = name.split('.').flatMap(splitWords);
  if (words.length === 0 || words.some((word) => INFRASTRUCTURE_WORDS.has(word))) return false;
  // A bare `getUser()` call in a handler is data access, not a check: handler calls need a check verb.
  if (kind === 'handler-call')
    return words.some((word, index) => CHECK_WORDS.has(word) && index === 0) && words.some((word) => SUBJECT_WORDS.has(word) || STRONG_WORDS.has(word));
  if (words.some((word) => STRONG_WORDS.has(word))) return true;
  for (let index = 0; index < words.length - 1; index++) {
    if (CHECK_WORDS.has(words[index]) && words.slice(index + 1).some((word) => SUBJECT_WORDS.has(word))) return true;
  }
  // FastAPI dependencies named for the caller they produce: `get_current_user`, `current_admin`.
  if (kind === 'dependency' && words.includes('current') && words.some((word) => SUBJECT_WORDS.has(word))) return true;
  return false;
}

/** `requireAdminUser` → require, admin, user; `get_current_user` → get, current, user; `JWTGuard` → jwt, guard. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}
