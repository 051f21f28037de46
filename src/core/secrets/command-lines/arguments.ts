// Which words of one command hold a password, and under what name each is judged:
//   - environment assignments: `PGPASSWORD=… psql`, `export DB_PASSWORD=…`, `docker run -e
//     POSTGRES_PASSWORD=…`, `helm --set db.password=…`, `--from-literal=password=…`, `-Dspring.datasource.password=…`;
//   - long options whose name says so: `--password=…`, `--api-key …`, `--client-secret=…`;
//   - the tool table's options: `mysql -p…`, `redis-server --requirepass …`, `docker login -p …`.
// Words that expand (`"$DB_PASSWORD"`, `$(cat /run/secrets/pg)`) hold no literal and are skipped;
// the values found are judged by the caller, like any named value.
import { interpolationDefault } from '../../languages/interpolation-default';
import type { ShellWord } from '../../languages/shell-words';
import { classifySecretName } from '../generic/secret-names';
import { ANY_COMMAND, TOOLS, toolName, type ToolOptions } from './tools';

export interface PasswordArgument {
  /** What the finding names, as written: `--requirepass`, `-p`, `PGPASSWORD`. */
  option: string;
  /** The name the value is judged as (its kind and environment variable follow from it). */
  judgedAs: string;
  word: ShellWord;
  /** Where the password is in the word's value: [from, to). */
  from: number;
  to: number;
  /** `--requirepass "${REDIS_PASSWORD:-…}"`: the password is the default of this variable, read from `expression` on. */
  fallback?: { variable: string; expression: number };
}

/** `NAME=value`; names may be dotted or bracketed key paths (`auth.password`, `db[0].pass`). */
const ASSIGNMENT = /^([A-Za-z_][\w.[\]-]*)=/;
/** `--name=value`, `--name`, `-name` (keytool, openssl), `-Dname=value` (JVM properties). */
const LONG_OPTION = /^--?([A-Za-z][\w.-]*)(?:=|$)/;
const JVM_PROPERTY = /^-D([A-Za-z_][\w.-]*)=/;
/** Words before the command itself: control keywords and commands that run the next word. */
const PREFIX_WORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'do',
  'while',
  'until',
  '!',
  '{',
  'time',
  'exec',
  'nohup',
  'command',
  'builtin',
  'env',
  'sudo',
  'doas',
  'xargs',
]);
const DECLARATIONS = new Set(['export', 'declare', 'typeset', 'local', 'readonly', 'set']);
/** `a=1&password=…`: a form body or query string, whose pairs are read one by one. */
const FORM_PAIR = /&[A-Za-z_][\w.[\]-]*=/;
/** `docker build --secret id=npmrc,src=…`, `--secret source=db,target=…`: which secret to mount, not one. */
const MOUNT_SPEC = /^(?:id|src|source|target|type|env|uid|gid|mode|required)=/i;

export function passwordArguments(words: readonly ShellWord[]): PasswordArgument[] {
  const found: PasswordArgument[] = [];
  let index = 0;
  // Assignments and keywords before the command: `PGPASSWORD=… psql`, `export A=… B=…`.
  for (; index < words.length; index++) {
    const value = words[index].value;
    if (ASSIGNMENT.test(value)) pushAssignment(found, words[index], 0);
    else if (!PREFIX_WORDS.has(value) && !DECLARATIONS.has(value)) break;
  }
  // The command names a bare `--password` (`./migrate --password …` → MIGRATE_PASSWORD); a list of
  // arguments alone (Kubernetes `args:`) has none.
  const command = toolName(words.slice(index).find((word) => !word.value.startsWith('-'))?.value ?? '');
  let tool: { options: ToolOptions; name: string; subcommandSeen: boolean } | undefined;
  for (; index < words.length; index++) {
    const word = words[index];
    const value = word.value;
    // A tool's name right after an option is that option's value (`docker login -u mysql -p …`).
    const known = isOptionWord(words[index - 1]) ? undefined : TOOLS.get(toolName(value));
    if (known && !value.startsWith('-')) {
      tool = { options: known, name: toolName(value), subcommandSeen: false };
      continue;
    }
    if (tool && !value.startsWith('-')) {
      if (value === tool.options.subcommand) tool.subcommandSeen = true;
      else if (tool.options.wrapsCommand) tool = undefined;
    }
    const next = words[index + 1];
    const consumed =
      toolOption(found, tool, word, next) ??
      toolOption(found, { options: ANY_COMMAND, subcommandSeen: true }, word, next) ??
      longOption(found, tool?.options, tool?.name ?? command, word, next) ??
      assignmentWord(found, word);
    if (consumed === 2) index++;
  }
  return found;
}

