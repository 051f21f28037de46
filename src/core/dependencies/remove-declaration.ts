// The edit that removes one dependency declaration from its file (the unknown-dependency fix),
// leaving the file valid — or undefined where no clean removal exists, and no fix is offered:
// - package.json: the property, with the comma that joins it to its neighbours;
// - requirements files: the requirement's logical line, its `\` continuations (`--hash=` lines)
//   and pip-compile's `# via` lines after it included;
// - pyproject.toml, Pipfile: a requirement string of an array (PEP 621, PEP 735) with its comma;
//   a package's `name = …` statement (a string, an inline table, or Poetry's array of
//   constraints, all of which go); a `[….name]` table of its own. Dotted keys spread over several
//   statements (`name.version = …`, `name.extras = …`) are left alone.
import { jsonPropertyRemoval } from '../languages/config/json-edits';
import type { Span } from '../languages/config/model';
import { arrayElementRemoval, statementRemoval, tableRemoval } from '../languages/config/toml-edits';
import { readTomlStatements } from '../languages/config/toml-statements';
import type { DeclarationSyntax } from './manifests';
import type { DeclaredDependency } from './model';
import { requirementRemoval } from './requirements';

export function removalOf(text: string, dependency: Pick<DeclaredDependency, 'span' | 'displayName' | 'partOf'>, syntax: DeclarationSyntax): Span | undefined {
  switch (syntax) {
    case 'json':
      return jsonPropertyRemoval(text, dependency.span);
    case 'requirements':
      return requirementRemoval(text, dependency.span);
    case 'toml':
      return tomlRemoval(text, dependency);
  }
}

function tomlRemoval(text: string, dependency: Pick<DeclaredDependency, 'span' | 'displayName' | 'partOf'>): Span | undefined {
  const span = dependency.partOf ?? dependency.span;
  const statements = readTomlStatements(text);
  const statement = statements.find((candidate) => candidate.span.start <= span.start && span.end <= candidate.span.end);
  if (!statement) return undefined;
  const element = dependency.partOf
    ? -1
    : (statement.elements?.findIndex((candidate) => candidate.string && candidate.span.start <= span.start && span.end <= candidate.span.end) ?? -1);
  if (element !== -1) return arrayElementRemoval(text, statement.elements!, element);
  const table = statement.table?.path ?? [];
  // Only a statement of one key, right in its table: `name = …`, or `version = …` in `[….name]`.
  if (statement.keyPath.length !== table.length + 1) return undefined;
  const key = statement.keyPath[statement.keyPath.length - 1];
  if (key === dependency.displayName) return statementRemoval(text, statement);
  const header = statement.table;
  if (key !== 'version' || !header || table[table.length - 1] !== dependency.displayName) return undefined;
  // Nothing of the package outside its table (`[….name.source]`, say): else the rest would stay behind.
  const outside = statements.some((other) => other.table?.span.start !== header.span.start && startsWith(other.keyPath, table));
  return outside ? undefined : tableRemoval(text, statements, header);
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((segment, index) => path[index] === segment);
}
