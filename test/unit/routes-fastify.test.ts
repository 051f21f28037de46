// The Fastify reader: instances and plugins (named, default-exported, inline, fastify-plugin),
// shorthand and full routes with their hooks, context hooks (order-independent), register()
// mounts, look-alikes, and every shape of the preHandler fix.
import { strict as assert } from 'node:assert';
import { fastifyReader } from '../../src/core/routes/javascript/fastify';
import { containerLines, fixed, mountLines, readRoutes, routeLines } from './routes-js-helpers';

describe('routes: Fastify reader', () => {
  it('an instance with routes, hooks, route() and register() mounts', () => {
    const text = [
      `import Fastify from 'fastify';`,
      `import jwt from '@fastify/jwt';`,
      `import adminRoutes from './routes/admin';`,
      `const app = Fastify({ logger: true });`,
      `app.register(jwt, { secret: process.env.JWT_SECRET });`,
      `app.get('/health', async () => ({ ok: true }));`,
      `app.get('/me', { onRequest: [app.authenticate] }, async (request) => request.user);`,
      `app.post('/orders', { preHandler: app.auth([app.verifyJwt, app.verifyApiKey]), schema }, orders.create);`,
      `app.route({ method: ['PUT', 'PATCH'], url: '/orders/:id', preValidation: checkOwner, handler: updateOrder });`,
      `app.get('/reports', { handler: reports.list });`,
      `app.register(adminRoutes, { prefix: '/admin' });`,
      `app.register(import('./routes/public.js'));`,
      `async function updateOrder(request, reply) { reply.send({}); }`,
    ].join('\n');
    const summary = readRoutes(fastifyReader, text, 'src/server.ts');
    assert.deepEqual(routeLines(summary), [
      'GET /health @app handler=inline',
      'GET /me @app [app.authenticate] handler=inline',
      'POST /orders @app [app.auth,app.verifyJwt,app.verifyApiKey] ref=orders.create',
      'PUT|PATCH /orders/:id @app [checkOwner] handler=updateOrder',
      'GET /reports @app ref=reports.list',
    ]);
    assert.deepEqual(containerLines(summary), ['app(app)']);
    assert.deepEqual(mountLines(summary), [`app -> adminRoutes at '/admin'`, `app -> module:./routes/public.js at ''`]);
  });

  it('plugins: hooks apply to the whole context whatever the order, inline plugins, default exports', () => {
    const text = [
      `export default async function (fastify, opts) {`,
      `  fastify.get('/status', async () => 'ok');`,
      `  fastify.register(async (instance) => {`,
      `    instance.addHook('onRequest', instance.authenticate);`,
      `    instance.delete('/users/:id', async (request, reply) => reply.code(204).send());`,
      `  }, { prefix: '/users' });`,
      `  fastify.register(billing, { prefix: '/billing' });`,
      `}`,
      `async function billing(app) {`,
      `  app.get('/invoices', listInvoices);`,
      `  app.addHook('preHandler', async (request, reply) => {`,
      `    try { await request.jwtVerify(); } catch (err) { reply.send(err); }`,
      `  });`,
      `}`,
    ].join('\n');
    const summary = readRoutes(fastifyReader, text, 'routes/index.js');
    assert.deepEqual(routeLines(summary), [
      'GET /status @default handler=inline',
      'DELETE /users/:id @plugin@3 handler=inline',
      'GET /invoices @billing ref=listInvoices',
    ]);
    assert.deepEqual(containerLines(summary), [
      'plugin(default)',
      'plugin(plugin@3) [instance.authenticate@*]',
      'plugin(billing) [inline@routes/index.js:11@*]',
    ]);
    assert.deepEqual(mountLines(summary), [`default -> plugin@3 at '/users'`, `default -> billing at '/billing'`]);
    assert.deepEqual(
      summary.authDefinitions.map((definition) => definition.name),
      ['inline@routes/index.js:11'],
    );
  });

  it('a fastify-plugin of this file passes its hooks to the registering container; decorate(authenticate) is a definition', () => {
    const text = [
      `const fp = require('fastify-plugin');`,
      `const fastify = require('fastify')();`,
      `const auth = fp(async function auth(instance) {`,
      `  instance.decorate('authenticate', async (request, reply) => { await request.jwtVerify(); });`,
      `  instance.addHook('onRequest', instance.authenticate);`,
      `});`,
      `fastify.get('/a', handlerA);`,
      `fastify.register(auth);`,
    ].join('\n');
    const summary = readRoutes(fastifyReader, text, 'server.js');
    assert.deepEqual(containerLines(summary), ['app(fastify) [instance.authenticate@*]', 'plugin(auth) [instance.authenticate@*]']);
    assert.deepEqual(
      summary.authDefinitions.map((definition) => `${definition.name}: ${definition.evidence}`),
      ['authenticate: verifies a JWT or session'],
    );
  });

  describe('look-alikes that are not routes', () => {
    const cases: [string, string][] = [
      ['an Express app', `import express from 'express';\nconst app = express();\napp.get('/x', (req, res) => res.end());`],
      ['a client with a reply word', `import Fastify from 'fastify';\nconst reply = await client.get('/api/users', opts);\nhttp.post('/x', body, cb);`],
      ['fastify-plugin itself is not an instance', `import fp from 'fastify-plugin';\nconst plugin = fp(setup);\nplugin.get('/x', h);`],
    ];
    for (const [label, text] of cases) {
      it(label, () => {
        const summary = readRoutes(fastifyReader, text);
        assert.deepEqual(routeLines(summary), []);
        assert.deepEqual(mountLines(summary), []);
      });
    }
  });

  describe('guard fix', () => {
    const decorated = { name: 'fastify.authenticate', kind: 'middleware' as const, text: 'fastify.authenticate', imports: [] };
    const header = `import Fastify from 'fastify';\nconst app = Fastify();\n`;

    it('the short form gets an options argument (on this file’s instance name)', () => {
      assert.equal(
        fixed(fastifyReader, `${header}app.get('/admin', listAdmins);\n`, 0, decorated),
        `${header}app.get('/admin', { preHandler: [app.authenticate] }, listAdmins);\n`,
      );
    });

    it('an options object gets a preHandler property', () => {
      assert.equal(
        fixed(fastifyReader, `${header}app.post('/orders', { schema: orderSchema }, createOrder);\n`, 0, decorated),
        `${header}app.post('/orders', { schema: orderSchema, preHandler: [app.authenticate] }, createOrder);\n`,
      );
    });

    it('an existing preHandler list is appended to; a single preHandler becomes a list', () => {
      assert.equal(
        fixed(fastifyReader, `${header}app.put('/x', { preHandler: [validate] }, h);\n`, 0, decorated),
        `${header}app.put('/x', { preHandler: [validate, app.authenticate] }, h);\n`,
      );
      assert.equal(
        fixed(fastifyReader, `${header}app.put('/x', { preHandler: validate }, h);\n`, 0, decorated),
        `${header}app.put('/x', { preHandler: [validate, app.authenticate] }, h);\n`,
      );
    });

    it('route() with a multi-line options object keeps its layout and trailing comma', () => {
      const text = `${header}app.route({\n  method: 'DELETE',\n  url: '/users/:id',\n  handler: removeUser,\n});\n`;
      assert.equal(
        fixed(fastifyReader, text, 0, decorated),
        `${header}app.route({\n  method: 'DELETE',\n  url: '/users/:id',\n  handler: removeUser,\n  preHandler: [app.authenticate],\n});\n`,
      );
    });

    it('an imported guard is imported in the file’s style', () => {
      const guard = {
        name: 'verifyUser',
        kind: 'middleware' as const,
        text: 'verifyUser',
        imports: [{ local: 'verifyUser', module: '../auth', imported: 'verifyUser' }],
      };
      const text = `module.exports = async function (fastify) {\n  fastify.get('/settings', getSettings);\n};\n`;
      assert.equal(
        fixed(fastifyReader, text, 0, guard, 'routes/settings.js'),
        `const { verifyUser } = require('../auth');\nmodule.exports = async function (fastify) {\n  fastify.get('/settings', { preHandler: [verifyUser] }, getSettings);\n};\n`,
      );
    });
  });
});
