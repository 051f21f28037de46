// Combines the per-file route summaries into the project's routes: follows mounts across files
// (`app.use('/admin', adminRouter)` in app.ts → routes/admin.ts; Blueprint registration;
// include_router; Django include), joins the path prefixes, and collects the guards that really
// apply to each route — its own, its handler's, those given with each mount, container guards
// registered before it (or order-free ones), and project-wide settings — judged by the project's
// auth vocabulary. Pure: no fs, so the CLI and the editor share it.
import type { Range } from '../types';
import type {
  ContainerDecl,
  ContainerGuard,
  FileRoutes,
  Framework,
  GuardCandidate,
  HandlerDecl,
  HandlerInfo,
  MountDecl,
  ProjectGuard,
  RouteDecl,
} from './model';
import { AppBoundaries, type RouteApp, type RouteSite } from './apps/app-boundaries';
import { joinRoutePaths, pathUnderPrefix, matchesNextMatcher } from './paths';
import { containerId, ReferenceResolver } from './references';
import { AuthVocabulary } from './vocabulary';

export type GuardScope = 'route' | 'handler' | 'mount' | 'container' | 'project' | 'inline';

export interface AppliedGuard {
  name: string;
  text: string;
  kind: GuardCandidate['kind'];
  statements?: string;
  file: string;
  range: Range;
  scope: GuardScope;
  /** Why the vocabulary counts it: "known guard", "project auth helper (responds 401)"… */
  why: string;
}

export interface Location {
  file: string;
  range: Range;
}

export interface ResolvedRoute {
  framework: Framework;
  methods: string[];
  /** Full path with every mount prefix joined (`/admin/users/:id`); `action:name` for server actions. */
  path: string;
  /** Where the route is registered. */
  declared: Location;
  /** Where its handler is, when known. */
  handler?: Location & { name?: string };
  /** Where a finding goes: the registration, or the view for frameworks whose auth lives on the view (Django). */
  reportAt: Location;
  /** The root app/router (or the Next.js app) whose routes are siblings. */
  group: string;
  /** The app of a monorepo the route belongs to (its project-wide settings are the only ones that apply). */
  app: RouteApp;
  /** The container the route is registered on (`file#name`). */
  container?: string;
  guards: AppliedGuard[];
  /** Auth guards of its containers registered after the route: they do not protect it. */
  laterGuards: AppliedGuard[];
  /** The app's project-wide auth (global guard, default permissions) the route's public marker opts out of. */
  waived: AppliedGuard[];
  publicMarker?: Location & { text: string };
  verifiesSignature: boolean;
  serverAction: boolean;
  /** The mounts that put the route under its prefix, outermost first. */
  mounts: Location[];
  /** The declaration and handler as read, for fixes. */
  decl: RouteDecl;
  handlerDecl?: HandlerDecl;
}

export interface RouteModel {
  routes: ResolvedRoute[];
  vocabulary: AuthVocabulary;
  /** Project-wide auth settings found (global guards, default permissions, middleware). */
  projectGuards: (ProjectGuard & { file: string })[];
}

const MAX_MOUNT_DEPTH = 12;

interface ChainLink {
  id: string;
  file: string;
  container: ContainerDecl;
  /** The mount that attached this container to the previous link. */
  via?: { mount: MountDecl; file: string };
}

