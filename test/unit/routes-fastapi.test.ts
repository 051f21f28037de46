// The FastAPI route reader: apps and routers with prefixes and dependencies, routes from
// decorators and add_api_route with their dependency guards (decorator list, parameters,
// Annotated, aliases), middleware, include_router mounts, look-alikes, and the parameter fix.
import { strict as assert } from 'node:assert';
import { fastapiReader } from '../../src/core/routes/python/fastapi/reader';
import type { GuardToAdd } from '../../src/core/routes/reader';
import { dedent, describeContainers, describeMounts, fixed, readFile, routesOf } from './routes-py-harness';

describe('routes: FastAPI reader', () => {
  it('reads apps and routers with prefixes and dependencies, and routes with their methods', async () => {
    const summary = await readFile(
      fastapiReader,
      dedent(`
      from fastapi import FastAPI, APIRouter, Depends, Security
      from .deps import verify_key, get_current_user

      app = FastAPI(dependencies=[Depends(verify_key)])
      router = APIRouter(prefix='/admin', tags=['admin'], dependencies=[Security(get_current_user, scopes=['admin'])])

      @app.get('/health')
      def health():
          return {'ok': True}

      @router.delete('/users/{uid}', dependencies=[Depends(verify_key)])
      async def delete_user(uid: int):
          return None

      @app.api_route('/items', methods=['get', 'post'])
      def items():
          return []

      @app.api_route('/any')
      def any_route():
          return []
    `),
    );
    assert.deepEqual(describeContainers(summary), ['app app [verify_key(-1)]', 'router router /admin [get_current_user(-1)]']);
    assert.equal(summary.containers[1].guards[0].text, "Security(get_current_user, scopes=['admin'])");
    assert.equal(summary.containers[1].guards[0].kind, 'dependency');
    assert.deepEqual(
      summary.routes.map(
        (route) => `${route.methods.join(',')} ${route.path} @${route.container} [${route.guards.map((guard) => guard.name).join(',')}] ${route.handler?.name}`,
      ),
      ['GET /health @app [] health', 'DELETE /users/{uid} @router [verify_key] delete_user', 'GET,POST /items @app [] items', 'GET /any @app [] any_route'],
    );
  });

  it('reads dependencies from parameters: Depends, Security, Annotated, local and imported aliases', async () => {
    const summary = await readFile(
      fastapiReader,
      dedent(`
      from typing import Annotated
      from fastapi import APIRouter, Depends, Security
      from fastapi.security import OAuth2PasswordBearer
      from .deps import CurrentAdmin, get_db
      from .schemas import Item

      router = APIRouter()
      oauth2_scheme = OAuth2PasswordBearer(tokenUrl='token')
      CurrentUser = Annotated[User, Depends(get_current_user)]

      @router.get('/a')
      def a(user: User = Depends(get_current_user)):
          return user

      @router.get('/b')
      def b(user=Security(get_current_user, scopes=['me'])):
          return user

      @router.get('/c')
      def c(user: Annotated[User, Depends(get_current_user)], q: str = ''):
          return user

      @router.get('/d')
      def d(user: CurrentUser):
          return user

      @router.get('/e')
      def e(token: str = Depends(oauth2_scheme)):
          return token

      @router.post('/f')
      def f(item: Item, admin: CurrentAdmin, db=Depends(get_db)):
          return item
    `),
    );
    assert.deepEqual(
      summary.routes.map((route) => `${route.path} ${route.guards.map((guard) => `${guard.name}<${guard.text}>`).join(' ')}`),
      [
        '/a get_current_user<user: User = Depends(get_current_user)>',
        "/b get_current_user<user=Security(get_current_user, scopes=['me'])>",
        '/c get_current_user<user: Annotated[User, Depends(get_current_user)]>',
        '/d get_current_user<user: CurrentUser>',
        '/e oauth2_scheme<token: str = Depends(oauth2_scheme)>',
        '/f Item<item: Item> CurrentAdmin<admin: CurrentAdmin> get_db<db=Depends(get_db)>',
      ],
    );
    assert.ok(summary.routes.every((route) => route.guards.every((guard) => guard.kind === 'dependency')));
  });

  it('reads include_router mounts with their dependencies, middleware, and add_api_route', async () => {
    const summary = await readFile(
      fastapiReader,
      dedent(`
      from fastapi import FastAPI, Depends
      from .routers import admin, items
      from .middleware import AuthMiddleware

      app = FastAPI()
      app.add_middleware(AuthMiddleware)

      @app.middleware('http')
      async def check_api_key(request, call_next):
          return await call_next(request)

      app.include_router(admin.router, prefix='/admin', dependencies=[Depends(get_current_user)])
      app.include_router(items.router)

      def export(user=Depends(get_current_user)):
          return []

      app.add_api_route('/export', export, methods=['POST'])
      app.add_api_route('/stats', items.stats)
    `),
      'app/main.py',
    );
    assert.deepEqual(describeContainers(summary), ['app app [AuthMiddleware(-1),check_api_key(-1)]']);
    assert.deepEqual(describeMounts(summary), ["app <- admin.router at '/admin' [get_current_user]", "app <- items.router at ''"]);
    assert.deepEqual(
      summary.routes.map(
        (route) =>
          `${route.methods.join(',')} ${route.path} [${route.guards.map((guard) => guard.name).join(',')}] ${route.handler?.name ?? JSON.stringify(route.handlerRef)}`,
      ),
      ['POST /export [get_current_user] export', 'GET /stats [] {"local":"items","member":"stats"}'],
    );
  });

  it('reads routes on an imported router, handler evidence, and not look-alikes', async () => {
    assert.deepEqual(
      await routesOf(
        fastapiReader,
        dedent(`
      import stripe, httpx
      from fastapi import Request, HTTPException, status
      from .routers import router

      @router.post('/webhooks/stripe')
      async def stripe_webhook(request: Request):
          event = stripe.Webhook.construct_event(await request.body(), request.headers.get('stripe-signature'), secret)
          return {}

      @router.get('/me')
      def me(request: Request):
          if not request.headers.get('Authorization'):
              raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED)
          return {}

      async def call_api(client: httpx.AsyncClient, cache: dict):
          await client.post('/api/users', json={})
          cache.get('/admin')
    `),
        'app/hooks.py',
      ),
      ['POST /webhooks/stripe @router signed', 'GET /me @router inline'],
    );
    assert.deepEqual(
      await routesOf(
        fastapiReader,
        dedent(`
      import httpx
      client = httpx.Client()

      @client.get('/x')
      def not_a_route():
          return 1
    `),
      ),
      [],
    );
  });
});

