// The Flask route reader: apps, blueprints, decorator routes and their guards (only decorators
// below the route decorator count), before_request hooks, add_url_rule, blueprint mounts,
// look-alikes that are not routes, and the exact text of the guard fix.
import { strict as assert } from 'node:assert';
import { flaskReader } from '../../src/core/routes/python/flask/reader';
import type { GuardToAdd } from '../../src/core/routes/reader';
import { dedent, describeContainers, describeMounts, fixed, readFile, routesOf } from './routes-py-harness';

const LOGIN_REQUIRED: GuardToAdd = {
  name: 'login_required',
  kind: 'decorator',
  text: 'login_required',
  imports: [{ local: 'login_required', module: 'flask_login', imported: 'login_required' }],
};

describe('routes: Flask reader', () => {
  it('reads apps, blueprints with prefixes, routes with methods and guards', async () => {
    const summary = await readFile(
      flaskReader,
      dedent(`
      from flask import Flask, Blueprint, jsonify
      from flask_login import login_required
      from flask_jwt_extended import jwt_required
      from .auth import roles_required

      app = Flask(__name__)
      admin_bp = Blueprint('admin', __name__, url_prefix='/admin')

      @app.route('/')
      def index():
          return 'hi'

      @app.route('/users', methods=['get', 'POST'])
      @login_required
      def users():
          return jsonify([])

      @admin_bp.delete('/users/<int:uid>')
      @roles_required('admin')
      @jwt_required()
      def delete_user(uid):
          return '', 204

      @admin_bp.get('/stats')
      def stats():
          return {}
    `),
    );
    assert.deepEqual(describeContainers(summary), ['app app', 'router admin_bp /admin']);
    assert.deepEqual(
      summary.routes.map(
        (route) =>
          `${route.methods.join(',')} ${route.path} @${route.container} [${route.guards.map((guard) => `${guard.name}:${guard.text}`).join(' ')}] ${route.handler?.name}`,
      ),
      [
        'GET / @app [] index',
        'GET,POST /users @app [login_required:login_required] users',
        "DELETE /users/<int:uid> @admin_bp [roles_required:roles_required('admin') jwt_required:jwt_required()] delete_user",
        'GET /stats @admin_bp [] stats',
      ],
    );
    assert.equal(summary.routes[1].guards[0].kind, 'decorator');
    assert.deepEqual(summary.routes[1].range, { start: { line: 12, character: 0 }, end: { line: 12, character: 45 } });
  });

  it('records only the decorators below the route decorator (above it they protect nothing)', async () => {
    assert.deepEqual(
      await routesOf(
        flaskReader,
        dedent(`
      from flask import Flask
      from flask_login import login_required
      app = Flask(__name__)

      @login_required
      @app.route('/admin/panel')
      def panel():
          return 'x'

      @app.route('/a')
      @app.route('/b')
      @login_required
      def both():
          return 'x'
    `),
      ),
      ['GET /admin/panel @app', 'GET /a @app [login_required]', 'GET /b @app [login_required]'],
    );
  });

  it('reads before_request hooks (decorator or call) as container guards for every route', async () => {
    const summary = await readFile(
      flaskReader,
      dedent(`
      from flask import Blueprint, session, redirect, url_for, abort, g
      bp = Blueprint('account', __name__)

      @bp.before_request
      def require_login():
          if 'user_id' not in session:
              return redirect(url_for('auth.login'))

      def check_token():
          if not g.token:
              abort(401)

      bp.before_request(check_token)

      @bp.route('/settings')
      def settings():
          return 'x'
    `),
    );
    assert.deepEqual(describeContainers(summary), ['router bp [require_login(-1),check_token(-1)]']);
    assert.equal(summary.containers[0].guards[0].kind, 'middleware');
  });

  it('reads register_blueprint mounts, nested blueprints and factories', async () => {
    const summary = await readFile(
      flaskReader,
      dedent(`
      from flask import Flask, Blueprint
      from .admin import admin_bp
      from . import api

      def create_app():
          app = Flask(__name__)
          app.register_blueprint(admin_bp, url_prefix='/admin')
          app.register_blueprint(api.bp)
          return app

      parent = Blueprint('parent', __name__, url_prefix='/p')
      child = Blueprint('child', __name__)
      parent.register_blueprint(child, url_prefix='/c')
    `),
      'app/__init__.py',
    );
    assert.deepEqual(describeContainers(summary), ['app app', 'router parent /p', 'router child']);
    assert.deepEqual(describeMounts(summary), ["app <- admin_bp at '/admin'", "app <- api.bp at ''", "parent <- child at '/c'"]);
  });

  it('reads routes on an imported blueprint, add_url_rule views and MethodView decorators', async () => {
    assert.deepEqual(
      await routesOf(
        flaskReader,
        dedent(`
      from flask import request
      from flask.views import MethodView
      from flask_login import login_required
      from . import bp

      @bp.route('/orders', methods=['POST'])
      def create_order():
          return 'x'

      def export():
          return 'csv'

      class ItemAPI(MethodView):
          decorators = [login_required]
          def get(self):
              return 'x'
          def delete(self):
              return 'x'

      bp.add_url_rule('/export', 'export', view_func=export, methods=['GET'])
      bp.add_url_rule('/items', view_func=ItemAPI.as_view('items'))
      bp.add_url_rule('/secure', view_func=login_required(export))
    `),
      ),
      ['POST /orders @bp', 'GET /export @bp', 'GET,DELETE /items @bp [login_required] -> ItemAPI', 'GET /secure @bp [login_required]'],
    );
  });

  it('reads inline checks, signature checks and public markers from handlers', async () => {
    assert.deepEqual(
      await routesOf(
        flaskReader,
        dedent(`
      import hmac, stripe
      from flask import Flask, request, abort
      from flask_login import current_user
      from .markers import public
      app = Flask(__name__)

      @app.route('/me')
      def me():
          if not current_user.is_authenticated:
              abort(401)
          return 'x'

      @app.post('/webhooks/stripe')
      def stripe_hook():
          event = stripe.Webhook.construct_event(request.data, request.headers['Stripe-Signature'], 'whsec')
          return 'ok'

      @app.post('/webhooks/github')
      def github_hook():
          if not hmac.compare_digest(expected, request.headers.get('X-Hub-Signature-256', '')):
              abort(403)
          return 'ok'

      @app.get('/about')
      @public
      def about():
          return 'x'
    `),
      ),
      ['GET /me @app inline', 'POST /webhooks/stripe @app signed', 'POST /webhooks/github @app signed', 'GET /about @app public'],
    );
  });

  it('does not read look-alikes as routes', async () => {
    const summary = await readFile(
      flaskReader,
      dedent(`
      from flask import Flask
      import requests
      app = Flask(__name__)
      cache = {}
      session = requests.Session()

      @login_manager.unauthorized_handler
      def unauthorized():
          return 'no', 401

      @cache.get('/x')
      def cached():
          return 1

      def fetch():
          requests.post('/api/users', json={})
          session.get('/admin')
          cache.get('/x')
          app.config.get('KEY')
    `),
    );
    assert.deepEqual(summary.routes, []);
    assert.deepEqual(summary.mounts, []);
  });

  it('skips files without Flask', () => {
    assert.equal(flaskReader.mayApply('import os\nprint(1)\n', 'a.py'), false);
    assert.equal(flaskReader.mayApply('from flask import Flask\n', 'a.py'), true);
  });
});

