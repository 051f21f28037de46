// The project-wide half of open routes, over hand-written summaries (the framework readers have
// their own suites): mounts across files, guard order, path-scoped middleware, project settings,
// the vocabulary, and the judging policy.
import { strict as assert } from 'node:assert';
import { judgeRoute } from '../../src/core/routes/judge';
import { emptyFileRoutes, type FileRoutes, type GuardCandidate, type RouteDecl } from '../../src/core/routes/model';
import { matchesNextMatcher, joinRoutePaths, pathUnderPrefix } from '../../src/core/routes/paths';
import { resolveJsModule, resolvePythonImport, relativePythonModule, relativeJsSpecifier } from '../../src/core/routes/module-paths';
import { resolveRoutes, type ResolvedRoute } from '../../src/core/routes/resolve';
import { AuthVocabulary, splitWords } from '../../src/core/routes/vocabulary';
import { chooseGuard } from '../../src/core/routes/choose-guard';
import type { Range } from '../../src/core/types';

const at = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: 10 } });
const middleware = (name: string, line = 0): GuardCandidate => ({ name, text: name, range: at(line), kind: 'middleware' });

function route(container: string | undefined, method: string, path: string, line: number, extra: Partial<RouteDecl> = {}): RouteDecl {
  return { framework: 'express', container, methods: [method], path, range: at(line), order: line * 100, guards: [], ...extra };
}

function summary(path: string, fill: Partial<FileRoutes>): FileRoutes {
  return { ...emptyFileRoutes(path), ...fill };
}

function model(...files: FileRoutes[]) {
  return resolveRoutes(new Map(files.map((file) => [file.path, file])));
}

function find(routes: ResolvedRoute[], label: string): ResolvedRoute {
  const found = routes.find((candidate) => `${candidate.methods.join('|')} ${candidate.path}` === label);
  assert.ok(found, `no route ${label}; have ${routes.map((candidate) => `${candidate.methods.join('|')} ${candidate.path}`).join(', ')}`);
  return found;
}

