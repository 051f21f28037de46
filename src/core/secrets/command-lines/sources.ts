// Where a file holds command lines: shell scripts (the whole text), Dockerfile RUN / CMD /
// ENTRYPOINT / HEALTHCHECK, the command keys of compose, Kubernetes and CI YAML (`command:`,
// `entrypoint:`, `args:`, `healthcheck.test`, `run:`, `script:`…) and package.json scripts. A
// command written as a list (`["redis-server", "--requirepass", "…"]`) is one word per item; a
// string is split as the shell splits it. Scripts run through `sh -c "…"` are read in turn.
import type { ConfigDocument, ConfigEntry, Span } from '../../languages/config/model';
import { isShellScript } from '../../languages/shell-script';
import { readShellCommands, wholeWord, type ShellReadOptions, type ShellWord } from '../../languages/shell-words';
import { readStringList } from '../../languages/string-list';
import type { RuleContext } from '../../rule';

export interface CommandLine {
  words: ShellWord[];
  /** Word offsets are offsets in the file; otherwise they are offsets in a decoded value, and `span` is where it sits. */
  exact: boolean;
  span: Span;
  /** How the line was read, for the scripts nested in it (`sh -c "…"` inside a folded YAML value). */
  options?: ShellReadOptions;
}

/** Keys whose value is one command: a string the shell (or compose) splits, or a list of its words. */
const COMMAND_KEYS = new Set(['command', 'entrypoint', 'args']);
/** Keys whose value is a script, or a list of scripts (GitHub Actions, GitLab CI, Travis, CodeBuild, Ansible). */
const SCRIPT_KEYS = new Set(['run', 'script', 'before_script', 'after_script', 'before_install', 'install', 'commands', 'shell', 'cmd']);
const LIST_ITEM = '[]';
/** `sh -c "…"`, `bash -lc '…'`, `/bin/sh -ec …`: the word after the `-c` flag is a script. */
const SHELL = /^(?:.*\/)?(?:ba|z|k|da|a)?sh$/;
const SCRIPT_FLAG = /^-[a-z]*c[a-z]*$/;

export function commandLines(context: RuleContext): CommandLine[] {
  const { language, text, path } = context.file;
  const lines: CommandLine[] = [];
  if (language === 'text') {
    if (isShellScript(path, text)) addScript(lines, text, { start: 0, end: text.length });
  } else if (language === 'dockerfile') {
    for (const command of context.config().commands ?? []) addDockerfileCommand(lines, text, command.instruction, command.span);
  } else if (language === 'yaml') {
    addYamlCommands(lines, context.config(), text);
  } else if (language === 'json' && /(?:^|\/)package\.json$/.test(path)) {
    for (const entry of context.config().entries) if (entry.keyPath.length === 2 && entry.keyPath[0] === 'scripts') addEntryScript(lines, text, entry);
  }
  return lines.flatMap((line) => [line, ...nestedScripts(line, text)]);
}

function addScript(lines: CommandLine[], text: string, span: Span, options: ShellReadOptions = {}): void {
  for (const words of readShellCommands(text, span.start, span.end, options)) lines.push({ words, exact: true, span, options });
}

function addDockerfileCommand(lines: CommandLine[], text: string, instruction: string, span: Span): void {
  let start = skipBlanks(text, span.start, span.end);
  if (instruction === 'HEALTHCHECK') {
    // `HEALTHCHECK --interval=5s CMD redis-cli …`; `HEALTHCHECK NONE` runs nothing.
    const cmd = /^(?:--\S+\s+)*CMD\b\s*/i.exec(text.slice(start, span.end));
    if (!cmd) return;
    start += cmd[0].length;
  }
  if (text[start] === '[') {
    const items = readStringList(text, start, span.end);
    if (items) lines.push({ words: items.map((item) => wholeWord(item.value, item.start, item.end, item.verbatim)), exact: true, span });
    return;
  }
  addScript(lines, text, { start, end: span.end });
}

