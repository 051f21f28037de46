// Explicitly opened routes (issue 16, item 2): a sensitive view that opts out of its app's auth
// default (`permission_classes = [AllowAny]`, `authentication_classes = []`, `@Public()`) is
// reported with the opt-out named, and Django function views that change state without the
// login_required their siblings use are reported. The safe look-alikes — an opt-out on a login,
// sign-up, health, docs, contact or read-only catalogue endpoint — are not.
import { strict as assert } from 'node:assert';
import type { HandlerDecl } from '../../src/core/routes/model';
import { djangoReader } from '../../src/core/routes/python/django/reader';
import { messageOf, resolveProject, verdictLines } from './routes-project-harness';
import { dedent, readFile } from './routes-py-harness';

const DRF_SETTINGS = `
  INSTALLED_APPS = ['rest_framework', 'api']
  ROOT_URLCONF = 'project.urls'
  REST_FRAMEWORK = {
      'DEFAULT_PERMISSION_CLASSES': ['rest_framework.permissions.IsAuthenticated'],
  }
`;

const DRF_URLS = `
  from django.urls import path
  from rest_framework.routers import DefaultRouter
  from rest_framework_simplejwt.views import TokenObtainPairView
  from api import views

  router = DefaultRouter()
  router.register('admin/users', views.AdminUserViewSet)
  router.register('posts', views.PostViewSet)
  router.register('products', views.ProductViewSet)

  urlpatterns = router.urls + [
      path('users/', views.UserListView.as_view()),
      path('metrics/', views.InternalMetricsView.as_view()),
      path('profile/', views.ProfileView.as_view()),
      path('transfers/', views.transfer_funds),
      path('auth/login/', views.LoginView.as_view()),
      path('auth/register/', views.RegisterView.as_view()),
      path('accounts/', views.AccountCreateView.as_view()),
      path('health/', views.HealthView.as_view()),
      path('docs/', views.ApiDocsView.as_view()),
      path('contact/', views.ContactView.as_view()),
      path('orders/', views.OrderListView.as_view()),
      path('orders/<int:pk>/status/', views.OrderStatusView.as_view()),
      path('token/', TokenObtainPairView.as_view()),
  ]
`;

const DRF_VIEWS = `
  from rest_framework import generics, viewsets
  from rest_framework.decorators import api_view, permission_classes
  from rest_framework.permissions import AllowAny
  from rest_framework.views import APIView

  class AdminUserViewSet(viewsets.ModelViewSet):
      permission_classes = [AllowAny]
      queryset = None

  class PostViewSet(viewsets.ModelViewSet):
      permission_classes = (AllowAny,)

  class UserListView(generics.ListAPIView):
      permission_classes = [AllowAny]

  class InternalMetricsView(APIView):
      permission_classes = [AllowAny]

      def get(self, request):
          return None

  class ProfileView(APIView):
      authentication_classes = []

      def get(self, request):
          return None

  @api_view(['POST'])
  @permission_classes([AllowAny])
  def transfer_funds(request):
      return None

  class LoginView(APIView):
      permission_classes = [AllowAny]

      def post(self, request):
          return None

  class RegisterView(generics.CreateAPIView):
      permission_classes = [AllowAny]

  class AccountCreateView(generics.CreateAPIView):
      permission_classes = [AllowAny]

  class HealthView(APIView):
      permission_classes = [AllowAny]

      def get(self, request):
          return None

  class ApiDocsView(APIView):
      permission_classes = [AllowAny]

      def get(self, request):
          return None

  class ContactView(APIView):
      permission_classes = [AllowAny]

      def post(self, request):
          return None

  class ProductViewSet(viewsets.ReadOnlyModelViewSet):
      permission_classes = [AllowAny]

  class OrderListView(generics.ListCreateAPIView):
      queryset = None

  class OrderStatusView(generics.UpdateAPIView):
      permission_classes = [AllowAny]
`;

