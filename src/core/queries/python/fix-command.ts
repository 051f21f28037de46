// "Run without a shell": a command string built with values becomes an argv list, so no value is
// ever read by a shell. Only offered when the constant text splits into words exactly as the shell
// would split it (no metacharacters, quotes, globs or expansions) and every value is one whole
// word; a shlex.quote()d value goes into the list unquoted (the quoting was for the shell).
// Not marked safe: a value with spaces used to become several words and is now one argument.
import type { Node } from '@vscode/tree-sitter-wasm';
import { scriptFixReason } from '../shell-messages';
import type { Fix, TextEdit } from '../../types';
import type { Built, SourceHole } from './built';
import { editAt, type FixChoice, type FixContext } from './fix-context';
import { pythonStringLiteral } from './python-literal';
import { editsKeepSyntax } from './reparse';
import type { Resolution } from './resolve-string';
import { planRewrite } from './rewrite-plan';
import type { ShellSink } from './sinks';
import { keywordArgument, namedChildren, positionalArguments, unwrapParens } from '../../languages/python-syntax';

export const COMMAND_FIX_TITLE = 'Run without a shell (argument list)';

// Anything the shell would interpret rather than pass through as part of a word.
const SHELL_SYNTAX = /[|&;<>$`()*?~'"\\#{}[\]!\n\r]/;

export function commandFix(sink: ShellSink, resolution: Resolution, built: Built, context: FixContext): FixChoice<Fix> {
  const refuse = (reason: string): FixChoice<Fix> => ({ ok: false, reason });
  if (sink.script) return refuse(scriptFixReason(sink.script));
  if (sink.api === 'os.popen' || sink.api === 'getoutput')
    return refuse(`${sink.label} has no list form: use subprocess.run([...], capture_output=True, text=True)`);
  if (built.indirect || built.holes.some((hole) => hole.opaque)) return refuse('the command is assembled through other variables');
  const words = argvWords(built);
  if (!words.ok) return refuse(words.reason);
  const plan = planRewrite(resolution, built.holes, sink.node, context.file, context.lines, false);
  if (!plan.ok) return refuse(plan.reason);

  const edits: TextEdit[] = plan.value.deletions.map((span) => editAt(context, span, ''));
  const target = { start: plan.value.target.startIndex, end: plan.value.target.endIndex };
  const argv = `[${words.value.join(', ')}]`;
  const callee = sink.node.childForFieldName('function');
  if (!callee) return refuse('the call has no callee');
  if (sink.api === 'subprocess') {
    const shell = keywordArgument(sink.node, 'shell');
    if (!shell) return refuse('shell=True is not a plain keyword');
    edits.push(editAt(context, target, argv), editAt(context, keywordRemoval(shell), ''));
  } else if (sink.api === 'os.system') {
    // os.system returns a wait status, subprocess.call an exit code: equal for success (0).
    const subprocess = subprocessName(context);
    edits.push(editAt(context, { start: callee.startIndex, end: callee.endIndex }, `${subprocess.name}.call`), editAt(context, target, argv));
    if (subprocess.importEdit) edits.push(subprocess.importEdit);
  } else {
    const method = callee.type === 'attribute' ? callee.childForFieldName('attribute') : callee;
    if (!method) return refuse('the call has no callee');
    edits.push(editAt(context, { start: method.startIndex, end: method.endIndex }, 'create_subprocess_exec'), editAt(context, target, words.value.join(', ')));
  }
  if (!editsKeepSyntax(context.tree, context.file.text, edits)) return refuse('the rewritten code would not parse');
  return { ok: true, value: { title: COMMAND_FIX_TITLE, safe: false, edits } };
}

/** The command as argv items (Python expressions), or why it does not split cleanly. */
function argvWords(built: Built): FixChoice<string[]> {
  const glued = (hole: SourceHole): FixChoice<string[]> => ({ ok: false, reason: `${hole.text} is glued to other text in one shell word` });
  const first = built.parts[0];
  // `NAME=value cmd` sets an environment variable in the shell; a list would run `NAME=value`.
  if (typeof first === 'string' && /^\s*[^\s=]+=/.test(first)) return { ok: false, reason: 'the command starts with a variable assignment' };
  const words: string[] = [];
  let word = '';
  let previousHole: SourceHole | undefined; // the last hole, while no separator followed it
  for (const part of built.parts) {
    if (typeof part !== 'string') {
      const hole = built.holes[part.hole];
      if (word || previousHole) return glued(hole);
      words.push(argvValue(hole));
      previousHole = hole;
      continue;
    }
    if (SHELL_SYNTAX.test(part)) return { ok: false, reason: 'the command uses shell syntax (quotes, pipes, redirections, globs or expansions)' };
    for (const char of part) {
      if (char === ' ' || char === '\t') {
        if (word) words.push(pythonStringLiteral(word, false));
        word = '';
        previousHole = undefined;
      } else if (previousHole) {
        return glued(previousHole);
      } else {
        word += char;
      }
    }
  }
  if (word) words.push(pythonStringLiteral(word, false));
  return words.length > 0 ? { ok: true, value: words } : { ok: false, reason: 'the command is empty' };
}

function argvValue(hole: SourceHole): string {
  const inner = unwrapParens(hole.node);
  if (hole.safety === 'shell-quoted' && inner.type === 'call') {
    const [argument] = positionalArguments(inner);
    if (argument) return argument.text; // the quoting was for the shell, which is gone
  }
  // The string formatting called str(); argv items must be strings already.
  return hole.safety === 'numeric' ? `str(${hole.text})` : hole.text;
}

/** `, shell=True` with the separator before it (or after it when it comes first). */
function keywordRemoval(keyword: Node): { start: number; end: number } {
  const siblings = keyword.parent ? namedChildren(keyword.parent) : [];
  const index = siblings.findIndex((sibling) => sibling.startIndex === keyword.startIndex);
  if (index > 0) return { start: siblings[index - 1].endIndex, end: keyword.endIndex };
  const next = siblings[index + 1];
  return { start: keyword.startIndex, end: next ? next.startIndex : keyword.endIndex };
}

/** How the file names the subprocess module, adding `import subprocess` when it has none. */
function subprocessName(context: FixContext): { name: string; importEdit?: TextEdit } {
  for (const [alias, module] of context.file.imports.aliases) if (module === 'subprocess') return { name: alias };
  const offset = importOffset(context);
  return { name: 'subprocess', importEdit: editAt(context, { start: offset, end: offset }, 'import subprocess\n') };
}

/** Before the first import (after `from __future__` ones), else after the docstring and header comments. */
function importOffset(context: FixContext): number {
  const { imports, root } = context.file;
  const lines = context.lines;
  const statements = imports.statements;
  const future = statements.filter(
    (statement) => statement.type === 'import_from_statement' && statement.childForFieldName('module_name')?.text === '__future__',
  );
  if (future.length > 0) return lineAfter(context, lines.positionAt(future[future.length - 1].endIndex).line);
  if (statements.length > 0) return lines.lineStart(lines.positionAt(statements[0].startIndex).line);
  const first = namedChildren(root)[0];
  if (first?.type === 'expression_statement' && first.namedChildren[0]?.type === 'string') return lineAfter(context, lines.positionAt(first.endIndex).line);
  let offset = 0;
  for (let line = 0; line < lines.lineCount && /^\s*#/.test(lines.lineText(line)); line++) offset = lineAfter(context, line);
  return offset;
}

function lineAfter(context: FixContext, line: number): number {
  return line + 1 < context.lines.lineCount ? context.lines.lineStart(line + 1) : context.file.text.length;
}
