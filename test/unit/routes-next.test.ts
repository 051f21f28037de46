// The Next.js route reader: paths from file names, app-router method exports, pages-router API
// handlers and their methods, server actions, handler-call and wrapper guards, root middleware
// with its matcher, look-alikes that are not routes, and the guard fix's exact output.
import { strict as assert } from 'node:assert';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { applyTextEdits } from '../../src/core/edits';
import { parseJavaScript } from '../../src/core/languages/javascript';
import { emptyFileRoutes, type FileRoutes } from '../../src/core/routes/model';
import type { GuardToAdd } from '../../src/core/routes/reader';
import { readJsModuleBindings } from '../../src/core/routes/javascript/module-bindings';
import next from '../../src/core/routes/javascript/next/reader';
import { nextAppRootOf, nextRouteFile } from '../../src/core/routes/javascript/next/paths';
import { LineIndex } from '../../src/core/text';

function parse(text: string, path: string): TSESTree.Program {
  const parsed = parseJavaScript(text, 'typescript', path);
  assert.ok(parsed.ast, parsed.problem?.message);
  return parsed.ast;
}

function read(text: string, path: string): FileRoutes {
  const summary = emptyFileRoutes(path);
  if (!next.mayApply(text, path)) return summary;
  const program = parse(text, path);
  Object.assign(summary, readJsModuleBindings(program));
  next.read({ path, text, lines: new LineIndex(text), language: 'typescript' }, program, summary);
  return summary;
}

/** Routes in a compact, comparable shape. */
function routes(summary: FileRoutes): string[] {
  return summary.routes.map((route) => {
    const guards = [...route.guards, ...(route.handler?.guards ?? [])].map((guard) => `${guard.kind}:${guard.name}`).join(',');
    const ref = route.handlerRef ? ` ref=${JSON.stringify(route.handlerRef)}` : '';
    return `${route.methods.join('|')} ${route.path} handler=${route.handler?.name} guards=[${guards}]${ref}${route.serverAction ? ' action' : ''} line=${route.range.start.line + 1}`;
  });
}

describe('Next.js route paths', () => {
  const table: [string, string | undefined][] = [
    ['app/api/users/route.ts', 'app /api/users'],
    ['src/app/api/users/[id]/route.js', 'app /api/users/:id'],
    ['app/(admin)/api/files/[...path]/route.tsx', 'app /api/files/*'],
    ['app/@modal/api/[[...slug]]/route.ts', 'app /api/*'],
    ['app/route.ts', 'app /'],
    ['app/_lib/route.ts', undefined],
    ['app/api/users/page.tsx', undefined],
    ['app/api/users/route.test.ts', undefined],
    ['pages/api/users/index.ts', 'pages-api /api/users'],
    ['src/pages/api/users/[id].ts', 'pages-api /api/users/:id'],
    ['pages/api/auth/[...nextauth].js', 'pages-api /api/auth/*'],
    ['pages/api/users.test.ts', undefined],
    ['pages/users.tsx', undefined],
    ['node_modules/x/app/api/route.js', undefined],
  ];
  for (const [path, expected] of table) {
    it(`${path} → ${expected ?? 'not a route'}`, () => {
      const file = nextRouteFile(path);
      assert.equal(file && `${file.router} ${file.path}`, expected);
    });
  }
});

