// `.lastline.json` (JSONC): one file read the same way by the CLI, the git hooks and the extension.
// Reading never fails: every invalid key is reported (file, key, line) and replaced by its default,
// so a typo weakens nothing silently and stops nothing either.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { compileGlob, GlobError } from './glob';
import { LineIndex } from './text';
import { SEVERITIES, type Severity } from './types';

export const CONFIG_FILE_NAME = '.lastline.json';

export type RuleLevel = Severity | 'off';

export interface RuleSetting {
  level?: RuleLevel;
  options: Record<string, unknown>;
}

export interface AllowlistEntry {
  fingerprint: string;
  /** Limits the entry to one rule; absent matches the fingerprint under any rule. */
  rule?: string;
  reason: string;
}

export interface LastlineConfig {
  rules: Record<string, RuleSetting>;
  /** Globs (minimatch syntax without extended globs; src/core/glob.ts), relative to the config's folder. */
  exclude: string[];
  /** Files larger than this many bytes are skipped (and said so). */
  maxFileSize: number;
  allowlist: AllowlistEntry[];
  /** Globs of test code and fixtures, where some rules report at a lower severity. */
  testFiles: string[];
  /** What an agent's post-tool hook tells the agent about the lines it just wrote. */
  agentFeedback: AgentFeedbackLevel;
  /** What the commit gate (git hooks) refuses. */
  gate: GateSettings;
  /**
   * Mixed into the fingerprints of secrets, so that a published report does not let anyone test
   * guesses of a secret against its fingerprint. From `.lastline.json` when set there; otherwise
   * loadConfig derives one per repository (scan/fingerprint-salt.ts).
   */
  fingerprintSalt?: string;
}

export interface GateSettings {
  /** Staged AI-written lines need a person's review (or a waiver trailer). */
  aiReview: boolean;
  /** Error-level findings inside staged AI-written lines stop the commit. */
  findings: boolean;
  /** Staged secrets anywhere stop the commit. */
  secrets: boolean;
}

const GATE_KEYS = ['aiReview', 'findings', 'secrets'] as const;

export const AGENT_FEEDBACK_LEVELS = ['errors', 'all', 'off'] as const;
export type AgentFeedbackLevel = (typeof AGENT_FEEDBACK_LEVELS)[number];

