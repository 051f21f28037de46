// Which resolved routes are open and should not be. A route is open when no guard applies. It is
// reported when it is sensitive (a path word from the issue's list, or a state-changing method) or
// when routes of the same app/router are guarded; both → error, one → warning. Public by design
// (health probes, login flows, static files, API docs, webhooks that verify their signature) is
// never reported. A route marked public explicitly (`@Public()`, `permission_classes =
// [AllowAny]`) is reported only when the opt-out still exposes an admin or internal endpoint, user
// data or a change of state — with the opt-out, and the app default it waives, named.
import type { RelatedLocation, Severity } from '../types';
import { optOutExposure, publicByDesign, sensitivityOf } from './exposure';
import type { ResolvedRoute } from './resolve';

export type RouteAuth = 'guarded' | 'open' | 'public';

export interface RouteVerdict {
  auth: RouteAuth;
  /** Why a route counts as public: "marked @Public()", "health check", "webhook verifying its signature". */
  publicReason?: string;
  /** Set when the route is reported. */
  report?: { severity: Severity; message: string; related: RelatedLocation[]; sensitivity: string[]; guardedSibling?: ResolvedRoute };
}

export function judgeRoute(route: ResolvedRoute, all: readonly ResolvedRoute[]): RouteVerdict {
  if (route.guards.length > 0) return { auth: 'guarded' };
  const byDesign = publicByDesign(route);
  if (route.publicMarker) {
    const exposure = byDesign ? [] : optOutExposure(route);
    if (exposure.length === 0) return { auth: 'public', publicReason: `marked public (${route.publicMarker.text})` };
    return { auth: 'open', report: optOutReport(route, exposure, nearestGuardedSibling(route, all)) };
  }
  if (byDesign) return { auth: 'public', publicReason: byDesign };

  const sensitivity = sensitivityOf(route);
  const guardedSibling = nearestGuardedSibling(route, all);
  if (sensitivity.length === 0 && !guardedSibling) return { auth: 'open' };

  const severity: Severity = sensitivity.length > 0 && guardedSibling ? 'error' : 'warning';
  const related = relatedOf(route, guardedSibling);
  const reasons = [
    ...(sensitivity.length ? [`sensitive: ${sensitivity.join(', ')}`] : []),
    ...(guardedSibling ? [`other routes of this ${route.framework === 'nextjs' ? 'app' : 'app/router'} require ${guardNameOf(guardedSibling)}`] : []),
    ...(route.laterGuards.length ? [`${route.laterGuards[0].name} is registered after it`] : []),
  ];
  const message = `Open route: ${describe(route)} has no authentication (${reasons.join('; ')}).`;
  return { auth: 'open', report: { severity, message, related, sensitivity, ...(guardedSibling ? { guardedSibling } : {}) } };
}

/**
 * A sensitive route opened on purpose. An error when it waives its app's default (a global guard,
 * DRF's default permissions) or its siblings are guarded: the project meant routes to need a login.
 */
function optOutReport(route: ResolvedRoute, exposure: string[], guardedSibling: ResolvedRoute | undefined): NonNullable<RouteVerdict['report']> {
  const marker = route.publicMarker!;
  const waived = [...new Set(route.waived.map((guard) => guard.name))];
  const severity: Severity = waived.length || guardedSibling ? 'error' : 'warning';
  const related: RelatedLocation[] = [{ message: `${shortText(marker.text)} opens it`, file: marker.file, range: marker.range }];
  if (route.waived[0])
    related.push({ message: `${route.waived[0].name} guards the rest of the app`, file: route.waived[0].file, range: route.waived[0].range });
  related.push(...relatedOf(route, guardedSibling));
  const optOut = `${shortText(marker.text)} opts it out${waived.length ? ` of ${waived.join(', ')}` : ' of authentication'}`;
  const message = `Open route: ${describe(route)} has no authentication: ${optOut}, though it is sensitive (${exposure.join('; ')}).`;
  return { severity, message, related, sensitivity: exposure, ...(guardedSibling ? { guardedSibling } : {}) };
}

function relatedOf(route: ResolvedRoute, guardedSibling: ResolvedRoute | undefined): RelatedLocation[] {
  const related: RelatedLocation[] = [];
  if (guardedSibling) {
    const guard = guardedSibling.guards[0];
    related.push({
      message: `${describe(guardedSibling)} is guarded by ${guard.name === 'inline check' ? 'a check in its handler' : guard.name}`,
      file: guardedSibling.declared.file,
      range: guardedSibling.declared.range,
    });
  }
  for (const later of route.laterGuards) {
    related.push({ message: `${later.name} is registered after this route, so it does not protect it`, file: later.file, range: later.range });
  }
  for (const mount of route.mounts) related.push({ message: 'mounted here', file: mount.file, range: mount.range });
  return related;
}

function guardNameOf(route: ResolvedRoute): string {
  return route.guards[0].name === 'inline check' ? 'authentication' : route.guards[0].name;
}

/** A marker as one short line: `@Public()`, `permission_classes = [AllowAny]`. */
function shortText(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

export function describe(route: ResolvedRoute): string {
  if (route.serverAction) return `server action ${route.path.replace(/^action:/, '')}`;
  const methods = route.methods.length === 1 && route.methods[0] === 'ALL' ? 'ALL' : route.methods.join('|');
  return `${methods} ${route.path}`;
}

/** A guarded route of the same app: preferably of the same router, then the nearest in the file. */
function nearestGuardedSibling(route: ResolvedRoute, all: readonly ResolvedRoute[]): ResolvedRoute | undefined {
  const siblings = all.filter(
    (other) =>
      other !== route &&
      other.group === route.group &&
      other.framework === route.framework &&
      other.guards.some((guard) => guard.scope !== 'project') &&
      !other.serverAction === !route.serverAction,
  );
  if (siblings.length === 0) return undefined;
  const score = (other: ResolvedRoute) =>
    (other.container === route.container ? 0 : 2) +
    (other.declared.file === route.declared.file ? 0 : 1) +
    Math.abs(other.declared.range.start.line - route.declared.range.start.line) / 1e6;
  return siblings.reduce((best, other) => (score(other) < score(best) ? other : best));
}
