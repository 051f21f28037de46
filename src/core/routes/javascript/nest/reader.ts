// NestJS: `@Controller('prefix')` classes are containers, their `@Get()`/`@Post(':id')`… methods
// are routes, `@UseGuards(...)` on a method guards that route and on the class guards every route
// of it, `@Public()`-style metadata marks a route public, and `APP_GUARD` providers or
// `app.useGlobalGuards(...)` guard the whole application — the one whose module graph (modules,
// bootstraps: nest/modules.ts) holds them.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { walkEstree } from '../../../languages/estree-walk';
import type { LineIndex } from '../../../text';
import type { ContainerDecl, FileRoutes, GuardCandidate, HandlerInfo, RouteDecl } from '../../model';
import type { JsRouteReader, RouteSourceFile } from '../../reader';
import { jsInlineAuthCheck, jsVerifiesSignature } from '../auth-evidence';
import { constantPaths, objectProperty } from '../syntax';
import { readJsModuleBindings } from '../module-bindings';
import { addNestGuard } from './add-guard';
import { decoratorCalls, guardClassesOf, publicDecoratorNames, publicMarkerOf, type DecoratorCall } from './decorators';
import { readNestGlobalGuards } from './global-guards';
import { readNestBootstraps, readNestModules } from './modules';

/** Route decorators of @nestjs/common and the methods they accept. */
export const NEST_ROUTE_DECORATORS: ReadonlyMap<string, string> = new Map([
  ['Get', 'GET'],
  ['Post', 'POST'],
  ['Put', 'PUT'],
  ['Patch', 'PATCH'],
  ['Delete', 'DELETE'],
  ['All', 'ALL'],
  ['Head', 'HEAD'],
  ['Options', 'OPTIONS'],
  ['Search', 'SEARCH'],
  // Server-sent events are served on GET.
  ['Sse', 'GET'],
]);

const nest: JsRouteReader = {
  framework: 'nestjs',
  mayApply: (text) => text.includes('@nestjs/') || text.includes('@Controller') || text.includes('APP_GUARD') || text.includes('useGlobalGuards'),
  read(file: RouteSourceFile, program: TSESTree.Program, into: FileRoutes): void {
    const publicNames = publicDecoratorNames(program, readJsModuleBindings(program).imports);
    walkEstree(program, (node) => {
      if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') readController(node, file.lines, publicNames, into);
    });
    const modules = readNestModules(program);
    const bootstraps = readNestBootstraps(program, file.lines);
    if (modules.length) into.nestModules = modules.map((module) => module.decl);
    if (bootstraps.length) into.nestBootstraps = bootstraps;
    into.projectGuards.push(...readNestGlobalGuards(program, file.lines, modules, bootstraps.length > 0));
  },
  addGuard: addNestGuard,
};

export default nest;

function readController(
  node: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  lines: LineIndex,
  publicNames: ReadonlySet<string>,
  into: FileRoutes,
): void {
  const classDecorators = decoratorCalls(node.decorators);
  const controller = classDecorators.find((call) => call.name === 'Controller');
  if (!controller || !node.id) return;
  const container: ContainerDecl = {
    name: node.id.name,
    framework: 'nestjs',
    kind: 'controller',
    range: lines.rangeOf(node.id.range[0], node.id.range[1]),
    guards: classDecorators
      .filter((call) => call.name === 'UseGuards')
      .flatMap((call) => guardClassesOf(call, lines).map((guard) => ({ ...guard, order: -1 }))),
  };
  const prefix = controllerPrefix(controller);
  if (prefix !== undefined) container.prefix = prefix;
  const containerPublic = publicMarkerOf(classDecorators, publicNames, lines);
  if (containerPublic) container.public = containerPublic;
  into.containers.push(container);
  for (const member of node.body.body) {
    if (member.type === 'MethodDefinition' && member.kind === 'method') readRouteMethod(member, container.name, lines, publicNames, into);
  }
}

function readRouteMethod(method: TSESTree.MethodDefinition, container: string, lines: LineIndex, publicNames: ReadonlySet<string>, into: FileRoutes): void {
  const calls = decoratorCalls(method.decorators);
  const guards: GuardCandidate[] = calls.filter((call) => call.name === 'UseGuards').flatMap((call) => guardClassesOf(call, lines));
  const publicMarker = publicMarkerOf(calls, publicNames, lines);
  for (const call of calls) {
    const httpMethod = NEST_ROUTE_DECORATORS.get(call.name);
    if (!httpMethod) continue;
    const paths = routePaths(call);
    if (!paths) continue;
    for (const path of paths) {
      const route: RouteDecl = {
        framework: 'nestjs',
        container,
        methods: [httpMethod],
        path,
        range: lines.rangeOf(call.node.range[0], call.node.range[1]),
        order: call.node.range[0],
        guards,
        handler: handlerInfo(method, lines),
      };
      if (publicMarker) route.public = publicMarker;
      into.routes.push(route);
    }
  }
}

function handlerInfo(method: TSESTree.MethodDefinition, lines: LineIndex): HandlerInfo {
  const info: HandlerInfo = { range: lines.rangeOf(method.key.range[0], method.key.range[1]), guards: [] };
  if (method.key.type === 'Identifier' && !method.computed) info.name = method.key.name;
  const inlineCheck = jsInlineAuthCheck(method.value, lines);
  if (inlineCheck) info.inlineCheck = inlineCheck;
  if (jsVerifiesSignature(method.value)) info.verifiesSignature = true;
  return info;
}

/** `@Controller('users')`, `@Controller({ path: 'users', host })`, `@Controller(['a', 'b'])` (the first). */
function controllerPrefix(call: DecoratorCall): string | undefined {
  const [argument] = call.args;
  if (!argument) return undefined;
  const path = argument.type === 'ObjectExpression' ? objectProperty(argument, 'path')?.value : argument;
  return constantPaths(path)?.[0];
}

/** `@Get()` → [''], `@Get(':id')` → [':id'], `@Get(['a', 'b'])` → both; undefined when the path is computed. */
function routePaths(call: DecoratorCall): string[] | undefined {
  const [argument] = call.args;
  return argument ? constantPaths(argument) : [''];
}
