// Which resolved routes are open and should not be. A route is open when no guard applies. It is
// reported when it is sensitive (a path word from the issue's list, or a state-changing method) or
// when routes of the same app/router are guarded; both → error, one → warning. Public by design
// (health probes, login flows, static files, webhooks that verify their signature) and routes
// marked public explicitly are never reported.
import type { RelatedLocation, Severity } from '../types';
import { STATE_CHANGING_METHODS } from './model';
import type { ResolvedRoute } from './resolve';
import { splitWords } from './vocabulary';

export type RouteAuth = 'guarded' | 'open' | 'public';

export interface RouteVerdict {
  auth: RouteAuth;
  /** Why a route counts as public: "marked @Public()", "health check", "webhook verifying its signature". */
  publicReason?: string;
  /** Set when the route is reported. */
  report?: { severity: Severity; message: string; related: RelatedLocation[]; sensitivity: string[]; guardedSibling?: ResolvedRoute };
}

const SENSITIVE_WORDS = new Set([
  'admin', 'admins', 'administrator', 'internal', 'debug', 'user', 'users', 'account', 'accounts', 'billing', 'payment', 'payments', 'order', 'orders',
  'delete', 'export', 'exports', 'import', 'imports', 'config', 'configuration', 'settings', 'token', 'tokens', 'key', 'keys', 'apikey', 'apikeys',
  'secret', 'secrets', 'upload', 'uploads',
]);

const HEALTH_WORDS = new Set(['health', 'healthz', 'healthcheck', 'ready', 'readyz', 'readiness', 'live', 'livez', 'liveness', 'ping', 'heartbeat', 'alive', 'status']);
const LOGIN_WORDS = new Set(['login', 'logout', 'logoff', 'signin', 'signout', 'signup', 'register', 'registration', 'callback', 'oauth', 'oauth2', 'sso', 'saml', 'openid', 'authorize']);
const STATIC_SEGMENTS = new Set(['static', 'assets', 'public', 'favicon.ico', 'robots.txt', 'sitemap.xml', '.well-known', 'manifest.json']);

export function judgeRoute(route: ResolvedRoute, all: readonly ResolvedRoute[]): RouteVerdict {
  if (route.guards.length > 0) return { auth: 'guarded' };
  if (route.publicMarker) return { auth: 'public', publicReason: `marked public (${route.publicMarker.text})` };
  const byDesign = publicByDesign(route);
  if (byDesign) return { auth: 'public', publicReason: byDesign };

  const sensitivity = sensitivityOf(route);
  const guardedSibling = nearestGuardedSibling(route, all);
  if (sensitivity.length === 0 && !guardedSibling) return { auth: 'open' };

  const severity: Severity = sensitivity.length > 0 && guardedSibling ? 'error' : 'warning';
  const related: RelatedLocation[] = [];
  if (guardedSibling) {
    const guard = guardedSibling.guards[0];
    related.push({ message: `${describe(guardedSibling)} is guarded by ${guard.name === 'inline check' ? 'a check in its handler' : guard.name}`, file: guardedSibling.declared.file, range: guardedSibling.declared.range });
  }
  for (const later of route.laterGuards) {
    related.push({ message: `${later.name} is registered after this route, so it does not protect it`, file: later.file, range: later.range });
  }
  for (const mount of route.mounts) related.push({ message: 'mounted here', file: mount.file, range: mount.range });

  const reasons = [
    ...(sensitivity.length ? [`sensitive: ${sensitivity.join(', ')}`] : []),
    ...(guardedSibling ? [`other routes of this ${route.framework === 'nextjs' ? 'app' : 'app/router'} require ${guardedSibling.guards[0].name === 'inline check' ? 'authentication' : guardedSibling.guards[0].name}`] : []),
    ...(route.laterGuards.length ? [`${route.laterGuards[0].name} is registered after it`] : []),
  ];
  const message = `Open route: ${describe(route)} has no authentication (${reasons.join('; ')}).`;
  return { auth: 'open', report: { severity, message, related, sensitivity, ...(guardedSibling ? { guardedSibling } : {}) } };
}

export function describe(route: ResolvedRoute): string {
  if (route.serverAction) return `server action ${route.path.replace(/^action:/, '')}`;
  const methods = route.methods.length === 1 && route.methods[0] === 'ALL' ? 'ALL' : route.methods.join('|');
  return `${methods} ${route.path}`;
}

function sensitivityOf(route: ResolvedRoute): string[] {
  const reasons: string[] = [];
  const changing = route.methods.filter((method) => STATE_CHANGING_METHODS.has(method));
  // `ALL` (a Django view, pages/api) says nothing about what the handler does: not sensitive by itself.
  if (changing.length) reasons.push(`state-changing method ${changing.join('/')}`);
  const words = pathWords(route.path).filter((word) => SENSITIVE_WORDS.has(word));
  if (words.length) reasons.push(`path word${words.length > 1 ? 's' : ''} ${[...new Set(words)].map((word) => `'${word}'`).join(', ')}`);
  return reasons;
}

function publicByDesign(route: ResolvedRoute): string | undefined {
  if (route.serverAction) return undefined;
  const segments = route.path.split('/').filter(Boolean).filter((segment) => !segment.startsWith(':') && segment !== '*');
  const last = segments[segments.length - 1]?.toLowerCase();
  if (segments.length === 0) return undefined;
  if (segments.some((segment) => STATIC_SEGMENTS.has(segment.toLowerCase()))) return 'static files';
  const lastWords = last ? splitWords(last) : [];
  if (lastWords.length > 0 && lastWords.every((word) => HEALTH_WORDS.has(word) || word === 'check' || word === 'api' || /^v\d+$/.test(word))) return 'health check';
  const words = pathWords(route.path);
  if (words.some((word) => LOGIN_WORDS.has(word))) return 'sign-in flow';
  if (words.includes('password') && words.some((word) => ['reset', 'forgot', 'forgotten', 'recover', 'recovery'].includes(word))) return 'password reset';
  if (words.some((word) => word === 'webhook' || word === 'webhooks' || word === 'hooks') && route.verifiesSignature) return 'webhook that verifies its signature';
  if (words.includes('token') && words.some((word) => ['refresh', 'obtain', 'verify'].includes(word)) && !route.methods.includes('DELETE')) return 'token issuance (sign-in flow)';
  return undefined;
}

function pathWords(path: string): string[] {
  return path
    .split('/')
    .filter((segment) => segment && !segment.startsWith(':') && !segment.startsWith('{') && !segment.startsWith('<') && !segment.startsWith('['))
    .flatMap(splitWords);
}

/** A guarded route of the same app: preferably of the same router, then the nearest in the file. */
function nearestGuardedSibling(route: ResolvedRoute, all: readonly ResolvedRoute[]): ResolvedRoute | undefined {
  const siblings = all.filter((other) => other !== route && other.group === route.group && other.framework === route.framework && other.guards.some((guard) => guard.scope !== 'project') && !other.serverAction === !route.serverAction);
  if (siblings.length === 0) return undefined;
  const score = (other: ResolvedRoute) =>
    (other.container === route.container ? 0 : 2) + (other.declared.file === route.declared.file ? 0 : 1) + Math.abs(other.declared.range.start.line - route.declared.range.start.line) / 1e6;
  return siblings.reduce((best, other) => (score(other) < score(best) ? other : best));
}
