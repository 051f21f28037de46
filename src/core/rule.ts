// A rule is metadata plus one `check` function (typescript-eslint's shape). Rules see the file
// through RuleContext, which parses lazily: a rule that only needs text never pays for a parse.
import type { ConfigDocument } from './languages/config/model';
import type { JsParse } from './languages/javascript';
import type { LanguageKind } from './languages/language';
import type { PythonParse } from './languages/python';
import type { DependencyFacts } from './dependencies/model';
import type { RouteIndex } from './routes/route-index';
import type { LineIndex } from './text';
import type { Category, Finding, Report, Severity } from './types';

export interface RuleMeta {
  /** kebab-case; equal to the rule's file name under src/core/rules/. */
  id: string;
  category: Category;
  defaultSeverity: Severity;
  /** One sentence: what the rule finds. Shown in the README, SARIF and hovers. */
  description: string;
  fixable: boolean;
  /** Languages the rule reads; `all` for text-level rules that apply to any file. */
  languages: 'all' | readonly LanguageKind[];
  /**
   * Cheap pre-filter, as gitleaks does: the rule runs only on files containing at least one of
   * these substrings (case-sensitive). Omit to always run.
   */
  keywords?: readonly string[];
  /**
   * Findings get a second fix that records them as accepted in `.lastline.json` (by fingerprint,
   * with a reason the user gives) — for rules whose false positives only a person can judge.
   */
  offerAllowlist?: boolean;
  /** Title of that fix when "false positive" is the wrong word (an open route marked public on purpose). */
  allowlistTitle?: string;
  /**
   * The rule judges other rules' findings (a suppression that hides one is worse): it runs after
   * every other rule and reads their findings through `context.findings()`.
   */
  needsFindings?: boolean;
}

export interface RuleFile {
  /** Path relative to the workspace (scan) root, `/`-separated. */
  path: string;
  language: LanguageKind;
  text: string;
  lines: LineIndex;
  /** Matches the config's `testFiles` globs: rules may report at a lower severity there. */
  isTestFile: boolean;
  /** Git ignores this file (it will not be committed); false when unknown. */
  ignoredByGit: boolean;
  /** Which of the running rules' `keywords` occur in the text (found once per file). */
  keywords: ReadonlySet<string>;
}

/** Facts about the project beyond the analysed file, gathered once by the caller (CLI, editor). */
export interface ProjectFacts {
  /** Variables defined in the project's `.env` (name → value), for collision-free env names. */
  envVariables: ReadonlyMap<string, string>;
  /** Route summaries of the project's files, for rules that judge a route by its app (cross-file mounts, guards). */
  routes?: RouteIndex;
  /** The project's dependencies and their advisories, looked up before the rules run. */
  dependencies?: DependencyFacts;
}

export type ProjectFactName = keyof ProjectFacts;

export const NO_PROJECT_FACTS: ProjectFacts = { envVariables: new Map() };

export interface RuleContext {
  readonly file: RuleFile;
  /** Per-rule options from `.lastline.json` (`rules.<id>.options`). */
  readonly options: Readonly<Record<string, unknown>>;
  /** JS/TS parse, made on first call; only for JS_LANGUAGES. */
  javascript(): JsParse;
  /** Python parse (tree-sitter), made on first call; only for Python files. */
  python(): PythonParse;
  /** Config-format reading; only for CONFIG_FORMATS. */
  config(): ConfigDocument;
  readonly project: ProjectFacts;
  /**
   * Computes a value once per analysed file and shares it between rules (e.g. the string
   * literals several secret rules read).
   */
  memo<T>(key: string, compute: () => T): T;
  /** Findings of the rules that ran before this one (only for rules with `needsFindings`). */
  findings(): readonly Finding[];
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export function ruleAppliesTo(meta: RuleMeta, language: LanguageKind): boolean {
  return meta.languages === 'all' || meta.languages.includes(language);
}

export function passesKeywordFilter(meta: RuleMeta, present: ReadonlySet<string>): boolean {
  return !meta.keywords || meta.keywords.some((keyword) => present.has(keyword));
}
