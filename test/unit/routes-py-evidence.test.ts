// Python auth judged from code: inline checks in handler bodies, webhook signature checks, and
// the file's own auth helpers (decorators, before_request hooks, FastAPI dependencies and
// security schemes, DRF permissions, mixins, middleware) — and the look-alikes that are not.
import { strict as assert } from 'node:assert';
import type { Node } from '@vscode/tree-sitter-wasm';
import { parsePython } from '../../src/core/languages/python';
import { pythonInlineAuthCheck, pythonVerifiesSignature, readPythonAuthDefinitions } from '../../src/core/routes/python/auth-evidence';
import { LineIndex } from '../../src/core/text';
import { dedent } from './routes-py-harness';

async function withFunction<T>(text: string, use: (fn: Node, lines: LineIndex) => T): Promise<T> {
  const source = dedent(text);
  const { tree } = await parsePython(source);
  try {
    const fn = tree.rootNode.descendantsOfType('function_definition')[0];
    assert.ok(fn);
    return use(fn, new LineIndex(source));
  } finally {
    tree.delete();
  }
}

async function definitions(text: string): Promise<string[]> {
  const source = dedent(text);
  const { tree } = await parsePython(source);
  try {
    return readPythonAuthDefinitions(tree.rootNode, new LineIndex(source)).map((definition) => `${definition.name}: ${definition.evidence}`);
  } finally {
    tree.delete();
  }
}