export function resolveRoutes(summaries: ReadonlyMap<string, FileRoutes>): RouteModel {
  const files = new Set(summaries.keys());
  const vocabulary = new AuthVocabulary(
    [...summaries.values()].flatMap((summary) => summary.authDefinitions.map((definition) => ({ ...definition, file: summary.path }))),
  );
  const references = new ReferenceResolver(summaries, files);
  const projectGuards = [...summaries.values()].flatMap((summary) => summary.projectGuards.map((guard) => ({ ...guard, file: summary.path })));

  const containers = new Map<string, { file: string; container: ContainerDecl }>();
  for (const summary of summaries.values()) {
    for (const container of summary.containers) containers.set(containerId(summary.path, container.name), { file: summary.path, container });
  }
  // Mount edges, parent → children; a container that is some mount's child is not a root.
  const children = new Map<string, { childId: string; mount: MountDecl; file: string }[]>();
  const mounted = new Set<string>();
  /** Guards of undecided mounts whose child turned out not to be a container (it is middleware). */
  const middlewareMounts = new Map<string, ContainerGuard[]>();
  for (const summary of summaries.values()) {
    for (const mount of summary.mounts) {
      const childId = references.container(summary.path, mount.child);
      const parentId = containerId(summary.path, mount.parent);
      if ((!childId || !containers.has(childId)) && mount.orGuard) {
        const guards = [...mount.guards, mount.orGuard].map((guard) => ({
          ...guard,
          order: mount.order,
          ...(mount.prefix ? { pathPrefix: mount.prefix } : {}),
        }));
        middlewareMounts.set(parentId, [...(middlewareMounts.get(parentId) ?? []), ...guards]);
        continue;
      }
      if (!childId || !containers.has(childId) || !containers.has(parentId) || childId === parentId) continue;
      (children.get(parentId) ?? children.set(parentId, []).get(parentId)!).push({ childId, mount, file: summary.path });
      mounted.add(childId);
    }
  }

  const routes: ResolvedRoute[] = [];
  const apps = new AppBoundaries(summaries, references, files, projectGuards);
  const context: ResolveContext = { vocabulary, references, middlewareMounts, apps };
  const visit = (chain: ChainLink[]): void => {
    const last = chain[chain.length - 1];
    const summary = summaries.get(last.file)!;
    for (const route of summary.routes) {
      if (route.container === last.container.name) routes.push(resolveRoute(route, summary, chain, context));
    }
    if (chain.length >= MAX_MOUNT_DEPTH) return;
    for (const edge of children.get(last.id) ?? []) {
      if (chain.some((link) => link.id === edge.childId)) continue; // a mount cycle
      const child = containers.get(edge.childId)!;
      visit([...chain, { id: edge.childId, file: child.file, container: child.container, via: { mount: edge.mount, file: edge.file } }]);
    }
  };
  for (const [id, { file, container }] of containers) if (!mounted.has(id)) visit([{ id, file, container }]);

  // Routes without a declared container: file-based (Next.js), or registered on something the reader could not tie to a container.
  for (const summary of summaries.values()) {
    for (const route of summary.routes) {
      if (route.container !== undefined && containers.has(containerId(summary.path, route.container))) continue;
      routes.push(resolveRoute(route, summary, [], context));
    }
  }
  return { routes, vocabulary, projectGuards };
}

interface ResolveContext {
  vocabulary: AuthVocabulary;
  references: ReferenceResolver;
  middlewareMounts: ReadonlyMap<string, ContainerGuard[]>;
  apps: AppBoundaries;
}

