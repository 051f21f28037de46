// Reading NestJS decorators: which decorator a `@X(...)` is, the guard classes in `@UseGuards`,
// and which decorators mark a route public (`@Public()`, `@SetMetadata('isPublic', true)`, or a
// decorator this file defines as `() => SetMetadata(IS_PUBLIC_KEY, true)`).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { dottedName, walkEstree } from '../../../languages/estree-walk';
import type { LineIndex } from '../../../text';
import type { GuardCandidate, ImportBinding, PublicMarker } from '../../model';

export interface DecoratorCall {
  /** Last segment of the callee: `Get` for `@Get()` and for `@common.Get()`. */
  name: string;
  /** Arguments; empty for a bare `@Public` without a call. */
  args: TSESTree.CallExpressionArgument[];
  node: TSESTree.Decorator;
}

export function decoratorCall(decorator: TSESTree.Decorator): DecoratorCall | undefined {
  const expression = decorator.expression;
  const callee = expression.type === 'CallExpression' ? expression.callee : expression;
  const dotted = dottedName(callee);
  if (!dotted) return undefined;
  return { name: dotted.slice(dotted.lastIndexOf('.') + 1), args: expression.type === 'CallExpression' ? expression.arguments : [], node: decorator };
}

export function decoratorCalls(decorators: readonly TSESTree.Decorator[] | undefined): DecoratorCall[] {
  return (decorators ?? []).map(decoratorCall).filter((call): call is DecoratorCall => call !== undefined);
}

/** Each class in `@UseGuards(A, AuthGuard('jwt'), new RolesGuard())`, named by its class (`AuthGuard`). */
export function guardClassesOf(call: DecoratorCall, lines: LineIndex): GuardCandidate[] {
  const guards: GuardCandidate[] = [];
  for (const argument of call.args) {
    const name = guardClassName(argument);
    if (!name) continue;
    guards.push({
      name,
      text: lines.text.slice(argument.range[0], argument.range[1]),
      range: lines.rangeOf(argument.range[0], argument.range[1]),
      kind: 'guard-class',
    });
  }
  return guards;
}

/** `JwtAuthGuard`, `AuthGuard('jwt')` → `AuthGuard`, `new RolesGuard()` → `RolesGuard`, `app.get(JwtAuthGuard)` → `JwtAuthGuard`. */
export function guardClassName(node: TSESTree.Node): string | undefined {
  if (node.type === 'Identifier' || node.type === 'MemberExpression') return dottedName(node);
  if (node.type === 'NewExpression') return dottedName(node.callee);
  if (node.type === 'CallExpression') {
    const callee = dottedName(node.callee);
    // `app.get(JwtAuthGuard)` / `moduleRef.get(X)` fetch an instance of the class named in the argument.
    if (callee && /\.(get|resolve)$/.test(callee) && node.arguments[0]?.type === 'Identifier') return node.arguments[0].name;
    return callee;
  }
  return undefined;
}

/** Decorator names that mean "no authentication here" in Nest projects and their auth libraries. */
const PUBLIC_DECORATORS = new Set(['Public', 'AllowAnonymous', 'SkipAuth', 'IsPublic']);
/** A `SetMetadata` key that says public: `'isPublic'`, `IS_PUBLIC_KEY`, `'allowAnonymous'`, `SKIP_AUTH`. */
const PUBLIC_KEY = /public|anonymous|skip_?auth|no_?auth/i;

/**
 * Decorator names of this file that mark a route public: the known names, imports of them under
 * another name, and decorators defined here as `SetMetadata(IS_PUBLIC_KEY, true)`.
 */
export function publicDecoratorNames(program: TSESTree.Program, imports: readonly ImportBinding[]): Set<string> {
  const names = new Set(PUBLIC_DECORATORS);
  for (const binding of imports) if (PUBLIC_DECORATORS.has(binding.imported)) names.add(binding.local);
  for (const name of definedPublicDecorators(program)) names.add(name);
  return names;
}

/**
 * `export const Public = () => SetMetadata(IS_PUBLIC_KEY, true)` (also `function Public() { return
 * … }` and `applyDecorators(SetMetadata(…), …)`): top-level decorator factories that set a
 * public-looking metadata key to true. Other files that import these names need the resolver.
 */
export function definedPublicDecorators(program: TSESTree.Program): string[] {
  const names: string[] = [];
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (!declaration) continue;
    if (declaration.type === 'FunctionDeclaration' && declaration.id && setsPublicMetadata(declaration.body)) names.push(declaration.id.name);
    if (declaration.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations) {
      const init = declarator.init;
      if (declarator.id.type !== 'Identifier' || !init) continue;
      const isFactory = init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression';
      if (isFactory && setsPublicMetadata(init.body)) names.push(declarator.id.name);
    }
  }
  return names;
}

function setsPublicMetadata(body: TSESTree.Node): boolean {
  let found = false;
  walkEstree(body, (node) => {
    if (!found && node.type === 'CallExpression' && isPublicSetMetadata(node)) found = true;
  });
  return found;
}

/** `SetMetadata('isPublic', true)` / `SetMetadata(IS_PUBLIC_KEY, true)`. */
export function isPublicSetMetadata(call: TSESTree.CallExpression): boolean {
  const callee = dottedName(call.callee);
  if (!callee || !/(^|\.)SetMetadata$/.test(callee)) return false;
  const [key, value] = call.arguments;
  if (!key || value?.type !== 'Literal' || value.value !== true) return false;
  const keyText = key.type === 'Literal' ? String(key.value) : dottedName(key);
  return keyText !== undefined && PUBLIC_KEY.test(keyText);
}

/** The public marker among a method's or class's decorators, if any. */
export function publicMarkerOf(calls: readonly DecoratorCall[], publicNames: ReadonlySet<string>, lines: LineIndex): PublicMarker | undefined {
  for (const call of calls) {
    const expression = call.node.expression;
    const isPublic = publicNames.has(call.name) || (expression.type === 'CallExpression' && isPublicSetMetadata(expression));
    if (isPublic) return { text: lines.text.slice(call.node.range[0], call.node.range[1]), range: lines.rangeOf(call.node.range[0], call.node.range[1]) };
  }
  return undefined;
}