describe('routes: Python auth evidence', () => {
  it('finds inline checks that reject anonymous callers, with the range of the check', async () => {
    const cases: [string, number | undefined][] = [
      ['def v():\n    if not current_user.is_authenticated:\n        abort(401)\n    return 1\n', 1],
      ['def v(request):\n    if not request.user.is_authenticated:\n        return redirect_to_login(request.get_full_path())\n', 1],
      [
        'def v(request):\n    x = 1\n    if request.headers.get("Authorization") != TOKEN:\n        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED)\n',
        2,
      ],
      ['def v():\n    if "user_id" not in session:\n        return redirect(url_for("auth.login"))\n', 1],
      ['def v():\n    if not g.user:\n        return jsonify(error="unauthorized"), 401\n', 1],
      ['def v(request):\n    if not request.user.is_staff:\n        raise PermissionDenied\n', 1],
      ['def v(token):\n    try:\n        claims = jwt.decode(token, KEY, algorithms=["HS256"])\n    except jwt.InvalidTokenError:\n        abort(401)\n', 1],
      // Not auth: a missing record, a method check, a 403 unrelated to the caller, a nested helper.
      ['def v(pk):\n    if not item:\n        abort(404)\n', undefined],
      ['def v(request):\n    if request.method != "POST":\n        return HttpResponse(status=405)\n', undefined],
      ['def v(request):\n    if quota_exceeded():\n        abort(403)\n', undefined],
      ['def v():\n    def inner():\n        if not current_user:\n            abort(401)\n    return inner\n', undefined],
    ];
    for (const [text, line] of cases) {
      assert.equal(await withFunction(text, (fn, lines) => pythonInlineAuthCheck(fn, lines)?.start.line), line, text);
    }
  });

  it('finds webhook signature checks', async () => {
    const cases: [string, boolean][] = [
      ['def hook():\n    event = stripe.Webhook.construct_event(payload, sig, secret)\n', true],
      ['def hook():\n    if not hmac.compare_digest(a, b):\n        abort(403)\n', true],
      ['def hook():\n    wh = Webhook(secret)\n    wh.verify(body, headers)\n', true],
      ['def hook():\n    verify_github_signature(request)\n', true],
      ['def hook():\n    data = request.get_json()\n    process(data)\n', false],
      ['def hook():\n    if hmac.new(key, body, "sha256").hexdigest() == sig:\n        process()\n', false],
    ];
    for (const [text, expected] of cases) assert.equal(await withFunction(text, (fn) => pythonVerifiesSignature(fn)), expected, text);
  });

  it('reads decorators, before_request hooks and token checks as auth definitions', async () => {
    assert.deepEqual(
      await definitions(`
      from functools import wraps

      def login_required(f):
          @wraps(f)
          def decorated(*args, **kwargs):
              if 'user_id' not in session:
                  return redirect(url_for('auth.login', next=request.url))
              return f(*args, **kwargs)
          return decorated

      def roles_required(*roles):
          def decorator(f):
              @wraps(f)
              def wrapper(*args, **kwargs):
                  if not current_user.has_roles(*roles):
                      abort(403)
                  return f(*args, **kwargs)
              return wrapper
          return decorator

      def create_app():
          app = Flask(__name__)

          @app.before_request
          def require_api_key():
              if request.headers.get('X-API-Key') != app.config['API_KEY']:
                  abort(401)
          return app

      def verify_token(token):
          try:
              return jwt.decode(token, SECRET, algorithms=['HS256'])
          except jwt.PyJWTError:
              raise Unauthorized()

      def format_date(value):
          if not value:
              abort(400)
          return value.isoformat()

      def cache(f):
          @wraps(f)
          def wrapper(*args, **kwargs):
              return f(*args, **kwargs)
          return wrapper
    `),
      [
        'login_required: decorator that redirects to login',
        'roles_required: decorator that aborts 403',
        'require_api_key: aborts 401',
        'verify_token: verifies the token and raises Unauthorized',
      ],
    );
  });

  it('reads FastAPI dependencies, security schemes and their aliases as auth definitions', async () => {
    assert.deepEqual(
      await definitions(`
      from typing import Annotated
      from fastapi import Depends, HTTPException, status
      from fastapi.security import OAuth2PasswordBearer, APIKeyHeader

      oauth2_scheme = OAuth2PasswordBearer(tokenUrl='token')
      optional_scheme = OAuth2PasswordBearer(tokenUrl='token', auto_error=False)
      api_key = APIKeyHeader(name='X-API-Key')

      async def get_current_user(token: Annotated[str, Depends(oauth2_scheme)]):
          credentials_exception = HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail='Could not validate credentials')
          try:
              payload = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])
              username = payload.get('sub')
              if username is None:
                  raise credentials_exception
          except InvalidTokenError:
              raise credentials_exception
          return username

      async def get_current_active_user(current_user: Annotated[User, Depends(get_current_user)]):
          if current_user.disabled:
              raise HTTPException(status_code=400, detail='Inactive user')
          return current_user

      def get_db():
          db = SessionLocal()
          try:
              yield db
          finally:
              db.close()

      CurrentUser = Annotated[User, Depends(get_current_active_user)]
      DbSession = Annotated[Session, Depends(get_db)]
    `),
      [
        'get_current_user: raises HTTPException(401)',
        'get_current_active_user: depends on get_current_user',
        'oauth2_scheme: OAuth2PasswordBearer answers 401/403 without credentials',
        'api_key: APIKeyHeader answers 401/403 without credentials',
        'CurrentUser: alias of Depends(get_current_active_user)',
      ],
    );
  });

  it('reads DRF permissions, auth mixins and rejecting middleware as auth definitions', async () => {
    assert.deepEqual(
      await definitions(`
      class IsStaffUser(BasePermission):
          def has_permission(self, request, view):
              return bool(request.user and request.user.is_staff)

      class ReadOnly(permissions.BasePermission):
          def has_permission(self, request, view):
              return request.method in SAFE_METHODS

      class StaffRequiredMixin(UserPassesTestMixin):
          def test_func(self):
              return self.request.user.is_staff

      class LoginWall:
          def __init__(self, get_response):
              self.get_response = get_response

          def __call__(self, request):
              if not request.user.is_authenticated and not request.path.startswith('/login'):
                  return redirect(settings.LOGIN_URL)
              return self.get_response(request)

      class TimingMiddleware:
          def __call__(self, request):
              return self.get_response(request)
    `),
      ['IsStaffUser: permission class checking request.user', 'StaffRequiredMixin: extends UserPassesTestMixin', 'LoginWall: __call__ redirects to login'],
    );
  });
});
