// One analysed JS/TS file with the helpers every pass shares (bindings, imports, string resolver,
// taint, the callers of its functions and the outside values a command may be), built once per file
// and shared between the query and the command rule.
import type { SourceLanguage } from '../../languages/language';
import type { RuleContext } from '../../rule';
import type { LineIndex } from '../../text';
import { Bindings } from './bindings';
import { Callers } from './callers';
import { ModuleImports } from './imports';
import { prevailingQuote, type Quote } from './literals';
import { OutsideValues } from './outside-value';
import { StringResolver } from './resolve-string';
import { TaintTracker } from './taint';
import { SyntaxTree } from './tree';

export interface AnalysisFile {
  tree: SyntaxTree;
  bindings: Bindings;
  imports: ModuleImports;
  resolver: StringResolver;
  taint: TaintTracker;
  callers: Callers;
  outside: OutsideValues;
  lines: LineIndex;
  path: string;
  language: SourceLanguage;
  /** The quote new string literals use. */
  quote: Quote;
}

/** Undefined when the file does not parse: no structure, no findings. */
export function analysisFileOf(context: RuleContext): AnalysisFile | undefined {
  return context.memo('queries:javascript-file', () => {
    const parse = context.javascript();
    if (!parse.ast) return undefined;
    const { text, lines, path, language } = context.file;
    const tree = new SyntaxTree(parse.ast, text);
    const bindings = new Bindings(tree);
    const imports = new ModuleImports(tree, bindings);
    const taint = new TaintTracker(tree, bindings);
    const callers = new Callers(tree, bindings);
    let quote: Quote | undefined;
    return {
      tree,
      bindings,
      imports,
      resolver: new StringResolver(tree, bindings, imports),
      taint,
      callers,
      outside: new OutsideValues(tree, bindings, taint, callers),
      lines,
      path,
      language: language as SourceLanguage,
      // Only fixes need it: worked out on first use, from the string literals of the AST.
      get quote() {
        return (quote ??= prevailingQuote(tree, text));
      },
    };
  });
}
