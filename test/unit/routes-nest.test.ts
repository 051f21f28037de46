// The NestJS route reader: controllers and their prefixes, route decorators, method and class
// guards, public metadata, global guards, look-alikes that are not routes, and the guard fix's
// exact output.
import { strict as assert } from 'node:assert';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { applyTextEdits } from '../../src/core/edits';
import { parseJavaScript } from '../../src/core/languages/javascript';
import { emptyFileRoutes, type FileRoutes } from '../../src/core/routes/model';
import type { GuardToAdd } from '../../src/core/routes/reader';
import { readJsModuleBindings } from '../../src/core/routes/javascript/module-bindings';
import nest from '../../src/core/routes/javascript/nest/reader';
import { definedPublicDecorators } from '../../src/core/routes/javascript/nest/decorators';
import { LineIndex } from '../../src/core/text';

function parse(text: string, path: string): TSESTree.Program {
  const parsed = parseJavaScript(text, 'typescript', path);
  assert.ok(parsed.ast, parsed.problem?.message);
  return parsed.ast;
}

function read(text: string, path = 'src/users/users.controller.ts'): FileRoutes {
  const summary = emptyFileRoutes(path);
  const program = parse(text, path);
  Object.assign(summary, readJsModuleBindings(program));
  assert.ok(nest.mayApply(text, path));
  nest.read({ path, text, lines: new LineIndex(text), language: 'typescript' }, program, summary);
  return summary;
}

/** Routes in a compact, comparable shape. */
function routes(summary: FileRoutes): string[] {
  return summary.routes.map((route) => {
    const guards = route.guards.map((guard) => guard.name).join(',');
    return `${route.container} ${route.methods.join('|')} '${route.path}' handler=${route.handler?.name} guards=[${guards}]${route.public ? ` public=${route.public.text}` : ''} line=${route.range.start.line + 1}`;
  });
}

const CONTROLLER = `import { Controller, Get, Post, Delete, Param, UseGuards, Body } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { RolesGuard } from '../auth/roles.guard';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';

@Controller('users')
export class UsersController {
  @Get()
  findAll() {
    return [];
  }

  @UseGuards(JwtAuthGuard, RolesGuard)
  @Roles('admin')
  @Delete(':id')
  remove(@Param('id') id: string) {
    return id;
  }

  @Public()
  @Get('health')
  health() {
    return 'ok';
  }

  @UseGuards(AuthGuard('jwt'))
  @Post()
  create(@Body() body: unknown) {
    return body;
  }

  helper() {
    return 1;
  }
}
`;

