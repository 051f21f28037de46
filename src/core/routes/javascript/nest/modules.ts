// NestJS applications as their module graphs: `NestFactory.create(AppModule)` starts an
// application whose routes are the controllers of AppModule and of every module it imports. The
// reader records each `@Module({ imports, controllers })` class and each bootstrap; the resolver
// joins them across files, so that an `APP_GUARD` guards its own application only.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { dottedName, propertyName, walkEstree } from '../../../languages/estree-walk';
import type { LineIndex } from '../../../text';
import type { NestBootstrapDecl, NestModuleDecl, Reference } from '../../model';
import { objectProperty, unwrap } from '../syntax';
import { decoratorCalls } from './decorators';

/** Each `@Module({...})` class of the file with its imports and controllers, and the decorator's object. */
export function readNestModules(program: TSESTree.Program): { decl: NestModuleDecl; metadata: TSESTree.Node }[] {
  const modules: { decl: NestModuleDecl; metadata: TSESTree.Node }[] = [];
  walkEstree(program, (node) => {
    if ((node.type !== 'ClassDeclaration' && node.type !== 'ClassExpression') || !node.id) return;
    const module = decoratorCalls(node.decorators).find((call) => call.name === 'Module');
    const metadata = module?.args[0];
    if (!metadata || metadata.type === 'SpreadElement') return;
    modules.push({ decl: { name: node.id.name, imports: references(metadata, 'imports'), controllers: references(metadata, 'controllers') }, metadata });
  });
  return modules;
}

/** `NestFactory.create(AppModule, …)` (also `create<NestExpressApplication>(…)`): the root module of each application made here. */
export function readNestBootstraps(program: TSESTree.Program, lines: LineIndex): NestBootstrapDecl[] {
  const bootstraps: NestBootstrapDecl[] = [];
  walkEstree(program, (node) => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || propertyName(node.callee) !== 'create') return;
    if (!/(^|\.)NestFactory$/.test(dottedName(node.callee.object) ?? '')) return;
    const module = node.arguments[0] && moduleReference(node.arguments[0]);
    if (module) bootstraps.push({ module, range: lines.rangeOf(node.range[0], node.range[1]) });
  });
  return bootstraps;
}

/** The modules or controllers listed under `key`; entries that are computed (spreads, calls of arrays) are skipped. */
function references(metadata: TSESTree.Node, key: string): Reference[] {
  const value = objectProperty(metadata, key)?.value;
  const list = value ? unwrap(value) : undefined;
  if (list?.type !== 'ArrayExpression') return [];
  return list.elements.flatMap((element) => {
    const reference = element && element.type !== 'SpreadElement' ? moduleReference(element) : undefined;
    return reference ? [reference] : [];
  });
}

/**
 * `UsersModule`, `forwardRef(() => UsersModule)`, and a dynamic module of a project module
 * (`AuthModule.forRoot(…)`, `ConfigModule.register(…)`): the class it names.
 */
function moduleReference(node: TSESTree.Node): Reference | undefined {
  const value = unwrap(node);
  if (value.type === 'Identifier') return { local: value.name };
  if (value.type === 'MemberExpression') {
    const name = dottedName(value);
    const [local, member] = name?.split('.') ?? [];
    return local && member && name!.split('.').length === 2 ? { local, member } : undefined;
  }
  if (value.type !== 'CallExpression') return undefined;
  if (value.callee.type === 'Identifier' && value.callee.name === 'forwardRef') {
    const factory = value.arguments[0];
    if (factory?.type === 'ArrowFunctionExpression' && factory.body.type !== 'BlockStatement') return moduleReference(factory.body);
    return undefined;
  }
  if (value.callee.type === 'MemberExpression' && value.callee.object.type === 'Identifier') return { local: value.callee.object.name };
  return undefined;
}
