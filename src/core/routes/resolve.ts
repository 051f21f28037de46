// Combines the per-file route summaries into the project's routes: follows mounts across files
// (`app.use('/admin', adminRouter)` in app.ts → routes/admin.ts; Blueprint registration;
// include_router; Django include), joins the path prefixes, and collects the guards that really
// apply to each route — its own, its handler's, those given with each mount, container guards
// registered before it (or order-free ones), and project-wide settings — judged by the project's
// auth vocabulary. Pure: no fs, so the CLI and the editor share it.
import type { Range } from '../types';
import type { ContainerDecl, ContainerGuard, FileRoutes, Framework, GuardCandidate, HandlerDecl, HandlerInfo, MountDecl, ProjectGuard, Reference, RouteDecl } from './model';
import { nextAppRootOf } from './javascript/next-paths';
import { resolveJsModule, resolvePythonImport } from './module-paths';
import { joinRoutePaths, pathUnderPrefix, matchesNextMatcher } from './paths';
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
  /** The root app/router (or the Next.js project) whose routes are siblings. */
  group: string;
  /** The container the route is registered on (`file#name`). */
  container?: string;
  guards: AppliedGuard[];
  /** Auth guards of its containers registered after the route: they do not protect it. */
  laterGuards: AppliedGuard[];
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
  const vocabulary = new AuthVocabulary([...summaries.values()].flatMap((summary) => summary.authDefinitions.map((definition) => ({ ...definition, file: summary.path }))));
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
        const guards = [...mount.guards, mount.orGuard].map((guard) => ({ ...guard, order: mount.order, ...(mount.prefix ? { pathPrefix: mount.prefix } : {}) }));
        middlewareMounts.set(parentId, [...(middlewareMounts.get(parentId) ?? []), ...guards]);
        continue;
      }
      if (!childId || !containers.has(childId) || !containers.has(parentId) || childId === parentId) continue;
      (children.get(parentId) ?? children.set(parentId, []).get(parentId)!).push({ childId, mount, file: summary.path });
      mounted.add(childId);
    }
  }

  const routes: ResolvedRoute[] = [];
  const context: ResolveContext = { vocabulary, references, projectGuards, middlewareMounts };
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
  projectGuards: (ProjectGuard & { file: string })[];
  middlewareMounts: ReadonlyMap<string, ContainerGuard[]>;
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
    if (candidate.kind === 'handler-call' && !candidate.statements && !/^(?:require|ensure|assert|protect|verify|check)/i.test(candidate.name.split('.').pop()!) && !judgement.why?.startsWith('project')) return;
    into.push({ name: candidate.name, text: candidate.text, kind: candidate.kind, statements: candidate.statements, file: where, range: candidate.range, scope, why: judgement.why ?? '' });
  };

  for (const guard of route.guards) accept(guard, file, 'route');
  if (handler && handlerFile) {
    for (const guard of handler.guards) accept(guard, handlerFile, 'handler');
    if (handler.inlineCheck) guards.push({ name: 'inline check', text: '', kind: 'handler-call', file: handlerFile, range: handler.inlineCheck, scope: 'inline', why: 'the handler rejects unauthenticated requests itself' });
  }

  // Container guards, innermost first: those of the route's own container registered before it,
  // then at each mount, the parent's guards registered before that mount plus those of the mount.
  for (let level = chain.length - 1; level >= 0; level--) {
    const link = chain[level];
    const next = chain[level + 1];
    const threshold = next?.via ? next.via.mount.order : route.order;
    const pathBelow = joinRoutePaths(route.framework, [...chain.slice(level + 1).flatMap((inner) => [inner.via?.mount.prefix ?? '', inner.container.prefix ?? '']), route.path]);
    for (const guard of [...link.container.guards, ...(context.middlewareMounts.get(link.id) ?? [])]) {
      if (guard.pathPrefix !== undefined && !pathUnderPrefix(pathBelow, guard.pathPrefix)) continue;
      const applies = guard.order < 0 || guard.order < threshold;
      accept(guard, link.file, 'container', applies ? guards : laterGuards);
    }
    if (link.via) for (const guard of link.via.mount.guards) accept(guard, link.via.file, 'mount');
  }

  const publicMarker = publicMarkerOf(route, file, handler, handlerFile, chain);
  const ownPermissionClasses = handler?.guards.some((guard) => guard.kind === 'permission-class') || handler?.public !== undefined;
  for (const guard of context.projectGuards) {
    if (guard.framework !== route.framework) continue;
    if (guard.allowsAny) continue;
    if (route.framework === 'django' && guard.kind === 'permission-class' && (!handler?.restFramework || ownPermissionClasses)) continue;
    if (route.framework === 'nextjs') {
      const appRoot = nextAppRootOf(guard.file);
      if (appRoot && !file.startsWith(`${appRoot}/`)) continue; // another app of a monorepo
      if (guard.matcher && (route.serverAction || !guard.matcher.some((pattern) => matchesNextMatcher(pattern, fullPath)))) continue;
    }
    accept(guard, guard.file, 'project');
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
    group: chain[0]?.id ?? (route.framework === 'nextjs' ? 'nextjs' : containerId(file, route.container ?? '')),
    ...(chain.length ? { container: chain[chain.length - 1].id } : {}),
    guards,
    laterGuards,
    ...(publicMarker ? { publicMarker } : {}),
    verifiesSignature: handler?.verifiesSignature ?? false,
    serverAction: route.serverAction ?? false,
    mounts: chain.flatMap((link) => (link.via ? [{ file: link.via.file, range: link.via.mount.range }] : [])),
    decl: route,
    ...(handlerDecl ? { handlerDecl: handlerDecl.decl } : {}),
  };
}