describe('Next.js route reader', () => {
  it('reads app-router method exports, handler-call guards with their statements, and wrappers', () => {
    const text = `import { NextResponse } from 'next/server';
import { auth } from '@/auth';
import { withAuth } from '@/lib/with-auth';

export async function GET(request: Request) {
  const session = await auth();
  if (!session?.user) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }
  const body = await request.json();
  return NextResponse.json(body);
}

export const POST = withAuth(async (req: Request) => {
  return NextResponse.json({ ok: true });
});

export async function DELETE() {
  return NextResponse.json({ deleted: true });
}

export const dynamic = 'force-dynamic';
`;
    const summary = read(text, 'app/api/orders/route.ts');
    assert.deepEqual(routes(summary), [
      'GET /api/orders handler=GET guards=[handler-call:auth] line=5',
      'POST /api/orders handler=POST guards=[middleware:withAuth] line=14',
      'DELETE /api/orders handler=DELETE guards=[] line=18',
    ]);
    const guard = summary.routes[0].handler!.guards[0];
    assert.equal(guard.text, 'auth()');
    assert.equal(
      guard.statements,
      `const session = await auth();
if (!session?.user) {
  return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
}`,
    );
    assert.equal(summary.routes[0].container, undefined);
  });

  it('records calls in the first statements, checks in if-tests, and skips request reads', () => {
    const summary = read(
      `export async function GET(req) {
  const body = await req.json();
  await requireUser();
  const { userId } = getAuth(req);
  if (!(await isAdmin(userId))) redirect('/login');
  console.log('x');
  const late = await sixth();
}
`,
      'app/api/x/route.js',
    );
    const guards = summary.routes[0].handler!.guards;
    assert.deepEqual(
      guards.map((guard) => [guard.name, guard.statements]),
      [
        ['requireUser', 'await requireUser();'],
        // The if after it tests what it declared: part of the same check.
        ['getAuth', "const { userId } = getAuth(req);\nif (!(await isAdmin(userId))) redirect('/login');"],
        ['isAdmin', "if (!(await isAdmin(userId))) redirect('/login');"],
      ],
    );
  });

  it('reads `export { handler as GET }`, re-exports and Auth.js handler objects', () => {
    const text = `import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth';
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
`;
    assert.deepEqual(routes(read(text, 'app/api/auth/[...nextauth]/route.ts')), [
      'GET /api/auth/* handler=undefined guards=[middleware:NextAuth] line=4',
      'POST /api/auth/* handler=undefined guards=[middleware:NextAuth] line=4',
    ]);
    assert.deepEqual(routes(read(`export { GET, POST } from '@/auth';\n`, 'app/api/auth/[...nextauth]/route.ts')), [
      'GET /api/auth/* handler=undefined guards=[] ref={"module":"@/auth","member":"GET"} line=1',
      'POST /api/auth/* handler=undefined guards=[] ref={"module":"@/auth","member":"POST"} line=1',
    ]);
    assert.deepEqual(routes(read(`import { handlers } from '@/auth';\nexport const { GET, POST } = handlers;\n`, 'app/api/auth/[...nextauth]/route.ts')), [
      'GET /api/auth/* handler=undefined guards=[] ref={"local":"handlers","member":"GET"} line=2',
      'POST /api/auth/* handler=undefined guards=[] ref={"local":"handlers","member":"POST"} line=2',
    ]);
    const local = read(`async function handle(req: Request) { return Response.json({}); }\nexport { handle as GET };\n`, 'app/api/ping/route.ts');
    assert.deepEqual(routes(local), ['GET /api/ping handler=handle guards=[] line=2']);
  });

  it('reads pages-router handlers with methods narrowed from req.method', () => {
    const cases: [string, string][] = [
      [
        `export default async function handler(req, res) {
  res.status(200).json({ ok: true });
}`,
        'ALL',
      ],
      [
        `export default async function handler(req, res) {
  if (req.method !== 'POST') return res.status(405).end();
  res.json({});
}`,
        'POST',
      ],
      [
        `export default async function handler(req, res) {
  switch (req.method) {
    case 'GET': return res.json([]);
    case 'PUT': return res.json({});
    default:
      res.setHeader('Allow', ['GET', 'PUT']);
      res.status(405).end();
  }
}`,
        'GET|PUT',
      ],
      [
        `export default function handler(req, res) {
  if (req.method === 'GET') {
    return res.json([]);
  } else {
    return res.json({ created: true });
  }
}`,
        'ALL',
      ],
      [
        `export default function handler(req, res) {
  const { method } = req;
  if (method === 'DELETE') {
    res.json({});
  }
}`,
        'DELETE',
      ],
      [
        `export default function handler(req, res) {
  if (req.method === 'GET') return res.json([]);
  return res.json({ created: true });
}`,
        'ALL',
      ],
    ];
    for (const [text, methods] of cases) {
      const summary = read(text, 'pages/api/items.ts');
      assert.equal(summary.routes.length, 1, text);
      assert.equal(summary.routes[0].methods.join('|'), methods, text);
      assert.equal(summary.routes[0].path, '/api/items');
      assert.equal(summary.routes[0].handler?.name, 'handler');
    }
  });

  it('reads pages-router wrappers, identifiers and anonymous defaults', () => {
    assert.deepEqual(
      routes(
        read(
          `import { withApiAuthRequired, getSession } from '@auth0/nextjs-auth0';
async function handler(req, res) {
  res.json({});
}
export default withApiAuthRequired(handler);
`,
          'pages/api/me.ts',
        ),
      ),
      ['ALL /api/me handler=handler guards=[middleware:withApiAuthRequired] line=5'],
    );
    assert.deepEqual(
      routes(
        read(
          `export default async (req, res) => {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).json({ error: 'Unauthorized' });
  res.json({});
};
`,
          'src/pages/api/admin/stats.ts',
        ),
      ),
      ['ALL /api/admin/stats handler=undefined guards=[handler-call:getServerSession] line=1'],
    );
    const anonymous = read(`export default async (req, res) => { res.json({}); };\n`, 'pages/api/x.ts');
    assert.deepEqual(anonymous.routes[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 14 } });
  });

  it('records handlers that check auth themselves or verify a webhook signature', () => {
    const stripe = read(
      `import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
export async function POST(req: Request) {
  const body = await req.text();
  const event = stripe.webhooks.constructEvent(body, req.headers.get('stripe-signature')!, process.env.STRIPE_WEBHOOK_SECRET!);
  return Response.json({ received: event.id });
}
`,
      'app/api/webhooks/stripe/route.ts',
    );
    assert.equal(stripe.routes[0].handler?.verifiesSignature, true);
    const inline = read(
      `export default async function handler(req, res) {
  const token = req.headers.authorization;
  if (!token) {
    return res.status(401).json({ error: 'Unauthorized' });
  }
  res.json({});
}
`,
      'pages/api/export.ts',
    );
    assert.equal(inline.routes[0].handler?.inlineCheck?.start.line, 2);
  });

  it('reads server actions from use-server files and from functions that start with use server', () => {
    const fileLevel = read(
      `'use server';
import { auth } from '@/auth';
import { revalidatePath } from 'next/cache';

export async function deletePost(id: string) {
  const session = await auth();
  if (!session) throw new Error('Unauthorized');
  revalidatePath('/');
}

export const updatePost = async (id: string) => {
  revalidatePath('/');
};

async function helper() {}
`,
      'app/actions.ts',
    );
    assert.deepEqual(routes(fileLevel), [
      // Every early call is recorded; the vocabulary tells auth from revalidatePath.
      'POST action:deletePost handler=deletePost guards=[handler-call:auth,handler-call:revalidatePath] action line=5',
      'POST action:updatePost handler=updatePost guards=[handler-call:revalidatePath] action line=11',
    ]);
    const inline = read(
      `export default function Page() {
  async function archive(formData: FormData) {
    'use server';
    await db.archive(formData.get('id'));
  }
  return <form action={archive}><button>Archive</button></form>;
}
`,
      'app/posts/page.tsx',
    );
    assert.deepEqual(routes(inline), ['POST action:archive handler=archive guards=[handler-call:db.archive] action line=2']);
  });

  it('reads root middleware auth calls with the matcher', () => {
    const nextAuth = read(
      `export { default } from 'next-auth/middleware';
export const config = { matcher: ['/dashboard/:path*', '/api/admin/:path*'] };
`,
      'middleware.ts',
    );
    assert.deepEqual(
      nextAuth.projectGuards.map((guard) => [guard.name, guard.kind, guard.framework, guard.matcher]),
      [['withAuth', 'project-middleware', 'nextjs', ['/dashboard/:path*', '/api/admin/:path*']]],
    );
    const token = read(
      `import { NextResponse } from 'next/server';
import { getToken } from 'next-auth/jwt';
export async function middleware(req) {
  const token = await getToken({ req });
  if (!token) return NextResponse.redirect(new URL('/login', req.url));
  return NextResponse.next();
}
export const config = { matcher: '/admin/:path*' };
`,
      'src/middleware.ts',
    );
    assert.deepEqual(
      token.projectGuards.map((guard) => [guard.name, guard.text, guard.matcher]),
      [['getToken', 'getToken({ req })', ['/admin/:path*']]],
    );
    const clerk = read(
      `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server';
const isProtectedRoute = createRouteMatcher(['/dashboard(.*)']);
export default clerkMiddleware(async (auth, req) => {
  if (isProtectedRoute(req)) await auth.protect();
});
export const config = { matcher: [{ source: '/((?!_next).*)' }] };
`,
      'middleware.ts',
    );
    assert.deepEqual(
      clerk.projectGuards.map((guard) => [guard.name, guard.matcher]),
      [
        ['clerkMiddleware', ['/((?!_next).*)']],
        ['isProtectedRoute', ['/((?!_next).*)']],
        ['auth.protect', ['/((?!_next).*)']],
      ],
    );
    const authJs = read(
      `import NextAuth from 'next-auth';\nimport authConfig from './auth.config';\nexport default NextAuth(authConfig).auth;\n`,
      'middleware.ts',
    );
    assert.deepEqual(
      authJs.projectGuards.map((guard) => guard.name),
      ['auth'],
    );
    const reexport = read(`export { auth as middleware } from '@/auth';\n`, 'middleware.ts');
    assert.deepEqual(
      reexport.projectGuards.map((guard) => guard.name),
      ['auth'],
    );
  });

  it('records a hand-written middleware check under its own name, with an auth definition', () => {
    const summary = read(
      `import { NextResponse, type NextRequest } from 'next/server';
export function middleware(request: NextRequest) {
  const cookie = request.cookies.get('sid');
  if (!cookie) return NextResponse.redirect(new URL('/signin', request.url));
  return NextResponse.next();
}
`,
      'middleware.ts',
    );
    assert.deepEqual(
      summary.projectGuards.map((guard) => [guard.name, guard.kind, guard.matcher, guard.range.start.line + 1]),
      [['middleware', 'project-middleware', undefined, 2]],
    );
    assert.deepEqual(
      summary.authDefinitions.map((definition) => definition.name),
      ['middleware'],
    );
  });

  it('records nothing for a middleware that does not check auth', () => {
    const intl = read(
      `import createMiddleware from 'next-intl/middleware';
import { routing } from './i18n/routing';
export default createMiddleware(routing);
export const config = { matcher: ['/((?!api|_next).*)'] };
`,
      'middleware.ts',
    );
    assert.deepEqual(intl.projectGuards, []);
    const headers = read(
      `import { NextResponse } from 'next/server';
export function middleware(req) {
  const res = NextResponse.next();
  res.headers.set('x-frame-options', 'DENY');
  return res;
}
`,
      'src/middleware.ts',
    );
    assert.deepEqual(headers.projectGuards, []);
  });

  it('does not read look-alikes as routes', () => {
    // Not a route file: a client calling the API.
    assert.deepEqual(read(`export async function GET() { return fetch('/api/users'); }\n`, 'lib/api.ts').routes, []);
    // A route file whose exports are not methods.
    assert.deepEqual(read(`export async function get() {}\nexport const revalidate = 60;\nexport default function x() {}\n`, 'app/api/x/route.ts').routes, []);
    // A middleware.ts deeper than the root is the root of another app (a monorepo's apps/web): the
    // resolver applies it only to the Next.js routes under that folder (see routes-resolve).
    assert.equal(nextAppRootOf('src/auth/middleware.ts'), 'src/auth');
    assert.equal(nextAppRootOf('apps/web/src/middleware.ts'), 'apps/web');
    assert.equal(nextAppRootOf('middleware.ts'), '');
    // A 'use client' component and a string that mentions use server.
    assert.deepEqual(read(`'use client';\nconst hint = "add 'use server' to actions";\nexport async function save() {}\n`, 'app/page.tsx').routes, []);
    // pages outside api are pages, not API routes.
    assert.deepEqual(read(`export default function Users() { return null; }\n`, 'pages/users.tsx').routes, []);
  });
});

