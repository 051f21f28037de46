// What a top-level name of a Next.js file is bound to, so `export { handler as GET }`,
// `export default handler` and `withAuth(handler)` reach the function they name.
import type { TSESTree } from '@typescript-eslint/typescript-estree';

export type LocalResolver = (name: string) => TSESTree.Node | undefined;

/** The function declaration or the variable's initializer of each top-level name. */
export function topLevelResolver(program: TSESTree.Program): LocalResolver {
  const values = new Map<string, TSESTree.Node>();
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'FunctionDeclaration' && declaration.id) values.set(declaration.id.name, declaration);
    if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations)
        if (declarator.id.type === 'Identifier' && declarator.init) values.set(declarator.id.name, declarator.init);
    }
  }
  return (name) => values.get(name);
}
