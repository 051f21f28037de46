// Open routes in monorepos (issue 16, item 1): project-wide auth applies only to the app it
// belongs to, found from the framework (a Nest module graph, a Django settings module and its
// ROOT_URLCONF, a Next.js app folder, an Express app object) and from manifests — never from the
// scan root. Each case has its safe look-alike: a guarded route in the other app stays unreported.
import { strict as assert } from 'node:assert';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { nextRouteFile } from '../../src/core/routes/javascript/next/paths';
import { routeInventory } from '../../src/core/routes/inventory';
import { emptyFileRoutes, type FileRoutes, type RouteDecl } from '../../src/core/routes/model';
import { resolveRoutes } from '../../src/core/routes/resolve';
import type { Range } from '../../src/core/types';
import { REPO_ROOT, runCli, tempDir } from './helpers';
import { assertGrowth } from './scaling';
import { findRoute, resolveProject, verdictLines } from './routes-project-harness';

const NEST_API = {
  'apps/api/src/main.ts': `
    import { NestFactory } from '@nestjs/core';
    import { AppModule } from './app.module';

    async function bootstrap() {
      const app = await NestFactory.create(AppModule);
      await app.listen(3000);
    }
    bootstrap();
  `,
  'apps/api/src/app.module.ts': `
    import { Module } from '@nestjs/common';
    import { APP_GUARD } from '@nestjs/core';
    import { JwtAuthGuard } from './auth/jwt-auth.guard';
    import { UsersModule } from './users/users.module';

    @Module({
      imports: [UsersModule],
      providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }],
    })
    export class AppModule {}
  `,
  'apps/api/src/users/users.module.ts': `
    import { Module } from '@nestjs/common';
    import { UsersController } from './users.controller';

    @Module({ controllers: [UsersController] })
    export class UsersModule {}
  `,
  'apps/api/src/users/users.controller.ts': `
    import { Controller, Delete, Get, Param } from '@nestjs/common';

    @Controller('users')
    export class UsersController {
      @Get()
      findAll() {
        return [];
      }

      @Delete(':id')
      remove(@Param('id') id: string) {
        return id;
      }
    }
  `,
};

const NEST_ADMIN = {
  'apps/admin/src/main.ts': `
    import { NestFactory } from '@nestjs/core';
    import { AdminModule } from './admin.module';

    NestFactory.create(AdminModule).then((app) => app.listen(3001));
  `,
  'apps/admin/src/admin.module.ts': `
    import { Module, forwardRef } from '@nestjs/common';
    import { ToolsController } from './tools.controller';
    import { ReportsController } from './reports.controller';

    @Module({ controllers: [ToolsController, forwardRef(() => ReportsController)] })
    export class AdminModule {}
  `,
  'apps/admin/src/tools.controller.ts': `
    import { Controller, Delete } from '@nestjs/common';

    @Controller('admin')
    export class ToolsController {
      @Delete('cache')
      clearCache() {
        return { cleared: true };
      }
    }
  `,
  'apps/admin/src/reports.controller.ts': `
    import { Controller, Get, UseGuards } from '@nestjs/common';
    import { SessionGuard } from './session.guard';

    @Controller('admin/reports')
    export class ReportsController {
      @UseGuards(SessionGuard)
      @Get()
      list() {
        return [];
      }
    }
  `,
};

const NEST_VERDICTS = [
  'apps/admin: DELETE /admin/cache open (warning)',
  'apps/admin: GET /admin/reports guarded',
  'apps/api: DELETE /users/:id guarded',
  'apps/api: GET /users guarded',
];