describe('explicitly opened routes: Django REST framework', () => {
  const project = () => resolveProject({ 'project/settings.py': DRF_SETTINGS, 'project/urls.py': DRF_URLS, 'api/__init__.py': '', 'api/views.py': DRF_VIEWS });

  it('reports AllowAny and empty authentication_classes on admin, internal, user-data and state-changing views, and nothing else', async () => {
    assert.deepEqual(verdictLines(await project()), [
      '.: ALL /accounts/ public',
      '.: ALL /admin/users open (error)',
      '.: ALL /auth/login/ public',
      '.: ALL /auth/register/ public',
      '.: ALL /contact/ public',
      '.: ALL /docs/ public',
      '.: ALL /health/ public',
      '.: ALL /metrics/ open (error)',
      '.: ALL /orders/ guarded',
      '.: ALL /orders/<int:pk>/status/ open (error)',
      '.: ALL /posts open (error)',
      '.: ALL /products public',
      '.: ALL /profile/ open (error)',
      '.: ALL /token/ public',
      '.: ALL /users/ open (error)',
      '.: POST /transfers/ open (error)',
    ]);
  });

  it('names the opt-out, the default it waives and why the view is sensitive', async () => {
    const model = await project();
    const table: [string, RegExp][] = [
      [
        'ALL /admin/users',
        /permission_classes = \[AllowAny\] opts it out of IsAuthenticated, though it is sensitive \(admin or internal endpoint \('admin'\); state-changing method POST\/PUT\/PATCH\/DELETE \(served by AdminUserViewSet\); user data \('users'\)\)/,
      ],
      [
        'ALL /posts',
        /permission_classes = \(AllowAny,\) opts it out of IsAuthenticated.*state-changing method POST\/PUT\/PATCH\/DELETE \(served by PostViewSet\)/,
      ],
      ['ALL /metrics/', /admin or internal endpoint \('internal'\)/],
      ['ALL /profile/', /authentication_classes = \[\] opts it out of IsAuthenticated, though it is sensitive \(user data \('profile'\)\)/],
      ['POST /transfers/', /@permission_classes\(\[AllowAny\]\) opts it out of IsAuthenticated, though it is sensitive \(state-changing method POST\)/],
    ];
    for (const [label, pattern] of table) assert.match(messageOf(model, label), pattern, label);
  });
});

describe('explicitly opened routes: NestJS @Public()', () => {
  const files = (controller: string) => ({
    'src/main.ts': `
      import { NestFactory } from '@nestjs/core';
      import { AppModule } from './app.module';
      NestFactory.create(AppModule).then((app) => app.listen(3000));
    `,
    'src/app.module.ts': `
      import { Module } from '@nestjs/common';
      import { APP_GUARD } from '@nestjs/core';
      import { JwtAuthGuard } from './jwt-auth.guard';
      import { PostsController } from './posts.controller';

      @Module({ controllers: [PostsController], providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }] })
      export class AppModule {}
    `,
    'src/posts.controller.ts': controller,
  });

  it('reports @Public() on a destructive handler, naming the global guard it waives; not on health, login or a public read', async () => {
    const model = await resolveProject(
      files(`
      import { Controller, Delete, Get, Param, Post } from '@nestjs/common';
      import { Public } from './public.decorator';

      @Controller('posts')
      export class PostsController {
        @Public()
        @Get()
        list() {
          return [];
        }

        @Public()
        @Delete(':id')
        remove(@Param('id') id: string) {
          return id;
        }

        @Public()
        @Get('health')
        health() {
          return 'ok';
        }

        @Public()
        @Post('login')
        login() {
          return 'token';
        }

        @Public()
        @Post('sign-up')
        signUp() {
          return 'welcome';
        }

        @Delete('drafts/:id')
        removeDraft(@Param('id') id: string) {
          return id;
        }
      }
    `),
    );
    assert.deepEqual(verdictLines(model), [
      '.: DELETE /posts/:id open (error)',
      '.: DELETE /posts/drafts/:id guarded',
      '.: GET /posts public',
      '.: GET /posts/health public',
      '.: POST /posts/login public',
      '.: POST /posts/sign-up public',
    ]);
    assert.equal(
      messageOf(model, 'DELETE /posts/:id'),
      'Open route: DELETE /posts/:id has no authentication: @Public() opts it out of JwtAuthGuard, though it is sensitive (state-changing method DELETE).',
    );
  });

  it('reports a controller-wide @Public() on its destructive routes only', async () => {
    const model = await resolveProject(
      files(`
      import { Controller, Delete, Get } from '@nestjs/common';
      import { Public } from './public.decorator';

      @Public()
      @Controller('posts')
      export class PostsController {
        @Get()
        list() {
          return [];
        }

        @Delete()
        purge() {
          return 0;
        }
      }
    `),
    );
    assert.deepEqual(verdictLines(model), ['.: DELETE /posts open (error)', '.: GET /posts public']);
  });
});

