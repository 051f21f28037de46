// ESLint configs written in JavaScript or TypeScript: flat config (`eslint.config.{js,mjs,cjs,ts,
// mts,cts}`) and legacy `.eslintrc.js`/`.eslintrc.cjs`. Parsed with the project's JS/TS parser; a
// property named like a security rule whose value sets severity off (`'off'`, `0`, `['off', …]`,
// `'off' as const`), inside an object that is the value of a `rules` property, is a switch. Its
// scope is the literal `files` of the config object holding that `rules` (flat config entries and
// legacy `overrides` alike); an element that is not a string literal is kept as its source text.
// Rules spread in from shared configs (`...security.configs.recommended.rules`) are not switches.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { walkEstree } from '../../languages/estree-walk';
import { parseJavaScript } from '../../languages/javascript';
import { unwrapExpression } from '../../languages/js-unwrap';
import { isSecurityRule } from './eslint-rules';
import { TrailingComments, makeSwitch, type ConfigSwitch } from './switch';

export function eslintJsConfigSwitches(path: string, text: string): ConfigSwitch[] {
  const language = /\.[cm]?ts$/i.test(path) ? 'typescript' : 'javascript';
  const parse = parseJavaScript(text, language, path);
  if (!parse.ast) return [];
  const parents = new Map<TSESTree.Node, TSESTree.Node>();
  const properties: TSESTree.Property[] = [];
  walkEstree(parse.ast, (node, parent) => {
    if (parent) parents.set(node, parent);
    if (node.type === 'Property') properties.push(node);
  });
  const trailing = new TrailingComments(
    text,
    parse.comments.map((comment) => ({ start: comment.start, end: comment.end, text: comment.value.trim() })),
  );
  const switches: ConfigSwitch[] = [];
  for (const property of properties) {
    const name = keyName(property);
    if (name === undefined || !isSecurityRule(name) || !isOff(property.value)) continue;
    const rulesObject = parents.get(property);
    const rulesProperty = rulesObject && parents.get(rulesObject);
    if (rulesProperty?.type !== 'Property' || keyName(rulesProperty) !== 'rules') continue;
    const config = parents.get(rulesProperty);
    const span = keySpan(property);
    switches.push(
      makeSwitch({
        tool: 'eslint',
        ids: [name],
        span,
        configScope: config?.type === 'ObjectExpression' ? filesOf(config, text) : [],
        reason: trailing.reasonAfter(span),
      }),
    );
  }
  return switches.sort((a, b) => a.span.start - b.span.start);
}

function keyName(property: TSESTree.Property): string | undefined {
  const key = property.key;
  if (key.type === 'Identifier' && !property.computed) return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

/** The rule name's span, quotes excluded. */
function keySpan(property: TSESTree.Property): { start: number; end: number } {
  const [start, end] = property.key.range;
  return property.key.type === 'Literal' ? { start: start + 1, end: end - 1 } : { start, end };
}

/** `'off'`, `0` or an array starting with one, through `as const` / `satisfies`. */
function isOff(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === 'ArrayExpression') {
    const first = value.elements[0];
    return first !== null && first !== undefined && first.type !== 'SpreadElement' && isOffLiteral(unwrapExpression(first));
  }
  return isOffLiteral(value);
}

function isOffLiteral(node: TSESTree.Node): boolean {
  if (node.type !== 'Literal') return false;
  return (typeof node.value === 'string' && node.value.toLowerCase() === 'off') || node.value === 0;
}

/** The `files` of a config object: string literals, nested arrays flattened, other elements as source. */
function filesOf(config: TSESTree.ObjectExpression, text: string): string[] {
  for (const property of config.properties) {
    if (property.type !== 'Property' || keyName(property) !== 'files') continue;
    return patterns(unwrapExpression(property.value), text);
  }
  return [];
}

function patterns(node: TSESTree.Node, text: string): string[] {
  if (node.type === 'Literal' && typeof node.value === 'string') return [node.value];
  if (node.type === 'ArrayExpression') {
    return node.elements.flatMap((element) => (element ? patterns(element.type === 'SpreadElement' ? element : unwrapExpression(element), text) : []));
  }
  return [text.slice(node.range[0], node.range[1])];
}