describe('open routes in monorepos: NestJS', () => {
  it("applies an APP_GUARD to its own application's module graph only", async () => {
    const model = await resolveProject({
      ...NEST_API,
      ...NEST_ADMIN,
      'apps/api/package.json': '{ "name": "api" }',
      'apps/admin/package.json': '{ "name": "admin" }',
    });
    assert.deepEqual(verdictLines(model), NEST_VERDICTS);
    assert.deepEqual(
      findRoute(model, 'DELETE /users/:id').guards.map((guard) => [guard.name, guard.scope]),
      [['JwtAuthGuard', 'project']],
    );
  });

  it('tells two applications of one package.json apart by their graphs (an Nx-style workspace)', async () => {
    const model = await resolveProject({ ...NEST_API, ...NEST_ADMIN, 'package.json': '{ "name": "workspace", "private": true }' });
    assert.deepEqual(verdictLines(model), NEST_VERDICTS);
  });

  it('without a bootstrap, the manifests draw the line; a single app keeps its global guard', async () => {
    const withoutMain = Object.fromEntries(Object.entries({ ...NEST_API, ...NEST_ADMIN }).filter(([path]) => !path.endsWith('main.ts')));
    const split = await resolveProject({ ...withoutMain, 'apps/api/package.json': '{}', 'apps/admin/package.json': '{}' });
    assert.match(
      verdictLines(split).find((line) => line.includes('/admin/cache'))!,
      /open \(warning\)$/,
    );
    assert.match(
      verdictLines(split).find((line) => line.includes('DELETE /users/:id'))!,
      /guarded$/,
    );

    const single = await resolveProject({ ...NEST_API, 'package.json': '{}' });
    assert.deepEqual(verdictLines(single), ['.: DELETE /users/:id guarded', '.: GET /users guarded']);
  });

  it('applies useGlobalGuards beside NestFactory.create to that application only', async () => {
    const model = await resolveProject({
      ...NEST_ADMIN,
      'apps/admin/src/main.ts': `
        import { NestFactory } from '@nestjs/core';
        import { AdminModule } from './admin.module';
        import { StaffGuard } from './staff.guard';

        async function bootstrap() {
          const app = await NestFactory.create(AdminModule);
          app.useGlobalGuards(new StaffGuard());
          await app.listen(3001);
        }
        bootstrap();
      `,
      'apps/api/src/main.ts': NEST_API['apps/api/src/main.ts'],
      'apps/api/src/app.module.ts': `
        import { Module } from '@nestjs/common';
        import { UsersController } from './users/users.controller';

        @Module({ controllers: [UsersController] })
        export class AppModule {}
      `,
      'apps/api/src/users/users.controller.ts': NEST_API['apps/api/src/users/users.controller.ts'],
    });
    assert.deepEqual(verdictLines(model), [
      'apps/admin: DELETE /admin/cache guarded',
      'apps/admin: GET /admin/reports guarded',
      'apps/api: DELETE /users/:id open (warning)',
      'apps/api: GET /users open (warning)',
    ]);
  });
});

describe('open routes in monorepos: Express next to Nest', () => {
  it("keeps an Express app's app.use(auth) to that app, and a Nest global guard off the Express tool", async () => {
    const model = await resolveProject({
      ...NEST_API,
      'apps/api/package.json': '{}',
      'tools/ops/package.json': '{}',
      'tools/ops/server.js': `
        const express = require('express');
        const app = express();
        app.get('/health', (req, res) => res.send('ok'));
        app.post('/admin/reindex', (req, res) => res.send('started'));
        app.listen(4000);
      `,
      'services/billing/package.json': '{}',
      'services/billing/server.js': `
        const express = require('express');
        const { requireAuth } = require('./auth');
        const app = express();
        app.use(requireAuth);
        app.get('/invoices', (req, res) => res.json([]));
        app.listen(4001);
      `,
      'services/public/package.json': '{}',
      'services/public/server.js': `
        const express = require('express');
        const app = express();
        app.get('/users/:id/avatar', (req, res) => res.sendFile(req.params.id));
        app.listen(4002);
      `,
    });
    assert.deepEqual(verdictLines(model), [
      'apps/api: DELETE /users/:id guarded',
      'apps/api: GET /users guarded',
      'services/billing: GET /invoices guarded',
      'services/public: GET /users/:id/avatar open (warning)',
      'tools/ops: GET /health public',
      'tools/ops: POST /admin/reindex open (warning)',
    ]);
  });
});

