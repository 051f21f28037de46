// The methods a pages-router API handler serves. It is called for every method, so it is `ALL`
// unless the body dispatches on `req.method` and turns the rest away: `if (req.method !== 'POST')
// return res.status(405)…`, `switch (req.method) { case 'GET': … default: 405 }`, or an if/switch
// on the method that is the body's last statement. A final `else`/`default` that serves anything
// but a 405 keeps it `ALL`.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { propertyName, walkEstree } from '../../../languages/estree-walk';
import type { FunctionNode } from '../syntax';

export function pagesApiMethods(fn: FunctionNode, text: string): string[] {
  const request = fn.params[0];
  if (fn.body?.type !== 'BlockStatement') return ['ALL'];
  const isMethodRead = methodReader(request, fn.body);
  const methods = new Set<string>();
  let negative = false;
  let servesOthers = false;
  walkEstree(fn.body, (node) => {
    if (node.type === 'BinaryExpression' && ['===', '==', '!==', '!='].includes(node.operator)) {
      const literal = isMethodRead(node.left) ? node.right : isMethodRead(node.right) ? node.left : undefined;
      if (literal?.type === 'Literal' && typeof literal.value === 'string') {
        methods.add(literal.value.toUpperCase());
        if (node.operator.startsWith('!')) negative = true;
      }
    } else if (node.type === 'SwitchStatement' && isMethodRead(node.discriminant)) {
      for (const switchCase of node.cases) {
        if (switchCase.test?.type === 'Literal' && typeof switchCase.test.value === 'string') methods.add(switchCase.test.value.toUpperCase());
        else if (!switchCase.test && !turnsAway(switchCase, text)) servesOthers = true;
      }
    } else if (
      node.type === 'CallExpression' &&
      node.callee.type === 'MemberExpression' &&
      propertyName(node.callee) === 'includes' &&
      node.callee.object.type === 'ArrayExpression' &&
      node.arguments[0] &&
      isMethodRead(node.arguments[0])
    ) {
      for (const element of node.callee.object.elements)
        if (element?.type === 'Literal' && typeof element.value === 'string') methods.add(element.value.toUpperCase());
    } else if (
      node.type === 'IfStatement' &&
      node.alternate &&
      node.alternate.type !== 'IfStatement' &&
      dispatchesPositively(node.test, isMethodRead) &&
      !turnsAway(node.alternate, text)
    ) {
      servesOthers = true;
    }
  });
  if (methods.size === 0 || servesOthers) return ['ALL'];
  const body = fn.body.body;
  const last = body[body.length - 1];
  const dispatchIsLast = last !== undefined && containsMethodRead(last, isMethodRead);
  return negative || turnsAway(fn.body, text) || dispatchIsLast ? [...methods] : ['ALL'];
}

/** `req.method` (whatever the first parameter is called) or `method` from `const { method } = req`. */
function methodReader(request: TSESTree.Parameter | undefined, body: TSESTree.BlockStatement): (node: TSESTree.Node) => boolean {
  const requestName = request?.type === 'Identifier' ? request.name : undefined;
  let destructured =
    request?.type === 'ObjectPattern' &&
    request.properties.some((property) => property.type === 'Property' && property.key.type === 'Identifier' && property.key.name === 'method');
  walkEstree(body, (node) => {
    if (node.type === 'VariableDeclarator' && node.id.type === 'ObjectPattern' && node.init?.type === 'Identifier' && node.init.name === requestName) {
      if (node.id.properties.some((property) => property.type === 'Property' && property.key.type === 'Identifier' && property.key.name === 'method'))
        destructured = true;
    }
  });
  return (node) =>
    (node.type === 'MemberExpression' && propertyName(node) === 'method' && node.object.type === 'Identifier' && node.object.name === requestName) ||
    (destructured === true && node.type === 'Identifier' && node.name === 'method');
}

function dispatchesPositively(test: TSESTree.Node, isMethodRead: (node: TSESTree.Node) => boolean): boolean {
  return test.type === 'BinaryExpression' && (test.operator === '===' || test.operator === '==') && (isMethodRead(test.left) || isMethodRead(test.right));
}

function containsMethodRead(node: TSESTree.Node, isMethodRead: (node: TSESTree.Node) => boolean): boolean {
  let found = false;
  walkEstree(node, (child) => {
    if (isMethodRead(child)) found = true;
  });
  return found;
}

/** Answers 405 Method Not Allowed (or sets `Allow`), the sign that other methods are refused. */
function turnsAway(node: TSESTree.Node, text: string): boolean {
  const source = text.slice(node.range[0], node.range[1]);
  return /\b405\b/.test(source) || /['"]Allow['"]/.test(source);
}
