// What a route exposes, read from its path, methods and handler: whether it is public by design
// (health probes, sign-in flows, static files, API docs, webhooks that verify their signature),
// what makes it sensitive when open, and — for a route that opts out of auth explicitly
// (`@Public()`, `permission_classes = [AllowAny]`) — whether that opt-out still exposes something
// that needs a login: an admin or internal endpoint, user data, or a change of state.
import { STATE_CHANGING_METHODS } from './model';
import type { ResolvedRoute } from './resolve';
import { splitWords } from './vocabulary';

const SENSITIVE_WORDS = new Set([
  'admin',
  'admins',
  'administrator',
  'internal',
  'debug',
  'user',
  'users',
  'account',
  'accounts',
  'billing',
  'payment',
  'payments',
  'order',
  'orders',
  'delete',
  'export',
  'exports',
  'import',
  'imports',
  'config',
  'configuration',
  'settings',
  'token',
  'tokens',
  'key',
  'keys',
  'apikey',
  'apikeys',
  'secret',
  'secrets',
  'upload',
  'uploads',
]);

const HEALTH_WORDS = new Set([
  'health',
  'healthz',
  'healthcheck',
  'ready',
  'readyz',
  'readiness',
  'live',
  'livez',
  'liveness',
  'ping',
  'heartbeat',
  'alive',
  'status',
]);
/** A handler named only for a probe (`HealthCheckView`, `ping`); `status` alone names too much (`OrderStatusView`). */
const HEALTH_NAME_WORDS = new Set(['health', 'healthz', 'healthcheck', 'readiness', 'liveness', 'ping', 'heartbeat']);
const LOGIN_WORDS = new Set([
  'login',
  'logout',
  'logoff',
  'signin',
  'signout',
  'signup',
  'register',
  'registration',
  'callback',
  'oauth',
  'oauth2',
  'sso',
  'saml',
  'openid',
  'authorize',
]);
const STATIC_SEGMENTS = new Set(['static', 'assets', 'public', 'favicon.ico', 'robots.txt', 'sitemap.xml', '.well-known', 'manifest.json']);
/** API documentation a framework serves (Swagger UI, ReDoc, the OpenAPI schema): public by convention. */
const DOCS_WORDS = new Set(['docs', 'swagger', 'openapi', 'redoc', 'apidocs']);

/** Words of an opted-out route that make it an admin or internal endpoint, whatever its method. */
const ADMIN_WORDS = new Set(['admin', 'admins', 'administrator', 'internal', 'debug', 'staff', 'superuser', 'backoffice', 'management']);
/** User data beyond the sensitive path words: records of people that an anonymous caller must not list. */
const USER_DATA_WORDS = new Set([
  ...SENSITIVE_WORDS,
  'profile',
  'profiles',
  'customer',
  'customers',
  'invoice',
  'invoices',
  'transaction',
  'transactions',
  'wallet',
  'employee',
  'employees',
  'member',
  'members',
  'patient',
  'patients',
]);
/** Forms anyone may post (contact, newsletter): a public POST there changes nothing of anyone's. */
const SUBMISSION_WORDS = new Set(['contact', 'feedback', 'newsletter', 'subscribe', 'unsubscribe', 'waitlist', 'inquiry', 'enquiry']);
const CREATE_WORDS = new Set(['create', 'new', 'add']);
const PEOPLE_WORDS = new Set(['user', 'users', 'account', 'accounts', 'member', 'members', 'customer', 'customers']);