const SHOP = {
  'services/shop/manage.py': `
    import os
    import sys

    if __name__ == '__main__':
        os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings.production')
        from django.core.management import execute_from_command_line
        execute_from_command_line(sys.argv)
  `,
  'services/shop/config/settings/base.py': `
    INSTALLED_APPS = ['django.contrib.auth', 'rest_framework', 'orders']
    REST_FRAMEWORK = {
        'DEFAULT_PERMISSION_CLASSES': ['rest_framework.permissions.IsAuthenticated'],
    }
  `,
  'services/shop/config/settings/production.py': `
    from .base import *

    ROOT_URLCONF = 'config.urls'
    DEBUG = False
  `,
  'services/shop/config/urls.py': `
    from django.urls import include, path

    urlpatterns = [
        path('api/', include('orders.urls')),
    ]
  `,
  'services/shop/orders/urls.py': `
    from rest_framework.routers import DefaultRouter
    from . import views

    router = DefaultRouter()
    router.register('orders', views.OrderViewSet)
    urlpatterns = router.urls
  `,
  'services/shop/orders/views.py': `
    from rest_framework import viewsets

    class OrderViewSet(viewsets.ModelViewSet):
        queryset = None
  `,
};

const BACKOFFICE = {
  'services/backoffice/manage.py': `
    import os
    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings')
  `,
  'services/backoffice/config/settings.py': `
    INSTALLED_APPS = ['django.contrib.auth', 'rest_framework', 'tools']
    ROOT_URLCONF = 'config.urls'
  `,
  'services/backoffice/config/urls.py': `
    from django.urls import include, path

    urlpatterns = [
        path('api/', include('tools.urls')),
    ]
  `,
  'services/backoffice/tools/urls.py': `
    from django.urls import path
    from . import views

    urlpatterns = [
        path('users/export/', views.ExportUsersView.as_view()),
        path('stats/', views.StatsView.as_view()),
    ]
  `,
  'services/backoffice/tools/views.py': `
    from rest_framework.permissions import IsAdminUser
    from rest_framework.views import APIView

    class ExportUsersView(APIView):
        def get(self, request):
            return None

    class StatsView(APIView):
        permission_classes = [IsAdminUser]

        def get(self, request):
            return None
  `,
};

describe('open routes in monorepos: Django', () => {
  it('applies DEFAULT_PERMISSION_CLASSES to the routes of its own ROOT_URLCONF (settings split over base and production)', async () => {
    const model = await resolveProject({ ...SHOP, ...BACKOFFICE });
    assert.deepEqual(verdictLines(model), [
      'services/backoffice: ALL /api/stats/ guarded',
      'services/backoffice: ALL /api/users/export/ open (error)',
      'services/shop: ALL /api/orders guarded',
    ]);
    assert.equal(findRoute(model, 'ALL /api/orders').guards[0].file, 'services/shop/config/settings/base.py');
  });

  it("applies a project's middleware to its own routes only", async () => {
    const model = await resolveProject({
      ...BACKOFFICE,
      'services/shop/manage.py': SHOP['services/shop/manage.py'],
      'services/shop/config/settings.py': `
        INSTALLED_APPS = ['django.contrib.auth', 'shop']
        MIDDLEWARE = [
            'django.contrib.auth.middleware.AuthenticationMiddleware',
            'django.contrib.auth.middleware.LoginRequiredMiddleware',
        ]
        ROOT_URLCONF = 'config.urls'
      `,
      'services/shop/config/urls.py': `
        from django.urls import path
        from shop.views import delete_account

        urlpatterns = [
            path('account/delete/', delete_account),
        ]
      `,
      'services/shop/shop/views.py': `
        from django.shortcuts import redirect

        def delete_account(request):
            if request.method == 'POST':
                request.user.delete()
            return redirect('/')
      `,
    });
    assert.match(
      verdictLines(model).find((line) => line.includes('/account/delete/'))!,
      /^services\/shop: ALL \/account\/delete\/ guarded$/,
    );
    assert.match(
      verdictLines(model).find((line) => line.includes('/api/users/export/'))!,
      /open/,
    );
  });
});

