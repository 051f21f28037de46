// "Run without a shell": `exec(`convert ${src} ${dst}`)` → `execFile('convert', [src, dst])`,
// `execSync` → `execFileSync`, `execaCommand` → `execa`, and `spawn(…, { shell: true })` → an
// argument list without the shell. Only when the command line splits into argv tokens the same way
// a shell would: no shell syntax in the constant text and every interpolation a whole token.
// Not `safe`: a value that used to expand into several words (or a glob) becomes one argument.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { normalizeModule, statementImports } from '../../languages/javascript-imports';
import { scriptFixReason } from '../shell-messages';
import type { AnalysisFile } from './analysis-file';
import { checkedFix, type CheckedFix, type OffsetEdit } from './checked-fix';
import { quotedString } from './literals';
import type { ResolvedString } from './resolve-string';
import { planRewrite } from './rewrite-plan';
import type { ShellSink } from './shell-sinks';
import { unwrapExpression, type Node } from './tree';

export const RUN_WITHOUT_SHELL = 'Run without a shell';

/** Characters with a meaning to `sh` beyond separating words. */
const SHELL_SYNTAX = /[|&;<>$`()*?~\\#{}[\]!\n\r]/;

/** The argument-list variant of each whole-command-line API. */
const LIST_VARIANT: Partial<Record<ShellSink['api'], string>> = {
  exec: 'execFile',
  execSync: 'execFileSync',
  execaCommand: 'execa',
  execaCommandSync: 'execaSync',
};

type Token = { kind: 'text'; value: string } | { kind: 'hole'; hole: number };

export function commandFix(sink: ShellSink, resolved: ResolvedString, file: AnalysisFile): CheckedFix {
  if (sink.script) return { reason: scriptFixReason(sink.script) };
  if (sink.api === 'zx') return { reason: "keep zx's own quoting: write $`cmd ${value}` with the default `$.quote`" };
  if (sink.api === 'shelljs') return { reason: 'shelljs has no argument-list form; use child_process.execFile with an argument array' };
  if (sink.promisified) return { reason: 'the call goes through util.promisify; promisify execFile the same way and pass an argument array' };
  if (!sink.command || sink.node.type !== 'CallExpression') return { reason: 'the command is not a plain call argument' };
  const tokens = tokenize(resolved);
  if ('reason' in tokens) return tokens;
  const [program, ...args] = tokens.tokens.map((token) =>
    token.kind === 'text' ? quotedString(token.value, file.quote) : resolved.built.holes[token.hole].text,
  );
  if (!program) return { reason: 'the command line is empty' };
  const argumentText = `${program}, [${args.join(', ')}]`;

  const edits: OffsetEdit[] = [];
  const listVariant = LIST_VARIANT[sink.api];
  if (listVariant) {
    if (hasShellOption(sink.node.arguments.slice(1))) return { reason: 'the options ask for a shell' };
    const plan = planRewrite(sink.command, resolved, file.tree, file.bindings);
    if (plan.kind === 'refused') return { reason: plan.reason };
    if (plan.kind === 'in-place') return { reason: 'the command string is also used elsewhere' };
    edits.push({ start: plan.argument.range[0], end: plan.argument.range[1], newText: argumentText });
    if (plan.kind === 'inline') edits.push(...plan.deletions.map((span) => ({ ...span, newText: '' })));
    const callee = renameCallee(sink, listVariant, file);
    if ('reason' in callee) return callee;
    edits.push(...callee.edits);
  } else {
    if (resolved.trace.variables.length > 0 || resolved.trace.conditional) return { reason: 'the command is assembled in several statements' };
    const end = sink.args ? sink.args.range[1] : sink.command.range[1];
    edits.push({ start: sink.command.range[0], end, newText: argumentText });
    const removal = withoutShellOption(sink, file.tree.text);
    if (!removal) return { reason: 'the `shell` option could not be removed cleanly' };
    edits.push(removal);
  }
  return checkedFix(file, RUN_WITHOUT_SHELL, false, edits);
}

/**
 * Splits the command line as `sh` would, refusing anything where a shell would do more than split
 * on blanks and remove quotes: an interpolation must be a whole word, bare or quoted (`"${file}"`).
 */
function tokenize(resolved: ResolvedString): { tokens: Token[] } | { reason: string } {
  const glued = { reason: 'an interpolated value shares an argument with other text, so the split into arguments is not obvious' };
  const tokens: Token[] = [];
  let text = '';
  let started = false;
  let hole: number | undefined;
  let quote: "'" | '"' | undefined;
  let quotedHole = false;
  const close = () => {
    if (hole !== undefined) tokens.push({ kind: 'hole', hole });
    else if (started) tokens.push({ kind: 'text', value: text });
    text = '';
    started = false;
    hole = undefined;
  };
  for (const part of resolved.built.parts) {
    if (typeof part !== 'string') {
      // Alone in its word, or alone between the quotes of a quoted word.
      if (hole !== undefined || text || (quote === undefined && started)) return glued;
      hole = part.hole;
      started = true;
      quotedHole = quote !== undefined;
      continue;
    }
    for (const char of part) {
      if (quote) {
        if (char === quote) {
          quote = undefined;
          continue;
        }
        if (quote === '"' && (char === '$' || char === '`' || char === '\\')) return shellSyntax(char);
        if (hole !== undefined) return glued;
        text += char;
        continue;
      }
      if (char === ' ' || char === '\t') {
        close();
        continue;
      }
      if (hole !== undefined && !quotedHole) return glued;
      if (char === "'" || char === '"') {
        if (hole !== undefined) return glued;
        quote = char;
        started = true;
        continue;
      }
      if (SHELL_SYNTAX.test(char)) return shellSyntax(char);
      if (hole !== undefined) return glued;
      text += char;
      started = true;
    }
  }
  if (quote) return { reason: 'the command line has an unclosed quote' };
  close();
  const first = tokens[0];
  if (first?.kind === 'text' && first.value.includes('=')) return { reason: 'the command line starts with a variable assignment' };
  return { tokens };
}

