// The import edits a Nest or Next guard fix needs: each missing name is merged into the file's
// existing `import { … } from 'module'` when there is one (so `UseGuards` joins the
// '@nestjs/common' list instead of a second import line), else a new line goes after the last
// import (after the 'use server'/'use client' prologue in a file without imports, since a
// directive must stay first). The file's quotes and semicolons are kept; a CommonJS file gets
// `require`.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { LineIndex } from '../../text';
import type { TextEdit } from '../../types';

export interface NeededImport {
  local: string;
  module: string;
  /** `default`, `*` or the exported name. */
  imported: string;
}

/** Top-level names the file binds (imports, functions, classes, variables): an import for one of them is not added. */
export function boundNames(program: TSESTree.Program): Set<string> {
  const names = new Set<string>();
  const addPattern = (pattern: TSESTree.Node): void => {
    if (pattern.type === 'Identifier') names.add(pattern.name);
    else if (pattern.type === 'ObjectPattern') {
      for (const property of pattern.properties) addPattern(property.type === 'Property' ? property.value : property.argument);
    } else if (pattern.type === 'ArrayPattern') {
      for (const element of pattern.elements) if (element) addPattern(element);
    } else if (pattern.type === 'AssignmentPattern') addPattern(pattern.left);
    else if (pattern.type === 'RestElement') addPattern(pattern.argument);
  };
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (!declaration) continue;
    if (declaration.type === 'ImportDeclaration') for (const specifier of declaration.specifiers) names.add(specifier.local.name);
    else if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id) names.add(declaration.id.name);
    else if (declaration.type === 'VariableDeclaration') for (const declarator of declaration.declarations) addPattern(declarator.id);
  }
  return names;
}

export function importEdits(program: TSESTree.Program, lines: LineIndex, needed: readonly NeededImport[]): TextEdit[] {
  const text = lines.text;
  const bound = boundNames(program);
  const imports = program.body.filter((statement): statement is TSESTree.ImportDeclaration => statement.type === 'ImportDeclaration');
  const style = importStyle(program, text, imports);
  const additions = new Map<TSESTree.ImportDeclaration, string[]>();
  const newLines: string[] = [];
  for (const want of needed) {
    if (bound.has(want.local)) continue;
    bound.add(want.local);
    const target = want.imported === 'default' || want.imported === '*' ? undefined : mergeTarget(imports, want.module);
    if (target) additions.set(target, [...(additions.get(target) ?? []), specifierText(want)]);
    else newLines.push(style.commonJs ? requireLine(want, style) : importLine(want, style));
  }
  const edits: TextEdit[] = [];
  for (const [declaration, specifiers] of additions) edits.push(mergeEdit(declaration, specifiers, lines));
  if (newLines.length) edits.push(newLinesEdit(program, lines, imports, newLines));
  return edits;
}

interface ImportStyle {
  quote: string;
  semicolon: string;
  commonJs: boolean;
}

function importStyle(program: TSESTree.Program, text: string, imports: TSESTree.ImportDeclaration[]): ImportStyle {
  const first = imports[0];
  if (first) return { quote: first.source.raw.startsWith('"') ? '"' : "'", semicolon: text[first.range[1] - 1] === ';' ? ';' : '', commonJs: false };
  const required = program.body.find((statement) => statement.type === 'VariableDeclaration' && /\brequire\(/.test(text.slice(statement.range[0], statement.range[1])));
  if (required) {
    const written = text.slice(required.range[0], required.range[1]);
    return { quote: /require\("/.test(written) ? '"' : "'", semicolon: written.endsWith(';') ? ';' : '', commonJs: true };
  }
  return { quote: "'", semicolon: ';', commonJs: false };
}

/** An `import { … } from 'module'` (not `import type`) whose braces can take one more name. */
function mergeTarget(imports: TSESTree.ImportDeclaration[], module: string): TSESTree.ImportDeclaration | undefined {
  return imports.find((declaration) =>
    declaration.source.value === module &&
    declaration.importKind !== 'type' &&
    !declaration.specifiers.some((specifier) => specifier.type === 'ImportNamespaceSpecifier') &&
    declaration.specifiers.length > 0);
}

function specifierText(want: NeededImport): string {
  return want.imported === want.local ? want.local : `${want.imported} as ${want.local}`;
}

function mergeEdit(declaration: TSESTree.ImportDeclaration, specifiers: string[], lines: LineIndex): TextEdit {
  const named = declaration.specifiers.filter((specifier): specifier is TSESTree.ImportSpecifier => specifier.type === 'ImportSpecifier');
  const last = named[named.length - 1];
  if (last) {
    const at = lines.rangeOf(last.range[1], last.range[1]);
    return { range: at, newText: specifiers.map((specifier) => `, ${specifier}`).join('') };
  }
  // Only a default import so far: `import x from 'm'` becomes `import x, { y } from 'm'`.
  const defaultSpecifier = declaration.specifiers[0];
  return { range: lines.rangeOf(defaultSpecifier.range[1], defaultSpecifier.range[1]), newText: `, { ${specifiers.join(', ')} }` };
}

function importLine(want: NeededImport, style: ImportStyle): string {
  const source = `${style.quote}${want.module}${style.quote}`;
  if (want.imported === 'default') return `import ${want.local} from ${source}${style.semicolon}`;
  if (want.imported === '*') return `import * as ${want.local} from ${source}${style.semicolon}`;
  return `import { ${specifierText(want)} } from ${source}${style.semicolon}`;
}

function requireLine(want: NeededImport, style: ImportStyle): string {
  const call = `require(${style.quote}${want.module}${style.quote})`;
  if (want.imported === 'default' || want.imported === '*') return `const ${want.local} = ${call}${style.semicolon}`;
  const binding = want.imported === want.local ? want.local : `${want.imported}: ${want.local}`;
  return `const { ${binding} } = ${call}${style.semicolon}`;
}

function newLinesEdit(program: TSESTree.Program, lines: LineIndex, imports: TSESTree.ImportDeclaration[], newLines: string[]): TextEdit {
  const last = imports[imports.length - 1];
  if (last) {
    const end = lines.lineEnd(lines.positionAt(last.range[1]).line);
    return { range: lines.rangeOf(end, end), newText: newLines.map((line) => `\n${line}`).join('') };
  }
  const requires = program.body.filter((statement) => statement.type === 'VariableDeclaration' && /\brequire\(/.test(lines.text.slice(statement.range[0], statement.range[1])));
  const prologue = program.body.filter((statement) => statement.type === 'ExpressionStatement' && statement.directive !== undefined);
  const anchor = requires[requires.length - 1] ?? prologue[prologue.length - 1];
  if (anchor) {
    const end = lines.lineEnd(lines.positionAt(anchor.range[1]).line);
    // After a directive, keep a blank line between it and the imports, as files are usually written.
    const separator = anchor.type === 'ExpressionStatement' ? '\n' : '';
    return { range: lines.rangeOf(end, end), newText: separator + newLines.map((line) => `\n${line}`).join('') };
  }
  return { range: lines.rangeOf(0, 0), newText: newLines.map((line) => `${line}\n`).join('') };
}
