// The NestJS guard fix: `@UseGuards(JwtAuthGuard)` on its own line above the route decorator, or
// the guard added inside the method's existing `@UseGuards(...)`; `UseGuards` joins the file's
// '@nestjs/common' import and the guard class is imported as the project imports it elsewhere.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { walkEstree } from '../../../languages/estree-walk';
import type { Fix, TextEdit } from '../../../types';
import type { GuardFixInput, GuardToAdd } from '../../reader';
import { decoratorCalls, guardClassName } from './decorators';
import { importEdits } from '../import-fix';

export function addNestGuard(input: GuardFixInput): Fix | undefined {
  const { file, route, guard, javascript: program } = input;
  if (!route || !program || guard.kind !== 'guard-class') return undefined;
  const method = methodWithDecoratorAt(program, route.order);
  if (!method) return undefined;
  const lines = file.lines;
  const calls = decoratorCalls(method.decorators);
  const routeDecorator = calls.find((call) => call.node.range[0] === route.order);
  if (!routeDecorator) return undefined;
  const edits: TextEdit[] = [];
  const needed: GuardToAdd['imports'] = [];
  const existing = calls.find((call) => call.name === 'UseGuards' && call.node.expression.type === 'CallExpression');
  if (existing) {
    // Already guarded by this class: nothing to add (the resolver should not ask, but be sure).
    if (existing.args.some((argument) => guardClassName(argument) === guard.name)) return undefined;
    const call = existing.node.expression as TSESTree.CallExpression;
    const last = call.arguments[call.arguments.length - 1];
    const at = last ? last.range[1] : call.range[1] - 1;
    edits.push({ range: lines.rangeOf(at, at), newText: last ? `, ${guard.text}` : guard.text });
  } else {
    const start = routeDecorator.node.range[0];
    const lineStart = lines.lineStart(lines.positionAt(start).line);
    const before = lines.text.slice(lineStart, start);
    const eol = lines.text.includes('\r\n') ? '\r\n' : '\n';
    edits.push(
      /^[ \t]*$/.test(before)
        ? { range: lines.rangeOf(lineStart, lineStart), newText: `${before}@UseGuards(${guard.text})${eol}` }
        : { range: lines.rangeOf(start, start), newText: `@UseGuards(${guard.text}) ` },
    );
    needed.push({ local: 'UseGuards', module: '@nestjs/common', imported: 'UseGuards' });
  }
  needed.push(...guard.imports);
  edits.push(...importEdits({ ...input, guard: { ...guard, imports: needed } }, program));
  return { title: `Add @UseGuards(${guard.name}) to this route`, safe: false, edits };
}

function methodWithDecoratorAt(program: TSESTree.Program, offset: number): TSESTree.MethodDefinition | undefined {
  let found: TSESTree.MethodDefinition | undefined;
  walkEstree(program, (node) => {
    if (!found && node.type === 'MethodDefinition' && node.decorators.some((decorator) => decorator.range[0] === offset)) found = node;
  });
  return found;
}
