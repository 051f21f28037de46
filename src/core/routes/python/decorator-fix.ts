// Inserting a decorator line into a Python definition, indented like the definition, plus the
// imports it needs: the shared half of the Flask and Django guard fixes.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { LineIndex } from '../../text';
import type { Fix } from '../../types';
import type { FileRoutes } from '../model';
import type { GuardToAdd } from '../reader';
import { importEdits, mergeInsertions, type ImportNeed } from './fix-imports';
import { calleeOf, decoratorExpression, decoratorsOf } from '../../languages/python-syntax';

/** The decorator to write: the project's own when the chosen guard is a decorator, else the default. */
export function decoratorToAdd(guard: GuardToAdd, fallback: { text: string; imports: ImportNeed[] }): { text: string; name: string; imports: ImportNeed[] } {
  if (guard.kind === 'decorator') return { text: guard.text.replace(/^@/, ''), name: guard.name, imports: guard.imports };
  return { text: fallback.text, name: fallback.text.replace(/\(.*$/s, ''), imports: fallback.imports };
}

export function hasDecorator(fn: Node, name: string): boolean {
  return decoratorsOf(fn).some((decorator) => {
    const expression = decoratorExpression(decorator);
    return !!expression && calleeOf(expression).name === name;
  });
}

/** A fix inserting `@text` on its own line before `line`, indented like `indentLine`. */
export function decoratorFix(
  input: { root: Node; lines: LineIndex; summary: FileRoutes },
  line: number,
  indentLine: number,
  decorator: { text: string; imports: ImportNeed[] },
): Fix {
  const { lines } = input;
  const indent = /^\s*/.exec(lines.lineText(indentLine))?.[0] ?? '';
  const eol = lines.text.includes('\r\n') ? '\r\n' : '\n';
  const offset = lines.lineStart(line);
  const edits = [
    ...importEdits(decorator.imports, input.root, lines, input.summary),
    { range: lines.rangeOf(offset, offset), newText: `${indent}@${decorator.text}${eol}` },
  ];
  return { title: `Add @${decorator.text}`, safe: false, edits: mergeInsertions(edits, lines) };
}