export interface ConfigProblem {
  file: string;
  /** Dotted key path, e.g. `rules.private-key`; empty for the whole file. */
  key: string;
  message: string;
  /** 1-based, when known. */
  line?: number;
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

export const DEFAULT_TEST_FILES: readonly string[] = [
  '**/test/**',
  '**/tests/**',
  '**/__tests__/**',
  '**/__mocks__/**',
  '**/fixtures/**',
  '**/testdata/**',
  '**/*.test.*',
  '**/*.spec.*',
  '**/test_*.py',
  '**/*_test.py',
  '**/conftest.py',
];

export function defaultConfig(): LastlineConfig {
  return {
    rules: {},
    exclude: [],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    allowlist: [],
    testFiles: [...DEFAULT_TEST_FILES],
    agentFeedback: 'errors',
    gate: { aiReview: true, findings: true, secrets: true },
  };
}

export interface ParsedConfig {
  config: LastlineConfig;
  problems: ConfigProblem[];
}

const TOP_LEVEL_KEYS = new Set(['$schema', 'rules', 'exclude', 'maxFileSize', 'allowlist', 'testFiles', 'agentFeedback', 'gate', 'fingerprintSalt']);
/** A salt must be hard to guess itself: 16 characters or more (`openssl rand -hex 16` gives 32). */
const MIN_SALT_LENGTH = 16;
const LEVELS: readonly string[] = [...SEVERITIES, 'off'];

/** Deeper than this, a config is not a config: refused before the (recursive) parser sees it. */
const MAX_CONFIG_DEPTH = 64;

export function parseConfig(source: string, file: string, knownRuleIds: ReadonlySet<string>): ParsedConfig {
  // Editors on Windows save a UTF-8 BOM; it is not part of the JSON.
  const text = source.replace(/^\uFEFF/, '');
  const config = defaultConfig();
  const problems: ConfigProblem[] = [];
  const lines = new LineIndex(text);
  const lineOf = (node: Node | undefined) => (node ? lines.positionAt(node.offset).line + 1 : undefined);
  const problem = (key: string, message: string, node?: Node) => problems.push({ file, key, message, line: lineOf(node) });

  const depth = nestingDepth(text);
  if (depth > MAX_CONFIG_DEPTH) {
    problems.push({ file, key: '', message: `nested ${depth} levels deep (at most ${MAX_CONFIG_DEPTH}); using defaults`, line: 1 });
    return { config, problems };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    const line = first ? lines.positionAt(first.offset).line + 1 : undefined;
    problems.push({ file, key: '', message: `not valid JSON(C): ${first ? printParseErrorCode(first.error) : 'empty file'}; using defaults`, line });
    return { config, problems };
  }
  if (root.type !== 'object') {
    problem('', 'must be a JSON object; using defaults', root);
    return { config, problems };
  }

  for (const property of root.children ?? []) {
    const key = String(property.children?.[0]?.value);
    if (!TOP_LEVEL_KEYS.has(key)) problem(key, `unknown key "${key}" (known: ${[...TOP_LEVEL_KEYS].join(', ')})`, property);
  }
  reportDuplicateKeys(root, '', problem);

  const rules = findNodeAtLocation(root, ['rules']);
  if (rules) readRules(rules, config, knownRuleIds, problem);

  const exclude = findNodeAtLocation(root, ['exclude']);
  if (exclude) config.exclude = readGlobs(exclude, 'exclude', problem) ?? config.exclude;

  const testFiles = findNodeAtLocation(root, ['testFiles']);
  if (testFiles) config.testFiles = readGlobs(testFiles, 'testFiles', problem) ?? config.testFiles;

  const maxFileSize = findNodeAtLocation(root, ['maxFileSize']);
  if (maxFileSize) {
    const bytes = parseByteSize(maxFileSize.value);
    if (bytes === undefined) problem('maxFileSize', 'must be a positive number of bytes or a size like "2MB" or "512KB"', maxFileSize);
    else config.maxFileSize = bytes;
  }

  const allowlist = findNodeAtLocation(root, ['allowlist']);
  if (allowlist) readAllowlist(allowlist, config, problem);

  const agentFeedback = findNodeAtLocation(root, ['agentFeedback']);
  if (agentFeedback) {
    if ((AGENT_FEEDBACK_LEVELS as readonly unknown[]).includes(agentFeedback.value)) config.agentFeedback = agentFeedback.value as AgentFeedbackLevel;
    else problem('agentFeedback', `must be one of ${AGENT_FEEDBACK_LEVELS.map((level) => `"${level}"`).join(', ')}`, agentFeedback);
  }

  const gate = findNodeAtLocation(root, ['gate']);
  if (gate) readGate(gate, config, problem);

  const salt = findNodeAtLocation(root, ['fingerprintSalt']);
  if (salt) {
    if (typeof salt.value === 'string' && salt.value.trim().length >= MIN_SALT_LENGTH) config.fingerprintSalt = salt.value.trim();
    else problem('fingerprintSalt', `must be a string of at least ${MIN_SALT_LENGTH} characters (e.g. \`openssl rand -hex 16\`)`, salt);
  }

  return { config, problems };
}

type ProblemSink = (key: string, message: string, node?: Node) => void;

/** JSON allows a key twice and keeps the last: a typo'd copy would silently undo the first. */
function reportDuplicateKeys(node: Node, path: string, problem: ProblemSink): void {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      const key = String(keyNode?.value);
      const keyPath = path ? `${path}.${key}` : key;
      if (seen.has(key)) problem(keyPath, 'appears twice; the last one is used', property);
      seen.add(key);
      if (valueNode) reportDuplicateKeys(valueNode, keyPath, problem);
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((child, index) => reportDuplicateKeys(child, `${path}[${index}]`, problem));
  }
}

/** The deepest nesting of objects and arrays, outside strings and comments. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') {
      for (index++; index < text.length && text[index] !== '"'; index++) if (text[index] === '\\') index++;
    } else if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') index++;
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end < 0 ? text.length : end + 1;
    } else if (char === '{' || char === '[') deepest = Math.max(deepest, ++depth);
    else if (char === '}' || char === ']') depth--;
  }
  return deepest;
}

function readGate(gate: Node, config: LastlineConfig, problem: ProblemSink): void {
  if (gate.type !== 'object') {
    problem('gate', `must be an object with the switches ${GATE_KEYS.join(', ')}`, gate);
    return;
  }
  for (const property of gate.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    const key = String(keyNode?.value);
    if (!(GATE_KEYS as readonly string[]).includes(key)) problem(`gate.${key}`, `unknown switch (known: ${GATE_KEYS.join(', ')})`, property);
    else if (typeof valueNode?.value !== 'boolean') problem(`gate.${key}`, 'must be true or false', valueNode);
    else config.gate[key as (typeof GATE_KEYS)[number]] = valueNode.value;
  }
}

/** An array of glob strings; invalid entries are reported and left out, a non-array is undefined. */
function readGlobs(node: Node, key: string, problem: ProblemSink): string[] | undefined {
  if (node.type !== 'array') {
    problem(key, 'must be an array of glob strings', node);
    return undefined;
  }
  const globs: string[] = [];
  (node.children ?? []).forEach((glob, index) => {
    if (glob.type !== 'string' || !glob.value) {
      problem(`${key}[${index}]`, 'must be a non-empty glob string', glob);
      return;
    }
    try {
      compileGlob(glob.value);
      globs.push(glob.value);
    } catch (error) {
      if (!(error instanceof GlobError)) throw error;
      problem(`${key}[${index}]`, `"${glob.value}": ${error.message}`, glob);
    }
  });
  return globs;
}