describe('routes: resolving across files', () => {
  const app = summary('src/app.ts', {
    containers: [{ name: 'app', framework: 'express', kind: 'app', range: at(1), guards: [] }],
    imports: [
      { local: 'adminRouter', module: './routes/admin', imported: 'default' },
      { local: 'requireAuth', module: './auth', imported: 'requireAuth' },
    ],
    mounts: [{ parent: 'app', child: { local: 'adminRouter' }, prefix: '/admin', order: 500, range: at(5), guards: [middleware('requireAuth', 5)] }],
    routes: [route('app', 'GET', '/health', 3)],
  });
  const admin = summary('src/routes/admin.ts', {
    containers: [{ name: 'router', framework: 'express', kind: 'router', range: at(1), guards: [] }],
    exports: [{ exported: 'default', local: 'router' }],
    routes: [route('router', 'GET', '/users', 4), route('router', 'DELETE', '/users/:id', 6)],
  });

  it('joins the mount prefix and applies the guard given with the mount', () => {
    const { routes } = model(app, admin);
    const users = find(routes, 'GET /admin/users');
    assert.equal(users.declared.file, 'src/routes/admin.ts');
    assert.deepEqual(
      users.guards.map((guard) => [guard.name, guard.scope, guard.file]),
      [['requireAuth', 'mount', 'src/app.ts']],
    );
    assert.deepEqual(
      users.mounts.map((mount) => mount.file),
      ['src/app.ts'],
    );
    assert.equal(judgeRoute(find(routes, 'DELETE /admin/users/:id'), routes).auth, 'guarded');
  });

  it('without the app, the router stands alone and its state-changing route is reported', () => {
    const { routes } = model(admin);
    const verdict = judgeRoute(find(routes, 'DELETE /users/:id'), routes);
    assert.equal(verdict.auth, 'open');
    assert.equal(verdict.report?.severity, 'warning');
    assert.match(verdict.report!.message, /state-changing method DELETE/);
  });

  it('applies app.use guards only to routes registered after them, and says so', () => {
    const file = summary('app.js', {
      containers: [{ name: 'app', framework: 'express', kind: 'app', range: at(0), guards: [{ ...middleware('requireAuth', 10), order: 1000 }] }],
      routes: [route('app', 'POST', '/admin/export', 5), route('app', 'GET', '/admin/stats', 12)],
    });
    const { routes } = model(file);
    const early = find(routes, 'POST /admin/export');
    assert.deepEqual(early.guards, []);
    assert.deepEqual(
      early.laterGuards.map((guard) => guard.name),
      ['requireAuth'],
    );
    const verdict = judgeRoute(early, routes);
    assert.equal(verdict.report?.severity, 'error', 'sensitive and a guarded sibling');
    assert.match(verdict.report!.message, /registered after it/);
    assert.deepEqual(
      verdict.report!.related.map((related) => related.message),
      ['GET /admin/stats is guarded by requireAuth', 'requireAuth is registered after this route, so it does not protect it'],
    );
    assert.equal(judgeRoute(find(routes, 'GET /admin/stats'), routes).auth, 'guarded');
  });

  it('follows require("./routes")(app) into the function whose parameter is the app', () => {
    const main = summary('app.js', {
      containers: [{ name: 'app', framework: 'express', kind: 'app', range: at(0), guards: [{ ...middleware('requireAuth', 4), order: 400 }] }],
      mounts: [{ parent: 'app', child: { module: './routes/admin' }, prefix: '', order: 500, range: at(5), guards: [] }],
      routes: [route('app', 'GET', '/health', 3)],
    });
    const admin = summary('routes/admin.js', {
      containers: [{ name: 'app', framework: 'express', kind: 'router', range: at(0), guards: [], parameterOf: 'default' }],
      exports: [{ exported: 'default', local: 'default' }],
      routes: [route('app', 'DELETE', '/admin/users/:id', 2)],
    });
    const { routes } = model(main, admin);
    const remove = find(routes, 'DELETE /admin/users/:id');
    assert.deepEqual(
      remove.guards.map((guard) => guard.name),
      ['requireAuth'],
    );
    assert.equal(remove.group, find(routes, 'GET /health').group, 'the same app: siblings');
  });

  it('decides an undecided mount by what stands behind it: a router, or middleware', () => {
    const appWith = (module: string) =>
      summary('app.js', {
        containers: [{ name: 'app', framework: 'express', kind: 'app', range: at(0), guards: [] }],
        imports: [{ local: 'reports', module, imported: '*' }],
        mounts: [{ parent: 'app', child: { local: 'reports' }, prefix: '', order: 100, range: at(1), guards: [], orGuard: middleware('reports', 1) }],
        routes: [route('app', 'GET', '/settings', 3)],
      });
    const router = summary('reports.js', {
      containers: [{ name: 'router', framework: 'express', kind: 'router', range: at(0), guards: [] }],
      exports: [{ exported: 'default', local: 'router' }],
      routes: [route('router', 'POST', '/export', 2)],
    });
    const asRouter = model(appWith('./reports'), router);
    assert.equal(find(asRouter.routes, 'POST /export').mounts.length, 1);
    assert.equal(find(asRouter.routes, 'GET /settings').guards.length, 0, 'a router is not a guard');

    const gate = summary('gate.js', { authDefinitions: [{ name: 'reports', range: at(0), evidence: 'responds 401' }] });
    const asMiddleware = model(appWith('./gate'), gate);
    assert.deepEqual(
      find(asMiddleware.routes, 'GET /settings').guards.map((guard) => guard.name),
      ['reports'],
    );
  });

  it('applies path-scoped middleware only below its prefix, on segment boundaries', () => {
    const file = summary('app.js', {
      containers: [
        { name: 'app', framework: 'express', kind: 'app', range: at(0), guards: [{ ...middleware('requireAuth', 1), order: 100, pathPrefix: '/admin' }] },
      ],
      routes: [route('app', 'GET', '/admin/users', 5), route('app', 'GET', '/administrator', 6)],
    });
    const { routes } = model(file);
    assert.equal(find(routes, 'GET /admin/users').guards.length, 1);
    assert.equal(find(routes, 'GET /administrator').guards.length, 0);
  });

  it('follows CommonJS exports, re-exports and Python imports', () => {
    const index = summary('routes/index.js', {
      imports: [{ local: 'adminRouter', module: './admin', imported: 'router' }],
      exports: [{ exported: 'adminRouter', local: 'adminRouter' }],
    });
    const adminJs = summary('routes/admin.js', {
      containers: [{ name: 'router', framework: 'express', kind: 'router', range: at(0), guards: [] }],
      exports: [{ exported: 'router', local: 'router' }],
      routes: [route('router', 'GET', '/users', 2)],
    });
    const server = summary('server.js', {
      containers: [{ name: 'app', framework: 'express', kind: 'app', range: at(0), guards: [] }],
      imports: [{ local: 'adminRouter', module: './routes', imported: 'adminRouter' }],
      mounts: [{ parent: 'app', child: { local: 'adminRouter' }, prefix: '/admin', order: 10, range: at(3), guards: [] }],
    });
    assert.ok(find(model(index, adminJs, server).routes, 'GET /admin/users'));

    const flaskApp = summary('app/__init__.py', {
      containers: [{ name: 'app', framework: 'flask', kind: 'app', range: at(0), guards: [] }],
      imports: [{ local: 'admin_bp', module: '.admin', imported: 'admin_bp' }],
      mounts: [{ parent: 'app', child: { local: 'admin_bp' }, prefix: '/admin', order: 10, range: at(3), guards: [] }],
    });
    const blueprint = summary('app/admin.py', {
      containers: [{ name: 'admin_bp', framework: 'flask', kind: 'router', range: at(0), prefix: '/v1', guards: [] }],
      routes: [{ ...route('admin_bp', 'GET', '/users', 2), framework: 'flask' }],
    });
    assert.ok(find(model(flaskApp, blueprint).routes, 'GET /admin/v1/users'));
  });

  it('resolves Django views in other files and reports at the view', () => {
    const urls = summary('shop/urls.py', {
      containers: [{ name: 'urlpatterns', framework: 'django', kind: 'router', range: at(0), guards: [] }],
      imports: [{ local: 'views', module: '.', imported: 'views' }],
      routes: [
        {
          framework: 'django',
          container: 'urlpatterns',
          methods: ['ALL'],
          path: 'orders/export/',
          range: at(4),
          order: 40,
          guards: [],
          handlerRef: { local: 'views', member: 'export_orders' },
        },
      ],
    });
    const rootUrls = summary('project/urls.py', {
      containers: [{ name: 'urlpatterns', framework: 'django', kind: 'router', range: at(0), guards: [] }],
      mounts: [{ parent: 'urlpatterns', child: { module: 'shop.urls' }, prefix: 'shop/', order: 20, range: at(2), guards: [] }],
    });
    const views = summary('shop/views.py', { handlers: [{ name: 'export_orders', range: at(9), guards: [] }] });
    const { routes } = model(urls, rootUrls, views);
    const exportRoute = find(routes, 'ALL /shop/orders/export/');
    assert.deepEqual(exportRoute.reportAt, { file: 'shop/views.py', range: at(9) });
    assert.equal(judgeRoute(exportRoute, routes).report?.severity, 'warning');

    const guardedViews = summary('shop/views.py', {
      handlers: [{ name: 'export_orders', range: at(9), guards: [{ name: 'login_required', text: 'login_required', range: at(8), kind: 'decorator' }] }],
    });
    assert.equal(judgeRoute(find(model(urls, rootUrls, guardedViews).routes, 'ALL /shop/orders/export/'), routes).auth, 'guarded');
  });

  it('applies project-wide settings: Nest global guards, DRF defaults to DRF views only, Next middleware matchers', () => {
    const nest = summary('src/app.module.ts', {
      projectGuards: [{ framework: 'nestjs', name: 'JwtAuthGuard', text: 'JwtAuthGuard', range: at(3), kind: 'guard-class' }],
    });
    const controller = summary('src/users.controller.ts', {
      containers: [{ name: 'UsersController', framework: 'nestjs', kind: 'controller', prefix: 'users', range: at(0), guards: [] }],
      routes: [
        { ...route('UsersController', 'DELETE', ':id', 4), framework: 'nestjs' },
        { ...route('UsersController', 'GET', 'public-count', 8), framework: 'nestjs', public: { text: '@Public()', range: at(7) } },
      ],
    });
    const nestModel = model(nest, controller);
    assert.equal(judgeRoute(find(nestModel.routes, 'DELETE /users/:id'), nestModel.routes).auth, 'guarded');
    const publicRoute = find(nestModel.routes, 'GET /users/public-count');
    assert.deepEqual(publicRoute.guards, [], '@Public() opts the route out of the global guard');
    assert.deepEqual(
      publicRoute.waived.map((guard) => guard.name),
      ['JwtAuthGuard'],
    );
    assert.equal(judgeRoute(publicRoute, nestModel.routes).auth, 'public');

    const settings = summary('proj/settings.py', {
      projectGuards: [{ framework: 'django', name: 'IsAuthenticated', text: 'IsAuthenticated', range: at(2), kind: 'permission-class' }],
    });
    const urls = summary('proj/urls.py', {
      containers: [{ name: 'urlpatterns', framework: 'django', kind: 'router', range: at(0), guards: [] }],
      routes: [
        {
          framework: 'django',
          container: 'urlpatterns',
          methods: ['ALL'],
          path: 'api/orders/',
          range: at(3),
          order: 3,
          guards: [],
          handler: { name: 'OrderViewSet', range: at(3), guards: [], restFramework: true },
        },
        {
          framework: 'django',
          container: 'urlpatterns',
          methods: ['POST'],
          path: 'upload/',
          range: at(4),
          order: 4,
          guards: [],
          handler: { name: 'upload', range: at(4), guards: [] },
        },
      ],
    });
    const django = model(settings, urls);
    assert.equal(find(django.routes, 'ALL /api/orders/').guards[0]?.scope, 'project');
    assert.equal(find(django.routes, 'POST /upload/').guards.length, 0);

    const middlewareFile = summary('middleware.ts', {
      projectGuards: [
        { framework: 'nextjs', name: 'auth', text: 'auth', range: at(1), kind: 'project-middleware', matcher: ['/dashboard/:path*', '/api/admin/:path*'] },
      ],
    });
    const nextRoute = (path: string) =>
      summary(`app${path}/route.ts`, { routes: [{ framework: 'nextjs', methods: ['POST'], path, range: at(1), order: 1, guards: [] }] });
    const next = model(middlewareFile, nextRoute('/api/admin/users'), nextRoute('/api/orders'));
    assert.equal(find(next.routes, 'POST /api/admin/users').guards.length, 1);
    assert.equal(find(next.routes, 'POST /api/orders').guards.length, 0);

    // In a monorepo, an app's middleware guards that app's routes only.
    const webMiddleware = summary('apps/web/src/middleware.ts', {
      projectGuards: [{ framework: 'nextjs', name: 'auth', text: 'auth', range: at(1), kind: 'project-middleware' }],
    });
    const webRoute = summary('apps/web/src/app/api/me/route.ts', {
      routes: [{ framework: 'nextjs', methods: ['GET'], path: '/api/me', range: at(1), order: 1, guards: [] }],
    });
    const docsRoute = summary('apps/docs/app/api/search/route.ts', {
      routes: [{ framework: 'nextjs', methods: ['GET'], path: '/api/search', range: at(1), order: 1, guards: [] }],
    });
    const monorepo = model(webMiddleware, webRoute, docsRoute);
    assert.equal(find(monorepo.routes, 'GET /api/me').guards.length, 1);
    assert.equal(find(monorepo.routes, 'GET /api/search').guards.length, 0);
  });

  it('learns the project auth helpers from their definitions', () => {
    const helpers = summary('src/gate.ts', { authDefinitions: [{ name: 'gate', range: at(1), evidence: 'responds 401' }] });
    const app = summary('src/app.ts', {
      containers: [{ name: 'app', framework: 'express', kind: 'app', range: at(0), guards: [] }],
      routes: [route('app', 'GET', '/reports', 2, { guards: [middleware('gate', 2)] }), route('app', 'GET', '/billing', 3)],
    });
    const { routes } = model(helpers, app);
    assert.equal(find(routes, 'GET /reports').guards[0].why, 'project auth helper (responds 401)');
    const billing = judgeRoute(find(routes, 'GET /billing'), routes);
    assert.equal(billing.report?.severity, 'error');
  });
});