describe('Django function views that change state without the login_required their siblings use', () => {
  const views = `
    from django.contrib.auth.decorators import login_required
    from django.shortcuts import get_object_or_404, redirect, render

    @login_required
    def dashboard(request):
        return render(request, 'dashboard.html')

    @login_required
    def edit_post(request, pk):
        if request.method == 'POST':
            pass
        return render(request, 'edit.html')

    def delete_post(request, pk):
        if request.method == 'POST':
            get_object_or_404(Post, pk=pk).delete()
        return redirect('/')

    def archive_post(request, pk):
        get_object_or_404(Post, pk=pk).delete()
        return redirect('/')

    def login_view(request):
        if request.method == 'POST':
            pass
        return render(request, 'login.html')
  `;
  const urls = `
    from django.urls import path
    from . import views

    urlpatterns = [
        path('', views.dashboard),
        path('posts/<int:pk>/edit/', views.edit_post),
        path('posts/<int:pk>/delete/', views.delete_post),
        path('posts/<int:pk>/archive/', views.archive_post),
        path('login/', views.login_view),
    ]
  `;

  it('reports them as errors, with the state change named; a guarded one and the login form are not', async () => {
    const model = await resolveProject({ 'blog/__init__.py': '', 'blog/views.py': views, 'blog/urls.py': urls });
    assert.deepEqual(verdictLines(model), [
      '.: ALL / guarded',
      '.: ALL /login/ public',
      '.: ALL /posts/<int:pk>/archive/ open (error)',
      '.: ALL /posts/<int:pk>/delete/ open (error)',
      '.: ALL /posts/<int:pk>/edit/ guarded',
    ]);
    assert.match(
      messageOf(model, 'ALL /posts/<int:pk>/delete/'),
      /sensitive: state-changing method POST\/DELETE \(served by delete_post\), path word 'delete'; other routes of this app\/router require login_required/,
    );
  });
});

describe('Django views: what they serve and how they opt out', () => {
  function describeView(handler: HandlerDecl): string {
    return `${handler.name}${handler.writes ? ` writes=${handler.writes.join(',')}` : ''}${handler.public ? ` public=${handler.public.text}` : ''}${handler.guards.length ? ` [${handler.guards.map((guard) => guard.name).join(',')}]` : ''}`;
  }

  it('reads the state-changing methods of class and function views, and empty authentication_classes', async () => {
    const summary = await readFile(
      djangoReader,
      dedent(`
      from django.views.generic import DeleteView, DetailView, FormView
      from rest_framework import generics, mixins, viewsets
      from rest_framework.decorators import action, authentication_classes

      class A(viewsets.ModelViewSet):
          pass

      class B(viewsets.ReadOnlyModelViewSet):
          @action(detail=True, methods=['post'])
          def publish(self, request, pk=None):
              pass

      class C(mixins.DestroyModelMixin, viewsets.GenericViewSet):
          pass

      class D(generics.RetrieveUpdateAPIView):
          pass

      class E(DeleteView):
          pass

      class F(DetailView):
          pass

      class G(FormView):
          authentication_classes = []

      class H(viewsets.ViewSet):
          def create(self, request):
              pass

          def list(self, request):
              pass

      def f(request):
          if request.method in ('POST', 'PATCH'):
              pass

      def g(request):
          name = request.POST.get('name')

      def h(request):
          cache.delete('key')
          return request.GET.get('q')

      @authentication_classes([])
      def i(request):
          pass
    `),
    );
    assert.deepEqual(summary.handlers.map(describeView), [
      'A writes=POST,PUT,PATCH,DELETE',
      'B writes=POST',
      'C writes=DELETE',
      'D writes=PUT,PATCH',
      'E writes=POST,DELETE',
      'F',
      'G writes=POST public=authentication_classes = []',
      'H writes=POST',
      'f writes=POST,PATCH',
      'g writes=POST',
      'h',
      'i public=@authentication_classes([])',
    ]);
  });
});