describe('routes: Flask guard fix', () => {
  const first = (summary: { routes: unknown[] }) => ({ route: summary.routes[summary.routes.length - 1] as never });

  it('adds the decorator below the last route decorator and joins the existing flask_login import', async () => {
    const text = dedent(`
      from flask import Flask
      from flask_login import current_user
      app = Flask(__name__)

      @app.route('/a')
      @app.route('/admin/users', methods=['POST'])
      @cache.cached(60)
      def admin_users():
          return 'x'
    `);
    assert.equal(
      await fixed(flaskReader, text, LOGIN_REQUIRED, first),
      dedent(`
      from flask import Flask
      from flask_login import current_user, login_required
      app = Flask(__name__)

      @app.route('/a')
      @app.route('/admin/users', methods=['POST'])
      @login_required
      @cache.cached(60)
      def admin_users():
          return 'x'
    `),
    );
  });

  it('keeps the indentation inside a factory and adds a new import line after the last import', async () => {
    const text = dedent(`
      from flask import Flask
      from .auth import roles_required

      def create_app():
          app = Flask(__name__)

          @app.delete('/users/<uid>')
          def delete_user(uid):
              return ''
          return app
    `);
    const guard: GuardToAdd = {
      name: 'jwt_required',
      kind: 'decorator',
      text: 'jwt_required()',
      imports: [{ local: 'jwt_required', module: 'flask_jwt_extended', imported: 'jwt_required' }],
    };
    assert.equal(
      await fixed(flaskReader, text, guard, first),
      dedent(`
      from flask import Flask
      from .auth import roles_required
      from flask_jwt_extended import jwt_required

      def create_app():
          app = Flask(__name__)

          @app.delete('/users/<uid>')
          @jwt_required()
          def delete_user(uid):
              return ''
          return app
    `),
    );
  });

  it('does not import a name the file already binds, and decorates add_url_rule views above the def', async () => {
    const text = dedent(`
      from flask import Flask
      from flask_login import login_required
      app = Flask(__name__)

      @cache.cached(60)
      def export():
          return 'csv'

      app.add_url_rule('/export', view_func=export)
    `);
    assert.equal(
      await fixed(flaskReader, text, LOGIN_REQUIRED, first),
      dedent(`
      from flask import Flask
      from flask_login import login_required
      app = Flask(__name__)

      @cache.cached(60)
      @login_required
      def export():
          return 'csv'

      app.add_url_rule('/export', view_func=export)
    `),
    );
  });

  it('falls back to flask_login login_required when the chosen guard is not a decorator, and refuses a duplicate', async () => {
    const hook: GuardToAdd = { name: 'require_login', kind: 'middleware', text: 'require_login', imports: [] };
    const text = 'from flask import Flask\napp = Flask(__name__)\n\n@app.post("/orders")\ndef orders():\n    return ""\n';
    assert.equal(
      await fixed(flaskReader, text, hook, first),
      'from flask import Flask\nfrom flask_login import login_required\napp = Flask(__name__)\n\n@app.post("/orders")\n@login_required\ndef orders():\n    return ""\n',
    );
    const guarded =
      'from flask import Flask\nfrom flask_login import login_required\napp = Flask(__name__)\n\n@app.post("/orders")\n@login_required\ndef orders():\n    return ""\n';
    assert.equal(await fixed(flaskReader, guarded, LOGIN_REQUIRED, first), undefined);
  });
});