describe('open routes in monorepos: Next.js', () => {
  const WEB_MIDDLEWARE = `
    import { NextResponse } from 'next/server';
    import { auth } from './auth';
    export default auth((req) => {
      if (!req.auth) return NextResponse.redirect(new URL('/login', req.url));
    });
  `;

  it("applies an app's middleware.ts to the routes of its own folder, and groups siblings per app", async () => {
    const model = await resolveProject({
      'apps/web/package.json': '{}',
      'apps/web/src/middleware.ts': WEB_MIDDLEWARE,
      'apps/web/src/app/api/account/route.ts': `
        export async function GET() {
          return Response.json({ name: 'me' });
        }
      `,
      'apps/web/src/app/api/orders/route.ts': `
        import { auth } from '../../../auth';

        export async function GET() {
          const session = await auth();
          if (!session) return Response.json({ error: 'Unauthorized' }, { status: 401 });
          return Response.json([]);
        }
      `,
      'apps/admin/package.json': '{}',
      'apps/admin/app/api/users/route.ts': `
        export async function DELETE(request: Request) {
          return Response.json({ deleted: true });
        }
      `,
      'apps/admin/app/api/catalog/route.ts': `
        export async function GET() {
          return Response.json([]);
        }
      `,
    });
    assert.deepEqual(verdictLines(model), [
      'apps/admin: DELETE /api/users open (warning)',
      'apps/admin: GET /api/catalog open',
      'apps/web: GET /api/account guarded',
      'apps/web: GET /api/orders guarded',
    ]);
  });

  it('knows the app folder of a route file: the folder holding app/ or pages/, src/ aside', () => {
    const table: [string, string][] = [
      ['app/api/users/route.ts', ''],
      ['src/app/api/users/route.ts', ''],
      ['apps/web/src/app/api/users/route.ts', 'apps/web'],
      ['apps/admin/pages/api/users.ts', 'apps/admin'],
      ['packages/app/src/app/api/users/route.ts', 'packages/app'],
    ];
    for (const [path, folder] of table) assert.equal(nextRouteFile(path)?.appFolder, folder, path);
  });

  it("does not stretch a root app's middleware over the apps in sub-folders", async () => {
    const model = await resolveProject({
      'middleware.ts': WEB_MIDDLEWARE,
      'app/api/orders/route.ts': 'export async function POST() { return Response.json({}); }\n',
      'apps/docs/app/api/admin/route.ts': 'export async function POST() { return Response.json({}); }\n',
    });
    assert.deepEqual(verdictLines(model), ['.: POST /api/orders guarded', 'apps/docs: POST /api/admin open (warning)']);
  });
});

describe('the app of each route in the inventory and lastline routes', () => {
  it('names apps by their folder', async () => {
    const model = await resolveProject({ ...NEST_API, ...NEST_ADMIN, 'apps/api/package.json': '{}', 'apps/admin/package.json': '{}' });
    assert.deepEqual(
      routeInventory(model).map((entry) => `${entry.app} ${entry.label}`),
      ['apps/admin DELETE /admin/cache', 'apps/admin GET /admin/reports', 'apps/api GET /users', 'apps/api DELETE /users/:id'],
    );
  });
});

