// The calls that run a string as SQL (or as a MongoDB script) or as a shell command. Method names
// such as `execute` are common, so a SQL sink only matters once the SQL module has classified the
// rebuilt string; no receiver name is required.
import type { Node } from '@vscode/tree-sitter-wasm';
import { isInsideError } from '../../languages/python';
import { importsModule, qualifiedName } from './imports';
import type { PythonFile } from './python-file';
import { calleeTail, keywordValue, listItems, namedChildren, positionalArguments, unwrapParens } from '../../languages/python-syntax';
import { constantString } from '../../languages/python-string-literals';
import { shellScriptIndex, shellScriptLabel } from '../shell-programs';

export type SqlSinkApi =
  | 'execute' // cursor/connection/session .execute(q, params?), aiosqlite, asyncpg
  | 'executemany' // the params are rows: a value hole is not one row's value
  | 'executescript' // sqlite3: no params at all
  | 'asyncpg-fetch' // asyncpg fetch/fetchrow/fetchval(q, *args)
  | 'exec-driver-sql' // SQLAlchemy Connection.exec_driver_sql(q, params?)
  | 'sqlalchemy-text' // text(q), bound through the enclosing .execute(text(q), {…})
  | 'django-raw' // Manager.raw(q, params?)
  | 'django-rawsql' // RawSQL(q, params)
  | 'django-extra' // QuerySet.extra(where=[…], select={…})
  | 'pandas-read-sql' // pandas.read_sql/read_sql_query(q, con, params=…)
  | 'psycopg-sql' // psycopg sql.SQL(q): a composition template, meant to be constant
  | 'mongo-script'; // {"$where": js} / {"$function": {"body": js}}

export type ShellSinkApi =
  | 'subprocess' // subprocess.*(…, shell=True)
  | 'os.system'
  | 'os.popen'
  | 'getoutput'
  | 'asyncio-shell'
  | 'shell-script'; // an argument list that starts a shell on a script: subprocess.run(["sh", "-c", script])

interface SinkBase {
  /** Where the finding goes: the call (or the `$where` pair). */
  node: Node;
  /** The expression holding the statement or command. */
  query: Node;
  /** How the message names the sink: `cursor.execute()`, `os.system()`; the operator (`$where`) of MongoDB JavaScript. */
  label: string;
}

export interface SqlSink extends SinkBase {
  family: 'sql';
  api: SqlSinkApi;
  /** Text around a clause fragment (`.extra(where=[…])`) so the SQL module reads a statement. */
  context?: { before: string; after: string };
}

export interface ShellSink extends SinkBase {
  family: 'shell';
  api: ShellSinkApi;
  /** For 'shell-script': the shell and its flag, `sh -c`. */
  script?: string;
}

export type Sink = SqlSink | ShellSink;

const QUERY_KEYWORDS = ['sql', 'query', 'operation', 'statement', 'stmt'];
// read_sql_table(name, con) is not a sink: pandas reflects the table by name through SQLAlchemy,
// which quotes it, and an unknown name raises instead of running anything.
const PANDAS_READERS = new Set(['read_sql', 'read_sql_query']);
const SUBPROCESS_FUNCTIONS = new Set(['subprocess.run', 'subprocess.call', 'subprocess.check_call', 'subprocess.check_output', 'subprocess.Popen']);
const SHELL_FUNCTIONS: ReadonlyMap<string, ShellSinkApi> = new Map([
  ['os.system', 'os.system'],
  ['os.popen', 'os.popen'],
  ['os.popen2', 'os.popen'],
  ['os.popen3', 'os.popen'],
  ['os.popen4', 'os.popen'],
  ['commands.getoutput', 'getoutput'],
  ['commands.getstatusoutput', 'getoutput'],
  ['subprocess.getoutput', 'getoutput'],
  ['subprocess.getstatusoutput', 'getoutput'],
  ['asyncio.create_subprocess_shell', 'asyncio-shell'],
]);

/**
 * Python's room between a name, its `.` and its `(`: spaces, line breaks, `\` continuations,
 * comments. A comment runs to the end of its line (the lookahead), so a line of `#`s cannot be
 * split into comments in exponentially many ways when the match fails.
 */
