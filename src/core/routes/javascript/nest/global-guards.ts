// NestJS guards that apply to every route of the application: a module provider
// `{ provide: APP_GUARD, useClass: JwtAuthGuard }` and `app.useGlobalGuards(new JwtAuthGuard())`
// in main.ts. Recorded as project guards with the module or bootstrap they belong to (the resolver
// applies them to that application only); the vocabulary decides whether the class is auth.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { dottedName, propertyName, walkEstree } from '../../../languages/estree-walk';
import type { LineIndex } from '../../../text';
import type { NestModuleDecl, ProjectGuard } from '../../model';
import { guardClassName } from './decorators';

/**
 * `modules`: the file's `@Module` classes with their metadata objects. A provider inside one
 * belongs to it; one outside any (`const providers = [...]`) to the file's only module, if one.
 * `bootstraps`: whether the file calls `NestFactory.create` (then `useGlobalGuards` is that app's).
 */
export function readNestGlobalGuards(
  program: TSESTree.Program,
  lines: LineIndex,
  modules: readonly { decl: NestModuleDecl; metadata: TSESTree.Node }[] = [],
  bootstraps = false,
): ProjectGuard[] {
  const guards: ProjectGuard[] = [];
  const ownerOf = (node: TSESTree.Node): ProjectGuard['nestOwner'] => {
    const holder =
      modules.find(({ metadata }) => metadata.range[0] <= node.range[0] && node.range[1] <= metadata.range[1]) ??
      (modules.length === 1 ? modules[0] : undefined);
    return holder ? { module: holder.decl.name } : undefined;
  };
  walkEstree(program, (node) => {
    if (node.type === 'ObjectExpression') {
      const provided = appGuardClass(node);
      if (provided) guards.push(projectGuard(provided, lines, ownerOf(node)));
    } else if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && propertyName(node.callee) === 'useGlobalGuards') {
      for (const argument of node.arguments)
        if (argument.type !== 'SpreadElement') guards.push(projectGuard(argument, lines, bootstraps ? { bootstrap: true } : undefined));
    }
  });
  return guards.filter((guard) => guard.name !== '');
}

/** The class of `{ provide: APP_GUARD, useClass: X }` (or `useExisting: X`). */
function appGuardClass(object: TSESTree.ObjectExpression): TSESTree.Node | undefined {
  let providesAppGuard = false;
  let provided: TSESTree.Node | undefined;
  for (const property of object.properties) {
    if (property.type !== 'Property' || property.computed) continue;
    const key = property.key.type === 'Identifier' ? property.key.name : undefined;
    if (key === 'provide') providesAppGuard = /(^|\.)APP_GUARD$/.test(dottedName(property.value) ?? '');
    if (key === 'useClass' || key === 'useExisting') provided = property.value;
  }
  return providesAppGuard ? provided : undefined;
}

function projectGuard(node: TSESTree.Node, lines: LineIndex, nestOwner: ProjectGuard['nestOwner']): ProjectGuard {
  return {
    name: guardClassName(node) ?? '',
    text: lines.text.slice(node.range[0], node.range[1]),
    range: lines.rangeOf(node.range[0], node.range[1]),
    kind: 'guard-class',
    framework: 'nestjs',
    ...(nestOwner ? { nestOwner } : {}),
  };
}