function shellSyntax(char: string): { reason: string } {
  return { reason: `the command uses shell syntax (\`${char === '\n' ? '\\n' : char}\`) that an argument list cannot express` };
}

function hasShellOption(args: readonly TSESTree.CallExpressionArgument[]): boolean {
  return args.some((argument) => {
    const node = unwrapExpression(argument);
    return (
      node.type === 'ObjectExpression' &&
      node.properties.some(
        (property) => property.type === 'Property' && !property.computed && property.key.type === 'Identifier' && property.key.name === 'shell',
      )
    );
  });
}

/** Drops `shell: true` from the options, or the whole options argument when that was all it held. */
function withoutShellOption(sink: ShellSink, text: string): OffsetEdit | undefined {
  const option = sink.shellOption;
  if (!option || sink.node.type !== 'CallExpression') return undefined;
  const { options, property } = option;
  if (options.properties.length === 1) {
    const index = sink.node.arguments.findIndex((argument) => unwrapExpression(argument) === options);
    if (index <= 0 || index !== sink.node.arguments.length - 1) return undefined;
    return { start: sink.node.arguments[index - 1].range[1], end: sink.node.arguments[index].range[1], newText: '' };
  }
  // findIndex, not indexOf: TSESTree's Property also covers patterns, which ObjectLiteralElement does not.
  const index = options.properties.findIndex((candidate) => candidate === property);
  const next = options.properties[index + 1];
  if (next) return { start: property.range[0], end: next.range[0], newText: '' };
  const previous = options.properties[index - 1];
  const between = text.slice(previous.range[1], property.range[0]);
  return between.trim() === ',' ? { start: previous.range[1], end: property.range[1], newText: '' } : undefined;
}

