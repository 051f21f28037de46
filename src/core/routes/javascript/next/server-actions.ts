// Next.js server actions: the exported functions of a file that starts with 'use server', and any
// function whose own body starts with 'use server' (an action declared inside a component). Each
// is reachable by a POST from the app's pages whatever its file's path, so it is a route without a
// URL path of its own.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { walkEstree } from '../../../languages/estree-walk';

export interface ServerActionDecl {
  name: string;
  /** The name as written (function id, variable or export specifier): where a finding goes. */
  nameNode: TSESTree.Node;
  /** The exported expression: the function itself, or a wrapper call around it (`authAction(async () => …)`). */
  value: TSESTree.Node;
}

export function hasDirective(body: readonly TSESTree.Node[], directive: string): boolean {
  for (const statement of body) {
    if (statement.type !== 'ExpressionStatement' || statement.directive === undefined) return false;
    if (statement.directive === directive) return true;
  }
  return false;
}

export function serverActions(program: TSESTree.Program, resolveLocal: (name: string) => TSESTree.Node | undefined): ServerActionDecl[] {
  const actions: ServerActionDecl[] = [];
  const seen = new Set<TSESTree.Node>();
  const add = (name: string, nameNode: TSESTree.Node, value: TSESTree.Node) => {
    if (seen.has(value)) return;
    seen.add(value);
    actions.push({ name, nameNode, value });
  };
  if (hasDirective(program.body, 'use server')) {
    for (const statement of program.body) {
      if (statement.type === 'ExportNamedDeclaration' && !statement.source) {
        const declaration = statement.declaration;
        if (declaration?.type === 'FunctionDeclaration' && declaration.id) add(declaration.id.name, declaration.id, declaration);
        if (declaration?.type === 'VariableDeclaration') {
          for (const declarator of declaration.declarations) {
            if (declarator.id.type === 'Identifier' && declarator.init) add(declarator.id.name, declarator.id, declarator.init);
          }
        }
        for (const specifier of statement.specifiers) {
          const local = specifier.local.type === 'Identifier' ? resolveLocal(specifier.local.name) : undefined;
          const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : String(specifier.exported.value);
          if (local) add(exported, specifier.exported, local);
        }
      } else if (statement.type === 'ExportDefaultDeclaration' && statement.declaration.type === 'FunctionDeclaration') {
        const declaration = statement.declaration;
        add(declaration.id?.name ?? 'default', declaration.id ?? declaration, declaration);
      }
    }
  }
  walkEstree(program, (node, parent) => {
    const isFunction = node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
    if (!isFunction || node.body?.type !== 'BlockStatement' || !hasDirective(node.body.body, 'use server')) return;
    if (node.type !== 'ArrowFunctionExpression' && node.id) add(node.id.name, node.id, node);
    else if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') add(parent.id.name, parent.id, node);
  });
  return actions;
}