describe('NestJS route reader', () => {
  it('reads controllers, routes, method guards and public markers', () => {
    const summary = read(CONTROLLER);
    assert.deepEqual(
      summary.containers.map((container) => [container.name, container.kind, container.prefix, container.guards.length]),
      [['UsersController', 'controller', 'users', 0]],
    );
    assert.deepEqual(routes(summary), [
      "UsersController GET '' handler=findAll guards=[] line=10",
      "UsersController DELETE ':id' handler=remove guards=[JwtAuthGuard,RolesGuard] line=17",
      "UsersController GET 'health' handler=health guards=[] public=@Public() line=23",
      "UsersController POST '' handler=create guards=[AuthGuard] line=29",
    ]);
    const create = summary.routes[3];
    assert.equal(create.guards[0].text, "AuthGuard('jwt')");
    assert.equal(create.guards[0].kind, 'guard-class');
    assert.equal(create.order, CONTROLLER.indexOf('@Post()'));
    assert.deepEqual(create.handler?.range, { start: { line: 29, character: 2 }, end: { line: 29, character: 8 } });
  });

  it('reads class guards with order -1, object and empty prefixes, and several paths', () => {
    const summary = read(`import { Controller, Get, All, UseGuards } from '@nestjs/common';
@UseGuards(JwtAuthGuard)
@Controller({ path: 'admin', host: 'admin.example.com' })
export class AdminController {
  @Get(['stats', 'metrics'])
  stats() {}
}

@Controller()
export class RootController {
  @All('*')
  any() {}
}
`);
    assert.deepEqual(
      summary.containers.map((container) => [container.name, container.prefix, container.guards.map((guard) => `${guard.name}@${guard.order}`)]),
      [
        ['AdminController', 'admin', ['JwtAuthGuard@-1']],
        ['RootController', undefined, []],
      ],
    );
    assert.deepEqual(routes(summary), [
      "AdminController GET 'stats' handler=stats guards=[] line=5",
      "AdminController GET 'metrics' handler=stats guards=[] line=5",
      "RootController ALL '*' handler=any guards=[] line=11",
    ]);
  });

  it('marks public routes and controllers through known names, aliases, SetMetadata and local definitions', () => {
    const summary = read(`import { Controller, Get, SetMetadata } from '@nestjs/common';
import { AllowAnonymous as Anon } from '@thallesp/nestjs-better-auth';
export const IS_PUBLIC_KEY = 'isPublic';
export const Open = () => SetMetadata(IS_PUBLIC_KEY, true);
export const Cached = () => SetMetadata('cache', true);

@SkipAuth()
@Controller('status')
export class StatusController {
  @Get() a() {}
}

@Controller('misc')
export class MiscController {
  @Anon() @Get('a') a() {}
  @Open() @Get('b') b() {}
  @SetMetadata('isPublic', true) @Get('c') c() {}
  @Cached() @Get('d') d() {}
}
`);
    assert.equal(summary.containers[0].public?.text, '@SkipAuth()');
    assert.equal(summary.containers[1].public, undefined);
    assert.deepEqual(
      summary.routes.map((route) => route.public?.text),
      [undefined, '@Anon()', '@Open()', "@SetMetadata('isPublic', true)", undefined],
    );
  });

  it('lists the public decorators a file defines, for other files to use', () => {
    const program = parse(
      `import { SetMetadata, applyDecorators } from '@nestjs/common';
export const IS_PUBLIC_KEY = 'isPublic';
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
export function AllowGuests() { return applyDecorators(SetMetadata('allowAnonymous', true)); }
export const Roles = (...roles: string[]) => SetMetadata('roles', roles);
`,
      'src/auth/public.decorator.ts',
    );
    assert.deepEqual(definedPublicDecorators(program), ['Public', 'AllowGuests']);
  });

  it('records handlers that check auth themselves or verify a webhook signature', () => {
    const summary = read(`import { Controller, Get, Post, Req, Headers, UnauthorizedException } from '@nestjs/common';
@Controller('billing')
export class BillingController {
  @Get('invoices')
  invoices(@Req() req) {
    if (!req.user) throw new UnauthorizedException();
    return [];
  }

  @Post('webhook')
  webhook(@Req() req, @Headers('stripe-signature') signature: string) {
    const event = this.stripe.webhooks.constructEvent(req.rawBody, signature, process.env.STRIPE_WEBHOOK_SECRET);
    return event.type;
  }
}
`);
    assert.deepEqual(
      summary.routes.map((route) => [route.path, route.handler?.inlineCheck?.start.line, route.handler?.verifiesSignature]),
      [
        ['invoices', 5, undefined],
        ['webhook', undefined, true],
      ],
    );
  });

  it('reads global guards from APP_GUARD providers and useGlobalGuards', () => {
    const moduleSummary = read(
      `import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
@Module({
  controllers: [UsersController],
  providers: [UsersService, { provide: APP_GUARD, useClass: JwtAuthGuard }, { provide: APP_GUARD, useClass: ThrottlerGuard }, { provide: 'X', useClass: Other }],
})
export class AppModule {}
`,
      'src/app.module.ts',
    );
    assert.deepEqual(
      moduleSummary.projectGuards.map((guard) => [guard.name, guard.kind, guard.framework, guard.range.start.line + 1]),
      [
        ['JwtAuthGuard', 'guard-class', 'nestjs', 5],
        ['ThrottlerGuard', 'guard-class', 'nestjs', 5],
      ],
    );
    assert.deepEqual(moduleSummary.containers, []);
    const main = read(
      `import { NestFactory, Reflector } from '@nestjs/core';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.useGlobalGuards(new JwtAuthGuard(app.get(Reflector)), app.get(RolesGuard));
  await app.listen(3000);
}
bootstrap();
`,
      'src/main.ts',
    );
    assert.deepEqual(
      main.projectGuards.map((guard) => [guard.name, guard.text]),
      [
        ['JwtAuthGuard', 'new JwtAuthGuard(app.get(Reflector))'],
        ['RolesGuard', 'app.get(RolesGuard)'],
      ],
    );
    // Whose they are: the module that provides them, the application created beside them.
    assert.deepEqual(
      moduleSummary.projectGuards.map((guard) => guard.nestOwner),
      [{ module: 'AppModule' }, { module: 'AppModule' }],
    );
    assert.deepEqual(
      main.projectGuards.map((guard) => guard.nestOwner),
      [{ bootstrap: true }, { bootstrap: true }],
    );
  });

  it('reads the module graph: @Module imports and controllers, and the root module of NestFactory.create', () => {
    const summary = read(
      `import { Module, forwardRef } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import * as feature from './feature';
import { UsersModule } from './users/users.module';
import { AuthModule } from './auth/auth.module';
import { HealthController } from './health.controller';

const providers = [{ provide: APP_GUARD, useClass: JwtAuthGuard }];

@Module({
  imports: [UsersModule, forwardRef(() => AuthModule), ConfigModule.forRoot({ isGlobal: true }), feature.BillingModule, ...extraModules],
  controllers: [HealthController],
  providers,
})
export class AppModule {}

@Module({})
export class EmptyModule {}
`,
      'src/app.module.ts',
    );
    const references = (list: { local: string; member?: string }[] | undefined) =>
      (list ?? []).map((reference) => `${reference.local}${reference.member ? `.${reference.member}` : ''}`);
    assert.deepEqual(
      summary.nestModules?.map((module) => [
        module.name,
        references(module.imports as { local: string }[]),
        references(module.controllers as { local: string }[]),
      ]),
      [
        ['AppModule', ['UsersModule', 'AuthModule', 'ConfigModule', 'feature.BillingModule'], ['HealthController']],
        ['EmptyModule', [], []],
      ],
    );
    assert.deepEqual(
      summary.projectGuards.map((guard) => guard.nestOwner),
      [undefined],
      'a provider outside the metadata of a file with two modules belongs to neither',
    );

    const main = read(
      `import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AdminModule } from './admin.module';
NestFactory.create<NestExpressApplication>(AdminModule, { cors: true }).then((app) => app.listen(3001));
NestFactory.createMicroservice(WorkerModule, {});
`,
      'apps/admin/src/main.ts',
    );
    assert.deepEqual(
      main.nestBootstraps?.map((bootstrap) => [bootstrap.module, bootstrap.range.start.line + 1]),
      [[{ local: 'AdminModule' }, 4]],
    );
  });

  it('does not read look-alikes as routes', () => {
    const summary = read(`import { Injectable } from '@nestjs/common';
import { Resolver, Query, Mutation } from '@nestjs/graphql';
@Injectable()
export class UsersService {
  @Get() notARoute() {}
  constructor(private readonly http: HttpService) {}
  find() { return this.http.get('/users'); }
}
@Resolver()
export class UsersResolver {
  @Query() users() {}
  @Mutation() deleteUser() {}
}
class Plain { get(path: string) { return path; } }
const map = new Map(); map.get('/x');
`);
    assert.deepEqual(summary.routes, []);
    assert.deepEqual(summary.containers, []);
    assert.deepEqual(summary.projectGuards, []);
  });

  it('is not gated in for unrelated files', () => {
    assert.equal(nest.mayApply("const app = express(); app.get('/x', h);", 'src/app.ts'), false);
  });
});

