// The route model shared by every framework reader and by the project-wide resolver.
//
// A framework reader turns one parsed file into a FileRoutes summary: plain data saying which
// apps/routers/controllers the file creates, which routes they register (in source order), what is
// applied to them, what they mount, and what the file imports and exports. Readers do NOT decide
// whether something is an auth check: they record every middleware, decorator, dependency or guard
// as a GuardCandidate, and the project-wide vocabulary (vocabulary.ts) decides, because it knows
// the project's own auth helpers (learned from AuthDefinitions across all files).
//
// Summaries of all files are combined by resolve.ts into ResolvedRoutes with full paths (mount
// prefixes applied) and the effective guards. Summaries hold no AST, so the editor can keep one per
// file and re-read only the file that changed.
import type { Range } from '../types';

export type Framework = 'express' | 'fastify' | 'koa' | 'nestjs' | 'nextjs' | 'flask' | 'fastapi' | 'django';

export type GuardKind =
  /** Express/Koa/Fastify middleware or hook function (`requireAuth`, `passport.authenticate(...)`). */
  | 'middleware'
  /** A Python decorator on the view/handler (`login_required`, `permission_required(...)`). */
  | 'decorator'
  /** FastAPI `Depends(x)` / `Security(x)`; `name` is x. */
  | 'dependency'
  /** NestJS guard class in `@UseGuards(...)`, `APP_GUARD`, `useGlobalGuards`. */
  | 'guard-class'
  /** DRF permission class (`IsAuthenticated`). */
  | 'permission-class'
  /** Django class-based-view base (`LoginRequiredMixin`). */
  | 'mixin'
  /** A call at the top of a handler body (Next.js `await auth()`, `getServerSession(...)`). */
  | 'handler-call'
  /** Django `MIDDLEWARE` entry / Next.js `middleware.ts`. */
  | 'project-middleware';

/**
 * Something applied to a route or container that may be an auth check. `name` is what the
 * vocabulary judges: the dotted callee or identifier as written (`passport.authenticate`,
 * `login_required`, `JwtAuthGuard`, `get_current_user`, `IsAuthenticated`).
 */
export interface GuardCandidate {
  name: string;
  /** Source text as written (`passport.authenticate('jwt', { session: false })`); fixes copy it. */
  text: string;
  range: Range;
  kind: GuardKind;
  /**
   * For `handler-call` guards: the statements that make up the check, as written (the call and
   * the `if (!session) return …` after it), so a fix can insert the same check elsewhere.
   */
  statements?: string;
}

/** A marker that says a route/container is public on purpose. */
export interface PublicMarker {
  /** `@Public()`, `AllowAny`, `@login_not_required`, `@csrf_exempt`… as written. */
  text: string;
  range: Range;
}

/** Everything about a handler function/class that matters for auth, wherever it is defined. */
export interface HandlerInfo {
  /** Function, method or class name; absent for anonymous inline handlers. */
  name?: string;
  /** The name (or the function keyword/arrow) of the handler: where a Django/Next finding goes. */
  range: Range;
  /** Guards written on the handler itself (decorators on a view, mixins, permission_classes, body calls). */
  guards: GuardCandidate[];
  /** The body rejects unauthenticated requests itself (401/403, redirect to login) while reading the user, session or Authorization header. */
  inlineCheck?: Range;
  /** The body verifies a webhook signature (Stripe constructEvent, HMAC compare, svix/Octokit verify). */
  verifiesSignature?: boolean;
  public?: PublicMarker;
  /** Django REST framework view (APIView/ViewSet/@api_view): DEFAULT_PERMISSION_CLASSES applies. */
  restFramework?: boolean;
  /**
   * State-changing methods the handler serves when its route does not say (a Django view routed
   * for any method): a DRF `ModelViewSet` or `DestroyAPIView`, a `def post`, a function view that
   * branches on `request.method == 'POST'`. Makes an open route sensitive.
   */
  writes?: string[];
}

/** A handler defined in this file and referred to by routes of other files (Django views). */
export interface HandlerDecl extends HandlerInfo {
  name: string;
  /** Methods the handler accepts when the route does not say (`@require_POST`, `http_method_names`, `@api_view(['POST'])`). */
  methods?: string[];
}

/** Where a reference points: a local name (maybe `views.admin` = local `views`, member `admin`) or a module path string (Django `include('app.urls')`). */
export type Reference = { local: string; member?: string } | { module: string; member?: string };

export interface ContainerGuard extends GuardCandidate {
  /**
   * Source offset of the registration. Only guards registered before a route apply to it
   * (Express/Koa `use`). `-1` means "applies to every route of the container whatever the order"
   * (Flask `before_request`, FastAPI `APIRouter(dependencies=…)`, Nest class `@UseGuards`).
   */
  order: number;
  /** Only routes under this path (Express `app.use('/admin', requireAuth)`). */
  pathPrefix?: string;
}

export interface ContainerDecl {
  /** Unique within the file: the variable name (`app`, `router`, `admin_bp`), the controller class or plugin function name. */
  name: string;
  framework: Framework;
  kind: 'app' | 'router' | 'controller' | 'plugin';
  range: Range;
  /** Prefix given at creation: Koa `new Router({ prefix })`, Blueprint `url_prefix`, APIRouter `prefix`, `@Controller('x')`. */
  prefix?: string;
  guards: ContainerGuard[];
  public?: PublicMarker;
  /**
   * The container is the parameter of this function (`module.exports = function registerRoutes(app) {…}`;
   * `default` for an anonymous default export): another file that calls the function with its app
   * mounts it, so a reference to the function's name lands here.
   */
  parameterOf?: string;
}

