// Runs the applicable rules over one file. Rules never throw across this boundary: a failing rule
// is logged and reported in `ruleErrors`, and the others still report. Parsing is lazy and shared
// between rules; the keyword pre-filter lets most files skip parsing altogether.
import { CancelledError, NEVER_CANCELLED, type Cancellation } from './cancellation';
import { defaultConfig, type LastlineConfig } from './config';
import { fingerprintOf } from './fingerprint';
import { keywordsPresent } from './keywords';
import { readConfig } from './languages/config';
import type { ConfigDocument } from './languages/config/model';
import { parseJavaScript, typescriptParserGaveUp, type JsParse, type ParseProblem } from './languages/javascript';
import { isStackOverflow } from './languages/stack-overflow';
import { CONFIG_FORMATS, JS_LANGUAGES, languageFromFileName, type ConfigFormat, type LanguageKind, type SourceLanguage } from './languages/language';
import { loadPythonParser, parsePythonWith, type PythonParse } from './languages/python';
import { TYPESCRIPT_TREE_MEMO, typescriptTreeOf } from './languages/typescript-ast';
import type * as Typescript from 'typescript';
import type { Parser } from '@vscode/tree-sitter-wasm';
import { SILENT_LOGGER, type Logger } from './log';
import { compileGlobs, type Glob } from './glob';
import {
  NO_PROJECT_FACTS,
  passesKeywordFilter,
  ruleAppliesTo,
  type ProjectFactName,
  type ProjectFacts,
  type Rule,
  type RuleContext,
  type RuleFile,
} from './rule';
import { allRules } from './rules';
import { LineIndex } from './text';
import type { Finding, Report } from './types';

export interface AnalyzeInput {
  /** Relative to the workspace (scan) root, `/`-separated. */
  path: string;
  text: string;
  /** From the editor's languageId; otherwise derived from the file name. */
  language?: LanguageKind;
  /** Whether git ignores the file (the caller knows; rules cannot run git). */
  ignoredByGit?: boolean;
}

export interface AnalyzeOptions {
  config?: LastlineConfig;
  rules?: readonly Rule[];
  cancellation?: Cancellation;
  log?: Logger;
  project?: ProjectFacts;
}

export interface RuleError {
  ruleId: string;
  message: string;
  /** The rule (or the parser under it) ran out of stack: the code is nested deeper than this thread's stack allows. */
  outOfStack?: boolean;
}

export interface AnalysisResult {
  findings: Finding[];
  ruleErrors: RuleError[];
  /** Set when the file did not parse; rules that need structure skipped it. */
  parseProblem?: ParseProblem;
  /**
   * The project facts the rules read for this file (absent when none): a cached result holds only
   * while these are unchanged.
   */
  projectFactsRead?: ProjectFactName[];
}

/** @throws CancelledError when `cancellation` is requested before the analysis finished. */
export async function analyze(input: AnalyzeInput, options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const config = options.config ?? defaultConfig();
  const cancellation = options.cancellation ?? NEVER_CANCELLED;
  const log = options.log ?? SILENT_LOGGER;
  const language = input.language ?? languageFromFileName(input.path);

  const candidates = (options.rules ?? allRules).filter((rule) => config.rules[rule.meta.id]?.level !== 'off' && ruleAppliesTo(rule.meta, language));
  const keywords = keywordsPresent(
    input.text,
    candidates.flatMap((rule) => rule.meta.keywords ?? []),
  );
  const rules = candidates.filter((rule) => passesKeywordFilter(rule.meta, keywords));
  const result: AnalysisResult = { findings: [], ruleErrors: [] };
  if (rules.length === 0) return result;

  let isTestFile: boolean | undefined;
  const file: RuleFile = {
    path: input.path,
    language,
    text: input.text,
    lines: new LineIndex(input.text),
    // Matched on first use: only reports read it, and most files report nothing (matching the
    // test globs for every file was ~4% of a whole-tree secret scan).
    get isTestFile() {
      return (isTestFile ??= testFileMatchers(config).some((glob) => glob.match(input.path)));
    },
    ignoredByGit: input.ignoredByGit ?? false,
    keywords,
  };
  const factsRead = new Set<ProjectFactName>();
  const shared = { project: recordingReads(options.project ?? NO_PROJECT_FACTS, factsRead), memo: new Map<string, unknown>() };
  const parses = new LazyParses(file, shared.memo);
  try {
    if (language === 'python') {
      // tree-sitter's WASM loads asynchronously (once per process); parsing is then synchronous
      // and lazy like the other parses, so rules stay synchronous.
      parses.pythonParser = await loadPythonParser();
    }
    // Rules that judge other findings (suppressions) run last, over the allowlist-filtered findings.
    const ordered = [...rules.filter((rule) => !rule.meta.needsFindings), ...rules.filter((rule) => rule.meta.needsFindings)];
    for (const rule of ordered) {
      if (cancellation.isCancellationRequested) throw new CancelledError();
      runRule(rule, file, parses, shared, config, result, log);
    }
    result.parseProblem = parses.problem();
    // The rules that need the syntax tree did not run: the file was not looked at, not found clean.
    if (result.parseProblem?.beyondParser) {
      log.error(`${file.path}: ${result.parseProblem.message}; the rules that read the syntax tree did not run`);
      result.ruleErrors.push({ ruleId: 'parser', message: result.parseProblem.message, ...(result.parseProblem.outOfStack ? { outOfStack: true } : {}) });
    }
  } finally {
    parses.dispose();
  }

  if (factsRead.size > 0) result.projectFactsRead = [...factsRead].sort();
  result.findings = result.findings
    .filter((finding) => !isAllowlisted(finding, config))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId));
  return result;
}