function addYamlCommands(lines: CommandLine[], document: ConfigDocument, text: string): void {
  const entries = document.entries;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    const key = commandKey(entry.keyPath);
    if (!key) continue;
    if (entry.key !== LIST_ITEM) {
      addEntryScript(lines, text, entry);
    } else if (SCRIPT_KEYS.has(key)) {
      addEntryScript(lines, text, entry); // each item of `script:` is a script
    } else {
      // The items of one `command:` list, in order, are the words of one command.
      const path = entry.keyPath.join('\0');
      let last = index;
      while (last + 1 < entries.length && entries[last + 1].keyPath.join('\0') === path) last++;
      addWordList(lines, text, entries.slice(index, last + 1));
      index = last;
    }
  }
  for (const flow of document.flows ?? []) {
    if (!commandKey([...flow.keyPath, LIST_ITEM])) continue;
    const items = readStringList(text, flow.span.start, flow.span.end);
    if (items)
      lines.push(
        withoutComposePrefix({ words: items.map((item) => wholeWord(item.value, item.start, item.end, item.verbatim)), exact: true, span: flow.span }),
      );
  }
}

/** The command or script key a YAML value belongs to (`healthcheck.test` only under `healthcheck`). */
function commandKey(keyPath: readonly string[]): string | undefined {
  const key = keyPath[keyPath.length - 1] === LIST_ITEM ? keyPath[keyPath.length - 2] : keyPath[keyPath.length - 1];
  if (key === undefined) return undefined;
  const lower = key.toLowerCase();
  if (COMMAND_KEYS.has(lower) || SCRIPT_KEYS.has(lower)) return lower;
  if (lower === 'test' && keyPath[keyPath.indexOf(key) - 1] === 'healthcheck') return 'command';
  return undefined;
}

function addWordList(lines: CommandLine[], text: string, items: readonly ConfigEntry[]): void {
  const words = items.map((item) =>
    wholeWord(item.value, item.valueSpan.start, item.valueSpan.end, text.slice(item.valueSpan.start, item.valueSpan.end) === item.value),
  );
  lines.push(withoutComposePrefix({ words, exact: true, span: { start: items[0].valueSpan.start, end: items[items.length - 1].valueSpan.end } }));
}

/** Compose health checks: `["CMD", "redis-cli", …]` runs the rest; `["CMD-SHELL", "…"]` runs a script (read as nested). */
function withoutComposePrefix(line: CommandLine): CommandLine {
  const first = line.words[0]?.value;
  if (first === 'CMD') return { ...line, words: line.words.slice(1) };
  if (first === 'CMD-SHELL')
    return {
      ...line,
      words: [wholeWord('sh', line.span.start, line.span.start, false), wholeWord('-c', line.span.start, line.span.start, false), ...line.words.slice(1)],
    };
  return line;
}

/**
 * A config value as shell: read in the file when its text is its value, or differs from it only in
 * white space (YAML block and folded scalars; a folded one's line breaks are blanks); otherwise
 * the decoded value is read, and findings point at the whole value.
 */
function addEntryScript(lines: CommandLine[], text: string, entry: ConfigEntry): void {
  const { start, end } = entry.valueSpan;
  const raw = text.slice(start, end);
  if (raw === entry.value) return addScript(lines, text, entry.valueSpan);
  if (wordsOf(raw) === wordsOf(entry.value)) return addScript(lines, text, entry.valueSpan, { lineBreaksAreBlanks: !entry.value.trimEnd().includes('\n') });
  for (const words of readShellCommands(entry.value)) lines.push({ words, exact: false, span: entry.valueSpan });
}

function wordsOf(value: string): string {
  return value
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .join(' ');
}

/** `sh -c "mysql -p…"`: the script word, read where it sits when one run of the file holds it. */
function nestedScripts(line: CommandLine, text: string, depth = 0): CommandLine[] {
  if (depth > 2) return [];
  const nested: CommandLine[] = [];
  const words = line.words;
  for (let index = 0; index < words.length; index++) {
    if (!SHELL.test(words[index].value)) continue;
    let flag = index + 1;
    while (flag < words.length && words[flag].value.startsWith('-') && !SCRIPT_FLAG.test(words[flag].value)) flag++;
    const script = SCRIPT_FLAG.test(words[flag]?.value ?? '') ? words[flag + 1] : undefined;
    if (!script || script.expands) continue;
    const run = script.runs.length === 1 && script.runs[0].end - script.runs[0].start === script.value.length ? script.runs[0] : undefined;
    const inner: CommandLine[] = [];
    if (line.exact && run) addScript(inner, text, run, line.options);
    else
      for (const innerWords of readShellCommands(script.value))
        inner.push({ words: innerWords, exact: false, span: line.exact ? { start: script.start, end: script.end } : line.span });
    for (const innerLine of inner) nested.push(innerLine, ...nestedScripts(innerLine, text, depth + 1));
  }
  return nested;
}

function skipBlanks(text: string, start: number, end: number): number {
  while (start < end && /\s/.test(text[start])) start++;
  return start;
}
