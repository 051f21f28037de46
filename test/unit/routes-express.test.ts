// The Express route reader: apps, routers and routers received as parameters; routes with their
// middleware and handlers; `use` as ordered container guards, prefixed guards and mounts;
// look-alikes that are not routes; and the exact output of the guard fix.
import { strict as assert } from 'node:assert';
import { expressReader } from '../../src/core/routes/javascript/express';
import { containerLines, fixed, mountLines, offsetOf, readRoutes, routeLines } from './routes-js-helpers';

describe('routes: Express reader', () => {
  it('an app with routes, middleware, ordered use() guards, prefixed guards and mounts', () => {
    const text = [
      `import express from 'express';`,
      `import passport from 'passport';`,
      `import { requireAuth, requireRole } from './middleware/auth';`,
      `import adminRouter from './routes/admin';`,
      `import * as users from './controllers/users';`,
      `const app = express();`,
      `app.use(express.json());`,
      `app.get('/health', (req, res) => res.send('ok'));`,
      `app.use(requireAuth);`,
      `app.get('/users', users.list);`,
      `app.post('/users/:id', requireRole('admin'), [audit, validate], users.update);`,
      `app.use('/billing', passport.authenticate('jwt', { session: false }));`,
      `app.use('/admin', requireRole('admin'), adminRouter);`,
      `app.use('/v1', require('./routes/v1'));`,
      `app.all(['/a', '/b'], handleAll);`,
      `function handleAll(req, res) { res.end(); }`,
    ].join('\n');
    const summary = readRoutes(expressReader, text);
    assert.deepEqual(routeLines(summary), [
      'GET /health @app handler=inline',
      'GET /users @app ref=users.list',
      'POST /users/:id @app [requireRole,audit,validate] ref=users.update',
      'ALL /a @app handler=handleAll',
      'ALL /b @app handler=handleAll',
    ]);
    assert.deepEqual(containerLines(summary), [
      `app(app) [express.json@${offsetOf(text, 'app.use(express')} requireAuth@${offsetOf(text, 'app.use(requireAuth')} /billing:passport.authenticate@${offsetOf(text, `app.use('/billing'`)}]`,
    ]);
    assert.deepEqual(mountLines(summary), [`app -> adminRouter at '/admin' [requireRole]`, `app -> module:./routes/v1 at '/v1'`]);
    assert.equal(summary.routes[1].order, offsetOf(text, `app.get('/users'`));
    assert.equal(summary.containers[0].guards[2].text, `passport.authenticate('jwt', { session: false })`);
  });

  it('routers: express.Router(), Router() from express, require(express).Router(), route() chains', () => {
    const text = [
      `const express = require('express');`,
      `const { Router } = require('express');`,
      `const router = express.Router();`,
      `const other = Router();`,
      `const third = require('express').Router({ mergeParams: true });`,
      `router.route('/items').get(list).post(ensureAuthenticated, create);`,
      `other.delete('/items/:id', async function remove(req, res) {`,
      `  if (!req.user) return res.sendStatus(401);`,
      `  res.end();`,
      `});`,
      `third.use(isAuthenticated);`,
      `third.patch('/x', (req, res) => res.end());`,
      `module.exports = router;`,
    ].join('\n');
    const summary = readRoutes(expressReader, text, 'routes/items.js');
    assert.deepEqual(routeLines(summary), [
      'GET /items @router ref=list',
      'POST /items @router [ensureAuthenticated] ref=create',
      'DELETE /items/:id @other handler=inline(check)',
      'PATCH /x @third handler=inline',
    ]);
    assert.deepEqual(containerLines(summary), ['router(router)', 'router(other)', `router(third) [isAuthenticated@${offsetOf(text, 'third.use')}]`]);
    // In a chain the registration starts at its method name.
    assert.equal(summary.routes[1].order, offsetOf(text, 'post(ensure'));
  });

  it('routers received as a parameter, and files that register on a passed app', () => {
    const routesFile = [
      `module.exports = (app) => {`,
      `  app.get('/orders', (req, res) => res.json([]));`,
      `  app.use(checkSession);`,
      `  app.delete('/orders/:id', orders.remove);`,
      `};`,
    ].join('\n');
    const summary = readRoutes(expressReader, routesFile, 'routes/orders.js');
    assert.deepEqual(routeLines(summary), ['GET /orders @app handler=inline', 'DELETE /orders/:id @app ref=orders.remove']);
    assert.deepEqual(containerLines(summary), [`router(app) [checkSession@${offsetOf(routesFile, 'app.use')}]`]);

    const esm = `export default function (router: Router) {\n  router.post('/upload', upload.single('f'), save);\n}\n`;
    assert.deepEqual(routeLines(readRoutes(expressReader, esm)), ['POST /upload @router [upload.single] ref=save']);

    const server = [
      `const express = require('express');`,
      `const registerOrders = require('./routes/orders');`,
      `const app = express();`,
      `app.use(requireAuth);`,
      `registerOrders(app);`,
      `require('./routes/misc')(app);`,
    ].join('\n');
    assert.deepEqual(mountLines(readRoutes(expressReader, server, 'server.js')), [`app -> registerOrders at ''`, `app -> module:./routes/misc at ''`]);
  });

  it('inline middleware: auth checks are recorded under a name of their own, others are left out', () => {
    const text = [
      `import express from 'express';`,
      `const app = express();`,
      `app.get('/a', (req, res, next) => { if (!req.session.user) return res.status(401).end(); next(); }, (req, res) => res.end());`,
      `app.get('/b', (req, res, next) => { console.log(req.url); next(); }, (req, res) => res.end());`,
    ].join('\n');
    const summary = readRoutes(expressReader, text, 'src/app.js');
    assert.deepEqual(routeLines(summary), ['GET /a @app [inline@src/app.js:3] handler=inline', 'GET /b @app handler=inline']);
    assert.deepEqual(
      summary.authDefinitions.map((definition) => `${definition.name}: ${definition.evidence}`),
      ['inline@src/app.js:3: responds 401'],
    );
  });

  it('webhooks and handlers defined in the file', () => {
    const text = [
      `import express, { Router } from 'express';`,
      `const router = Router();`,
      `router.post('/webhooks/stripe', express.raw({ type: 'application/json' }), stripeWebhook);`,
      `const stripeWebhook = (req, res) => {`,
      `  const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret);`,
      `  res.json({ received: true });`,
      `};`,
      `router.get('/me', asyncHandler(async (req, res) => { if (!req.user) throw new UnauthorizedError(); res.json(req.user); }));`,
    ].join('\n');
    assert.deepEqual(routeLines(readRoutes(expressReader, text)), [
      'POST /webhooks/stripe @router [express.raw] handler=stripeWebhook(signature)',
      'GET /me @router handler=inline(check)',
    ]);
  });

  it('express-jwt unless() paths mark the exempted routes public', () => {
    const text = [
      `const express = require('express');`,
      `const { expressjwt } = require('express-jwt');`,
      `const app = express();`,
      `app.use(expressjwt({ secret, algorithms: ['HS256'] }).unless({ path: ['/login', /^\\/public\\//] }));`,
      `app.post('/login', login);`,
      `app.get('/public/terms', terms);`,
      `app.get('/account', account);`,
    ].join('\n');
    const summary = readRoutes(expressReader, text, 'app.js');
    assert.deepEqual(routeLines(summary), [
      `POST /login @app ref=login public='/login'`,
      `GET /public/terms @app ref=terms public=/^\\/public\\//`,
      'GET /account @app ref=account',
    ]);
    assert.deepEqual(containerLines(summary), [`app(app) [expressjwt@${offsetOf(text, 'app.use')}]`]);
  });

  it('runs unless() regexes from the scanned code on a linear-time engine (no catastrophic backtracking)', () => {
    // JavaScript's engine took over a minute for this pattern on a 42-character path.
    const evilPath = `/${'a'.repeat(40)}b`;
    const text = `
const express = require('express');
const { expressjwt } = require('express-jwt');
const app = express();
app.use(expressjwt({ secret, algorithms: ['HS256'] }).unless({ path: [/^\\/(a+)+$/] }));
app.get('${evilPath}', evil);
app.get('/aaaa', plain);
`;
    assert.deepEqual(routeLines(readRoutes(expressReader, text, 'app.js')), [`GET ${evilPath} @app ref=evil`, 'GET /aaaa @app ref=plain public=/^\\/(a+)+$/']);
  });

  it('says when an unless() regex uses what it does not run (lookaround, backreferences)', () => {
    const text = `
const express = require('express');
const { expressjwt } = require('express-jwt');
const app = express();
app.use(expressjwt({ secret, algorithms: ['HS256'] }).unless({ path: [/^\\/(?!admin)/, '/login'] }));
app.get('/reports', reports);
app.post('/login', login);
`;
    const summary = readRoutes(expressReader, text, 'app.js');
    assert.deepEqual(routeLines(summary), ['GET /reports @app ref=reports', `POST /login @app ref=login public='/login'`]);
    assert.deepEqual(
      summary.routes.map((route) => route.exemptionUndecided?.reason),
      ['/^\\/(?!admin)/ in .unless() was not run (invalid or unsupported Perl syntax: `(?!`): it may exempt this route', undefined],
    );
  });

  describe('look-alikes that are not routes', () => {
    const cases: [string, string][] = [
      ['a Map', `const map = new Map();\nmap.get('/x');\nmap.set('/x', 1);`],
      ['axios and fetch', `import axios from 'axios';\naxios.post('/api/users', body);\nfetch('/api/users');`],
      ['an HTTP client parameter', `export function load(client) {\n  return client.get('/api/users', config);\n}`],
      ['cache.use', `const cache = createCache();\ncache.use(plugin);\ncache.get('/key', fallback);`],
      ['app.get(setting)', `import express from 'express';\nconst app = express();\napp.get('env');`],
      ['a Koa router', `import Router from '@koa/router';\nconst router = new Router();\nrouter.get('/x', (ctx) => {});`],
    ];
    for (const [label, text] of cases) {
      it(label, () => {
        const summary = readRoutes(expressReader, text, 'src/x.ts');
        assert.deepEqual(routeLines(summary), []);
        assert.deepEqual(mountLines(summary), []);
      });
    }
  });

  describe('guard fix', () => {
    const guard = {
      name: 'requireAuth',
      kind: 'middleware' as const,
      text: 'requireAuth',
      imports: [{ local: 'requireAuth', module: './middleware/auth', imported: 'requireAuth' }],
    };

    it('inserts the guard before the handler and imports it (ES module style)', () => {
      const text = [`import express from "express"`, `const app = express()`, `app.get("/admin/users", listUsers)`, ``].join('\n');
      assert.equal(
        fixed(expressReader, text, 0, guard),
        [
          `import express from "express"`,
          `import { requireAuth } from "./middleware/auth"`,
          `const app = express()`,
          `app.get("/admin/users", requireAuth, listUsers)`,
          ``,
        ].join('\n'),
      );
    });

    it('after existing middleware, with require() and a joined destructuring', () => {
      const text = [
        `const express = require('express');`,
        `const { requireRole } = require('./middleware/auth');`,
        `const router = express.Router();`,
        `router.post('/orders', requireRole('x'), (req, res) => res.end());`,
        ``,
      ].join('\n');
      assert.equal(
        fixed(expressReader, text, 0, guard, 'routes/orders.js'),
        [
          `const express = require('express');`,
          `const { requireRole, requireAuth } = require('./middleware/auth');`,
          `const router = express.Router();`,
          `router.post('/orders', requireRole('x'), requireAuth, (req, res) => res.end());`,
          ``,
        ].join('\n'),
      );
    });

    it('one argument per line keeps the layout; an already bound name is not imported again', () => {
      const text = [
        `import { requireAuth } from './middleware/auth';`,
        `export default function (router) {`,
        `  router.delete(`,
        `    '/users/:id',`,
        `    users.remove,`,
        `  );`,
        `}`,
        ``,
      ].join('\n');
      assert.equal(
        fixed(expressReader, text, 0, guard),
        [
          `import { requireAuth } from './middleware/auth';`,
          `export default function (router) {`,
          `  router.delete(`,
          `    '/users/:id',`,
          `    requireAuth,`,
          `    users.remove,`,
          `  );`,
          `}`,
          ``,
        ].join('\n'),
      );
    });

    it('passport.authenticate with a default import, in a route() chain', () => {
      const passport = {
        name: 'passport.authenticate',
        kind: 'middleware' as const,
        text: `passport.authenticate('jwt', { session: false })`,
        imports: [{ local: 'passport', module: 'passport', imported: 'default' }],
      };
      const text = [`import { Router } from 'express';`, `const router = Router();`, `router.route('/items').get(list).post(create);`, ``].join('\n');
      assert.equal(
        fixed(expressReader, text, 1, passport),
        [
          `import { Router } from 'express';`,
          `import passport from 'passport';`,
          `const router = Router();`,
          `router.route('/items').get(list).post(passport.authenticate('jwt', { session: false }), create);`,
          ``,
        ].join('\n'),
      );
    });
  });
});