const GAP = String.raw`(?:\s|\\|#[^\n]*(?![^\n]))*`;
/** The attribute calls sqlSinks reads (`cursor.execute(`…): no import can rename them. */
const ATTRIBUTE_SQL_CALL = new RegExp(String.raw`\.${GAP}(?:execute(?:many|script)?|fetch(?:row|val)?|exec_driver_sql|raw|extra)${GAP}\(`);
/** Words that a sink reached through an import (or a MongoDB operator) cannot do without. */
const IMPORTED_SQL_WORDS = ['sqlalchemy', 'read_sql', 'RawSQL', 'psycopg', '$where', '$function'];
const SHELL_TRUE = new RegExp(String.raw`\bshell${GAP}=${GAP}True\b`);
/**
 * A shell function's name called (`os.system(`, `system(` after `from os import system`) or
 * imported under another name (`from os import system as run`): the ways its qualified name
 * reaches shellSinks.
 */
const SHELL_FUNCTION = new RegExp(String.raw`\b(?:system|popen[234]?|getoutput|getstatusoutput|create_subprocess_shell)${GAP}(?:\(|as\b)`);
/** A shell program and its script flag written next to each other: `"sh", "-c"`, `'/bin/bash', '-lc'`, `"cmd", "/c"`. */
const SHELL_SCRIPT_ARGV = new RegExp(
  String.raw`["'][^"'\n]*(?:sh|cmd|cmd\.exe|pwsh|powershell|powershell\.exe|pwsh\.exe)["']${GAP},${GAP}["'][-/]\w+["']`,
  'i',
);

/**
 * Whether findSinks can find a sink of `family` in this text: checked before parsing, so it must
 * hold for every sink findSinks reads. SQL: a method call of sqlSinks' attribute form, or the word
 * each imported form needs (its module or name appears in the import even when renamed). Shell:
 * subprocess functions count only with `shell=True` or an argument list starting a shell on a
 * script; the others need their name called or imported under another name.
 */
export function mayHoldSink(text: string, family: 'sql' | 'shell'): boolean {
  if (family === 'sql') return IMPORTED_SQL_WORDS.some((word) => text.includes(word)) || ATTRIBUTE_SQL_CALL.test(text);
  const runsProcesses = text.includes('subprocess') || text.includes('asyncio');
  return (runsProcesses && (SHELL_TRUE.test(text) || SHELL_SCRIPT_ARGV.test(text))) || SHELL_FUNCTION.test(text);
}

export function findSinks(file: PythonFile, family: 'sql' | 'shell'): Sink[] {
  const sinks: Sink[] = [];
  for (const node of file.root.descendantsOfType(family === 'sql' ? ['call', 'pair'] : ['call'])) {
    if (!node) continue;
    if (node.type === 'pair') {
      const sink = mongoSink(node);
      if (sink) sinks.push(sink);
    } else sinks.push(...(family === 'sql' ? sqlSinks(node, file) : shellSinks(node, file)));
  }
  // Nothing is read from a region the parser gave up on, nor from a sink holding a syntax error:
  // its arguments may be half-parsed.
  return sinks.filter((sink) => !sink.node.hasError && !isInsideError(sink.node));
}

function sqlSinks(call: Node, file: PythonFile): SqlSink[] {
  const callee = call.childForFieldName('function');
  const method = calleeTail(call);
  const label = `${callee?.text ?? method}()`;
  const query = queryArgument(call);
  const make = (api: SqlSinkApi, context?: SqlSink['context']): SqlSink[] =>
    query ? [{ family: 'sql', api, node: call, query, label, ...(context ? { context } : {}) }] : [];
  const qualified = qualifiedName(callee, file.imports) ?? '';
  if (callee?.type === 'attribute') {
    switch (method) {
      case 'execute':
        return make('execute');
      case 'executemany':
        return make('executemany');
      case 'executescript':
        return make('executescript');
      case 'fetch':
      case 'fetchrow':
      case 'fetchval':
        return make('asyncpg-fetch');
      case 'exec_driver_sql':
        return make('exec-driver-sql');
      case 'raw':
        return make('django-raw');
      case 'extra':
        return extraFragments(call).map((fragment) => ({
          family: 'sql',
          api: 'django-extra',
          node: call,
          query: fragment.node,
          label,
          context: fragment.context,
        }));
      default:
        break;
    }
  }
  if (method && PANDAS_READERS.has(method) && (callee?.type === 'attribute' || qualified.startsWith('pandas.'))) return make('pandas-read-sql');
  if (isSqlAlchemyText(qualified, file)) return make('sqlalchemy-text');
  // RawSQL is usually an expression (`"price * %s"`), read inside a SELECT list.
  if (qualified === 'RawSQL' || qualified.endsWith('.RawSQL')) return make('django-rawsql', { before: 'SELECT ', after: ' FROM t' });
  if (/^psycopg2?\.sql\.SQL$/.test(qualified)) return make('psycopg-sql');
  return [];
}