describe('Next.js guard fix', () => {
  const authCheck: GuardToAdd = {
    name: 'auth',
    kind: 'handler-call',
    text: 'auth()',
    statements: `const session = await auth();
if (!session?.user) {
  return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
}`,
    imports: [
      { local: 'auth', module: '@/auth', imported: 'auth' },
      { local: 'NextResponse', module: 'next/server', imported: 'NextResponse' },
    ],
  };

  function fix(text: string, path: string, routeIndex: number, guard: GuardToAdd = authCheck): string | undefined {
    const summary = read(text, path);
    const program = parse(text, path);
    const result = next.addGuard!({
      file: { path, text, lines: new LineIndex(text), language: 'typescript' },
      route: summary.routes[routeIndex],
      guard,
      summary,
      javascript: program,
    });
    if (!result) return undefined;
    assert.equal(result.safe, false);
    assert.equal(result.title, `Add the ${guard.name} check to this handler`);
    return applyTextEdits(text, result.edits);
  }

  it('copies the check as the first statements, adding imports the file lacks', () => {
    assert.equal(
      fix(
        `import { NextResponse } from 'next/server';
import { db } from '@/lib/db';

export async function DELETE(req: Request, { params }: { params: { id: string } }) {
  await db.order.delete({ where: { id: params.id } });
  return NextResponse.json({ ok: true });
}
`,
        'app/api/orders/[id]/route.ts',
        0,
      ),
      `import { NextResponse } from 'next/server';
import { db } from '@/lib/db';
import { auth } from '@/auth';

export async function DELETE(req: Request, { params }: { params: { id: string } }) {
  const session = await auth();
  if (!session?.user) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }

  await db.order.delete({ where: { id: params.id } });
  return NextResponse.json({ ok: true });
}
`,
    );
  });

  it('makes a handler async when the check awaits, and keeps tabs and double quotes', () => {
    assert.equal(
      fix(
        `import { db } from "@/lib/db"

export const POST = (request: Request) => {
\treturn Response.json(db.create())
}
`,
        'app/api/things/route.ts',
        0,
      ),
      `import { db } from "@/lib/db"
import { auth } from "@/auth"
import { NextResponse } from "next/server"

export const POST = async (request: Request) => {
\tconst session = await auth();
\tif (!session?.user) {
\t  return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
\t}

\treturn Response.json(db.create())
}
`,
    );
  });

  it('inserts into a server action, its imports after the use-server directive of a file without imports', () => {
    assert.equal(
      fix(
        `'use server';

export async function deleteAccount(id: string) {
  await removeAccount(id);
}
`,
        'app/account/actions.ts',
        0,
      ),
      `'use server';
import { auth } from '@/auth';
import { NextResponse } from 'next/server';

export async function deleteAccount(id: string) {
  const session = await auth();
  if (!session?.user) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }

  await removeAccount(id);
}
`,
    );
  });

  it('declines when the check needs a request the handler does not have, or there is no statement to copy', () => {
    const text = `export async function GET() {\n  return Response.json([]);\n}\n`;
    const needsRequest: GuardToAdd = {
      name: 'getToken',
      kind: 'handler-call',
      text: 'getToken({ req })',
      statements: 'const token = await getToken({ req });\nif (!token) return new Response(null, { status: 401 });',
      imports: [],
    };
    assert.equal(fix(text, 'app/api/x/route.ts', 0, needsRequest), undefined);
    assert.equal(fix(text, 'app/api/x/route.ts', 0, { name: 'withAuth', kind: 'middleware', text: 'withAuth', imports: [] }), undefined);
    assert.equal(fix(`export const GET = async () => Response.json([]);\n`, 'app/api/x/route.ts', 0), undefined);
  });
});
