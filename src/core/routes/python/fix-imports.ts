// The imports a guard fix needs, written the way the file already imports: joined to an existing
// single-line `from module import …` when there is one, else a new line after the last import.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { LineIndex } from '../../text';
import type { TextEdit } from '../../types';
import type { FileRoutes } from '../model';
import type { GuardToAdd } from '../reader';
import { namedChildren, simpleAssignment } from '../../languages/python-syntax';

export type ImportNeed = GuardToAdd['imports'][number];

/** Edits adding each needed import that the file does not bind yet. */
export function importEdits(needs: readonly ImportNeed[], root: Node, lines: LineIndex, summary: FileRoutes): TextEdit[] {
  const bound = boundNames(root, summary);
  const missing = needs.filter((need, index) => !bound.has(need.local) && needs.findIndex((other) => other.local === need.local) === index);
  if (missing.length === 0) return [];
  const imports = namedChildren(root).filter((node) => node.type === 'import_statement' || node.type === 'import_from_statement');
  const edits: TextEdit[] = [];
  const newLines: string[] = [];
  for (const module of [...new Set(missing.map((need) => need.module))]) {
    const names = missing.filter((need) => need.module === module);
    const wholeModules = names.filter((need) => need.imported === '*');
    for (const need of wholeModules) newLines.push(need.local === need.module ? `import ${module}` : `import ${module} as ${need.local}`);
    const members = names
      .filter((need) => need.imported !== '*')
      .map((need) => (need.local === need.imported ? need.imported : `${need.imported} as ${need.local}`));
    if (members.length === 0) continue;
    const existing = imports.find((node) => node.type === 'import_from_statement' && extendable(node, module));
    if (existing) edits.push({ range: lines.rangeOf(existing.endIndex, existing.endIndex), newText: `, ${members.join(', ')}` });
    else newLines.push(`from ${module} import ${members.join(', ')}`);
  }
  if (newLines.length > 0) {
    const eol = lines.text.includes('\r\n') ? '\r\n' : '\n';
    const last = imports[imports.length - 1];
    if (last) edits.push({ range: lines.rangeOf(last.endIndex, last.endIndex), newText: newLines.map((line) => eol + line).join('') });
    else {
      const offset = headerEnd(root, lines);
      edits.push({ range: lines.rangeOf(offset, offset), newText: newLines.map((line) => line + eol).join('') });
    }
  }
  return edits;
}

/** `from module import a, b` on one line, without parentheses, wildcard or trailing comment. */
function extendable(node: Node, module: string): boolean {
  const moduleName = node.childForFieldName('module_name');
  if (moduleName?.text.replace(/\s+/g, '') !== module) return false;
  return !/[()*\\#\n]/.test(node.text);
}

/** Names the module binds: imports, top-level defs, classes and assignments. */
function boundNames(root: Node, summary: FileRoutes): Set<string> {
  const names = new Set(summary.imports.map((binding) => binding.local));
  for (const statement of namedChildren(root)) {
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    const name =
      definition?.type === 'function_definition' || definition?.type === 'class_definition'
        ? definition.childForFieldName('name')?.text
        : simpleAssignment(statement)?.target;
    if (name) names.add(name);
  }
  return names;
}

/** Where a first import goes: after `from __future__`, the docstring and header comments. */
function headerEnd(root: Node, lines: LineIndex): number {
  let line = 0;
  const first = namedChildren(root)[0];
  if (first?.type === 'expression_statement' && namedChildren(first)[0]?.type === 'string') line = lines.positionAt(first.endIndex).line + 1;
  else while (line < lines.lineCount && /^\s*#/.test(lines.lineText(line))) line++;
  return line < lines.lineCount ? lines.lineStart(line) : lines.text.length;
}

/** Zero-width insertions at the same offset, merged in list order so the result does not depend on sorting. */
export function mergeInsertions(edits: readonly TextEdit[], lines: LineIndex): TextEdit[] {
  const merged: TextEdit[] = [];
  for (const edit of edits) {
    const at = lines.offsetAt(edit.range.start);
    const zeroWidth = at === lines.offsetAt(edit.range.end);
    const same = zeroWidth ? merged.find((other) => lines.offsetAt(other.range.start) === at && lines.offsetAt(other.range.end) === at) : undefined;
    if (same) same.newText += edit.newText;
    else merged.push({ ...edit });
  }
  return merged;
}