export interface MountDecl {
  /** Local container name that mounts (`app`). */
  parent: string;
  /** The mounted container (`adminRouter`, imported or local; Django `include('x.urls')` as a module). */
  child: Reference;
  prefix: string;
  order: number;
  range: Range;
  /** Guards given with the mount: `app.use('/admin', requireAuth, adminRouter)`, `include_router(r, dependencies=…)`. */
  guards: GuardCandidate[];
  /**
   * The reader cannot tell from this file alone whether `child` is a router or a middleware
   * (`app.use(reports)` with `reports = require('./reports')`). If the resolver finds no
   * container behind `child`, this candidate is a guard of the parent registered at `order`
   * (below `prefix`, when there is one).
   */
  orGuard?: GuardCandidate;
}

export interface RouteDecl {
  framework: Framework;
  /** Local container name; absent for file-based routes (Next.js), which belong to the project. */
  container?: string;
  /** Uppercase methods; `['ALL']` when any method is accepted (app.all, Django path without restriction, pages/api). */
  methods: string[];
  /** As declared in its container, e.g. `/users/:id`, `admin/` (Django), `/api/users` (Next.js from the file path). */
  path: string;
  /** The registration (call, decorator, exported function name): where a finding goes unless the handler is elsewhere. */
  range: Range;
  /** Source offset of the registration, for "registered before" ordering. */
  order: number;
  /** Guards written on this route (middleware arguments, `preHandler`, decorators, parameters). */
  guards: GuardCandidate[];
  /** The handler when it is written here (inline function or a function of this file). */
  handler?: HandlerInfo;
  /** The handler when it is defined elsewhere (Django `views.admin_panel`, `AdminView.as_view()`). */
  handlerRef?: Reference;
  public?: PublicMarker;
  /** An exemption that may apply but could not be decided (a pattern Lastline does not run). */
  exemptionUndecided?: { text: string; reason: string };
  /** Server action (Next.js `'use server'`): no path, reached by POST from the app's pages. */
  serverAction?: boolean;
}

export interface ImportBinding {
  local: string;
  /** As written: `./routes/admin`, `express`, `.views`, `app.auth`. */
  module: string;
  /** `default`, `*` (namespace / whole module), or the exported name. */
  imported: string;
}

export interface ExportBinding {
  /** `default` or the exported name. */
  exported: string;
  local: string;
}

/** A project-wide auth setting: global guards, default permissions, auth middleware. */
export interface ProjectGuard extends GuardCandidate {
  framework: Framework;
  /** Next.js middleware `config.matcher` patterns; absent = every path. */
  matcher?: string[];
  /** The setting makes routes public by default (DRF `AllowAny` default): recorded so routes are not called guarded. */
  allowsAny?: boolean;
  /**
   * Whose setting it is, when the file says (NestJS): the `@Module` class of this file whose
   * providers hold the `APP_GUARD`, or the application `NestFactory.create` makes in this file
   * (`app.useGlobalGuards`). The resolver applies it to that application's routes only.
   */
  nestOwner?: { module: string } | { bootstrap: true };
}

/**
 * A file that makes its folder the root of an app or package of its own (monorepos): project-wide
 * settings found below it do not reach the routes of a sibling folder.
 */
export interface ManifestDecl {
  kind: 'package.json' | 'pyproject.toml' | 'manage.py' | 'requirements.txt' | 'setup.py' | 'project.json';
}

/** A NestJS `@Module({ imports, controllers })` class: the edges of an application's module graph. */
export interface NestModuleDecl {
  name: string;
  imports: Reference[];
  controllers: Reference[];
}

/** `NestFactory.create(AppModule)`: an application whose routes are its root module's graph. */
export interface NestBootstrapDecl {
  module: Reference;
  range: Range;
}

/** A Django settings module: its MIDDLEWARE and REST_FRAMEWORK defaults guard the routes of its ROOT_URLCONF. */
export interface DjangoSettingsDecl {
  /** `ROOT_URLCONF = 'config.urls'`, as written. */
  rootUrlconf?: string;
}

/**
 * A function or class in this file that checks authentication, judged from its body (rejects with
 * 401/403 or redirects to login while reading the user, session, token or Authorization header;
 * Nest `CanActivate`; DRF `BasePermission`). Its name joins the project's auth vocabulary.
 */
export interface AuthDefinition {
  name: string;
  range: Range;
  /** Why: "responds 401", "raises HTTPException(401)", "implements CanActivate"… */
  evidence: string;
}

export interface FileRoutes {
  /** Relative to the project root, `/`-separated. */
  path: string;
  containers: ContainerDecl[];
  routes: RouteDecl[];
  mounts: MountDecl[];
  handlers: HandlerDecl[];
  imports: ImportBinding[];
  exports: ExportBinding[];
  projectGuards: ProjectGuard[];
  authDefinitions: AuthDefinition[];
  /** Set when the file is a manifest (package.json, pyproject.toml, manage.py…). */
  manifest?: ManifestDecl;
  nestModules?: NestModuleDecl[];
  nestBootstraps?: NestBootstrapDecl[];
  djangoSettings?: DjangoSettingsDecl;
}

export function emptyFileRoutes(path: string): FileRoutes {
  return { path, containers: [], routes: [], mounts: [], handlers: [], imports: [], exports: [], projectGuards: [], authDefinitions: [] };
}

/** Adds the definitions a summary does not hold yet: several readers and the driver may find the same helper. */
export function addAuthDefinitions(into: FileRoutes, definitions: readonly AuthDefinition[]): void {
  for (const definition of definitions) {
    if (!into.authDefinitions.some((known) => known.name === definition.name)) into.authDefinitions.push(definition);
  }
}

export const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