describe('routes: judging', () => {
  const appOf = (...routes: RouteDecl[]) =>
    model(summary('app.js', { containers: [{ name: 'app', framework: 'express', kind: 'app', range: at(0), guards: [] }], routes }));
  const verdict = (routeDecl: RouteDecl, ...siblings: RouteDecl[]) => {
    const { routes } = appOf(routeDecl, ...siblings);
    return judgeRoute(
      routes.find((candidate) => candidate.decl === routeDecl)!,
      routes,
    );
  };
  const guarded = route('app', 'GET', '/dashboard', 20, { guards: [middleware('requireAuth', 20)] });

  it('public by design is never reported, even next to guarded routes', () => {
    for (const [method, path] of [
      ['GET', '/health'],
      ['GET', '/healthz'],
      ['GET', '/api/v1/readiness'],
      ['POST', '/login'],
      ['POST', '/auth/signup'],
      ['POST', '/password/reset'],
      ['GET', '/auth/google/callback'],
      ['GET', '/static/*'],
      ['GET', '/favicon.ico'],
      ['POST', '/api/token/refresh'],
      ['POST', '/auth/sign-up'],
      ['POST', '/auth/log-in'],
      ['POST', '/auth/refresh'],
      ['POST', '/auth/verify-email'],
      ['GET', '/docs'],
      ['GET', '/api/schema/'],
      ['GET', '/api/swagger-ui'],
    ]) {
      const result = verdict(route('app', method, path, 1), guarded);
      assert.equal(result.auth, 'public', `${method} ${path}`);
      assert.equal(result.report, undefined);
    }
  });

  it("reads a sign-in flow or a probe from the handler's name too, resolved or not", () => {
    const named = (name: string, method = 'POST', path = '/api/token/') =>
      verdict(route('app', method, path, 1, { handlerRef: { local: 'views', member: name } }), guarded);
    assert.equal(named('TokenObtainPairView').publicReason, 'token issuance (sign-in flow)');
    assert.equal(named('obtain_auth_token').auth, 'public');
    assert.equal(named('SignUpView', 'POST', '/api/accounts/').publicReason, 'sign-in flow');
    assert.equal(named('HealthCheckView', 'GET', '/api/').publicReason, 'health check');
    assert.equal(named('OrderStatusView', 'PATCH', '/api/orders/:id/').report?.severity, 'error', 'status alone names no probe');
    assert.equal(verdict(route('app', 'POST', '/docs/upload', 1), guarded).report?.severity, 'error', 'docs that change state are not documentation');
    assert.equal(verdict(route('app', 'PATCH', '/orders/:id/status', 1), guarded).report?.severity, 'error', "an order's status is no probe");
  });

  it('a webhook is public only when its handler verifies a signature', () => {
    assert.equal(verdict(route('app', 'POST', '/webhooks/stripe', 1, { handler: { range: at(1), guards: [], verifiesSignature: true } })).auth, 'public');
    assert.equal(verdict(route('app', 'POST', '/webhooks/stripe', 1, { handler: { range: at(1), guards: [] } })).report?.severity, 'warning');
  });

  it('explicit public markers make a route public unless it stays sensitive, and then the opt-out is named', () => {
    const marked = { public: { text: '@Public()', range: at(0) } };
    const opened = verdict(route('app', 'DELETE', '/admin/cache', 1, marked), guarded);
    assert.equal(opened.auth, 'open');
    assert.equal(opened.report?.severity, 'error', 'sensitive, next to guarded routes');
    assert.match(
      opened.report!.message,
      /@Public\(\) opts it out of authentication, though it is sensitive \(admin or internal endpoint \('admin'\); state-changing method DELETE\)/,
    );
    for (const [method, path] of [
      ['GET', '/products'],
      ['POST', '/login'],
      ['GET', '/health'],
      ['POST', '/contact'],
      ['GET', '/docs'],
    ]) {
      assert.equal(verdict(route('app', method, path, 1, marked), guarded).auth, 'public', `${method} ${path}`);
    }
  });

  it('severity: sensitive + guarded sibling → error; one of them → warning; neither → not reported', () => {
    assert.equal(verdict(route('app', 'GET', '/admin/users', 1), guarded).report?.severity, 'error');
    assert.equal(verdict(route('app', 'GET', '/admin/users', 1)).report?.severity, 'warning');
    assert.equal(verdict(route('app', 'GET', '/reports', 1), guarded).report?.severity, 'warning');
    assert.equal(verdict(route('app', 'GET', '/reports', 1)).report, undefined);
    assert.equal(verdict(route('app', 'GET', '/', 1)).auth, 'open');
  });

  it('reads path words whole, including camelCase and kebab-case segments', () => {
    assert.match(verdict(route('app', 'GET', '/api/userSettings', 1)).report!.message, /'user', 'settings'/);
    assert.match(verdict(route('app', 'GET', '/data-export', 1)).report!.message, /'export'/);
    assert.equal(verdict(route('app', 'GET', '/keyboard-shortcuts', 1)).report, undefined);
    assert.equal(verdict(route('app', 'GET', '/users/:userId', 1)).report?.severity, 'warning', 'parameters are not words');
  });

  it('an inline check in the handler guards the route', () => {
    assert.equal(verdict(route('app', 'DELETE', '/users/:id', 1, { handler: { range: at(1), guards: [], inlineCheck: at(2) } })).auth, 'guarded');
  });
});

