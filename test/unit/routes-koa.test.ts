// The Koa reader (@koa/router, koa-router): apps, routers with prefixes, named routes, ordered
// `use` guards, `.routes()` mounts and nesting, koa-jwt with `unless`, look-alikes, and the fix.
import { strict as assert } from 'node:assert';
import { koaReader } from '../../src/core/routes/javascript/koa';
import { containerLines, fixed, mountLines, offsetOf, readRoutes, routeLines } from './routes-js-helpers';

describe('routes: Koa reader', () => {
  it('an app, a prefixed router, named routes, ordered use() guards and mounts', () => {
    const text = [
      `import Koa from 'koa';`,
      `import Router from '@koa/router';`,
      `import jwt from 'koa-jwt';`,
      `import { adminRouter } from './routes/admin';`,
      `const app = new Koa();`,
      `const router = new Router({ prefix: '/api' });`,
      `router.get('/health', (ctx) => { ctx.body = 'ok'; });`,
      `router.use(requireUser);`,
      `router.get('user', '/users/:id', loadUser, users.show);`,
      `router.del('/users/:id', async (ctx) => { if (!ctx.state.user) ctx.throw(401); });`,
      `router.use('/admin', adminRouter.routes(), adminRouter.allowedMethods());`,
      `app.use(jwt({ secret: process.env.JWT_SECRET }).unless({ path: [/^\\/api\\/health/] }));`,
      `app.use(router.routes()).use(router.allowedMethods());`,
    ].join('\n');
    const summary = readRoutes(koaReader, text, 'src/app.ts');
    assert.deepEqual(routeLines(summary), [
      'GET /health @router handler=inline public=/^\\/api\\/health/',
      'GET /users/:id @router [loadUser] ref=users.show',
      'DELETE /users/:id @router handler=inline(check)',
    ]);
    assert.deepEqual(containerLines(summary), [
      `app(app) [jwt@${offsetOf(text, 'app.use(jwt')}]`,
      `router(router) prefix=/api [requireUser@${offsetOf(text, 'router.use(requireUser')}]`,
    ]);
    assert.deepEqual(mountLines(summary), [`router -> adminRouter at '/admin'`, `app -> router at ''`]);
    assert.equal(summary.containers[0].guards[0].text, `jwt({ secret: process.env.JWT_SECRET }).unless({ path: [/^\\/api\\/health/] })`);
  });

  it('koa-router called as a function, router.prefix(), routers in another file, koa-mount', () => {
    const text = [
      `const Koa = require('koa');`,
      `const mount = require('koa-mount');`,
      `const router = require('koa-router')();`,
      `const admin = require('./admin');`,
      `const app = new Koa();`,
      `router.prefix('/v1');`,
      `router.post('/orders', requireAuth, orders.create);`,
      `app.use(mount('/admin', admin));`,
      `app.use(require('./routes/public').routes());`,
      `app.use(router.routes());`,
    ].join('\n');
    const summary = readRoutes(koaReader, text, 'server.js');
    assert.deepEqual(routeLines(summary), ['POST /orders @router [requireAuth] ref=orders.create']);
    assert.deepEqual(containerLines(summary), ['router(router) prefix=/v1', 'app(app)']);
    assert.deepEqual(mountLines(summary), [`app -> admin at '/admin'`, `app -> module:./routes/public at ''`, `app -> router at ''`]);
  });

  it('a router received as a parameter: handlers take ctx', () => {
    const text = [
      `module.exports = (router) => {`,
      `  router.get('/reports', async (ctx) => { ctx.body = []; });`,
      `  router.use(ensureUser);`,
      `  router.post('/reports/export', async (ctx) => { ctx.body = await exportAll(); });`,
      `};`,
    ].join('\n');
    const summary = readRoutes(koaReader, text, 'routes/reports.js');
    assert.deepEqual(routeLines(summary), ['GET /reports @router handler=inline', 'POST /reports/export @router handler=inline']);
    assert.deepEqual(containerLines(summary), [`router(router) [ensureUser@${offsetOf(text, 'router.use')}]`]);
  });

  it('middleware defined in the file joins the auth definitions', () => {
    const text = [
      `import Router from 'koa-router';`,
      `export async function mustBeLoggedIn(ctx, next) {`,
      `  if (!ctx.state.user) { ctx.status = 401; return; }`,
      `  await next();`,
      `}`,
      `const router = new Router();`,
      `router.get('/settings', mustBeLoggedIn, settings.show);`,
    ].join('\n');
    const summary = readRoutes(koaReader, text);
    assert.deepEqual(
      summary.authDefinitions.map((definition) => `${definition.name}: ${definition.evidence}`),
      ['mustBeLoggedIn: responds 401'],
    );
    assert.deepEqual(routeLines(summary), ['GET /settings @router [mustBeLoggedIn] ref=settings.show']);
  });

  describe('look-alikes that are not routes', () => {
    const cases: [string, string][] = [
      ['an Express app', `import express from 'express';\nconst app = express();\napp.get('/x', (req, res) => res.end());`],
      ['a Map and a client', `import Koa from 'koa';\nconst cache = new Map();\ncache.get('/x');\nclient.post('/api/users', body);`],
      ['axios in a Koa file', `import Koa from 'koa';\nimport axios from 'axios';\nconst app = new Koa();\naxios.get('/api/users', { params });`],
    ];
    for (const [label, text] of cases) {
      it(label, () => {
        const summary = readRoutes(koaReader, text);
        assert.deepEqual(routeLines(summary), []);
        assert.deepEqual(mountLines(summary), []);
      });
    }
  });

  describe('guard fix', () => {
    it('inserts the guard before the handler and imports the default export', () => {
      const guard = {
        name: 'jwt',
        kind: 'middleware' as const,
        text: 'jwt({ secret: process.env.JWT_SECRET })',
        imports: [{ local: 'jwt', module: 'koa-jwt', imported: 'default' }],
      };
      const text = [
        `import Router from '@koa/router';`,
        ``,
        `const router = new Router();`,
        `router.get('admin-users', '/admin/users', async (ctx) => {`,
        `  ctx.body = await User.all();`,
        `});`,
        ``,
      ].join('\n');
      assert.equal(
        fixed(koaReader, text, 0, guard),
        [
          `import Router from '@koa/router';`,
          `import jwt from 'koa-jwt';`,
          ``,
          `const router = new Router();`,
          `router.get('admin-users', '/admin/users', jwt({ secret: process.env.JWT_SECRET }), async (ctx) => {`,
          `  ctx.body = await User.all();`,
          `});`,
          ``,
        ].join('\n'),
      );
    });

    it('require style without semicolons', () => {
      const guard = {
        name: 'requireUser',
        kind: 'middleware' as const,
        text: 'requireUser',
        imports: [{ local: 'requireUser', module: '../middleware/auth', imported: 'default' }],
      };
      const text = [`const Router = require('koa-router')`, `const router = new Router()`, `router.post('/orders', validate, orders.create)`, ``].join('\n');
      assert.equal(
        fixed(koaReader, text, 0, guard, 'routes/orders.js'),
        [
          `const Router = require('koa-router')`,
          `const requireUser = require('../middleware/auth')`,
          `const router = new Router()`,
          `router.post('/orders', validate, requireUser, orders.create)`,
          ``,
        ].join('\n'),
      );
    });
  });
});