describe('routes: FastAPI guard fix', () => {
  const last = (summary: { routes: unknown[] }) => ({ route: summary.routes[summary.routes.length - 1] as never });
  const currentUser: GuardToAdd = {
    name: 'get_current_user',
    kind: 'dependency',
    text: 'current_user: User = Depends(get_current_user)',
    parameter: 'current_user: User = Depends(get_current_user)',
    imports: [
      { local: 'get_current_user', module: '.deps', imported: 'get_current_user' },
      { local: 'User', module: '.models', imported: 'User' },
    ],
  };

  it('appends the sibling parameter on a one-line signature and imports what it names', async () => {
    const text = dedent(`
      from fastapi import APIRouter, Depends
      from .models import User

      router = APIRouter()

      @router.delete('/users/{uid}')
      async def delete_user(uid: int, q: str = ''):
          return None
    `);
    assert.equal(
      await fixed(fastapiReader, text, currentUser, last),
      dedent(`
      from fastapi import APIRouter, Depends
      from .models import User
      from .deps import get_current_user

      router = APIRouter()

      @router.delete('/users/{uid}')
      async def delete_user(uid: int, q: str = '', current_user: User = Depends(get_current_user)):
          return None
    `),
    );
  });

  it('writes _user=Depends(name) without a sibling parameter, before **kwargs, adding Depends to the fastapi import', async () => {
    const guard: GuardToAdd = {
      name: 'verify_token',
      kind: 'dependency',
      text: 'Depends(verify_token)',
      imports: [{ local: 'verify_token', module: '.auth', imported: 'verify_token' }],
    };
    const text =
      'from fastapi import FastAPI\nfrom .auth import verify_token\napp = FastAPI()\n\n@app.post("/orders")\ndef create(order: dict, **extra):\n    return order\n';
    assert.equal(
      await fixed(fastapiReader, text, guard, last),
      'from fastapi import FastAPI, Depends\nfrom .auth import verify_token\napp = FastAPI()\n\n@app.post("/orders")\ndef create(order: dict, _user=Depends(verify_token), **extra):\n    return order\n',
    );
  });

  it('keeps a multi-line signature with its trailing comma, and fills an empty one', async () => {
    const text = dedent(`
      from fastapi import APIRouter, Depends
      from .deps import get_current_user
      from .models import User
      router = APIRouter()

      @router.patch('/settings')
      def update_settings(
          payload: dict,
          db=Depends(get_db),
      ):
          return payload

      @router.get('/export')
      def export():
          return []
    `);
    const first = (summary: { routes: unknown[] }) => ({ route: summary.routes[0] as never });
    assert.equal(
      await fixed(fastapiReader, text, currentUser, first),
      text.replace('    db=Depends(get_db),\n', '    db=Depends(get_db),\n    current_user: User = Depends(get_current_user),\n'),
    );
    assert.equal(
      await fixed(fastapiReader, text, currentUser, last),
      text.replace('def export():', 'def export(current_user: User = Depends(get_current_user)):'),
    );
  });

  it('puts an Annotated parameter (no default) before the defaulted ones, and refuses a second copy', async () => {
    const guard: GuardToAdd = {
      name: 'CurrentUser',
      kind: 'dependency',
      text: 'user: CurrentUser',
      parameter: 'user: CurrentUser',
      imports: [{ local: 'CurrentUser', module: '.deps', imported: 'CurrentUser' }],
    };
    const text = 'from fastapi import APIRouter\nrouter = APIRouter()\n\n@router.get("/items")\ndef items(skip: int = 0, limit: int = 10):\n    return []\n';
    assert.equal(
      await fixed(fastapiReader, text, guard, last),
      'from fastapi import APIRouter\nfrom .deps import CurrentUser\nrouter = APIRouter()\n\n@router.get("/items")\ndef items(user: CurrentUser, skip: int = 0, limit: int = 10):\n    return []\n',
    );
    const guarded =
      'from fastapi import APIRouter\nfrom .deps import CurrentUser\nrouter = APIRouter()\n\n@router.get("/items")\ndef items(user: CurrentUser):\n    return []\n';
    assert.equal(await fixed(fastapiReader, guarded, guard, last), undefined);
  });
});
