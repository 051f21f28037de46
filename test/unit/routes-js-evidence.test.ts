// JS/TS auth evidence: which handler bodies reject unauthenticated requests themselves, which
// verify a webhook signature, and which top-level functions/classes are the project's auth checks.
import { strict as assert } from 'node:assert';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { parseJavaScript } from '../../src/core/languages/javascript';
import { jsInlineAuthCheck, jsVerifiesSignature, readJsAuthDefinitions } from '../../src/core/routes/javascript/auth-evidence';
import { LineIndex } from '../../src/core/text';

function parse(text: string): TSESTree.Program {
  const parsed = parseJavaScript(text, 'typescript', 'src/x.ts');
  assert.ok(parsed.ast, parsed.problem?.message);
  return parsed.ast;
}

/** The first function of the file (declaration or the first function expression). */
function firstFunction(program: TSESTree.Program): TSESTree.Node {
  let found: TSESTree.Node | undefined;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') {
      found = node;
      return;
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach((item) => item && typeof item.type === 'string' && visit(item));
      else if (value && typeof value === 'object' && typeof (value as TSESTree.Node).type === 'string' && value !== (node as { parent?: unknown }).parent)
        visit(value as TSESTree.Node);
    }
  };
  visit(program);
  assert.ok(found);
  return found;
}

function checkedText(source: string): string | undefined {
  const lines = new LineIndex(source);
  const range = jsInlineAuthCheck(firstFunction(parse(source)), lines);
  return range && source.slice(lines.offsetAt(range.start), lines.offsetAt(range.end)).split('\n')[0];
}

