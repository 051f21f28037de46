// The dependency file under analysis, read once per analysis however many dependency rules ask
// (its kind by name, or as a requirements file another one includes).
import { dependencyFileKindIn, type DeclarationSyntax, type DependencyFileRead } from './manifests';
import type { DependencyFacts } from './model';

/** What this needs of a rule's context (said structurally: rule.ts depends on this folder's model). */
interface AnalysisContext {
  file: { path: string; text: string };
  project: { dependencies?: DependencyFacts };
  memo<T>(key: string, compute: () => T): T;
}

/** The file's declarations and lock entries (and a manifest's syntax) with the project's dependency facts; undefined when either is missing. */
export function dependencyFileInAnalysis(
  context: AnalysisContext,
): { read: DependencyFileRead; facts: DependencyFacts; syntax?: DeclarationSyntax } | undefined {
  const facts = context.project.dependencies;
  const kind = dependencyFileKindIn(context.file.path, facts);
  if (!kind || !facts) return undefined;
  return { read: context.memo('dependencies:file', () => kind.read(context.file.text)), facts, ...(kind.syntax ? { syntax: kind.syntax } : {}) };
}
