// NestJS guards that apply to every route of the application: a module provider
// `{ provide: APP_GUARD, useClass: JwtAuthGuard }` and `app.useGlobalGuards(new JwtAuthGuard())`
// in main.ts. Recorded as project guards; the vocabulary decides whether the class is auth.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { dottedName, propertyName, walkEstree } from '../../languages/estree-walk';
import type { LineIndex } from '../../text';
import type { ProjectGuard } from '../model';
import { guardClassName } from './nest-decorators';

export function readNestGlobalGuards(program: TSESTree.Program, lines: LineIndex): ProjectGuard[] {
  const guards: ProjectGuard[] = [];
  walkEstree(program, (node) => {
    if (node.type === 'ObjectExpression') {
      const provided = appGuardClass(node);
      if (provided) guards.push(projectGuard(provided, lines));
    } else if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && propertyName(node.callee) === 'useGlobalGuards') {
      for (const argument of node.arguments) if (argument.type !== 'SpreadElement') guards.push(projectGuard(argument, lines));
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

function projectGuard(node: TSESTree.Node, lines: LineIndex): ProjectGuard {
  return {
    name: guardClassName(node) ?? '',
    text: lines.text.slice(node.range[0], node.range[1]),
    range: lines.rangeOf(node.range[0], node.range[1]),
    kind: 'guard-class',
    framework: 'nestjs',
  };
}