describe('lastline routes in a monorepo', () => {
  it('lists the routes of each app under its folder, and gives the app in JSON', async () => {
    const dir = tempDir('lastline-routes-monorepo-');
    try {
      cpSync(join(REPO_ROOT, 'test', 'fixtures', 'routes', 'monorepo-app'), dir.path, {
        recursive: true,
        filter: (source) => !source.endsWith('expected.json'),
      });
      const text = await runCli(dir.path, 'routes');
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /^app apps\/admin:\n {2}GET \/admin\/reports {2,}\S+:7 {2}guarded by SessionGuard \(route\)$/m);
      assert.match(text.stdout, /^app services\/shop:$/m);
      assert.match(text.stdout, /\n19 routes in 7 apps; 6 open that should not be/);
      const json = JSON.parse((await runCli(dir.path, 'routes', '--format', 'json')).stdout) as { routes: { app: string; path: string }[] };
      assert.deepEqual(
        [...new Set(json.routes.map((route) => route.app))],
        ['apps/admin', 'apps/api', 'apps/docs', 'apps/web', 'services/backoffice', 'services/shop', 'tools/ops'],
      );
      assert.equal(json.routes.find((route) => route.path === '/api/admin/orders')?.app, 'services/shop');
    } finally {
      dir.remove();
    }
  });
});

describe('app boundaries at scale', () => {
  const at: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  const file = (path: string, fill: Partial<FileRoutes>): [string, FileRoutes] => [path, { ...emptyFileRoutes(path), ...fill }];
  const route = (container: string, framework: RouteDecl['framework'], method: string, path: string): RouteDecl => ({
    framework,
    container,
    methods: [method],
    path,
    range: at,
    order: 1,
    guards: [],
  });

  /** `apps` Nest applications with a global guard each, and as many Next.js apps with a middleware. */
  function monorepo(apps: number): Map<string, FileRoutes> {
    const files: [string, FileRoutes][] = [];
    for (let index = 0; index < apps; index++) {
      const api = `apps/api${index}`;
      files.push(
        file(`${api}/package.json`, { manifest: { kind: 'package.json' } }),
        file(`${api}/src/main.ts`, {
          imports: [{ local: 'AppModule', module: './app.module', imported: 'AppModule' }],
          nestBootstraps: [{ module: { local: 'AppModule' }, range: at }],
        }),
        file(`${api}/src/app.module.ts`, {
          imports: [{ local: 'UsersController', module: './users.controller', imported: 'UsersController' }],
          exports: [{ exported: 'AppModule', local: 'AppModule' }],
          nestModules: [{ name: 'AppModule', imports: [], controllers: [{ local: 'UsersController' }] }],
          projectGuards: [
            { framework: 'nestjs', name: 'JwtAuthGuard', text: 'JwtAuthGuard', range: at, kind: 'guard-class', nestOwner: { module: 'AppModule' } },
          ],
        }),
        file(`${api}/src/users.controller.ts`, {
          containers: [{ name: 'UsersController', framework: 'nestjs', kind: 'controller', prefix: 'users', range: at, guards: [] }],
          exports: [{ exported: 'UsersController', local: 'UsersController' }],
          routes: [route('UsersController', 'nestjs', 'GET', ''), route('UsersController', 'nestjs', 'DELETE', ':id')],
        }),
        file(`apps/web${index}/middleware.ts`, { projectGuards: [{ framework: 'nextjs', name: 'auth', text: 'auth', range: at, kind: 'project-middleware' }] }),
        file(`apps/web${index}/app/api/me/route.ts`, { routes: [{ ...route('', 'nextjs', 'GET', '/api/me'), container: undefined }] }),
      );
    }
    return new Map(files);
  }

  it('keeps each app to its own guards, in time linear in the number of apps', async () => {
    const model = resolveRoutes(monorepo(3));
    assert.ok(
      model.routes.every((resolved) => resolved.guards.length === 1),
      "each route has its own app's guard, once",
    );
    await assertGrowth(monorepo, (summaries) => resolveRoutes(summaries), 40);
  });
});