export function publicByDesign(route: ResolvedRoute): string | undefined {
  if (route.serverAction) return undefined;
  // The view's own name says it too (`LoginView`, `TokenObtainPairView`, `health_check`), wherever it is routed.
  const byName = handlerWords(route);
  const byNameReason =
    signInFlow(byName, route) ??
    (byName.some((word) => HEALTH_NAME_WORDS.has(word)) && byName.every((word) => HEALTH_NAME_WORDS.has(word) || word === 'check' || word === 'view')
      ? 'health check'
      : undefined);
  const segments = route.path
    .split('/')
    .filter(Boolean)
    .filter((segment) => !segment.startsWith(':') && segment !== '*');
  const last = segments[segments.length - 1]?.toLowerCase();
  if (segments.length === 0) return byNameReason;
  if (segments.some((segment) => STATIC_SEGMENTS.has(segment.toLowerCase()))) return 'static files';
  const lastWords = last ? splitWords(last) : [];
  // A probe takes no id and changes nothing: `PATCH /orders/:id/status` is an order's status.
  const probe = writeMethods(route).length === 0 && !route.path.split('/').some((segment) => /^[:{<[]/.test(segment));
  if (probe && lastWords.length > 0 && lastWords.every((word) => HEALTH_WORDS.has(word) || word === 'check' || word === 'api' || /^v\d+$/.test(word)))
    return 'health check';
  const words = pathWords(route.path);
  const flow = signInFlow(words, route);
  if (flow) return flow;
  if (words.some((word) => word === 'webhook' || word === 'webhooks' || word === 'hooks') && route.verifiesSignature)
    return 'webhook that verifies its signature';
  if (
    !route.methods.some((method) => STATE_CHANGING_METHODS.has(method)) &&
    (words.some((word) => DOCS_WORDS.has(word)) || /^schema(\.json|\.ya?ml)?$/.test(last ?? ''))
  )
    return 'API documentation';
  return byNameReason;
}

/** Sign-in, sign-up and the steps around them, from words (`sign-up` and `log_in` count as `signup`, `login`). */
function signInFlow(words: readonly string[], route: ResolvedRoute): string | undefined {
  if (withCompounds(words).some((word) => LOGIN_WORDS.has(word))) return 'sign-in flow';
  if (words.includes('password') && words.some((word) => ['reset', 'forgot', 'forgotten', 'recover', 'recovery'].includes(word))) return 'password reset';
  const issuesTokens = words.some((word) => ['token', 'auth', 'jwt'].includes(word)) && words.some((word) => ['refresh', 'obtain', 'verify'].includes(word));
  if (issuesTokens && !route.methods.includes('DELETE')) return 'token issuance (sign-in flow)';
  if (words.includes('email') && words.some((word) => ['verify', 'verification', 'confirm', 'confirmation', 'activate', 'activation'].includes(word)))
    return 'email confirmation (sign-up flow)';
  return undefined;
}

/** The words of the handler's name, also when it is not in the project (`TokenObtainPairView` of simplejwt). */
function handlerWords(route: ResolvedRoute): string[] {
  const reference = route.decl.handlerRef;
  const name = route.handler?.name ?? (reference ? (reference.member ?? ('local' in reference ? reference.local : undefined)) : undefined);
  return name ? splitWords(name) : [];
}

/** `['sign', 'up']` → also `signup`: compound words are written apart as often as together. */
function withCompounds(words: readonly string[]): string[] {
  return [...words, ...words.slice(1).map((word, index) => words[index] + word)];
}

/** Why an open route is sensitive: a state-changing method, path words from the issue's list. */
export function sensitivityOf(route: ResolvedRoute): string[] {
  const reasons: string[] = [];
  const changing = stateChanges(route);
  if (changing) reasons.push(changing);
  const words = pathWords(route.path).filter((word) => SENSITIVE_WORDS.has(word));
  if (words.length) reasons.push(`path word${words.length > 1 ? 's' : ''} ${quoted(words)}`);
  return reasons;
}

/**
 * Why a route that opts out of auth (`@Public()`, `AllowAny`, `authentication_classes = []`)
 * should not: empty when the opt-out is what the route is for. Its handler's and container's names
 * count beside the path (`AdminStatsView`, `RegisterView`), since a view's name says what it is.
 */
export function optOutExposure(route: ResolvedRoute): string[] {
  const words = pathWords(route.path);
  const names = [...handlerWords(route), ...splitWords(route.container?.slice(route.container.lastIndexOf('#') + 1) ?? '')];
  if (names.some((word) => DOCS_WORDS.has(word))) return [];
  const all = [...words, ...names];
  const changing = writeMethods(route);
  const postOnly = changing.length === 1 && changing[0] === 'POST';
  // A public POST that creates a user is sign-up; one to a contact or newsletter form changes nobody's data.
  if (postOnly && all.some((word) => CREATE_WORDS.has(word)) && all.some((word) => PEOPLE_WORDS.has(word))) return [];
  const reasons: string[] = [];
  const admin = all.filter((word) => ADMIN_WORDS.has(word));
  if (admin.length) reasons.push(`admin or internal endpoint (${quoted(admin)})`);
  if (changing.length && !(postOnly && all.some((word) => SUBMISSION_WORDS.has(word)))) reasons.push(stateChanges(route)!);
  // `/users/public-count`: a path that says public names what anyone may read.
  const data = words.includes('public') ? [] : words.filter((word) => USER_DATA_WORDS.has(word) && !ADMIN_WORDS.has(word));
  if (data.length) reasons.push(`user data (${quoted(data)})`);
  return reasons;
}

/** `state-changing method POST`, or for a route that takes any method, those its view serves. */
function stateChanges(route: ResolvedRoute): string | undefined {
  const declared = route.methods.filter((method) => STATE_CHANGING_METHODS.has(method));
  if (declared.length) return `state-changing method ${declared.join('/')}`;
  const served = writeMethods(route);
  return served.length ? `state-changing method ${served.join('/')} (served by ${route.handler?.name ?? 'its view'})` : undefined;
}

/** The state-changing methods a route accepts: declared, or served by its view when the route takes any (`ALL`). */
function writeMethods(route: ResolvedRoute): string[] {
  const declared = route.methods.filter((method) => STATE_CHANGING_METHODS.has(method));
  if (declared.length || !route.methods.includes('ALL')) return declared;
  // `ALL` (a Django view, pages/api) says nothing by itself: what the handler serves does.
  return (route.decl.handler ?? route.handlerDecl)?.writes ?? [];
}

export function pathWords(path: string): string[] {
  return path
    .split('/')
    .filter((segment) => segment && !segment.startsWith(':') && !segment.startsWith('{') && !segment.startsWith('<') && !segment.startsWith('['))
    .flatMap(splitWords);
}

function quoted(words: readonly string[]): string {
  return [...new Set(words)].map((word) => `'${word}'`).join(', ');
}
