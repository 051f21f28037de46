// The Django reader: urls modules (paths to views, includes, DRF routers), views as HandlerDecls
// (decorators, mixins, permission_classes, methods, public markers), settings (LoginRequired
// middleware, DRF default permissions), look-alikes, and the exact text of every guard fix.
import { strict as assert } from 'node:assert';
import type { FileRoutes, HandlerDecl } from '../../src/core/routes/model';
import { djangoReader } from '../../src/core/routes/python/django/reader';
import type { GuardToAdd } from '../../src/core/routes/reader';
import { dedent, describeContainers, describeMounts, fixed, readFile, routesOf } from './routes-py-harness';

function describeHandler(handler: HandlerDecl): string {
  const parts = [handler.name];
  if (handler.methods) parts.push(handler.methods.join(','));
  if (handler.guards.length > 0) parts.push(`[${handler.guards.map((guard) => `${guard.kind}:${guard.name}`).join(' ')}]`);
  if (handler.restFramework) parts.push('drf');
  if (handler.public) parts.push(`public<${handler.public.text}>`);
  if (handler.inlineCheck) parts.push('inline');
  if (handler.verifiesSignature) parts.push('signed');
  return parts.join(' ');
}

describe('routes: Django urls', () => {
  it('reads paths to views, includes, wrapped views and DRF routers', async () => {
    const summary = await readFile(
      djangoReader,
      dedent(`
      from django.contrib import admin
      from django.contrib.auth.decorators import login_required
      from django.urls import include, path, re_path
      from rest_framework.routers import DefaultRouter
      from . import views
      from .views import AdminView, UserViewSet, health
      from billing import urls as billing_urls

      router = DefaultRouter()
      router.register(r'users', UserViewSet, basename='user')

      urlpatterns = [
          path('admin/', admin.site.urls),
          path('panel/', views.admin_panel, name='panel'),
          re_path(r'^reports/(?P<year>[0-9]{4})/$', AdminView.as_view(), name='reports'),
          path('health/', health),
          path('secret/', login_required(views.secret)),
          path('staff/', user_passes_test(lambda u: u.is_staff)(views.staff)),
          path('items/', views.ItemViewSet.as_view({'get': 'list', 'post': 'create'})),
          path('api/', include('api.urls')),
          path('api/v2/', include(('api.v2.urls', 'v2'), namespace='v2')),
          path('billing/', include(billing_urls)),
          path('', include(router.urls)),
      ]
      urlpatterns += [path('export/', views.export)]
    `),
      'project/urls.py',
    );
    assert.deepEqual(describeContainers(summary), ['router router', 'router urlpatterns']);
    assert.deepEqual(
      summary.routes.map((route) =>
        [
          route.container,
          route.methods.join(','),
          route.path,
          route.guards.map((guard) => `${guard.name}<${guard.text}>`).join(' '),
          JSON.stringify(route.handlerRef),
        ].join(' | '),
      ),
      [
        'router | ALL | users |  | {"local":"UserViewSet"}',
        'urlpatterns | ALL | panel/ |  | {"local":"views","member":"admin_panel"}',
        'urlpatterns | ALL | ^reports/(?P<year>[0-9]{4})/$ |  | {"local":"AdminView"}',
        'urlpatterns | ALL | health/ |  | {"local":"health"}',
        'urlpatterns | ALL | secret/ | login_required<login_required> | {"local":"views","member":"secret"}',
        'urlpatterns | ALL | staff/ | user_passes_test<user_passes_test(lambda u: u.is_staff)> | {"local":"views","member":"staff"}',
        'urlpatterns | GET,POST | items/ |  | {"local":"views","member":"ItemViewSet"}',
        'urlpatterns | ALL | export/ |  | {"local":"views","member":"export"}',
      ],
    );
    assert.deepEqual(describeMounts(summary), [
      "urlpatterns <- module:api.urls at 'api/'",
      "urlpatterns <- module:api.v2.urls at 'api/v2/'",
      "urlpatterns <- billing_urls at 'billing/'",
      "urlpatterns <- router at ''",
    ]);
  });

  it('reads urlpatterns built with +, router.urls, i18n_patterns and DEBUG-only additions', async () => {
    const summary = await readFile(
      djangoReader,
      dedent(`
      from django.conf import settings
      from django.urls import path
      from django.conf.urls.i18n import i18n_patterns
      from .api import router
      from . import views

      urlpatterns = [path('a/', views.a)] + router.urls
      urlpatterns += i18n_patterns(path('b/', views.b))
      if settings.DEBUG:
          urlpatterns += [path('debug/', views.debug)]
    `),
      'project/urls.py',
    );
    assert.deepEqual(
      summary.routes.map((route) => route.path),
      ['a/', 'b/', 'debug/'],
    );
    assert.deepEqual(describeMounts(summary), ["urlpatterns <- router at ''"]);
  });
});

