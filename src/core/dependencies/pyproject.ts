// pyproject.toml: PEP 621's `[project] dependencies` and `[project.optional-dependencies]`, PEP
// 735's `[dependency-groups]` (where `uv add --dev` writes), all arrays of PEP 508 strings; and
// Poetry's `[tool.poetry.dependencies]`, `[tool.poetry.group.<g>.dependencies]` and the older
// `[tool.poetry.dev-dependencies]` (`"^2.2"` or `{ version = "^2.2", extras = […] }`), without
// the `python` requirement. Poetry's `^` and `~` are ranges; `"2.2.2"` and `"==2.2.2"` are pins.
import type { DeclaredDependency } from './model';
import { readPackageTables } from './python-tables';
import { readRequirement } from './requirements';
import { readTomlStatements } from '../languages/config/toml-statements';
import { isVersion } from './versions';

export function readPyproject(text: string): DeclaredDependency[] {
  const declared: DeclaredDependency[] = [];
  const statements = readTomlStatements(text);
  for (const statement of statements) {
    if (!statement.strings || !isRequirementList(statement.keyPath)) continue;
    for (const string of statement.strings) {
      // Read as written, so that offsets are the file's: an escape can only be in the markers
      // (`; python_version < \"3.8\"`), which are not read; one before them leaves the string out.
      const raw = text.slice(string.span.start, string.span.end);
      if (/\\/.test(raw.split(';')[0])) continue;
      const dependency = readPep508(raw, string.span.start);
      if (dependency) declared.push(dependency);
    }
  }
  const poetry = readPackageTables(text, { tableDepth: poetryTableDepth, pinnedOf: poetryPin, constraintArrays: true }, statements).filter(
    (dependency) => dependency.name !== 'python',
  );
  return [...declared, ...poetry].sort((a, b) => a.span.start - b.span.start);
}

function isRequirementList(keyPath: readonly string[]): boolean {
  const [first, second] = keyPath;
  if (first === 'project') return (keyPath.length === 2 && second === 'dependencies') || (keyPath.length === 3 && second === 'optional-dependencies');
  return first === 'dependency-groups' && keyPath.length === 2;
}

/**
 * A PEP 508 string at `offset`. Its version may stand in parentheses, as Poetry 2 writes them
 * (`requests (>=2.32.3,<3.0.0)`): they become blanks, so the offsets stay the file's.
 */
function readPep508(written: string, offset: number): DeclaredDependency | undefined {
  const lead = written.length - written.trimStart().length;
  const requirement = written.slice(lead);
  const marker = requirement.indexOf(';');
  const head = marker === -1 ? requirement : requirement.slice(0, marker);
  const unwrapped = head.replace(
    /^([^\s()[\]]+\s*(?:\[[^\]]*\]\s*)?)\(([^()]*)\)(\s*)$/,
    (_, name: string, inner: string, blanks: string) => `${name} ${inner} ${blanks}`,
  );
  return readRequirement(unwrapped + requirement.slice(head.length), offset + lead);
}

/** `tool.poetry.dependencies`, `tool.poetry.dev-dependencies`, `tool.poetry.group.<g>.dependencies`. */
function poetryTableDepth(keyPath: readonly string[]): number | undefined {
  if (keyPath[0] !== 'tool' || keyPath[1] !== 'poetry') return undefined;
  if (keyPath[2] === 'dependencies' || keyPath[2] === 'dev-dependencies') return 3;
  return keyPath[2] === 'group' && keyPath[4] === 'dependencies' ? 5 : undefined;
}

/** Poetry pins with `==`, `=` or a bare version; `^`, `~`, `*` and wildcards are ranges. */
function poetryPin(spec: string): string | undefined {
  const version = /^(?:==?)?\s*([^\s*,|<>=!^~]+)$/.exec(spec.trim())?.[1];
  return version && isVersion('PyPI', version) ? version : undefined;
}