function isSqlAlchemyText(qualified: string, file: PythonFile): boolean {
  if (/^sqlalchemy(?:\.sql)?(?:\.expression)?\.text$/.test(qualified)) return true;
  // `from sqlalchemy import *` or a re-export: a bare text() in a file that uses SQLAlchemy.
  return qualified === 'text' && importsModule(file.imports, 'sqlalchemy');
}

function queryArgument(call: Node): Node | undefined {
  const [first] = positionalArguments(call);
  if (first) return first;
  for (const keyword of QUERY_KEYWORDS) {
    const value = keywordValue(call, keyword);
    if (value) return value;
  }
  return undefined;
}

interface Fragment {
  node: Node;
  context: NonNullable<SqlSink['context']>;
}

/** `.extra(where=["a = %s", …], select={"x": "…"})`: each string is a clause fragment. */
function extraFragments(call: Node): Fragment[] {
  const fragments: Fragment[] = [];
  const where = keywordValue(call, 'where');
  const whereList = where && unwrapParens(where);
  if (whereList?.type === 'list' || whereList?.type === 'tuple') {
    for (const item of namedChildren(whereList)) fragments.push({ node: item, context: { before: 'SELECT * FROM t WHERE ', after: '' } });
  }
  const select = keywordValue(call, 'select');
  const selectDict = select && unwrapParens(select);
  if (selectDict?.type === 'dictionary') {
    for (const value of dictionaryValues(selectDict).values()) fragments.push({ node: value, context: { before: 'SELECT ', after: ' FROM t' } });
  }
  return fragments;
}

/** `{"$where": js}` and `{"$function": {"body": js, …}}`: JavaScript run by the database. */
function mongoSink(pair: Node): SqlSink | undefined {
  const key = pair.childForFieldName('key');
  const value = pair.childForFieldName('value');
  const name = key ? constantString(key) : undefined;
  if (!value) return undefined;
  if (name === '$where') return { family: 'sql', api: 'mongo-script', node: pair, query: value, label: '$where' };
  const definition = unwrapParens(value);
  const body = name === '$function' && definition.type === 'dictionary' ? dictionaryValues(definition).get('body') : undefined;
  return body ? { family: 'sql', api: 'mongo-script', node: pair, query: body, label: '$function' } : undefined;
}

/** Values of a dict literal by constant string key. */
function dictionaryValues(dictionary: Node): Map<string, Node> {
  const values = new Map<string, Node>();
  for (const pair of namedChildren(dictionary)) {
    const key = pair.type === 'pair' ? pair.childForFieldName('key') : null;
    const value = pair.type === 'pair' ? pair.childForFieldName('value') : null;
    const name = key ? constantString(key) : undefined;
    if (name !== undefined && value) values.set(name, value);
  }
  return values;
}

function shellSinks(call: Node, file: PythonFile): ShellSink[] {
  const callee = call.childForFieldName('function');
  const qualified = qualifiedName(callee, file.imports);
  if (!callee || !qualified) return [];
  const label = `${callee.text}()`;
  if (SUBPROCESS_FUNCTIONS.has(qualified)) {
    const command = positionalArguments(call)[0] ?? keywordValue(call, 'args');
    // Without shell=True a list runs one program, no shell, unless that program is a shell given a script.
    if (keywordValue(call, 'shell')?.text !== 'True') return scriptSinks(call, listItems(command) ?? [], true);
    return command ? [{ family: 'shell', api: 'subprocess', node: call, query: command, label }] : [];
  }
  if (qualified === 'asyncio.create_subprocess_exec') return scriptSinks(call, positionalArguments(call), false);
  const api = SHELL_FUNCTIONS.get(qualified);
  const command = positionalArguments(call)[0] ?? keywordValue(call, 'cmd') ?? keywordValue(call, 'command');
  return api && command ? [{ family: 'shell', api, node: call, query: command, label }] : [];
}

/** `["sh", "-c", script, …]` (a list, or create_subprocess_exec's arguments): the script is the command. */
function scriptSinks(call: Node, argv: readonly Node[], listed: boolean): ShellSink[] {
  const leading = argv.slice(0, 2).map((item) => constantString(item));
  const index = shellScriptIndex(leading);
  const script = index === undefined ? undefined : argv[index];
  if (!script || script.type === 'list_splat') return [];
  const shown = `${argv[0].text}, ${argv[1].text}, …`;
  const label = `${call.childForFieldName('function')?.text ?? '…'}(${listed ? `[${shown}]` : shown})`;
  return [{ family: 'shell', api: 'shell-script', node: call, query: script, label, script: shellScriptLabel(leading) }];
}