describe('routes: Django views', () => {
  async function handlers(text: string): Promise<string[]> {
    return (await readFile(djangoReader, dedent(text))).handlers.map(describeHandler);
  }

  it('reads function views with their decorators, methods and public markers', async () => {
    assert.deepEqual(
      await handlers(`
      from django.contrib.auth.decorators import login_required, permission_required
      from django.views.decorators.http import require_POST, require_http_methods
      from django.views.decorators.csrf import csrf_exempt
      from django.contrib.auth.decorators import login_not_required
      from rest_framework.decorators import api_view, permission_classes
      from rest_framework.permissions import IsAuthenticated, AllowAny

      @login_required
      @permission_required('app.view_report', raise_exception=True)
      def reports(request):
          pass

      @require_POST
      @csrf_exempt
      def delete_account(request, pk):
          pass

      @require_http_methods(['GET', 'post'])
      def settings_view(request):
          pass

      @login_not_required
      def landing(request):
          pass

      @api_view(['POST'])
      @permission_classes([IsAuthenticated])
      def create_order(request):
          pass

      @api_view()
      @permission_classes([AllowAny])
      def ping(request):
          pass

      def helper(value):
          return value
    `),
      [
        'reports [decorator:login_required decorator:permission_required]',
        'delete_account POST [decorator:csrf_exempt]',
        'settings_view GET,POST',
        'landing public<@login_not_required>',
        'create_order POST [permission-class:IsAuthenticated] drf',
        'ping GET drf public<@permission_classes([AllowAny])>',
      ],
    );
  });

  it('reads class views: mixins, permission_classes, method_decorator, http_method_names, inline checks', async () => {
    assert.deepEqual(
      await handlers(`
      from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
      from django.contrib.auth.decorators import login_required
      from django.shortcuts import redirect
      from django.utils.decorators import method_decorator
      from django.views import View
      from django.views.generic import TemplateView
      from rest_framework import generics, permissions, viewsets, mixins
      from rest_framework.views import APIView

      class Dashboard(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
          permission_required = 'app.view_dashboard'

      @method_decorator(login_required, name='dispatch')
      class Profile(View):
          http_method_names = ['get', 'post']

      class UserViewSet(viewsets.ModelViewSet):
          permission_classes = [permissions.IsAuthenticated & permissions.IsAdminUser]

      class PublicList(mixins.ListModelMixin, generics.GenericAPIView):
          """Anyone may list."""
          permission_classes = []

      class Export(View):
          def dispatch(self, request, *args, **kwargs):
              if not request.user.is_authenticated:
                  return redirect('login')
              return super().dispatch(request, *args, **kwargs)

      class ReadOnly(APIView):
          permission_classes = (permissions.IsAuthenticated | ReadOnlyPermission,)

      class Meta:
          ordering = ['id']
    `),
      [
        'Dashboard [mixin:LoginRequiredMixin mixin:PermissionRequiredMixin]',
        'Profile GET,POST [decorator:login_required]',
        'UserViewSet [permission-class:permissions.IsAuthenticated permission-class:permissions.IsAdminUser] drf',
        'PublicList drf public<permission_classes = []>',
        'Export inline',
        'ReadOnly [permission-class:permissions.IsAuthenticated | ReadOnlyPermission] drf',
      ],
    );
  });

  it('reads no views outside Django modules, and no routes from look-alikes', async () => {
    assert.deepEqual(
      await handlers(`
      from flask import request
      def index(request):
          pass
    `),
      [],
    );
    assert.deepEqual(
      await handlers(`
      from django.shortcuts import redirect
      class StaffOnlyMixin:
          def dispatch(self, request, *args, **kwargs):
              return super().dispatch(request, *args, **kwargs)
    `),
      [],
    );
    assert.deepEqual(
      await routesOf(
        djangoReader,
        dedent(`
      from django.urls import path
      patterns = [path('x/', view)]
      def build():
          urlpatterns = [path('y/', view)]
          return urlpatterns
      paths = {'a': path}
    `),
      ),
      [],
    );
  });
});

