// The Fastify guard fix: the guard goes into the route's `preHandler` list — appended to an
// existing one, added to the options object, or in a new options argument for the short form
// (`app.get('/x', handler)` → `app.get('/x', { preHandler: [app.authenticate] }, handler)`).
// A decorated guard (`fastify.authenticate`) is written on this route's own instance name.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Fix, TextEdit } from '../../types';
import type { GuardFixInput } from '../reader';
import { importEdits } from './import-fix';
import { registrationCall, separatorBefore } from './middleware-fix';
import { chainRoot } from './route-context';
import { memberCall, objectProperty, unwrap } from './syntax';

export function addFastifyGuard(input: GuardFixInput): Fix | undefined {
  const { route, javascript: program } = input;
  if (!route || !program) return undefined;
  const call = registrationCall(program, route);
  const member = call && memberCall(call);
  if (!call || !member) return undefined;
  const receiver = chainRoot(member.object);
  const guardText = onInstance(input, receiver?.type === 'Identifier' ? receiver.name : undefined);
  const { text, lines } = input.file;
  const insert = (offset: number, newText: string): TextEdit => ({ range: lines.rangeOf(offset, offset), newText });

  let options: TSESTree.Node | undefined;
  if (member.method === 'route') options = call.arguments[0];
  else if (call.arguments.length >= 3) options = call.arguments[1];
  else if (call.arguments.length === 2 && objectProperty(call.arguments[1], 'handler')) options = call.arguments[1];
  else if (call.arguments.length === 2) {
    const handler = call.arguments[1];
    return fix(input, insert(handler.range[0], `{ preHandler: [${guardText}] },${separatorBefore(text, handler.range[0])}`), program);
  }
  const object = options && unwrap(options);
  if (object?.type !== 'ObjectExpression') return undefined;

  const existing = objectProperty(object, 'preHandler');
  if (existing) {
    const value = unwrap(existing.value);
    if (value.type === 'ArrayExpression') {
      const last = value.elements[value.elements.length - 1];
      return fix(input, last ? insert(last.range[1], `, ${guardText}`) : insert(value.range[0] + 1, guardText), program);
    }
    const edits = [insert(existing.value.range[0], '['), insert(existing.value.range[1], `, ${guardText}]`)];
    return fix(input, edits, program);
  }
  const property = `preHandler: [${guardText}]`;
  const properties = object.properties;
  if (properties.length === 0) return fix(input, { range: lines.rangeOf(object.range[0], object.range[1]), newText: `{ ${property} }` }, program);
  const last = properties[properties.length - 1];
  const multiLine = lines.positionAt(last.range[0]).line !== lines.positionAt(object.range[0]).line;
  if (!multiLine) return fix(input, insert(last.range[1], `, ${property}`), program);
  const indentation = /^\s*/.exec(lines.lineText(lines.positionAt(last.range[0]).line))![0];
  const trailingComma = /^\s*,/.exec(text.slice(last.range[1]));
  if (trailingComma) return fix(input, insert(last.range[1] + trailingComma[0].length, `\n${indentation}${property},`), program);
  return fix(input, insert(last.range[1], `,\n${indentation}${property}`), program);
}

function fix(input: GuardFixInput, edits: TextEdit | TextEdit[], program: TSESTree.Program): Fix {
  return { title: `Add ${input.guard.name} to this route`, safe: false, edits: [...(Array.isArray(edits) ? edits : [edits]), ...importEdits(input, program)] };
}

/** `fastify.authenticate` from a sibling becomes `app.authenticate` on a route of `app`, unless the file binds the head name. */
function onInstance(input: GuardFixInput, instance: string | undefined): string {
  const decorated = /^(\w+)\.(\w+)$/.exec(input.guard.text);
  if (!decorated || !instance || decorated[1] === instance || input.guard.imports.length > 0) return input.guard.text;
  if (input.summary.imports.some((binding) => binding.local === decorated[1])) return input.guard.text;
  return `${instance}.${decorated[2]}`;
}
