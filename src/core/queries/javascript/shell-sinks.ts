// Calls that hand a command line to a shell: child_process `exec`/`execSync` always, `spawn`/
// `execFile` (and execa) with `shell: true`, execa's `execaCommand` (splits a string into argv),
// shelljs `exec`, and zx's `$` where its per-value quoting is switched off (`$.quote = …`,
// `$({ quote })`) or bypassed with a pre-built string (`$([cmd])`). zx's and execa's own tagged
// templates quote every interpolation and are not sinks. spawn/execFile/execa without a shell option
// are sinks too when their argument list starts a shell on a script (`spawn('sh', ['-c', script])`).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { dottedName } from '../../languages/estree-walk';
import { shellScriptIndex, shellScriptLabel } from '../shell-programs';
import type { ModuleImports } from './imports';
import { calleeLabel, unwrapExpression, type Node, type SyntaxTree } from './tree';

export type ShellApi =
  'exec' | 'execSync' | 'spawn' | 'spawnSync' | 'execFile' | 'execFileSync' | 'execaCommand' | 'execaCommandSync' | 'execa' | 'execaSync' | 'zx' | 'shelljs';

export interface ShellSink {
  node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;
  api: ShellApi;
  module: string;
  /** The callee as written, for messages. */
  label: string;
  /** The command line the shell (or execaCommand's splitter) receives: constant text and expressions. */
  commandLine: (Node | string)[];
  /** The call goes through `util.promisify`; a rewrite would have to change that wrapper too. */
  promisified: boolean;
  /** The first argument: the command (line). */
  command?: Node;
  /** The argument list, when written as an array literal. */
  args?: TSESTree.ArrayExpression;
  /** `shell: true` in the options that make spawn/execFile/execa use a shell. */
  shellOption?: { options: TSESTree.ObjectExpression; property: TSESTree.Property };
  /** The shell the argument list starts on the command line (`sh -c`), when it is a script argument. */
  script?: string;
}

/** The string a node always holds, when the file shows it (a literal, a constant). */
export type ConstantText = (node: Node) => string | undefined;

const ALWAYS_SHELL: Record<string, Record<string, ShellApi>> = {
  child_process: { exec: 'exec', execSync: 'execSync' },
  execa: { execaCommand: 'execaCommand', execaCommandSync: 'execaCommandSync' },
  shelljs: { exec: 'shelljs' },
};

const SHELL_WHEN_ASKED: Record<string, Record<string, ShellApi>> = {
  child_process: { spawn: 'spawn', spawnSync: 'spawnSync', execFile: 'execFile', execFileSync: 'execFileSync' },
  execa: { execa: 'execa', execaSync: 'execaSync' },
};

export function shellSinkOfCall(call: TSESTree.CallExpression, tree: SyntaxTree, imports: ModuleImports, constant: ConstantText): ShellSink | undefined {
  const origin = imports.valueOf(call.callee);
  const [first, second, third] = call.arguments;
  if (!first || first.type === 'SpreadElement') return undefined;
  const label = calleeLabel(call.callee);
  if (isZxDollar(call.callee, tree, imports)) {
    // `$([command])`: the array stands in for a template's strings, so the text runs unquoted.
    const array = unwrapExpression(first);
    if (array.type !== 'ArrayExpression' || array.elements.length !== 1 || !array.elements[0] || array.elements[0].type === 'SpreadElement') return undefined;
    return { node: call, api: 'zx', module: 'zx', label, commandLine: [array.elements[0]], promisified: false };
  }
  if (!origin?.member) return undefined;
  const always = ALWAYS_SHELL[origin.module]?.[origin.member];
  if (always) return { node: call, api: always, module: origin.module, label, commandLine: [first], promisified: origin.promisified ?? false, command: first };
  const asked = SHELL_WHEN_ASKED[origin.module]?.[origin.member];
  if (!asked) return undefined;
  // spawn(command, options) or spawn(command, args, options)
  const argsArgument = second && second.type !== 'SpreadElement' && unwrapExpression(second).type !== 'ObjectExpression' ? second : undefined;
  const optionsArgument = argsArgument ? third : second;
  const shellOption = optionsArgument && optionsArgument.type !== 'SpreadElement' ? shellProperty(optionsArgument) : undefined;
  const args = argsArgument ? unwrapExpression(argsArgument) : undefined;
  if (!shellOption) {
    const script = args?.type === 'ArrayExpression' ? shellScript(first, args, constant) : undefined;
    if (!script) return undefined;
    const scriptLabel = `${label}(${tree.textOf(first)}, [${tree.textOf(script.flag)}, …])`;
    return {
      node: call,
      api: asked,
      module: origin.module,
      label: scriptLabel,
      commandLine: [script.script],
      promisified: origin.promisified ?? false,
      command: first,
      args: args as TSESTree.ArrayExpression,
      script: script.shell,
    };
  }
  const commandLine: (Node | string)[] = [first];
  if (args?.type === 'ArrayExpression') {
    for (const element of args.elements) if (element) commandLine.push(' ', element.type === 'SpreadElement' ? element.argument : element);
  } else if (args) {
    commandLine.push(' ', args);
  }
  return {
    node: call,
    api: asked,
    module: origin.module,
    label,
    commandLine,
    promisified: origin.promisified ?? false,
    command: first,
    ...(args?.type === 'ArrayExpression' ? { args } : {}),
    shellOption,
  };
}