function resolveRoute(route: RouteDecl, summary: FileRoutes, chain: ChainLink[], context: ResolveContext): ResolvedRoute {
  const file = summary.path;
  const handlerDecl = route.handlerRef ? context.references.handler(file, route.handlerRef) : undefined;
  const handler: HandlerInfo | undefined = route.handler ?? handlerDecl?.decl;
  const handlerFile = route.handler ? file : handlerDecl?.file;

  const fullPath = route.serverAction
    ? route.path
    : joinRoutePaths(route.framework, [...chain.flatMap((link) => [...(link.via ? [link.via.mount.prefix] : []), link.container.prefix ?? '']), route.path]);

  const guards: AppliedGuard[] = [];
  const laterGuards: AppliedGuard[] = [];
  const accept = (candidate: GuardCandidate, where: string, scope: GuardScope, into: AppliedGuard[] = guards) => {
    const judgement = context.vocabulary.judge(candidate);
    if (!judgement.guard) return;
    // A call in a handler guards only when a check follows it or the callee rejects by itself
    // (`requireUser()`); `const session = await auth()` used for display protects nothing.
    if (
      candidate.kind === 'handler-call' &&
      !candidate.statements &&
      !/^(?:require|ensure|assert|protect|verify|check)/i.test(candidate.name.split('.').pop()!) &&
      !judgement.why?.startsWith('project')
    )
      return;
    into.push({
      name: candidate.name,
      text: candidate.text,
      kind: candidate.kind,
      statements: candidate.statements,
      file: where,
      range: candidate.range,
      scope,
      why: judgement.why ?? '',
    });
  };

  for (const guard of route.guards) accept(guard, file, 'route');
  if (handler && handlerFile) {
    for (const guard of handler.guards) accept(guard, handlerFile, 'handler');
    if (handler.inlineCheck)
      guards.push({
        name: 'inline check',
        text: '',
        kind: 'handler-call',
        file: handlerFile,
        range: handler.inlineCheck,
        scope: 'inline',
        why: 'the handler rejects unauthenticated requests itself',
      });
  }

  // Container guards, innermost first: those of the route's own container registered before it,
  // then at each mount, the parent's guards registered before that mount plus those of the mount.
  for (let level = chain.length - 1; level >= 0; level--) {
    const link = chain[level];
    const next = chain[level + 1];
    const threshold = next?.via ? next.via.mount.order : route.order;
    const pathBelow = joinRoutePaths(route.framework, [
      ...chain.slice(level + 1).flatMap((inner) => [inner.via?.mount.prefix ?? '', inner.container.prefix ?? '']),
      route.path,
    ]);
    for (const guard of [...link.container.guards, ...(context.middlewareMounts.get(link.id) ?? [])]) {
      if (guard.pathPrefix !== undefined && !pathUnderPrefix(pathBelow, guard.pathPrefix)) continue;
      const applies = guard.order < 0 || guard.order < threshold;
      accept(guard, link.file, 'container', applies ? guards : laterGuards);
    }
    if (link.via) for (const guard of link.via.mount.guards) accept(guard, link.via.file, 'mount');
  }

  const publicMarker = publicMarkerOf(route, file, handler, handlerFile, chain);
  const site: RouteSite = { framework: route.framework, file, ...(chain.length ? { rootFile: chain[0].file, container: chain[chain.length - 1].id } : {}) };
  const app = context.apps.appOf(site);
  // A public marker (`@Public()`, `permission_classes = [AllowAny]`, `@login_not_required`) is
  // how a route opts out of its app's defaults: they are recorded as waived, not as its guards.
  const waived: AppliedGuard[] = [];
  for (const guard of context.apps.settingsReaching(site)) {
    if (guard.allowsAny) continue;
    if (route.framework === 'django' && guard.kind === 'permission-class' && !handler?.restFramework) continue;
    if (route.framework === 'nextjs' && guard.matcher && (route.serverAction || !guard.matcher.some((pattern) => matchesNextMatcher(pattern, fullPath))))
      continue;
    // DRF: a view's own permission_classes replace the default ones.
    if (route.framework === 'django' && guard.kind === 'permission-class' && handler?.guards.some((own) => own.kind === 'permission-class')) continue;
    accept(guard, guard.file, 'project', publicMarker ? waived : guards);
  }

  const methods = route.methods.length === 1 && route.methods[0] === 'ALL' && handlerDecl?.decl.methods?.length ? handlerDecl.decl.methods : route.methods;
  const reportAt = handlerDecl && route.framework === 'django' ? { file: handlerDecl.file, range: handlerDecl.decl.range } : { file, range: route.range };
  return {
    framework: route.framework,
    methods,
    path: fullPath,
    declared: { file, range: route.range },
    ...(handler && handlerFile ? { handler: { file: handlerFile, range: handler.range, name: handler.name } } : {}),
    reportAt,
    group: chain[0]?.id ?? (route.framework === 'nextjs' ? app.id : containerId(file, route.container ?? '')),
    app,
    ...(chain.length ? { container: chain[chain.length - 1].id } : {}),
    guards,
    laterGuards,
    waived,
    ...(publicMarker ? { publicMarker } : {}),
    verifiesSignature: handler?.verifiesSignature ?? false,
    serverAction: route.serverAction ?? false,
    mounts: chain.flatMap((link) => (link.via ? [{ file: link.via.file, range: link.via.mount.range }] : [])),
    decl: route,
    ...(handlerDecl ? { handlerDecl: handlerDecl.decl } : {}),
  };
}

function publicMarkerOf(
  route: RouteDecl,
  file: string,
  handler: HandlerInfo | undefined,
  handlerFile: string | undefined,
  chain: ChainLink[],
): (Location & { text: string }) | undefined {
  if (route.public) return { file, range: route.public.range, text: route.public.text };
  if (handler?.public && handlerFile) return { file: handlerFile, range: handler.public.range, text: handler.public.text };
  const container = chain[chain.length - 1];
  if (container?.container.public) return { file: container.file, range: container.container.public.range, text: container.container.public.text };
  return undefined;
}