describe('NestJS guard fix', () => {
  const jwtGuard: GuardToAdd = {
    name: 'JwtAuthGuard',
    kind: 'guard-class',
    text: 'JwtAuthGuard',
    imports: [{ local: 'JwtAuthGuard', module: '../auth/jwt-auth.guard', imported: 'JwtAuthGuard' }],
  };

  function fix(text: string, routeIndex: number, guard: GuardToAdd = jwtGuard): string | undefined {
    const path = 'src/orders/orders.controller.ts';
    const summary = read(text, path);
    const program = parse(text, path);
    const result = nest.addGuard!({
      file: { path, text, lines: new LineIndex(text), language: 'typescript' },
      route: summary.routes[routeIndex],
      guard,
      summary,
      javascript: program,
    });
    if (!result) return undefined;
    assert.equal(result.safe, false);
    assert.equal(result.title, `Add @UseGuards(${guard.name}) to this route`);
    return applyTextEdits(text, result.edits);
  }

  it('adds @UseGuards above the route decorator and merges UseGuards into the @nestjs/common import', () => {
    assert.equal(
      fix(
        `import { Controller, Get, Post } from '@nestjs/common';
import { OrdersService } from './orders.service';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  create() {
    return this.orders.create();
  }
}
`,
        0,
      ),
      `import { Controller, Get, Post, UseGuards } from '@nestjs/common';
import { OrdersService } from './orders.service';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @UseGuards(JwtAuthGuard)
  @Post()
  create() {
    return this.orders.create();
  }
}
`,
    );
  });

  it('adds the guard inside an existing @UseGuards, keeping double quotes and no semicolons', () => {
    assert.equal(
      fix(
        `import { Controller, Delete, UseGuards } from "@nestjs/common"
import { JwtAuthGuard } from "../auth/jwt-auth.guard"

@Controller("orders")
export class OrdersController {
    @UseGuards(ThrottlerGuard)
    @Delete(":id")
    remove() {}
}
`,
        0,
        {
          name: 'AuthGuard',
          kind: 'guard-class',
          text: "AuthGuard('jwt')",
          imports: [{ local: 'AuthGuard', module: '@nestjs/passport', imported: 'AuthGuard' }],
        },
      ),
      `import { Controller, Delete, UseGuards } from "@nestjs/common"
import { JwtAuthGuard } from "../auth/jwt-auth.guard"
import { AuthGuard } from "@nestjs/passport"

@Controller("orders")
export class OrdersController {
    @UseGuards(ThrottlerGuard, AuthGuard('jwt'))
    @Delete(":id")
    remove() {}
}
`,
    );
  });

  it('does not import what the file already binds, and declines a guard already there', () => {
    const text = `import { Controller, Get, UseGuards } from '@nestjs/common';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
@Controller('orders')
export class OrdersController {
  @Get('a') @UseGuards(JwtAuthGuard) a() {}
  @Get('b') b() {}
}
`;
    assert.equal(fix(text, 0), undefined);
    assert.equal(
      fix(text, 1),
      `import { Controller, Get, UseGuards } from '@nestjs/common';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
@Controller('orders')
export class OrdersController {
  @Get('a') @UseGuards(JwtAuthGuard) a() {}
  @UseGuards(JwtAuthGuard)
  @Get('b') b() {}
}
`,
    );
  });

  it('declines guards that are not guard classes', () => {
    assert.equal(fix(CONTROLLER, 0, { name: 'requireAuth', kind: 'middleware', text: 'requireAuth', imports: [] }), undefined);
  });
});