describe('routes: JS auth evidence', () => {
  describe('inline checks in handlers', () => {
    const checked: [string, string, string][] = [
      [
        'Express 401',
        `app.get('/me', (req, res) => {\n  if (!req.user) return res.status(401).json({ error: 'no' });\n  res.json(req.user);\n});`,
        `if (!req.user) return res.status(401).json({ error: 'no' });`,
      ],
      [
        'sendStatus 403',
        `app.get('/x', (req, res) => {\n  if (!req.isAuthenticated()) { return res.sendStatus(403); }\n});`,
        `if (!req.isAuthenticated()) { return res.sendStatus(403); }`,
      ],
      [
        'redirect to login',
        `app.get('/x', (req, res) => {\n  if (!req.session.userId) return res.redirect('/login');\n});`,
        `if (!req.session.userId) return res.redirect('/login');`,
      ],
      [
        'Koa ctx.throw',
        `router.get('/x', async (ctx) => {\n  if (!ctx.state.user) ctx.throw(401, 'login first');\n});`,
        `if (!ctx.state.user) ctx.throw(401, 'login first');`,
      ],
      [
        'Koa ctx.status =',
        `router.get('/x', async (ctx) => {\n  if (!ctx.state.user) { ctx.status = 401; return; }\n});`,
        `if (!ctx.state.user) { ctx.status = 401; return; }`,
      ],
      [
        'Fastify reply.code',
        `app.get('/x', async (request, reply) => {\n  if (!request.headers.authorization) return reply.code(401).send();\n});`,
        `if (!request.headers.authorization) return reply.code(401).send();`,
      ],
      ['Nest exception', `function f(req) {\n  if (!req.user) throw new UnauthorizedException();\n}`, `if (!req.user) throw new UnauthorizedException();`],
      [
        'Next NextResponse',
        `export async function GET() {\n  const session = await getServerSession();\n  if (!session?.user) return NextResponse.json({ error: 'x' }, { status: 401 });\n}`,
        `if (!session?.user) return NextResponse.json({ error: 'x' }, { status: 401 });`,
      ],
      [
        'Response status 403',
        `export async function POST(req: Request) {\n  const token = cookies().get('token');\n  if (!token) return new Response(null, { status: 403 });\n}`,
        `if (!token) return new Response(null, { status: 403 });`,
      ],
      [
        'createError through next',
        `function f(req, res, next) {\n  if (!req.headers.authorization) return next(createError(401));\n}`,
        `if (!req.headers.authorization) return next(createError(401));`,
      ],
      [
        'through a local',
        `app.get('/x', async (req, res) => {\n  const ok = await sessions.lookup(req.cookies.sid);\n  if (!ok) return res.status(401).end();\n});`,
        `if (!ok) return res.status(401).end();`,
      ],
      [
        'else branch',
        `app.get('/x', (req, res) => {\n  if (req.user) { res.json(1); } else { res.status(401).end(); }\n});`,
        `if (req.user) { res.json(1); } else { res.status(401).end(); }`,
      ],
      [
        'StatusCodes name',
        `app.get('/x', (req, res) => {\n  if (!req.user) return res.status(StatusCodes.UNAUTHORIZED).end();\n});`,
        `if (!req.user) return res.status(StatusCodes.UNAUTHORIZED).end();`,
      ],
      [
        'jwt verify in try',
        `app.get('/x', (req, res) => {\n  try { jwt.verify(req.headers.authorization, KEY); } catch { return res.status(401).end(); }\n});`,
        `try { jwt.verify(req.headers.authorization, KEY); } catch { return res.status(401).end(); }`,
      ],
    ];
    for (const [label, source, expected] of checked) it(label, () => assert.equal(checkedText(source), expected));

    const unchecked: [string, string][] = [
      [
        '404 for a missing user',
        `app.get('/u/:id', async (req, res) => {\n  const user = await User.find(req.params.id);\n  if (!user) return res.status(404).end();\n});`,
      ],
      ['400 on bad input', `app.post('/x', (req, res) => {\n  if (!req.body.name) return res.status(400).end();\n});`],
      ['401 unconditionally', `app.get('/x', (req, res) => {\n  res.status(401).end();\n});`],
      ['redirect elsewhere', `app.get('/x', (req, res) => {\n  if (!req.user) return res.redirect('/home');\n});`],
      [
        'a login checking submitted credentials',
        `app.post('/login', async (req, res) => {\n  const user = await users.verifyPassword(req.body.email, req.body.password);\n  if (!user) return res.status(401).json({ error: 'wrong password' });\n});`,
      ],
      ['403 on a non-auth condition', `app.get('/x', (req, res) => {\n  if (req.query.limit > 100) return res.sendStatus(403);\n});`],
    ];
    for (const [label, source] of unchecked) it(`not: ${label}`, () => assert.equal(checkedText(source), undefined));
  });

  describe('webhook signatures', () => {
    const verifying: [string, string][] = [
      ['Stripe', `app.post('/hook', (req, res) => {\n  const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret);\n});`],
      [
        'HMAC compare',
        `app.post('/hook', (req, res) => {\n  const digest = crypto.createHmac('sha256', secret).update(req.body).digest('hex');\n  if (digest !== req.headers['x-signature']) return res.sendStatus(400);\n});`,
      ],
      ['timingSafeEqual', `app.post('/hook', (req, res) => {\n  if (!crypto.timingSafeEqual(a, b)) return res.sendStatus(400);\n});`],
      ['svix', `app.post('/hook', (req, res) => {\n  const wh = new Webhook(secret);\n  const payload = wh.verify(req.body, req.headers);\n});`],
      ['Octokit', `app.post('/hook', async (req, res) => {\n  await webhooks.verify(req.body, req.headers['x-hub-signature-256']);\n});`],
      ['own helper', `app.post('/hook', (req, res) => {\n  if (!verifyWebhookSignature(req)) return res.sendStatus(401);\n});`],
    ];
    for (const [label, source] of verifying) it(label, () => assert.equal(jsVerifiesSignature(firstFunction(parse(source))), true));
    it('not: a handler that only parses the body', () => {
      assert.equal(
        jsVerifiesSignature(
          firstFunction(parse(`app.post('/hook', (req, res) => {\n  const event = JSON.parse(req.body);\n  if (event.type === 'x') res.send();\n});`)),
        ),
        false,
      );
    });
    it('not: a jwt.verify (that is auth, not a webhook signature)', () => {
      assert.equal(jsVerifiesSignature(firstFunction(parse(`app.post('/x', (req, res) => { jwt.verify(t, k); });`))), false);
    });
  });

  describe('auth definitions', () => {
    function definitions(source: string): string[] {
      return readJsAuthDefinitions(parse(source), new LineIndex(source)).map((definition) => `${definition.name}: ${definition.evidence}`);
    }

    it('middleware functions, arrow consts, exports and factories', () => {
      const source = [
        `function checkSession(req, res, next) {`,
        `  if (!req.session || !req.session.userId) return res.status(401).json({ error: 'unauthorized' });`,
        `  next();`,
        `}`,
        `export const requireAdmin = (req, res, next) => {`,
        `  if (!req.user?.isAdmin) return res.sendStatus(403);`,
        `  next();`,
        `};`,
        `export function requireRole(role) {`,
        `  return (req, res, next) => (req.user && req.user.role === role ? next() : res.status(403).end());`,
        `}`,
        `const verifyJwt = (req, res, next) => {`,
        `  const token = req.headers.authorization?.split(' ')[1];`,
        `  req.user = jwt.verify(token, process.env.JWT_SECRET);`,
        `  next();`,
        `};`,
        `const apiAuth = passport.authenticate('bearer', { session: false });`,
        `function listUsers(req, res) { res.json([]); }`,
        `const limiter = rateLimit({ max: 5 });`,
      ].join('\n');
      assert.deepEqual(definitions(source), [
        'checkSession: responds 401',
        'requireAdmin: responds 403',
        'requireRole: responds 403',
        'verifyJwt: verifies a JWT or session',
        'apiAuth: passport.authenticate',
      ]);
    });

    it('CommonJS exports and Koa middleware', () => {
      const source = [
        `module.exports = async function mustBeLoggedIn(ctx, next) {`,
        `  if (!ctx.state.user) ctx.throw(401);`,
        `  await next();`,
        `};`,
        `exports.isLoggedIn = (req, res, next) => req.isAuthenticated() ? next() : res.redirect('/login');`,
      ].join('\n');
      assert.deepEqual(definitions(source), ['mustBeLoggedIn: responds 401', 'isLoggedIn: redirects to login']);
    });

    it('Fastify decorate(authenticate) with jwtVerify, Nest guards', () => {
      const source = [
        `export default fp(async function (fastify) {`,
        `  fastify.decorate('authenticate', async function (request, reply) {`,
        `    try { await request.jwtVerify(); } catch (err) { reply.send(err); }`,
        `  });`,
        `});`,
        `@Injectable()`,
        `export class RolesGuard implements CanActivate {`,
        `  canActivate(context: ExecutionContext) { return true; }`,
        `}`,
        `export class JwtAuthGuard extends AuthGuard('jwt') {}`,
        `export class UsersService {}`,
      ].join('\n');
      assert.deepEqual(definitions(source), [
        'RolesGuard: implements CanActivate',
        'JwtAuthGuard: extends AuthGuard',
        'authenticate: rejects when the token does not verify',
      ]);
    });

    it('not: handlers and helpers that do not check auth', () => {
      const source = [
        `function getUser(req, res) { if (!req.params.id) return res.status(400).end(); res.json({}); }`,
        `const logger = (req, res, next) => { console.log(req.url); next(); };`,
        `function format(value) { return String(value); }`,
      ].join('\n');
      assert.deepEqual(definitions(source), []);
    });
  });
});
