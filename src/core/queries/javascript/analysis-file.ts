// One analysed JS/TS file with the helpers every pass shares (bindings, imports, string resolver,
// taint), built once per file and shared between the query and the command rule.
import type { SourceLanguage } from '../../languages/language';
import type { RuleContext } from '../../rule';
import type { LineIndex } from '../../text';
import { Bindings } from './bindings';
import { ModuleImports } from './imports';
import { prevailingQuote, type Quote } from './literals';
import { StringResolver } from './resolve-string';
import { TaintTracker } from './taint';
import { SyntaxTree } from './tree';

export interface AnalysisFile {
  tree: SyntaxTree;
  bindings: Bindings;
  imports: ModuleImports;
  resolver: StringResolver;
  taint: TaintTracker;
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
    let quote: Quote | undefined;
    return {
      tree,
      bindings,
      imports,
      resolver: new StringResolver(tree, bindings, imports),
      taint: new TaintTracker(tree, bindings),
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
