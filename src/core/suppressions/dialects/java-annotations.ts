// Suppression annotations of Java and Kotlin, read in code:
// - `@SuppressWarnings("…")` / `({"…", "…"})` / `(value = …)`: javac's lint names, SonarQube's
//   rule keys (`java:S2077`, legacy `squid:S2077`), PMD's (`PMD`, `PMD.Rule`), Checkstyle's
//   (`checkstyle:name`), IntelliJ's and Error Prone's check names; `"all"` silences them all.
// - Kotlin's `@Suppress("…")`, also `@file:Suppress(…)` for the whole file: compiler warnings,
//   detekt, ktlint, SonarQube (`kotlin:S…`), Android Lint.
// - Android's `@SuppressLint("…")`: Android Lint issue ids, `"all"` for every one.
// - SpotBugs' `@SuppressFBWarnings(value = "…", justification = "…")`: bug patterns and their
//   prefixes (`SQL` covers `SQL_INJECTION_JDBC`); without a value, every pattern.
// Each covers the declaration it annotates. The reason is SpotBugs' `justification`, or a comment
// after the annotation on its line.
import type { Annotation, ArgumentValue, LexicalStructure } from '../../languages/lexical';
import { findAtAnnotations } from '../../languages/lexical';
import type { DirectiveSite, SuppressionTool } from '../model';
import { codeSite } from './code-site';
import { makeDirective } from './scan';

const JAVA_NAMES: ReadonlySet<string> = new Set(['SuppressWarnings', 'SuppressLint', 'SuppressFBWarnings']);
const KOTLIN_NAMES: ReadonlySet<string> = new Set(['Suppress', 'SuppressWarnings', 'SuppressLint', 'SuppressFBWarnings']);

export function javaAnnotationDirectives(structure: LexicalStructure): DirectiveSite[] {
  const kotlin = structure.scan.language === 'kotlin';
  const sites: DirectiveSite[] = [];
  for (const annotation of findAtAnnotations(structure, kotlin ? KOTLIN_NAMES : JAVA_NAMES)) {
    const tool = toolOf(annotation, kotlin);
    const values = argumentValues(annotation, tool === 'spotbugs' ? 'value' : undefined);
    if (values.length === 0 && tool !== 'spotbugs') continue; // names nothing: silences nothing
    const ids = values.map((value) => value.text);
    const justification = tool === 'spotbugs' ? argumentValues(annotation, 'justification', true)[0]?.text.trim() : undefined;
    const { site, reason: comment } = codeSite(structure, annotation.start, annotation.end);
    const reason = justification || comment;
    const length = annotation.end - annotation.start;
    sites.push({
      comment: site,
      directive: makeDirective({
        tool,
        scope: annotation.target === 'file' ? 'file' : 'declaration',
        ids: ids.includes('all') ? [] : ids,
        start: 0,
        end: comment ? site.end - site.start : length,
        reason,
        ...reasonInsertion(annotation, tool, site.ownLine && !comment),
      }),
    });
  }
  return sites;
}

function toolOf(annotation: Annotation, kotlin: boolean): SuppressionTool {
  if (annotation.simpleName === 'SuppressLint') return 'android-lint';
  if (annotation.simpleName === 'SuppressFBWarnings') return 'spotbugs';
  return kotlin ? 'kotlin' : 'java';
}

/** The values of the argument named `name` (or, unless `namedOnly`, of the positional ones). */
function argumentValues(annotation: Annotation, name: string | undefined, namedOnly = false): ArgumentValue[] {
  return annotation.args
    .filter((arg) => (arg.name === undefined ? !namedOnly : arg.name === name || (name === undefined && (arg.name === 'value' || arg.name === 'names'))))
    .flatMap((arg) => arg.values);
}

/** Where a reason goes: SpotBugs' `justification` argument, or a comment after an annotation alone on its line. */
function reasonInsertion(
  annotation: Annotation,
  tool: SuppressionTool,
  commentFits: boolean,
): { reasonInsertAt?: number; reasonSeparator?: string; reasonTerminator?: string } {
  if (tool === 'spotbugs') {
    if (annotation.close === undefined)
      return { reasonInsertAt: annotation.end - annotation.start, reasonSeparator: '(justification = "', reasonTerminator: '")' };
    const separator = annotation.args.length > 0 ? ', justification = "' : 'justification = "';
    return { reasonInsertAt: annotation.close - annotation.start, reasonSeparator: separator, reasonTerminator: '"' };
  }
  return commentFits ? { reasonInsertAt: annotation.end - annotation.start, reasonSeparator: ' // ' } : {};
}
