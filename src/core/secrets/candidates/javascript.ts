// String literals of a JS/TS file with the name each is bound to. Needs a parsed AST: a file that
// does not parse yields no candidates (its provider-format tokens are still found in the text).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { dottedName, propertyName, walkEstree } from '../../languages/estree-walk';
import type { JsParse } from '../../languages/javascript';
import type { EnvLookupDefault, StringCandidate } from './model';

export function javascriptCandidates(parse: JsParse, text: string): StringCandidate[] {
  if (!parse.ast) return [];
  const candidates: StringCandidate[] = [];
  walkEstree(parse.ast, (node, parent) => {
    if (parent && NOT_VALUES.has(parent.type)) return;
    const literal = stringLiteral(node, text);
    if (!literal) return;
    candidates.push({ ...literal, ...bindingOf(node, parent, text) });
  });
  return candidates;
}

/** Strings that are syntax, not values: module specifiers, literal types, enum keys, directives. */
const NOT_VALUES = new Set([
  'ImportDeclaration',
  'ExportAllDeclaration',
  'ExportNamedDeclaration',
  'ImportExpression',
  'TSLiteralType',
  'TSExternalModuleReference',
  'TSModuleDeclaration',
  'TSImportType',
  'TSEnumMember',
  'ImportAttribute',
]);

type Literal = Pick<StringCandidate, 'value' | 'valueStart' | 'valueEnd' | 'literalStart' | 'literalEnd' | 'verbatim'>;

function stringLiteral(node: TSESTree.Node, text: string): Literal | undefined {
  if (node.type === 'Literal' && typeof node.value === 'string') {
    const [start, end] = node.range;
    return {
      value: node.value,
      valueStart: start + 1,
      valueEnd: end - 1,
      literalStart: start,
      literalEnd: end,
      verbatim: text.slice(start + 1, end - 1) === node.value,
    };
  }
  // `…` without ${}: a plain string in all but quotes. Tagged templates are code (sql``, gql``).
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0 && node.quasis.length === 1) {
    const [start, end] = node.range;
    const value = node.quasis[0].value.cooked ?? node.quasis[0].value.raw;
    return { value, valueStart: start + 1, valueEnd: end - 1, literalStart: start, literalEnd: end, verbatim: text.slice(start + 1, end - 1) === value };
  }
  return undefined;
}

type Binding = Pick<StringCandidate, 'name' | 'call' | 'envDefault' | 'inJsxAttribute'>;

function bindingOf(node: TSESTree.Node, parent: TSESTree.Node | undefined, text: string): Binding {
  if (!parent) return {};
  switch (parent.type) {
    case 'TaggedTemplateExpression':
      return {};
    case 'JSXAttribute':
      return parent.name.type === 'JSXIdentifier' ? { name: parent.name.name, inJsxAttribute: true } : { inJsxAttribute: true };
    case 'VariableDeclarator':
      return parent.init === node ? { name: patternName(parent.id) } : {};
    case 'Property':
      return parent.value === node ? { name: keyName(parent.key) } : {};
    case 'PropertyDefinition':
      return parent.value === node ? { name: keyName(parent.key) } : {};
    case 'AssignmentExpression':
      return parent.right === node ? { name: targetName(parent.left) } : {};
    case 'AssignmentPattern':
      return parent.right === node ? { name: patternName(parent.left) } : {};
    case 'CallExpression':
    case 'NewExpression': {
      const argument = parent.arguments.indexOf(node as TSESTree.CallExpressionArgument);
      const callee = dottedName(parent.callee);
      return argument >= 0 && callee ? { call: { callee, argument } } : {};
    }
    case 'LogicalExpression':
    case 'ConditionalExpression': {
      // The variable the code reads names the value better than whatever it is assigned to.
      const envDefault = envFallback(node, parent, text);
      return envDefault ? { envDefault, name: envDefault.variable } : {};
    }
    default:
      return {};
  }
}

/** `process.env.KEY || "…"` / `?? "…"`: the literal is only a fallback of an env lookup. */
function envFallback(node: TSESTree.Node, parent: TSESTree.Node, text: string): EnvLookupDefault | undefined {
  if (parent.type !== 'LogicalExpression' || parent.right !== node || (parent.operator !== '||' && parent.operator !== '??')) return undefined;
  const variable = envVariableRead(parent.left);
  if (!variable) return undefined;
  return { variable, start: parent.range[0], end: parent.range[1], withoutDefault: text.slice(parent.left.range[0], parent.left.range[1]) };
}

/** KEY of `process.env.KEY`, `process.env["KEY"]` or `import.meta.env.KEY`. */
function envVariableRead(node: TSESTree.Node): string | undefined {
  if (node.type !== 'MemberExpression') return undefined;
  const object = dottedName(node.object);
  if (object !== 'process.env' && object !== 'import.meta.env' && object !== 'Deno.env') return undefined;
  return propertyName(node);
}

function patternName(node: TSESTree.Node): string | undefined {
  return node.type === 'Identifier' ? node.name : undefined;
}

function keyName(node: TSESTree.Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  return undefined;
}

function targetName(node: TSESTree.Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression') return dottedName(node) ?? propertyName(node);
  return undefined;
}
