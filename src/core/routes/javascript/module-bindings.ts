// What a JS/TS file imports and exports, in the route model's terms, so the resolver can follow
// `app.use('/admin', adminRouter)` into the file that defines `adminRouter`. ES modules and
// CommonJS (`require`, `module.exports`, `exports.x`) alike; only top-level statements count. The
// imports themselves are read by languages/javascript-imports.ts, as for the query rules.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { statementImports } from '../../languages/javascript-imports';
import { unwrapAwaitedExpression } from '../../languages/js-unwrap';
import type { ExportBinding, ImportBinding } from '../model';

/** The name a default export of an anonymous function/class/expression gets in the summary. */
export const ANONYMOUS_DEFAULT = 'default';

export function readJsModuleBindings(program: TSESTree.Program): { imports: ImportBinding[]; exports: ExportBinding[] } {
  const imports: ImportBinding[] = [];
  const exports: ExportBinding[] = [];
  for (const statement of program.body) {
    for (const { local, module, imported } of statementImports(statement)) imports.push({ local: local.name, module, imported });
    switch (statement.type) {
      case 'ExportNamedDeclaration':
        readNamedExport(statement, imports, exports);
        break;
      case 'ExportDefaultDeclaration': {
        const declaration = statement.declaration;
        const named =
          (declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id ? declaration.id.name : undefined;
        exports.push({ exported: 'default', local: named ?? (declaration.type === 'Identifier' ? declaration.name : ANONYMOUS_DEFAULT) });
        break;
      }
      case 'ExpressionStatement':
        readCommonJsExport(statement.expression, exports);
        break;
      default:
        break;
    }
  }
  return { imports, exports };
}

function readNamedExport(statement: TSESTree.ExportNamedDeclaration, imports: ImportBinding[], exports: ExportBinding[]): void {
  const declaration = statement.declaration;
  if (declaration?.type === 'VariableDeclaration') {
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === 'Identifier') exports.push({ exported: declarator.id.name, local: declarator.id.name });
    }
  } else if ((declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration') && declaration.id) {
    exports.push({ exported: declaration.id.name, local: declaration.id.name });
  }
  for (const specifier of statement.specifiers) {
    const local = specifier.local.type === 'Identifier' ? specifier.local.name : String(specifier.local.value);
    const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : String(specifier.exported.value);
    if (statement.source) {
      // `export { router as adminRouter } from './admin'`: re-exported through a local-less binding.
      imports.push({ local: exported, module: statement.source.value, imported: local });
    }
    exports.push({ exported, local: statement.source ? exported : local });
  }
}

function readCommonJsExport(expression: TSESTree.Expression, exports: ExportBinding[]): void {
  if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') return;
  const target = expression.left;
  if (target.type !== 'MemberExpression' || target.computed || target.property.type !== 'Identifier') return;
  const value = unwrapAwaitedExpression(expression.right);
  const local =
    value.type === 'Identifier'
      ? value.name
      : (value.type === 'FunctionExpression' || value.type === 'ClassExpression') && value.id
        ? value.id.name
        : ANONYMOUS_DEFAULT;
  const isModuleExports = target.object.type === 'Identifier' && target.object.name === 'module' && target.property.name === 'exports';
  if (isModuleExports) {
    if (value.type === 'ObjectExpression') {
      // `module.exports = { router, requireAuth }`: each shorthand/identifier property is a named export.
      for (const property of value.properties) {
        if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
        if (property.value.type === 'Identifier') exports.push({ exported: property.key.name, local: property.value.name });
      }
      return;
    }
    exports.push({ exported: 'default', local });
    return;
  }
  const isExportsMember =
    (target.object.type === 'Identifier' && target.object.name === 'exports') ||
    (target.object.type === 'MemberExpression' &&
      !target.object.computed &&
      target.object.object.type === 'Identifier' &&
      target.object.object.name === 'module' &&
      target.object.property.type === 'Identifier' &&
      target.object.property.name === 'exports');
  if (isExportsMember) exports.push({ exported: target.property.name, local: local === ANONYMOUS_DEFAULT ? target.property.name : local });
}