describe('routes: Django settings', () => {
  it('reads LoginRequiredMiddleware, project middleware and DRF default permissions', async () => {
    const summary: FileRoutes = await readFile(
      djangoReader,
      dedent(`
      MIDDLEWARE = [
          'django.middleware.security.SecurityMiddleware',
          'django.contrib.auth.middleware.AuthenticationMiddleware',
          'django.contrib.auth.middleware.LoginRequiredMiddleware',
          'corsheaders.middleware.CorsMiddleware',
          'accounts.middleware.StaffOnlyMiddleware',
      ]
      REST_FRAMEWORK = {
          'DEFAULT_AUTHENTICATION_CLASSES': ['rest_framework.authentication.SessionAuthentication'],
          'DEFAULT_PERMISSION_CLASSES': (
              'rest_framework.permissions.IsAuthenticated',
              'rest_framework.permissions.AllowAny',
          ),
      }
    `),
      'project/settings.py',
    );
    assert.deepEqual(
      summary.projectGuards.map((guard) => `${guard.framework} ${guard.kind} ${guard.name}${guard.allowsAny ? ' any' : ''} L${guard.range.start.line}`),
      [
        'django project-middleware LoginRequiredMiddleware L3',
        'django project-middleware CorsMiddleware L4',
        'django project-middleware StaffOnlyMiddleware L5',
        'django permission-class IsAuthenticated L10',
        'django permission-class AllowAny any L11',
      ],
    );
    assert.equal(summary.projectGuards[0].text, "'django.contrib.auth.middleware.LoginRequiredMiddleware'");
  });
});

describe('routes: Django guard fix', () => {
  const LOGIN_REQUIRED: GuardToAdd = {
    name: 'login_required',
    kind: 'decorator',
    text: 'login_required',
    imports: [{ local: 'login_required', module: 'django.contrib.auth.decorators', imported: 'login_required' }],
  };
  const handlerNamed = (name: string) => (summary: FileRoutes) => ({ handler: summary.handlers.find((handler) => handler.name === name) });

  it('puts @login_required directly above a function view, after its decorators, with the import', async () => {
    const text = dedent(`
      from django.http import JsonResponse
      from django.views.decorators.http import require_POST


      @require_POST
      def delete_account(request, pk):
          return JsonResponse({})
    `);
    assert.equal(
      await fixed(djangoReader, text, LOGIN_REQUIRED, handlerNamed('delete_account')),
      dedent(`
      from django.http import JsonResponse
      from django.views.decorators.http import require_POST
      from django.contrib.auth.decorators import login_required


      @require_POST
      @login_required
      def delete_account(request, pk):
          return JsonResponse({})
    `),
    );
  });

  it('uses the project decorator the resolver chose, and refuses when the view already has it', async () => {
    const guard: GuardToAdd = {
      name: 'staff_required',
      kind: 'decorator',
      text: 'staff_required',
      imports: [{ local: 'staff_required', module: 'accounts.decorators', imported: 'staff_required' }],
    };
    const text =
      'from django.shortcuts import render\nfrom accounts.decorators import staff_required\n\ndef reports(request):\n    return render(request, "r.html")\n';
    assert.equal(
      await fixed(djangoReader, text, guard, handlerNamed('reports')),
      'from django.shortcuts import render\nfrom accounts.decorators import staff_required\n\n@staff_required\ndef reports(request):\n    return render(request, "r.html")\n',
    );
    const guarded = text.replace('def reports', '@staff_required\ndef reports');
    assert.equal(await fixed(djangoReader, guarded, guard, handlerNamed('reports')), undefined);
  });

  it('adds LoginRequiredMixin as the first base of a class view', async () => {
    const text = dedent(`
      from django.views.generic import TemplateView


      class Dashboard(TemplateView):
          template_name = 'dashboard.html'
    `);
    assert.equal(
      await fixed(djangoReader, text, LOGIN_REQUIRED, handlerNamed('Dashboard')),
      dedent(`
      from django.views.generic import TemplateView
      from django.contrib.auth.mixins import LoginRequiredMixin


      class Dashboard(LoginRequiredMixin, TemplateView):
          template_name = 'dashboard.html'
    `),
    );
  });

  it('adds permission_classes as the first statement of a DRF class view (after its docstring)', async () => {
    const text = dedent(`
      from rest_framework import viewsets
      from rest_framework.permissions import IsAdminUser


      class OrderViewSet(viewsets.ModelViewSet):
          """Orders of the shop."""
          queryset = Order.objects.all()
    `);
    assert.equal(
      await fixed(djangoReader, text, LOGIN_REQUIRED, handlerNamed('OrderViewSet')),
      dedent(`
      from rest_framework import viewsets
      from rest_framework.permissions import IsAdminUser, IsAuthenticated


      class OrderViewSet(viewsets.ModelViewSet):
          """Orders of the shop."""
          permission_classes = [IsAuthenticated]
          queryset = Order.objects.all()
    `),
    );
  });

  it('adds @permission_classes below @api_view on a DRF function view', async () => {
    const text = 'from rest_framework.decorators import api_view\n\n@api_view(["POST"])\ndef create_order(request):\n    return None\n';
    assert.equal(
      await fixed(djangoReader, text, LOGIN_REQUIRED, handlerNamed('create_order')),
      'from rest_framework.decorators import api_view, permission_classes\nfrom rest_framework.permissions import IsAuthenticated\n\n@api_view(["POST"])\n@permission_classes([IsAuthenticated])\ndef create_order(request):\n    return None\n',
    );
  });
});