/** `exec` → `execFile` at the call, importing or requiring it the way the file gets `exec`. */
function renameCallee(sink: ShellSink, variant: string, file: AnalysisFile): { edits: OffsetEdit[] } | { reason: string } {
  if (sink.node.type !== 'CallExpression') return { reason: 'not a call' };
  const callee = unwrapExpression(sink.node.callee);
  if (callee.type === 'MemberExpression') {
    // `child_process.exec(…)`, `cp.execSync(…)`, `require('child_process').exec(…)`
    if (callee.computed || callee.property.type !== 'Identifier') return { reason: 'the function is looked up by a computed name' };
    return { edits: [{ start: callee.property.range[0], end: callee.property.range[1], newText: variant }] };
  }
  if (callee.type !== 'Identifier') return { reason: 'the function is not called by name' };
  const existing = localNameOf(sink.module, variant, file, sink.node);
  if (existing) return { edits: [{ start: callee.range[0], end: callee.range[1], newText: existing }] };
  if (file.tree.identifiersNamed(variant).length > 0) return { reason: `\`${variant}\` is already a name in this file` };
  const binding = file.bindings.resolve(callee);
  const declaring = binding && file.tree.parent(binding.identifier);
  if (!binding || !declaring) return { reason: `\`${callee.name}\` is not imported in a form the fix can extend` };
  const onlyUse = file.bindings.references(binding).every((reference) => reference === callee);
  const calleeEdit = { start: callee.range[0], end: callee.range[1], newText: variant };
  // import { exec } from 'child_process'
  if (declaring.type === 'ImportSpecifier') {
    const declaration = file.tree.parent(declaring);
    if (declaration?.type !== 'ImportDeclaration' || declaration.importKind === 'type') return { reason: 'unexpected import form' };
    const unaliased = declaring.imported.type === 'Identifier' && declaring.imported.name === declaring.local.name;
    if (onlyUse && unaliased) return { edits: [calleeEdit, { start: declaring.range[0], end: declaring.range[1], newText: variant }] };
    const last = declaration.specifiers[declaration.specifiers.length - 1];
    return { edits: [calleeEdit, { start: last.range[1], end: last.range[1], newText: `, ${variant}` }] };
  }
  // const { exec } = require('child_process')
  if (declaring.type === 'Property') {
    const pattern = file.tree.parent(declaring);
    if (pattern?.type !== 'ObjectPattern') return { reason: 'unexpected require form' };
    if (onlyUse && declaring.shorthand) return { edits: [calleeEdit, { start: declaring.range[0], end: declaring.range[1], newText: variant }] };
    const last = pattern.properties[pattern.properties.length - 1];
    if (last.type === 'RestElement') return { reason: 'unexpected require form' };
    return { edits: [calleeEdit, { start: last.range[1], end: last.range[1], newText: `, ${variant}` }] };
  }
  return { reason: `\`${callee.name}\` is not imported in a form the fix can extend` };
}

/** The local name under which the file already imports or requires `member` of `module`. */
function localNameOf(module: string, member: string, file: AnalysisFile, at: Node): string | undefined {
  const candidates = moduleLevelNames(file).get(`${module}\0${member}`) ?? [];
  return candidates.find((identifier) => file.bindings.lookup(identifier.name, at)?.identifier === identifier)?.name;
}

const namesByFile = new WeakMap<AnalysisFile, Map<string, TSESTree.Identifier[]>>();

/** Local names of module members imported or required at module level, by `module\0member`. */
function moduleLevelNames(file: AnalysisFile): Map<string, TSESTree.Identifier[]> {
  let names = namesByFile.get(file);
  if (names) return names;
  const found = new Map<string, TSESTree.Identifier[]>();
  names = found;
  const add = (module: string, member: string, local: TSESTree.Identifier) => {
    const key = `${module}\0${member}`;
    found.set(key, [...(found.get(key) ?? []), local]);
  };
  for (const statement of file.tree.program.body) {
    for (const { local, module, imported, typeOnly } of statementImports(statement)) if (!typeOnly) add(normalizeModule(module), imported, local);
  }
  namesByFile.set(file, names);
  return names;
}