/** Every project fact by name: a Record, so that a fact added to ProjectFacts must be listed here. */
const PROJECT_FACT_NAMES: Record<ProjectFactName, true> = { envVariables: true, routes: true, dependencies: true };

/** The project's facts, noting in `read` each one a rule reads. */
function recordingReads(project: ProjectFacts, read: Set<ProjectFactName>): ProjectFacts {
  const recording = {} as ProjectFacts;
  for (const name of Object.keys(PROJECT_FACT_NAMES) as ProjectFactName[]) {
    Object.defineProperty(recording, name, {
      enumerable: true,
      get: () => {
        read.add(name);
        return project[name];
      },
    });
  }
  return recording;
}

interface SharedState {
  project: ProjectFacts;
  memo: Map<string, unknown>;
}

function runRule(rule: Rule, file: RuleFile, parses: LazyParses, shared: SharedState, config: LastlineConfig, result: AnalysisResult, log: Logger): void {
  const setting = config.rules[rule.meta.id];
  const reports: Report[] = [];
  const context: RuleContext = {
    file,
    options: setting?.options ?? {},
    javascript: () => parses.javascript(),
    python: () => parses.python(),
    config: () => parses.config(),
    project: shared.project,
    memo: (key, compute) => memoized(shared.memo, key, compute),
    report: (report) => reports.push(report),
    findings: () => {
      if (!rule.meta.needsFindings) throw new Error(`rule ${rule.meta.id} reads findings without declaring needsFindings`);
      return result.findings.filter((finding) => !isAllowlisted(finding, config));
    },
  };
  try {
    rule.check(context);
  } catch (error) {
    // The parser gave up on the file: one problem for the file, not a failure of each rule.
    const parserGaveUp = typescriptParserGaveUp(error);
    if (parserGaveUp) {
      parses.gaveUp(parserGaveUp);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    log.error(`rule ${rule.meta.id} failed on ${file.path}: ${message}`);
    result.ruleErrors.push({ ruleId: rule.meta.id, message, ...(isStackOverflow(error) ? { outOfStack: true } : {}) });
    return; // a half-finished rule may have reported from a misread; drop its reports
  }
  const level = setting?.level;
  for (const report of reports) {
    const flagged = report.fingerprintText ?? file.text.slice(file.lines.offsetAt(report.range.start), file.lines.offsetAt(report.range.end));
    const salt = rule.meta.category === 'inline-secret' ? config.fingerprintSalt : undefined;
    const fingerprint = fingerprintOf(rule.meta.id, flagged, salt);
    const fixes = report.fixes ?? [];
    if (rule.meta.offerAllowlist) {
      fixes.push({
        title: rule.meta.allowlistTitle ?? 'Record as a false positive in .lastline.json…',
        safe: false,
        edits: [],
        allowlist: { fingerprint, rule: rule.meta.id },
      });
    }
    const finding: Finding = {
      ruleId: rule.meta.id,
      category: rule.meta.category,
      severity: level && level !== 'off' ? level : (report.severity ?? rule.meta.defaultSeverity),
      message: report.message,
      range: report.range,
      ...(report.related?.length ? { related: report.related } : {}),
      fixes,
      fingerprint,
    };
    // Allowlist entries recorded before secrets were salted hold the unsalted fingerprint: they keep working.
    if (salt !== undefined) unsaltedFingerprints.set(finding, fingerprintOf(rule.meta.id, flagged));
    result.findings.push(finding);
  }
}

const compiledTestGlobs = new WeakMap<LastlineConfig, Glob[]>();

function testFileMatchers(config: LastlineConfig): Glob[] {
  let matchers = compiledTestGlobs.get(config);
  if (!matchers) {
    matchers = compileGlobs(config.testFiles);
    compiledTestGlobs.set(config, matchers);
  }
  return matchers;
}

/** The unsalted fingerprint of a salted (secret) finding, for allowlist entries made before salting. */
const unsaltedFingerprints = new WeakMap<Finding, string>();

function isAllowlisted(finding: Finding, config: LastlineConfig): boolean {
  const unsalted = unsaltedFingerprints.get(finding);
  return config.allowlist.some(
    (entry) => (entry.fingerprint === finding.fingerprint || entry.fingerprint === unsalted) && (!entry.rule || entry.rule === finding.ruleId),
  );
}

/** One analysis' shared values (RuleContext.memo): computed on first ask. */
/** A computation that threw: kept so that the next rule asking gets the same error without redoing it. */
class MemoizedFailure {
  constructor(readonly error: unknown) {}
}

function memoized<T>(memo: Map<string, unknown>, key: string, compute: () => T): T {
  if (!memo.has(key)) {
    try {
      memo.set(key, compute());
    } catch (error) {
      // A parse that gave up after its whole step budget must not be paid again by every rule.
      memo.set(key, new MemoizedFailure(error));
    }
  }
  const value = memo.get(key);
  if (value instanceof MemoizedFailure) throw value.error;
  return value as T;
}

/** Parses on first use and shares the result between rules; frees tree-sitter's WASM memory after. */
class LazyParses {
  private js?: JsParse;
  private py?: PythonParse;
  private cfg?: ConfigDocument;
  private treeProblem?: ParseProblem;
  pythonParser?: Parser;

  constructor(
    private readonly file: RuleFile,
    private readonly memo: Map<string, unknown>,
  ) {}

  /** The file's TypeScript tree, kept where typescriptSourceFile(context) looks for it. */
  private typescriptTree(): Typescript.SourceFile {
    return memoized(this.memo, TYPESCRIPT_TREE_MEMO, () => typescriptTreeOf(this.file));
  }

  javascript(): JsParse {
    if (!JS_LANGUAGES.has(this.file.language)) throw new Error(`${this.file.path} is not JavaScript/TypeScript`);
    // The TypeScript tree under the ESTree is the one the suppression rule reads: one parse.
    return (this.js ??= parseJavaScript(this.file.text, this.file.language as SourceLanguage, this.file.path, () => this.typescriptTree()));
  }

  python(): PythonParse {
    if (!this.pythonParser) throw new Error(`${this.file.path} is not Python`);
    return (this.py ??= parsePythonWith(this.pythonParser, this.file.text));
  }

  config(): ConfigDocument {
    if (!CONFIG_FORMATS.has(this.file.language)) throw new Error(`${this.file.path} is not a config file`);
    return (this.cfg ??= readConfig(this.file.text, this.file.language as ConfigFormat));
  }

  /** A rule's own read of the TypeScript tree found that the parser gave up. */
  gaveUp(problem: ParseProblem): void {
    this.treeProblem ??= problem;
  }

  problem(): ParseProblem | undefined {
    if (this.js?.problem) return this.js.problem;
    if (this.treeProblem) return this.treeProblem;
    if (this.py?.structureLost) {
      // The whole file is one error region: the rules read nothing from it (isInsideError).
      return {
        message:
          "the Python parser could not make out the file's structure (a syntax error it could not recover from, or code nested beyond its limits such as 300 nested f-strings): nothing in it was analysed",
        offset: firstErrorOffset(this.py),
        beyondParser: true,
      };
    }
    if (this.py?.hasError) return { message: 'Python syntax error', offset: firstErrorOffset(this.py) };
    return undefined;
  }

  dispose(): void {
    this.py?.tree.delete();
  }
}

function firstErrorOffset(parse: PythonParse): number {
  const cursor = parse.tree.rootNode;
  const error = cursor.descendantsOfType('ERROR')[0];
  return error ? error.startIndex : 0;
}