/** The number of words a tool-table option took (1 or 2), or undefined when the word is none. */
function toolOption(
  found: PasswordArgument[],
  tool: { options: ToolOptions; subcommandSeen: boolean } | undefined,
  word: ShellWord,
  next: ShellWord | undefined,
): number | undefined {
  if (!tool || (tool.options.subcommand && !tool.subcommandSeen)) return undefined;
  const { options } = tool;
  const value = word.value;
  for (const { letter, separate } of options.short ?? []) {
    if (value === `-${letter}`) {
      if (!separate || !isValueWord(next)) return undefined;
      push(found, `-${letter}`, options, next, 0);
      return 2;
    }
    if (value.startsWith(`-${letter}`) && value.length > 2 && !value.startsWith('--')) {
      push(found, `-${letter}`, options, word, 2);
      return 1;
    }
  }
  const long = LONG_OPTION.exec(value);
  if (!long || !options.long?.includes(long[1].toLowerCase())) return undefined;
  const option = value.slice(0, value.indexOf(long[1]) + long[1].length);
  if (value.length > option.length) {
    push(found, option, options, word, option.length + 1);
    return 1;
  }
  if (!isValueWord(next)) return undefined;
  push(found, option, options, next, 0);
  return 2;
}

/** `--password=…`, `--db-password …`: a long option whose own name is a secret's. */
function longOption(
  found: PasswordArgument[],
  options: ToolOptions | undefined,
  command: string,
  word: ShellWord,
  next: ShellWord | undefined,
): number | undefined {
  const value = word.value;
  const property = JVM_PROPERTY.exec(value);
  if (property) {
    pushJudged(found, property[1], property[1], word, property[0].length);
    return 1;
  }
  const long = LONG_OPTION.exec(value);
  if (!long || !value.startsWith('--')) return undefined;
  const name = long[1];
  const option = `--${name}`;
  if (!classifySecretName(name).secretLike) {
    // `--from-literal=password=…`, `--build-arg=DB_PASSWORD=…`, `--set=auth.password=…`.
    const inner = value.slice(option.length + 1);
    const assignment = ASSIGNMENT.exec(inner);
    if (value.length > option.length && assignment) pushJudged(found, assignment[1], assignment[1], word, option.length + 1 + assignment[0].length);
    return value.length > option.length ? 1 : undefined;
  }
  // A bare `--password` borrows the tool's name: mysql's is MYSQL_PASSWORD.
  const judgedAs = options?.judgedAs && isBareName(name) ? options.judgedAs : `${command.replace(/[^\w-]/g, '_') || 'cli'}.${name}`;
  if (value.length > option.length) {
    if (!MOUNT_SPEC.test(value.slice(option.length + 1))) pushJudged(found, option, judgedAs, word, option.length + 1);
    return 1;
  }
  if (options?.equalsOnly || !isValueWord(next)) return undefined;
  if (!MOUNT_SPEC.test(next.value)) pushJudged(found, option, judgedAs, next, 0);
  return 2;
}

/** `POSTGRES_PASSWORD=…` as an argument: `docker run -e`, `make`, `helm --set`, `vault kv put`. */
function assignmentWord(found: PasswordArgument[], word: ShellWord): number | undefined {
  if (!ASSIGNMENT.test(word.value)) return undefined;
  if (!FORM_PAIR.test(word.value)) {
    pushAssignment(found, word, 0);
    return 1;
  }
  // `curl -d "username=app&password=…"`: a form body, one pair at a time.
  for (let offset = 0; offset < word.value.length;) {
    const end = word.value.indexOf('&', offset);
    const pairEnd = end < 0 ? word.value.length : end;
    pushAssignment(found, word, offset, pairEnd);
    offset = pairEnd + 1;
  }
  return 1;
}

function pushAssignment(found: PasswordArgument[], word: ShellWord, offset: number, to = word.value.length): void {
  const name = ASSIGNMENT.exec(word.value.slice(offset, to))?.[1];
  if (name) pushJudged(found, name, name, word, offset + name.length + 1, to);
}

function push(found: PasswordArgument[], option: string, options: ToolOptions, word: ShellWord, from: number): void {
  let start = from;
  if (options.valuePrefix) {
    if (!word.value.startsWith(options.valuePrefix, from)) return;
    start += options.valuePrefix.length;
  }
  if (options.userColonPassword) {
    const colon = word.value.indexOf(':', from);
    if (colon < 0) return;
    start = colon + 1;
  }
  pushJudged(found, option, options.judgedAs, word, start);
}

/**
 * A word that expands holds no literal, except the default of `${VAR:-…}` when that is the whole
 * value (a fallback committed like `process.env.VAR || "…"`).
 */
function pushJudged(found: PasswordArgument[], option: string, judgedAs: string, word: ShellWord, from: number, to = word.value.length): void {
  if (from >= to) return;
  if (!word.expands) {
    found.push({ option, judgedAs, word, from, to });
    return;
  }
  const fallback = interpolationDefault(word.value.slice(from, to));
  if (fallback)
    found.push({ option, judgedAs, word, from: from + fallback.start, to: from + fallback.end, fallback: { variable: fallback.variable, expression: from } });
}

/** `-u`, `--user`: an option that may take the next word as its value. */
function isOptionWord(word: ShellWord | undefined): boolean {
  return word !== undefined && /^-(?:[A-Za-z]|-[A-Za-z][\w-]*)$/.test(word.value);
}

/** A word that can be an option's value: present and not itself an option. */
function isValueWord(word: ShellWord | undefined): word is ShellWord {
  return word !== undefined && !word.value.startsWith('-');
}

function isBareName(name: string): boolean {
  return /^(?:password|passwd|pass|pwd|passphrase)$/i.test(name);
}
