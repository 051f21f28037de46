// The edits that bind a guard's name in the file a fix adds it to, in the file's own style:
// `import` or `require`, its quotes and semicolons; joined to an existing import of the same module
// when there is one (`import { a } from './auth'` → `import { a, requireAuth } from './auth'`).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { requiredModule } from '../../languages/javascript-imports';
import type { TextEdit } from '../../types';
import type { GuardFixInput } from '../reader';
import { unwrap } from './syntax';

type Needed = GuardFixInput['guard']['imports'][number];

interface ImportStyle {
  commonJs: boolean;
  quote: string;
  semicolon: string;
}

export function importEdits(input: GuardFixInput, program: TSESTree.Program): TextEdit[] {
  const { text, lines } = input.file;
  const bound = boundNames(program, input);
  const style = importStyle(program, text, input.file.path);
  const edits: TextEdit[] = [];
  const added: string[] = [];
  for (const needed of input.guard.imports) {
    if (bound.has(needed.local)) continue;
    const joined = joinExisting(program, needed);
    if (joined !== undefined) {
      edits.push({
        range: lines.rangeOf(joined, joined),
        newText:
          needed.imported === needed.local
            ? `, ${needed.local}`
            : style.commonJs
              ? `, ${needed.imported}: ${needed.local}`
              : `, ${needed.imported} as ${needed.local}`,
      });
    } else {
      added.push(importLine(needed, style));
    }
    bound.add(needed.local);
  }
  if (added.length > 0) {
    const at = insertionOffset(program, text);
    const before = at === 0 ? '' : '\n';
    const after = at === 0 ? '\n' : '';
    edits.push({ range: lines.rangeOf(at, at), newText: `${before}${added.join('\n')}${after}` });
  }
  return edits;
}

/** Names the file already binds at the top: imports (from the summary) and top-level declarations. */
function boundNames(program: TSESTree.Program, input: GuardFixInput): Set<string> {
  const names = new Set(input.summary.imports.map((binding) => binding.local));
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (!declaration) continue;
    if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id) names.add(declaration.id.name);
    if (declaration.type === 'ImportDeclaration') for (const specifier of declaration.specifiers) names.add(specifier.local.name);
    if (declaration.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === 'Identifier') names.add(declarator.id.name);
        if (declarator.id.type === 'ObjectPattern') {
          for (const property of declarator.id.properties) {
            const value = property.type === 'Property' ? (property.value.type === 'AssignmentPattern' ? property.value.left : property.value) : undefined;
            if (value?.type === 'Identifier') names.add(value.name);
          }
        }
      }
    }
  }
  return names;
}

function importStyle(program: TSESTree.Program, text: string, path: string): ImportStyle {
  const esm = program.body.find((statement): statement is TSESTree.ImportDeclaration => statement.type === 'ImportDeclaration');
  const cjs = program.body.find(
    (statement) => statement.type === 'VariableDeclaration' && statement.declarations.some((declarator) => declarator.init && requireCall(declarator.init)),
  );
  const commonJs = !esm && (cjs !== undefined || /\.c?js$/.test(path));
  const sample = esm ?? cjs;
  const sampleText = sample ? text.slice(sample.range[0], sample.range[1]) : '';
  const quote = /["']/.exec(sampleText.replace(/^[^'"]*/, ''))?.[0] ?? "'";
  const semicolon = sample ? (sampleText.trimEnd().endsWith(';') ? ';' : '') : ';';
  return { commonJs, quote, semicolon };
}

function importLine(needed: Needed, { commonJs, quote, semicolon }: ImportStyle): string {
  const module = `${quote}${needed.module}${quote}`;
  const whole = needed.imported === 'default' || needed.imported === '*';
  if (commonJs) {
    if (whole) return `const ${needed.local} = require(${module})${semicolon}`;
    return `const { ${needed.imported === needed.local ? needed.local : `${needed.imported}: ${needed.local}`} } = require(${module})${semicolon}`;
  }
  if (needed.imported === 'default') return `import ${needed.local} from ${module}${semicolon}`;
  if (needed.imported === '*') return `import * as ${needed.local} from ${module}${semicolon}`;
  return `import { ${needed.imported === needed.local ? needed.local : `${needed.imported} as ${needed.local}`} } from ${module}${semicolon}`;
}

/** Offset right after the last named specifier of an existing import of the same module, when a named import can join it. */
function joinExisting(program: TSESTree.Program, needed: Needed): number | undefined {
  if (needed.imported === 'default' || needed.imported === '*') return undefined;
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration' && statement.source.value === needed.module && statement.importKind !== 'type') {
      const named = statement.specifiers.filter((specifier) => specifier.type === 'ImportSpecifier');
      if (named.length > 0) return named[named.length - 1].range[1];
    }
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        if (declarator.id.type !== 'ObjectPattern' || !declarator.init || requireCall(declarator.init) !== needed.module) continue;
        const properties = declarator.id.properties;
        if (properties.length > 0 && properties[properties.length - 1].type === 'Property') return properties[properties.length - 1].range[1];
      }
    }
  }
  return undefined;
}

function requireCall(node: TSESTree.Node): string | undefined {
  return requiredModule(unwrap(node));
}

/** After the last top-level import/require, or after a `'use strict'` directive, or at the very top. */
function insertionOffset(program: TSESTree.Program, text: string): number {
  let last: TSESTree.Node | undefined;
  for (const statement of program.body) {
    const isImport =
      statement.type === 'ImportDeclaration' ||
      (statement.type === 'VariableDeclaration' && statement.declarations.some((declarator) => declarator.init && requireCall(declarator.init) !== undefined));
    const isDirective = statement.type === 'ExpressionStatement' && 'directive' in statement && statement.directive !== undefined;
    if (isImport || (isDirective && !last)) last = statement;
    else if (last || !isDirective) break;
  }
  if (!last) return 0;
  const newline = text.indexOf('\n', last.range[1]);
  return newline === -1 ? text.length : newline;
}