describe('routes: vocabulary', () => {
  const vocabulary = new AuthVocabulary();
  const isGuard = (name: string, kind: GuardCandidate['kind'] = 'middleware') => vocabulary.isGuard({ name, kind });

  it('knows the common guards and guard-shaped names', () => {
    for (const name of [
      'requireAuth',
      'passport.authenticate',
      'auth.required',
      'ensureLoggedIn',
      'requireAdmin',
      'isStaff',
      'verifyApiKey',
      'checkJwt',
      'app.authenticate',
      'mustBeLoggedIn',
    ])
      assert.ok(isGuard(name), name);
    assert.ok(isGuard('login_required', 'decorator'));
    assert.ok(isGuard('get_current_active_user', 'dependency'));
    assert.ok(isGuard('current_admin', 'dependency'));
    assert.ok(isGuard('JwtAuthGuard', 'guard-class'));
    assert.ok(isGuard('IsAuthenticated', 'permission-class'));
  });

  it('rejects infrastructure that only sounds related', () => {
    for (const name of [
      'passport.initialize',
      'passport.session',
      'session',
      'csrfProtection',
      'rateLimit',
      'cors',
      'express.json',
      'helmet',
      'morgan',
      'multer',
      'bodyParser.json',
      'authCallbackLogger',
    ])
      assert.ok(!isGuard(name), name);
    assert.ok(!isGuard('get_db', 'dependency'));
    assert.ok(!isGuard('get_session', 'dependency'));
    assert.ok(!isGuard('ThrottlerGuard', 'guard-class'));
    assert.ok(!isGuard('AllowAny', 'permission-class'));
    assert.ok(!isGuard('getUser', 'handler-call'), 'data access is not a check');
  });

  it('splits names into words', () => {
    assert.deepEqual(splitWords('requireAdminUser'), ['require', 'admin', 'user']);
    assert.deepEqual(splitWords('JWTGuard'), ['jwt', 'guard']);
    assert.deepEqual(splitWords('get_current_user'), ['get', 'current', 'user']);
  });
});