function publicMarkerOf(route: RouteDecl, file: string, handler: HandlerInfo | undefined, handlerFile: string | undefined, chain: ChainLink[]): (Location & { text: string }) | undefined {
  if (route.public) return { file, range: route.public.range, text: route.public.text };
  if (handler?.public && handlerFile) return { file: handlerFile, range: handler.public.range, text: handler.public.text };
  const container = chain[chain.length - 1];
  if (container?.container.public) return { file: container.file, range: container.container.public.range, text: container.container.public.text };
  return undefined;
}

export function containerId(file: string, name: string): string {
  return `${file}#${name}`;
}

/** Follows local names and imports to the container or handler they denote. */
class ReferenceResolver {
  constructor(
    private readonly summaries: ReadonlyMap<string, FileRoutes>,
    private readonly files: ReadonlySet<string>,
  ) {}

  container(file: string, reference: Reference, depth = 0): string | undefined {
    const target = this.target(file, reference);
    if (!target) return undefined;
    const summary = this.summaries.get(target.file)!;
    const name = target.name ?? 'urlpatterns';
    if (summary.containers.some((container) => container.name === name)) return containerId(target.file, name);
    // `require('./routes')(app)`: the function's parameter is the container.
    const parameter = summary.containers.find((container) => container.parameterOf === name);
    if (parameter) return containerId(target.file, parameter.name);
    // Re-exported or imported again (`export { router as adminRouter } from './admin'`).
    if (depth < 6 && summary.imports.some((binding) => binding.local === name)) return this.container(target.file, { local: name }, depth + 1);
    return undefined;
  }

  handler(file: string, reference: Reference, depth = 0): { file: string; decl: HandlerDecl } | undefined {
    const target = this.target(file, reference);
    if (!target?.name) return undefined;
    const summary = this.summaries.get(target.file)!;
    const decl = summary.handlers.find((handler) => handler.name === target.name);
    if (decl) return { file: target.file, decl };
    if (depth < 6 && summary.imports.some((binding) => binding.local === target.name)) return this.handler(target.file, { local: target.name }, depth + 1);
    return undefined;
  }

  /** The file a reference lands in and the local name there (undefined name: the module itself). */
  private target(file: string, reference: Reference): { file: string; name?: string } | undefined {
    const summary = this.summaries.get(file);
    if (!summary) return undefined;
    const python = file.endsWith('.py');
    if ('module' in reference) {
      if (python) {
        const module = resolvePythonImport(file, reference.module, undefined, this.files);
        return module ? { file: module.path, name: reference.member } : undefined;
      }
      // `app.register(require('./routes/admin'))`: the module's default export (or the named member).
      const moduleFile = resolveJsModule(file, reference.module, this.files);
      if (!moduleFile) return undefined;
      const exported = reference.member ?? 'default';
      const exportBinding = this.summaries.get(moduleFile)!.exports.find((candidate) => candidate.exported === exported);
      return { file: moduleFile, name: exportBinding?.local ?? exported };
    }
    const { local, member } = reference;
    const isLocal = summary.containers.some((container) => container.name === local) || summary.handlers.some((handler) => handler.name === local);
    if (isLocal && member === undefined) return { file, name: local };
    const binding = summary.imports.find((candidate) => candidate.local === local);
    if (!binding) return member === undefined ? { file, name: local } : undefined;
    if (python) {
      const module = resolvePythonImport(file, binding.module, binding.imported === '*' ? undefined : binding.imported, this.files);
      if (!module) return undefined;
      if (module.member !== undefined) return member === undefined ? { file: module.path, name: module.member } : undefined;
      return { file: module.path, name: member };
    }
    const moduleFile = resolveJsModule(file, binding.module, this.files);
    if (!moduleFile) return undefined;
    const exported = binding.imported === '*' ? member ?? 'default' : binding.imported;
    if (binding.imported !== '*' && member !== undefined) return undefined; // a member of an imported value: not followed
    const target = this.summaries.get(moduleFile)!;
    const exportBinding = target.exports.find((candidate) => candidate.exported === exported);
    return { file: moduleFile, name: exportBinding?.local ?? exported };
  }
}
