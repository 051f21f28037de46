// The FastAPI guard fix: the sibling's dependency parameter added to the handler's signature,
// where Python accepts it (a parameter without default goes before the defaulted ones) and in the
// signature's layout (one line, or one parameter per line with or without a trailing comma).
import type { Node } from '@vscode/tree-sitter-wasm';
import type { LineIndex } from '../../../text';
import type { Fix, TextEdit } from '../../../types';
import type { GuardFixInput, GuardToAdd } from '../../reader';
import { allFunctions, decoratorsOf, findFunction, namedChildren } from '../../../languages/python-syntax';
import { importEdits, mergeInsertions, type ImportNeed } from '../fix-imports';

const AFTER_PLAIN = new Set(['default_parameter', 'typed_default_parameter', 'list_splat_pattern', 'keyword_separator', 'dictionary_splat_pattern']);

export function addFastapiGuard(input: GuardFixInput): Fix | undefined {
  const { route, python: root, file } = input;
  if (!route || !root) return undefined;
  const fn =
    allFunctions(root).find((candidate) => decoratorsOf(candidate).some((decorator) => decorator.startIndex === route.order)) ??
    (route.handler?.name ? findFunction(root, route.handler.name) : undefined);
  const parameters = fn?.childForFieldName('parameters');
  if (!fn || !parameters) return undefined;
  const parameter = parameterText(input.guard);
  const existing = namedChildren(parameters);
  if (existing.some((node) => parameterName(node) === parameterName(parameter)) || existing.some((node) => node.text.includes(`(${input.guard.name}`)))
    return undefined;
  const edit = insertion(parameters, existing, parameter, file.lines);
  if (!edit) return undefined;
  const edits = [...importEdits(importsFor(input.guard, parameter), root, file.lines, input.summary), edit];
  return { title: `Add ${input.guard.name} to this route`, safe: false, edits: mergeInsertions(edits, file.lines) };
}

/** The sibling's parameter, the guard text when it is one, else `_user=Depends(name)`. */
function parameterText(guard: GuardToAdd): string {
  if (guard.parameter) return guard.parameter;
  if (/^\s*\w+\s*[:=]/.test(guard.text)) return guard.text.trim();
  return `_user=${/^(\w+\.)?(Depends|Security)\(/.test(guard.text) ? guard.text : `Depends(${guard.name})`}`;
}

function importsFor(guard: GuardToAdd, parameter: string): ImportNeed[] {
  const needs = [...guard.imports];
  for (const name of ['Depends', 'Security']) {
    if (new RegExp(`(^|[^.\\w])${name}\\(`).test(parameter)) needs.push({ local: name, module: 'fastapi', imported: name });
  }
  return needs;
}

function parameterName(parameter: Node | string): string {
  const text = typeof parameter === 'string' ? parameter : parameter.text;
  return /^\W*(\w+)/.exec(text)?.[1] ?? '';
}

/** `name: T = default` has a default when an `=` sits outside brackets. */
function hasDefault(parameter: string): boolean {
  let depth = 0;
  for (let index = 0; index < parameter.length; index++) {
    const char = parameter[index];
    if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === '=' && depth === 0 && !'=!<>'.includes(parameter[index - 1] ?? '') && parameter[index + 1] !== '=') return true;
  }
  return false;
}

function insertion(parameters: Node, existing: readonly Node[], parameter: string, lines: LineIndex): TextEdit | undefined {
  const open = parameters.firstChild;
  if (!open) return undefined;
  const at = (offset: number, newText: string): TextEdit => ({ range: lines.rangeOf(offset, offset), newText });
  if (existing.length === 0) return at(open.endIndex, parameter);
  const eol = lines.text.includes('\r\n') ? '\r\n' : '\n';
  const lineOf = (node: Node) => lines.positionAt(node.startIndex).line;
  const multiLine = lineOf(existing[0]) > lines.positionAt(open.startIndex).line;
  const before = hasDefault(parameter)
    ? existing.find((node) => node.type === 'dictionary_splat_pattern')
    : existing.find((node) => AFTER_PLAIN.has(node.type));
  if (before) {
    const indent = indentOf(lines, lineOf(before));
    return multiLine ? at(lines.lineStart(lineOf(before)), `${indent}${parameter},${eol}`) : at(before.startIndex, `${parameter}, `);
  }
  const last = existing[existing.length - 1];
  const indent = indentOf(lines, lineOf(last));
  const comma = last.nextSibling?.type === ',' ? last.nextSibling : undefined;
  if (comma) return at(comma.endIndex, multiLine ? `${eol}${indent}${parameter},` : ` ${parameter}`);
  return at(last.endIndex, multiLine ? `,${eol}${indent}${parameter}` : `, ${parameter}`);
}

function indentOf(lines: LineIndex, line: number): string {
  return /^\s*/.exec(lines.lineText(line))?.[0] ?? '';
}