describe('routes: paths and modules', () => {
  it('joins prefixes and reads Django anchors', () => {
    assert.equal(joinRoutePaths('express', ['/admin/', '', '/users/']), '/admin/users');
    assert.equal(joinRoutePaths('django', ['api/', '^orders/$']), '/api/orders/');
    assert.equal(joinRoutePaths('express', ['/admin', '/']), '/admin', 'Express ignores the trailing slash');
    assert.equal(joinRoutePaths('fastapi', ['/items', '/']), '/items/');
    assert.ok(pathUnderPrefix('/admin', '/admin/'));
    assert.ok(!pathUnderPrefix('/administrator', '/admin'));
  });

  it('matches Next.js middleware matchers', () => {
    assert.ok(matchesNextMatcher('/dashboard/:path*', '/dashboard'));
    assert.ok(matchesNextMatcher('/dashboard/:path*', '/dashboard/a/b'));
    assert.ok(!matchesNextMatcher('/dashboard/:path*', '/dashboards'));
    assert.ok(matchesNextMatcher('/((?!api|_next/static|favicon.ico).*)', '/settings'));
    assert.ok(!matchesNextMatcher('/((?!api|_next/static|favicon.ico).*)', '/api/users'));
    assert.ok(matchesNextMatcher('/(unbalanced', '/x'), 'an unreadable matcher is taken to match');
  });

  it('resolves JS and Python modules among the known files', () => {
    const known = new Set(['src/routes/admin.ts', 'src/lib/auth/index.ts', 'app/views.py', 'app/__init__.py', 'backend/core/security.py']);
    assert.equal(resolveJsModule('src/app.ts', './routes/admin', known), 'src/routes/admin.ts');
    assert.equal(resolveJsModule('src/app.ts', './routes/admin.js', known), 'src/routes/admin.ts');
    assert.equal(resolveJsModule('src/app.ts', '@/lib/auth', known), 'src/lib/auth/index.ts');
    assert.equal(resolveJsModule('src/app.ts', 'express', known), undefined);
    assert.deepEqual(resolvePythonImport('app/urls.py', '.', 'views', known), { path: 'app/views.py' });
    assert.deepEqual(resolvePythonImport('app/urls.py', '.', 'admin_bp', known), { path: 'app/__init__.py', member: 'admin_bp' });
    assert.deepEqual(resolvePythonImport('backend/api/routes.py', 'core.security', 'get_current_user', known), {
      path: 'backend/core/security.py',
      member: 'get_current_user',
    });
    const monorepo = new Set(['services/a/config/urls.py', 'services/b/config/urls.py', 'site/blog/views.py']);
    assert.deepEqual(
      resolvePythonImport('services/b/config/settings.py', 'config.urls', undefined, monorepo),
      { path: 'services/b/config/urls.py' },
      "the importing file's own app first",
    );
    assert.deepEqual(resolvePythonImport('services/a/config/settings.py', 'config.urls', undefined, monorepo), { path: 'services/a/config/urls.py' });
    assert.deepEqual(resolvePythonImport('site/site/urls.py', 'blog', 'views', monorepo), { path: 'site/blog/views.py' }, 'a package without __init__.py');
    assert.equal(relativePythonModule('app/routes/admin.py', 'app/auth.py'), '..auth');
    assert.equal(relativePythonModule('main.py', 'app/auth.py'), 'app.auth');
    assert.equal(relativeJsSpecifier('src/routes/admin.ts', 'src/middleware/auth.ts'), '../middleware/auth');
  });
});