/** `('sh', ['-c', script, …])`: the script element, the flag before it and how to name the shell. */
function shellScript(program: Node, args: TSESTree.ArrayExpression, constant: ConstantText): { script: Node; flag: Node; shell: string } | undefined {
  const [flag] = args.elements;
  if (!flag || flag.type === 'SpreadElement') return undefined;
  const leading = [constant(program), constant(flag)];
  const index = shellScriptIndex(leading);
  const script = index === undefined ? undefined : args.elements[index - 1];
  if (!script || script.type === 'SpreadElement') return undefined;
  return { script, flag, shell: shellScriptLabel(leading) };
}

/** zx's `$` tag when its quoting is replaced: `$.quote = …` somewhere in the file, or `$({ quote })`. */
export function shellSinkOfTemplate(tagged: TSESTree.TaggedTemplateExpression, tree: SyntaxTree, imports: ModuleImports): ShellSink | undefined {
  const tag = unwrapExpression(tagged.tag);
  const quoting =
    tag.type === 'CallExpression' && isZxDollar(tag.callee, tree, imports)
      ? quoteOption(tag)
      : tag.type === 'Identifier' && isZxDollar(tag, tree, imports) && quoteReplaced(tag.name, tree);
  if (!quoting) return undefined;
  const commandLine: (Node | string)[] = [];
  tagged.quasi.quasis.forEach((quasi, index) => {
    commandLine.push(quasi.value.cooked ?? quasi.value.raw);
    if (index < tagged.quasi.expressions.length) commandLine.push(tagged.quasi.expressions[index]);
  });
  return {
    node: tagged,
    api: 'zx',
    module: 'zx',
    label: tag.type === 'CallExpression' ? `${calleeLabel(tag.callee)}(…)` : calleeLabel(tag),
    commandLine,
    promisified: false,
  };
}

function isZxDollar(callee: Node, tree: SyntaxTree, imports: ModuleImports): boolean {
  const node = unwrapExpression(callee);
  if (node.type !== 'Identifier' || node.name !== '$') return false;
  const origin = imports.valueOf(node);
  if (origin) return (origin.module === 'zx' || origin.module === 'zx/core') && origin.member === '$';
  // zx scripts get `$` as a global: `#!/usr/bin/env zx` or `import 'zx/globals'`.
  return imports.loads('zx/globals') || /^#!.*\bzx\b/.test(tree.text);
}

function quoteReplaced(name: string, tree: SyntaxTree): boolean {
  return tree.nodes.some((node) => node.type === 'AssignmentExpression' && dottedName(node.left) === `${name}.quote`);
}

function quoteOption(call: TSESTree.CallExpression): boolean {
  const options = call.arguments[0] && unwrapExpression(call.arguments[0]);
  return options?.type === 'ObjectExpression' && options.properties.some((property) => property.type === 'Property' && propertyKey(property) === 'quote');
}

function shellProperty(argument: Node): ShellSink['shellOption'] {
  const options = unwrapExpression(argument);
  if (options.type !== 'ObjectExpression') return undefined;
  for (const property of options.properties) {
    if (property.type !== 'Property' || propertyKey(property) !== 'shell') continue;
    const value = unwrapExpression(property.value);
    // `shell: false` (or a computed value we cannot read) does not make a shell sink.
    if (value.type === 'Literal' && (value.value === true || typeof value.value === 'string')) return { options, property };
    return undefined;
  }
  return undefined;
}

function propertyKey(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === 'Identifier') return property.key.name;
  return property.key.type === 'Literal' ? String(property.key.value) : undefined;
}