function readRules(rules: Node, config: LastlineConfig, knownRuleIds: ReadonlySet<string>, problem: ProblemSink): void {
  if (rules.type !== 'object') {
    problem('rules', 'must be an object mapping rule ids to "off" | "info" | "warning" | "error" or { "level", "options" }', rules);
    return;
  }
  for (const property of rules.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    const id = String(keyNode?.value);
    const key = `rules.${id}`;
    if (!knownRuleIds.has(id)) {
      problem(key, `unknown rule "${id}"`, keyNode);
      continue;
    }
    if (valueNode?.type === 'string') {
      if (LEVELS.includes(valueNode.value)) config.rules[id] = { level: valueNode.value as RuleLevel, options: {} };
      else problem(key, `level must be one of ${LEVELS.join(', ')}; got "${valueNode.value}"`, valueNode);
    } else if (valueNode?.type === 'object') {
      const setting: RuleSetting = { options: {} };
      for (const field of valueNode.children ?? []) {
        const [fieldKey, fieldValue] = field.children ?? [];
        const name = String(fieldKey?.value);
        if (name === 'level') {
          if (fieldValue?.type === 'string' && LEVELS.includes(fieldValue.value)) setting.level = fieldValue.value as RuleLevel;
          else problem(`${key}.level`, `must be one of ${LEVELS.join(', ')}`, fieldValue);
        } else if (name === 'options') {
          if (fieldValue?.type === 'object') setting.options = nodeToValue(fieldValue) as Record<string, unknown>;
          else problem(`${key}.options`, 'must be an object', fieldValue);
        } else {
          problem(`${key}.${name}`, 'unknown key (known: level, options)', fieldKey);
        }
      }
      config.rules[id] = setting;
    } else {
      problem(key, 'must be a level string or an object { "level", "options" }', valueNode);
    }
  }
}

function readAllowlist(allowlist: Node, config: LastlineConfig, problem: ProblemSink): void {
  if (allowlist.type !== 'array') {
    problem('allowlist', 'must be an array of { "fingerprint", "reason", "rule"? }', allowlist);
    return;
  }
  (allowlist.children ?? []).forEach((entryNode, index) => {
    const key = `allowlist[${index}]`;
    const entry = entryNode.type === 'object' ? (nodeToValue(entryNode) as Record<string, unknown>) : undefined;
    if (!entry) return problem(key, 'must be an object { "fingerprint", "reason", "rule"? }', entryNode);
    if (typeof entry.fingerprint !== 'string' || !/^[0-9a-f]{8,64}$/.test(entry.fingerprint)) {
      return problem(`${key}.fingerprint`, 'must be the hex fingerprint Lastline printed for the finding', entryNode);
    }
    if (typeof entry.reason !== 'string' || entry.reason.trim() === '') {
      return problem(`${key}.reason`, 'must say why this finding is acceptable', entryNode);
    }
    if (entry.rule !== undefined && typeof entry.rule !== 'string') return problem(`${key}.rule`, 'must be a rule id', entryNode);
    config.allowlist.push({ fingerprint: entry.fingerprint, reason: entry.reason, ...(entry.rule ? { rule: entry.rule } : {}) });
  });
}

function nodeToValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries(
        (node.children ?? []).map((property) => [
          String(property.children?.[0]?.value),
          property.children?.[1] ? nodeToValue(property.children[1]) : undefined,
        ]),
      );
    case 'array':
      return (node.children ?? []).map(nodeToValue);
    default:
      return node.value;
  }
}

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

/** Accepts bytes as a number, or a string like "512KB", "2MB", "1.5 MB". */
export function parseByteSize(value: unknown): number | undefined {
  // A whole number of bytes: 0.5 would floor to 0 and skip every file.
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = match ? SIZE_UNITS[(match[2] || 'b').toLowerCase()] : undefined;
  if (!match || !unit) return undefined;
  const bytes = Math.floor(Number(match[1]) * unit);
  return bytes > 0 ? bytes : undefined;
}

export function formatByteSize(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} B`;
}