describe('routes: choosing the guard to add', () => {
  it('copies the guard of the nearest sibling with the imports it needs, rewritten for the target file', () => {
    const other = summary('src/routes/users.ts', {
      containers: [{ name: 'router', framework: 'express', kind: 'router', range: at(0), guards: [] }],
      imports: [{ local: 'requireAuth', module: '../middleware/auth', imported: 'requireAuth' }],
      routes: [route('router', 'GET', '/users', 3, { guards: [middleware('requireAuth', 3)] })],
    });
    const target = summary('src/admin.ts', {
      containers: [{ name: 'admin', framework: 'express', kind: 'router', range: at(0), guards: [] }],
      routes: [route('admin', 'DELETE', '/admin/users/:id', 3)],
    });
    const summaries = new Map([other, target].map((file) => [file.path, file]));
    const resolved = resolveRoutes(summaries);
    const open = find(resolved.routes, 'DELETE /admin/users/:id');
    assert.deepEqual(chooseGuard(open, resolved, summaries, 'src/admin.ts'), {
      name: 'requireAuth',
      kind: 'middleware',
      text: 'requireAuth',
      imports: [{ local: 'requireAuth', module: './middleware/auth', imported: 'requireAuth' }],
    });
  });

  it('offers Django login_required when the project has no guard yet, and nothing for Express', () => {
    const views = summary('shop/views.py', { handlers: [{ name: 'export_orders', range: at(2), guards: [] }] });
    const urls = summary('shop/urls.py', {
      containers: [{ name: 'urlpatterns', framework: 'django', kind: 'router', range: at(0), guards: [] }],
      imports: [{ local: 'export_orders', module: '.views', imported: 'export_orders' }],
      routes: [
        {
          framework: 'django',
          container: 'urlpatterns',
          methods: ['ALL'],
          path: 'export/',
          range: at(3),
          order: 3,
          guards: [],
          handlerRef: { local: 'export_orders' },
        },
      ],
    });
    const summaries = new Map([views, urls].map((file) => [file.path, file]));
    const resolved = resolveRoutes(summaries);
    assert.equal(chooseGuard(resolved.routes[0], resolved, summaries, 'shop/views.py')?.name, 'login_required');
    const lone = model(
      summary('app.js', {
        containers: [{ name: 'app', framework: 'express', kind: 'app', range: at(0), guards: [] }],
        routes: [route('app', 'POST', '/orders', 1)],
      }),
    );
    assert.equal(chooseGuard(lone.routes[0], lone, new Map(), 'app.js'), undefined);
  });
});
